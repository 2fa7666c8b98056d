//! How model values are written for readers. Pure functions, tested natively.

use minutes_core::{Attendee, Group, MeetingDate, Minutes, Paragraph, Speech};

/// The Japanese label of a group.
pub fn group_label(group: Group) -> &'static str {
    match group {
        Group::Minister => "閣僚",
        Group::Expert => "有識者本部員",
        Group::Official => "政府関係者",
    }
}

/// The group's token for `data-group` attributes and CSS.
pub fn group_key(group: Group) -> &'static str {
    match group {
        Group::Minister => "minister",
        Group::Expert => "expert",
        Group::Official => "official",
    }
}

/// An attendee's offices in the headquarters as printed beside the role, `（本部長）`;
/// `None` when they hold none.
pub fn offices(attendee: &Attendee) -> Option<String> {
    let names: Vec<&str> = attendee.offices.iter().map(|o| o.name.as_str()).collect();
    (!names.is_empty()).then(|| format!("（{}）", names.join("・")))
}

/// The date with era and Western year, e.g. `平成27年（2015年）2月10日（火）`.
///
/// Falls back to the printed line when the ISO date cannot be read, so a reader always
/// sees what the minutes say.
pub fn date_ja(date: &MeetingDate) -> String {
    let Some((y, m, d)) = ymd(&date.date) else {
        return date.printed.clone();
    };
    let weekday = date
        .weekday
        .as_deref()
        .map(|w| format!("（{w}）"))
        .unwrap_or_default();
    match (&date.era, date.era_year) {
        (Some(era), Some(ey)) => format!("{era}{ey}年（{y}年）{m}月{d}日{weekday}"),
        _ => format!("{y}年{m}月{d}日{weekday}"),
    }
}

/// The time span, e.g. `17:00〜18:00`, from the ISO start and end.
pub fn time_span(date: &MeetingDate) -> Option<String> {
    let start = hm(date.start.as_deref()?)?;
    Some(match date.end.as_deref().and_then(hm) {
        Some(end) => format!("{start}〜{end}"),
        None => start.to_string(),
    })
}

/// A Japanese citation: the quoted paragraph (when one is cited), the speaker and role,
/// the body, meeting and date, and the permalink.
///
/// ```text
/// 「…」
/// — 村井 純（慶應義塾大学教授）の発言、サイバーセキュリティ戦略本部 第1回会合 議事概要、平成27年（2015年）2月10日（火）
/// https://example.org/#sec-2-murai-jun-p3
/// ```
pub fn citation(
    minutes: &Minutes,
    speech: Option<&Speech>,
    paragraph: Option<&Paragraph>,
    url: &str,
) -> String {
    let who = speech.map(
        |s| match s.speaker.as_deref().and_then(|id| minutes.attendee(id)) {
            Some(a) => format!("{}（{}）の発言、", a.name, a.role),
            None => format!("{}の発言、", s.designation),
        },
    );
    let source = format!(
        "{}{} {}、{}",
        who.unwrap_or_default(),
        minutes.body,
        minutes.title,
        date_ja(&minutes.date)
    );
    match paragraph {
        Some(p) => format!("「{}」\n— {source}\n{url}", p.text),
        None => format!("{source}\n{url}"),
    }
}

fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let mut parts = iso.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

fn hm(iso: &str) -> Option<&str> {
    // `2015-02-10T17:00:00+09:00` → `17:00`
    iso.get(11..16)
        .filter(|s| s.as_bytes().get(2) == Some(&b':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(
        era: Option<(&str, u32)>,
        iso: &str,
        start: Option<&str>,
        end: Option<&str>,
    ) -> MeetingDate {
        MeetingDate {
            printed: "printed".into(),
            era: era.map(|e| e.0.to_string()),
            era_year: era.map(|e| e.1),
            date: iso.into(),
            weekday: Some("火".into()),
            start: start.map(Into::into),
            end: end.map(Into::into),
        }
    }

    #[test]
    fn era_date_shows_both_years() {
        let d = date(Some(("平成", 27)), "2015-02-10", None, None);
        assert_eq!(date_ja(&d), "平成27年（2015年）2月10日（火）");
    }

    #[test]
    fn western_date_has_no_era() {
        let d = date(None, "2015-02-10", None, None);
        assert_eq!(date_ja(&d), "2015年2月10日（火）");
    }

    // Guards against a garbled ISO date hiding the date altogether.
    #[test]
    fn unreadable_iso_date_falls_back_to_printed() {
        let d = date(None, "20x5", None, None);
        assert_eq!(date_ja(&d), "printed");
    }

    #[test]
    fn citation_of_a_paragraph_quotes_it_and_names_speaker_role_meeting_date_link() {
        let m = crate::data::minutes().unwrap();
        let (_, speech) = m
            .speeches()
            .find(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
            .unwrap();
        let p = &speech.paragraphs[0];
        let c = citation(m, Some(speech), Some(p), "https://example.org/#x");
        assert_eq!(
            c,
            format!(
                "「{}」\n— 村井 純（慶應義塾大学教授）の発言、サイバーセキュリティ戦略本部 第1回会合 議事概要、平成27年（2015年）2月10日（火）\nhttps://example.org/#x",
                p.text
            )
        );
        let whole = citation(m, Some(speech), None, "u");
        assert!(
            whole.starts_with("村井 純（慶應義塾大学教授）の発言、"),
            "{whole}"
        );
    }

    #[test]
    fn time_span_from_iso() {
        let d = date(
            None,
            "2015-02-10",
            Some("2015-02-10T17:00:00+09:00"),
            Some("2015-02-10T18:00:00+09:00"),
        );
        assert_eq!(time_span(&d).as_deref(), Some("17:00〜18:00"));
        let open_ended = date(None, "2015-02-10", Some("2015-02-10T17:00:00+09:00"), None);
        assert_eq!(time_span(&open_ended).as_deref(), Some("17:00"));
        assert_eq!(time_span(&date(None, "2015-02-10", None, None)), None);
    }
}
