//! How model values are written for readers. Pure functions, tested natively.

use minutes_core::calendar::{WEEKDAYS_EN, weekday_index};
use minutes_core::{Attendee, Group, MeetingDate, Minutes, Paragraph, Speech};

use crate::i18n::Lang;

/// The group's token for `data-group` attributes and CSS.
pub fn group_key(group: Group) -> &'static str {
    match group {
        Group::Minister => "minister",
        Group::Expert => "expert",
        Group::Official => "official",
    }
}

/// An attendee's offices in the headquarters, written beside the role: `（本部長）`,
/// ` (Head)`; `None` when they hold none.
pub fn offices(attendee: &Attendee, lang: Lang) -> Option<String> {
    let names: Vec<String> = attendee
        .offices
        .iter()
        .map(|o| lang.office(&o.name))
        .collect();
    (!names.is_empty()).then(|| match lang {
        Lang::Ja => format!("（{}）", names.join("・")),
        Lang::En => format!(" ({})", names.join(", ")),
    })
}

/// The meeting's date in `lang`: [`date_ja`], or `Tuesday, 10 February 2015 (Heisei 27)`.
pub fn date(date: &MeetingDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => date_ja(date),
        Lang::En => date_en(date),
    }
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

/// The date in English, e.g. `Tuesday, 10 February 2015 (Heisei 27)`; the printed line
/// when the ISO date cannot be read.
fn date_en(date: &MeetingDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((y, m, d)) = ymd(&date.date) else {
        return date.printed.clone();
    };
    let Some(month) = m.checked_sub(1).and_then(|i| MONTHS.get(i as usize)) else {
        return date.printed.clone();
    };
    let era = match (date.era.as_deref().and_then(era_en), date.era_year) {
        (Some(era), Some(ey)) => format!(" ({era} {ey})"),
        _ => String::new(),
    };
    let weekday = WEEKDAYS_EN[weekday_index(y as i32, m, d)];
    format!("{weekday}, {d} {month} {y}{era}")
}

/// The Latin name of a Japanese era.
fn era_en(era: &str) -> Option<&'static str> {
    Some(match era {
        "明治" => "Meiji",
        "大正" => "Taishō",
        "昭和" => "Shōwa",
        "平成" => "Heisei",
        "令和" => "Reiwa",
        _ => return None,
    })
}

/// The time span, e.g. `17:00〜18:00` (`17:00–18:00` in English), from the ISO start and
/// end.
pub fn time_span(date: &MeetingDate, lang: Lang) -> Option<String> {
    let start = hm(date.start.as_deref()?)?;
    let dash = match lang {
        Lang::Ja => "〜",
        Lang::En => "–",
    };
    Some(match date.end.as_deref().and_then(hm) {
        Some(end) => format!("{start}{dash}{end}"),
        None => start.to_string(),
    })
}

