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

/// A short date for lists and links: `2015年2月10日`, `10 Feb 2015`; the printed line
/// when the ISO date cannot be read.
pub fn short_date(date: &MeetingDate, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some((y, m, d)) = ymd(&date.date) else {
        return date.printed.clone();
    };
    match lang {
        Lang::Ja => format!("{y}年{m}月{d}日"),
        Lang::En => match m.checked_sub(1).and_then(|i| MONTHS.get(i as usize)) {
            Some(month) => format!("{d} {month} {y}"),
            None => date.printed.clone(),
        },
    }
}

/// A size in bytes as readers say it: `12.3 MB`, `850 KB`.
pub fn size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
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

/// Where a paragraph, or a speech's paragraphs, are printed in the PDF: the first page and
/// the last; `None` for minutes converted from text, which have no pages.
pub fn page_range<'a>(paragraphs: impl IntoIterator<Item = &'a Paragraph>) -> Option<(u32, u32)> {
    paragraphs
        .into_iter()
        .filter_map(Paragraph::pages)
        .fold(None, |range, (first, last)| match range {
            None => Some((first, last)),
            Some((a, b)) => Some((a.min(first), b.max(last))),
        })
}

/// Pages as a citation gives them: `3頁`, `3–4頁`; `p. 3`, `pp. 3–4`.
pub fn pages((first, last): (u32, u32), lang: Lang) -> String {
    match (lang, first == last) {
        (Lang::Ja, true) => format!("{first}頁"),
        (Lang::Ja, false) => format!("{first}–{last}頁"),
        (Lang::En, true) => format!("p. {first}"),
        (Lang::En, false) => format!("pp. {first}–{last}"),
    }
}

/// The URL of the published original (出典), when the minutes name one and it is a web
/// address. The URL comes from the minutes JSON, which anyone can edit: a link to anything
/// else (`javascript:` above all) would run or open whatever it says, so it is not given.
pub fn source_url(minutes: &Minutes) -> Option<&str> {
    let url = minutes.source.as_ref()?.url.as_deref()?;
    let scheme = |s: &str| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    (scheme("https://") || scheme("http://")).then_some(url)
}

/// Who gave `speech`, as a citation or a preview names them: `村井 純（慶應義塾大学教授）`,
/// in English the Latin name with the English role in brackets; the minutes' designation
/// (本部長) when the speaker is not known.
pub fn speaker_named(minutes: &Minutes, speech: &Speech, lang: Lang) -> String {
    match speech
        .speaker
        .as_deref()
        .and_then(|id| minutes.attendee(id))
    {
        Some(a) => match lang {
            Lang::Ja => format!("{}（{}）", a.name, a.role),
            Lang::En => format!("{} ({})", lang.name(a), lang.role(a)),
        },
        None => speech.designation.clone(),
    }
}

/// A citation: the quoted paragraph (when one is cited), the speaker and role, the body,
/// meeting and date, the pages of the PDF it is printed on (when the minutes know them),
/// and the permalink. The quote and the document's title stay as
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
///
/// From a PDF, the pages follow the date: `…2月10日（火）、3頁` (`3–4頁`), `… (Heisei 27),
/// p. 3` (`pp. 3–4`); a whole speech gives the pages from its first paragraph's to its
/// last's. Minutes converted from text (the seed) have no pages, and none is written.
pub fn citation(
    minutes: &Minutes,
    speech: Option<&Speech>,
    paragraph: Option<&Paragraph>,
    url: &str,
    lang: Lang,
) -> String {
    let speaker = speech.map(|s| speaker_named(minutes, s, lang));
    let title = format!("{} {}", minutes.body, minutes.title);
    let printed = match paragraph {
        Some(p) => page_range([p]),
        None => page_range(speech.into_iter().flat_map(|s| &s.paragraphs)),
    };
    let sep = match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    };
    let when = match printed {
        Some(range) => format!("{}{sep}{}", date(&minutes.date, lang), pages(range, lang)),
        None => date(&minutes.date, lang),
    };
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

    /// 村井 純's speech, as if converted from a PDF: paragraph `k` on page 3, the last
    /// running on to page 4.
    fn murai_from_pdf() -> (Minutes, Speech) {
        let (m, speech, _) = murai();
        let mut speech = speech.clone();
        let n = speech.paragraphs.len();
        for (k, p) in speech.paragraphs.iter_mut().enumerate() {
            p.page = Some(3);
            p.page_end = (k + 1 == n).then_some(4);
        }
        (m.clone(), speech)
    }

    #[test]
    fn citation_of_a_paragraph_from_a_pdf_gives_its_page() {
        let (m, speech) = murai_from_pdf();
        let first = &speech.paragraphs[0];
        let ja = citation(&m, Some(&speech), Some(first), "u", Lang::Ja);
        assert!(
            ja.contains("平成27年（2015年）2月10日（火）、3頁\nu"),
            "{ja}"
        );
        let en = citation(&m, Some(&speech), Some(first), "u", Lang::En);
        assert!(en.contains("10 February 2015 (Heisei 27), p. 3\nu"), "{en}");
    }

    #[test]
    fn citation_that_spans_pages_gives_the_range() {
        let (m, speech) = murai_from_pdf();
        let last = speech.paragraphs.last().unwrap();
        assert!(citation(&m, Some(&speech), Some(last), "u", Lang::Ja).contains("、3–4頁\n"));
        assert!(citation(&m, Some(&speech), Some(last), "u", Lang::En).contains(", pp. 3–4\n"));
        // A whole speech spans its paragraphs' pages.
        assert!(citation(&m, Some(&speech), None, "u", Lang::En).contains(", pp. 3–4\n"));
    }

    // Guards the seed, which has no PDF: no page may appear in its citations.
    #[test]
    fn citation_without_pages_names_none() {
        let (m, speech, p) = murai();
        for lang in Lang::ALL {
            let c = citation(m, Some(speech), Some(p), "u", lang);
            assert!(!c.contains('頁') && !c.contains("p. "), "{c}");
        }
        assert_eq!(page_range(&speech.paragraphs), None);
    }

    fn with_source_url(url: Option<&str>) -> Minutes {
        let (m, _, _) = murai();
        let mut m = m.clone();
        m.source = Some(minutes_core::Source {
            url: url.map(str::to_owned),
            format: minutes_core::SourceFormat::Pdf,
            sha256: "0".repeat(64),
        });
        m
    }

    #[test]
    fn the_seed_names_no_original() {
        let (m, _, _) = murai();
        assert_eq!(source_url(m), None);
        assert_eq!(source_url(&with_source_url(None)), None);
    }

    #[test]
    fn a_web_address_of_the_original_is_given() {
        for url in [
            "https://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf",
            "http://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf",
            "HTTPS://WWW.NISC.GO.JP/x.pdf",
        ] {
            assert_eq!(source_url(&with_source_url(Some(url))), Some(url));
        }
    }

    // Guards against minutes JSON turning the header's 出典 link into script or a local file.
    #[test]
    fn only_web_addresses_of_the_original_are_given() {
        for url in [
            "javascript:alert(1)",
            " https://example.org/",
            "file:///etc/passwd",
            "data:text/html,x",
            "gijigaiyo.pdf",
            "https:",
            "",
        ] {
            assert_eq!(source_url(&with_source_url(Some(url))), None, "{url:?}");
        }
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