/// A citation: the quoted paragraph (when one is cited), the speaker and role, the body,
/// meeting and date, and the permalink. The quote and the document's title stay as
/// printed; the rest follows `lang`.
///
/// ```text
/// 「…」
/// — 村井 純（慶應義塾大学教授）の発言、サイバーセキュリティ戦略本部 第1回会合 議事概要、平成27年（2015年）2月10日（火）
/// https://example.org/#sec-2-murai-jun-p3
///
/// “…”
/// — Murai Jun (Professor, Keio University), サイバーセキュリティ戦略本部 第1回会合 議事概要, Tuesday, 10 February 2015 (Heisei 27)
/// https://example.org/#sec-2-murai-jun-p3
/// ```
pub fn citation(
    minutes: &Minutes,
    speech: Option<&Speech>,
    paragraph: Option<&Paragraph>,
    url: &str,
    lang: Lang,
) -> String {
    let speaker = speech.map(
        |s| match s.speaker.as_deref().and_then(|id| minutes.attendee(id)) {
            Some(a) => match lang {
                Lang::Ja => format!("{}（{}）", a.name, a.role),
                Lang::En => format!("{} ({})", lang.name(a), lang.role(a)),
            },
            None => s.designation.clone(),
        },
    );
    let title = format!("{} {}", minutes.body, minutes.title);
    let when = date(&minutes.date, lang);
    let (source, quote) = match lang {
        Lang::Ja => (
            match speaker {
                Some(who) => format!("{who}の発言、{title}、{when}"),
                None => format!("{title}、{when}"),
            },
            paragraph.map(|p| format!("「{}」", p.text)),
        ),
        Lang::En => (
            match speaker {
                Some(who) => format!("{who}, {title}, {when}"),
                None => format!("{title}, {when}"),
            },
            paragraph.map(|p| format!("“{}”", p.text)),
        ),
    };
    match quote {
        Some(q) => format!("{q}\n— {source}\n{url}"),
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

    /// The minutes, 村井 純's speech and its first paragraph.
    fn murai() -> (&'static Minutes, &'static Speech, &'static Paragraph) {
        let m = crate::data::minutes().unwrap();
        let (_, speech) = m
            .speeches()
            .find(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
            .unwrap();
        (m, speech, &speech.paragraphs[0])
    }

    #[test]
    fn citation_of_a_paragraph_quotes_it_and_names_speaker_role_meeting_date_link() {
        let (m, speech, p) = murai();
        let c = citation(m, Some(speech), Some(p), "https://example.org/#x", Lang::Ja);
        assert_eq!(
            c,
            format!(
                "「{}」\n— 村井 純（慶應義塾大学教授）の発言、サイバーセキュリティ戦略本部 第1回会合 議事概要、平成27年（2015年）2月10日（火）\nhttps://example.org/#x",
                p.text
            )
        );
        let whole = citation(m, Some(speech), None, "u", Lang::Ja);
        assert!(
            whole.starts_with("村井 純（慶應義塾大学教授）の発言、"),
            "{whole}"
        );
    }

    #[test]
    fn english_citation_keeps_the_quote_and_title_as_printed() {
        let (m, speech, p) = murai();
        let c = citation(m, Some(speech), Some(p), "https://example.org/#x", Lang::En);
        assert_eq!(
            c,
            format!(
                "“{}”\n— Murai Jun (Professor, Keio University), サイバーセキュリティ戦略本部 第1回会合 議事概要, Tuesday, 10 February 2015 (Heisei 27)\nhttps://example.org/#x",
                p.text
            )
        );
    }

    #[test]
    fn english_date_has_weekday_and_era() {
        let d = date(Some(("平成", 27)), "2015-02-10", None, None);
        assert_eq!(date_en(&d), "Tuesday, 10 February 2015 (Heisei 27)");
        assert_eq!(
            date_en(&date(None, "2019-05-01", None, None)),
            "Wednesday, 1 May 2019"
        );
        assert_eq!(
            date_en(&date(None, "2000-02-29", None, None)),
            "Tuesday, 29 February 2000"
        );
        assert_eq!(date_en(&date(None, "2015-13-01", None, None)), "printed");
    }

    #[test]
    fn time_span_from_iso() {
        let d = date(
            None,
            "2015-02-10",
            Some("2015-02-10T17:00:00+09:00"),
            Some("2015-02-10T18:00:00+09:00"),
        );
        assert_eq!(time_span(&d, Lang::Ja).as_deref(), Some("17:00〜18:00"));
        assert_eq!(time_span(&d, Lang::En).as_deref(), Some("17:00–18:00"));
        let open_ended = date(None, "2015-02-10", Some("2015-02-10T17:00:00+09:00"), None);
        assert_eq!(time_span(&open_ended, Lang::Ja).as_deref(), Some("17:00"));
        assert_eq!(
            time_span(&date(None, "2015-02-10", None, None), Lang::Ja),
            None
        );
    }
}
