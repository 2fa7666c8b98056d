//! The source lines, and recognisers for single lines: page numbers, the end mark, headings
//! of every kind. Each recogniser takes a line already trimmed of surrounding white space.

use super::{Diags, Src};
use crate::model::AgendaKind;
use crate::normalize::{
    compact, is_open_paren, matching_close, parse_japanese_number, strip_bullets,
};

/// Splits the text into numbered lines, blanking (and reporting) lines with control
/// characters, which mean binary data or a broken conversion.
pub(crate) fn split_lines<'a>(text: &'a str, diags: &mut Diags) -> Vec<Src<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    screen_lines(
        text.split('\n').enumerate().map(|(i, raw)| {
            let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
            (no, raw.strip_suffix('\r').unwrap_or(raw), None)
        }),
        diags,
    )
}

/// Numbered lines as the parser reads them: trimmed, and blanked (with an error) when they
/// hold a control character other than a tab.
pub(crate) fn screen_lines<'a>(
    lines: impl Iterator<Item = (u32, &'a str, Option<(u32, u32)>)>,
    diags: &mut Diags,
) -> Vec<Src<'a>> {
    const MAX_REPORTED: usize = 20;
    let mut out = Vec::new();
    let mut bad = 0usize;
    let mut first_unreported = 0;
    for (no, raw, pages) in lines {
        let mut line = Src {
            no,
            text: raw.trim(),
            pages,
        };
        if let Some(c) = raw.chars().find(|c| c.is_control() && *c != '\t') {
            bad += 1;
            if bad <= MAX_REPORTED {
                diags.error(
                    no,
                    format!(
                        "control character U+{:04X} (binary data?); line ignored",
                        u32::from(c)
                    ),
                );
            } else if first_unreported == 0 {
                first_unreported = no;
            }
            line.text = "";
        }
        out.push(line);
    }
    if bad > MAX_REPORTED {
        diags.error(
            first_unreported,
            format!(
                "{} more lines with control characters, ignored",
                bad - MAX_REPORTED
            ),
        );
    }
    out
}

/// The lines that carry text: not blank and not a page number.
pub(crate) fn nonblank<'a>(lines: &'a [Src<'a>]) -> impl Iterator<Item = &'a Src<'a>> {
    lines
        .iter()
        .filter(|l| !l.text.is_empty() && !is_page_number(l.text))
}

/// Dashes that decorate page numbers (`- 3 -`, `―3―`) and the end mark (`— 以上 —`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '―' | '—' | '–' | '‐' | '−' | '─' | '━')
}

/// A line that is only a page number: `3`, `- 3 -`, `―3―`, `3/10`, `- 3/10 -`.
pub(crate) fn is_page_number(line: &str) -> bool {
    // Cheap rejection first: this runs on every line, and NFKC of long lines is not free.
    if line.chars().count() > 16 {
        return false;
    }
    let c = compact(line);
    let core = c.trim_matches(is_dash);
    let mut parts = core.splitn(2, '/');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    };
    let first = parts.next();
    let second = parts.next();
    ok(first) && (second.is_none() || ok(second))
}

/// The end mark `以上`, alone or between dashes (`— 以上 —`).
pub(crate) fn end_mark(line: &str) -> Option<String> {
    if line.chars().count() > 16 {
        return None;
    }
    let c = compact(line);
    (c.trim_matches(is_dash) == "以上").then(|| "以上".to_owned())
}

/// A section heading `(1) 安倍内閣総理大臣冒頭御挨拶` (either width of parentheses and digits,
/// kanji numerals too): the number and the printed title. A "title" that ends a sentence or
/// runs long is an enumeration inside a paragraph, not a heading.
pub(crate) fn section_heading(line: &str) -> Option<(u32, &str)> {
    let open = line.chars().next().filter(|c| is_open_paren(*c))?;
    let close = matching_close(line)?;
    let inner = &line[open.len_utf8()..close];
    let number = parse_japanese_number(inner)?;
    let after_close = &line[close..];
    let title = after_close[after_close.chars().next()?.len_utf8()..].trim();
    if title.ends_with('。') || title.chars().count() > 60 {
        return None;
    }
    Some((number, title))
}

/// An agenda heading `【決定事項】`: the kind, the heading without brackets, and any text after
/// the closing bracket on the same line.
pub(crate) fn agenda_heading(line: &str) -> Option<(AgendaKind, &str, &str)> {
    let rest = line.strip_prefix('【')?;
    let end = rest.find('】')?;
    let heading = rest[..end].trim();
    let after = rest[end + '】'.len_utf8()..].trim();
    let c = compact(heading);
    let kind = if c.contains("決定") {
        AgendaKind::Decision
    } else if c.contains("討議") || c.contains("審議") || c.contains("議題") {
        AgendaKind::Discussion
    } else if c.contains("報告") {
        AgendaKind::Report
    } else {
        AgendaKind::Other
    };
    Some((kind, heading, after))
}

/// Words that end a speaker designation. A bulleted parenthesis whose content ends otherwise
/// (（監査について）) is text.
const TITLE_WORDS: &[&str] = &[
    "本部員",
    "大臣",
    "本部長",
    "副本部長",
    "委員長",
    "長官",
    "監",
    "センター長",
    "副長官補",
    "事務局",
    "総理",
    "議長",
    "座長",
    "委員",
    "局長",
    "審議官",
    "政務官",
    "室長",
    "理事長",
];

/// The offices of the headquarters, which can also appear in trailing parentheses
/// (`山口…大臣（副本部長）`).
pub(crate) const OFFICES: &[&str] = &["本部長", "副本部長", "本部員"];

/// Splits a compacted designation into its base and a trailing office in parentheses:
/// `山口情報通信技術(IT)政策担当大臣(副本部長)` → (`山口情報通信技術(IT)政策担当大臣`, `副本部長`).
pub(crate) fn split_trailing_office(designation: &str) -> (&str, Option<&str>) {
    let Some(body) = designation.strip_suffix(')') else {
        return (designation, None);
    };
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let inner = &body[i + 1..];
                return match OFFICES.iter().find(|o| **o == inner) {
                    Some(office) => (&designation[..i], Some(office)),
                    None => (designation, None),
                };
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    (designation, None)
}

/// Whether the text inside a heading's parentheses names a speaker: short, no punctuation
/// of running text, and ending in a title word or an office.
pub(crate) fn is_designation(inner: &str) -> bool {
    let c = compact(inner);
    if c.is_empty() || c.chars().count() > 40 || c.contains(['。', '、', ',', '「', '」']) {
        return false;
    }
    let (base, _) = split_trailing_office(&c);
    !base.is_empty() && TITLE_WORDS.iter().any(|w| base.ends_with(w))
}

/// What a bulleted line starting with a parenthesis turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeadingCheck<'a> {
    /// A speech heading: the designation as printed and any text after it on the line.
    Heading { designation: &'a str, rest: &'a str },
    /// A bullet and an opening parenthesis that is never closed, before a title word.
    Unclosed,
    /// Not a heading.
    No,
}

/// Whether a line starts with the marker of a speech (○ and its look-alikes), as opposed to
/// a list marker (・, -): after it, a short name of anyone, not only one that ends in a
/// title word, is a heading, which attribution then resolves or refuses.
fn speech_marker(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '○' | '〇' | '◯'))
}

/// Whether the text could name a speaker: short, and without the punctuation of running text.
fn short_name(inner: &str) -> bool {
    let c = compact(inner);
    !c.is_empty() && c.chars().count() <= 40 && !c.contains(['。', '、', ',', '「', '」'])
}

/// Recognises a speech heading, in each form the minutes print it:
///
/// - a marker (`○`, `・`, `-`, or several), then a parenthesised designation (either width,
///   nesting allowed), alone or followed by the first paragraph: `○（小野寺本部員）…`;
/// - a parenthesised designation alone on its line, with no marker: `(有賀委員)`;
/// - a marker, then a designation run into the text after a colon: `○有賀委員：…`.
///
/// After `○`, any short name counts (`○（国家サイバー統括室）`), so that a heading the
/// converter cannot resolve is refused rather than read as text of the speech before it;
/// after another marker, or with none, the designation must end in a title word.
pub(crate) fn speech_heading(line: &str) -> HeadingCheck<'_> {
    let (rest, bulleted) = strip_bullets(line);
    let marked = bulleted && speech_marker(line);
    let Some(open) = rest.chars().next().filter(|c| is_open_paren(*c)) else {
        return run_in_heading(rest, bulleted, marked);
    };
    match matching_close(rest) {
        Some(close) => {
            let inner = &rest[open.len_utf8()..close];
            let after = &rest[close..];
            let after = after
                .chars()
                .next()
                .map_or("", |c| after[c.len_utf8()..].trim());
            // Alone on its line, a parenthesised short name is a heading too, so that a
            // heading the converter cannot resolve is refused rather than read as text of
            // the speech before it; annotations such as （参考） are not names.
            let alone = !bulleted && after.is_empty() && short_name(inner) && !is_annotation(inner);
            let names = is_designation(inner) || (marked && short_name(inner)) || alone;
            if names && (bulleted || after.is_empty()) {
                HeadingCheck::Heading {
                    designation: inner.trim(),
                    rest: after,
                }
            } else {
                HeadingCheck::No
            }
        }
        None if bulleted => {
            // Only report what looks like a heading that lost its closing parenthesis:
            // a title word early on the line.
            let head: String = rest.chars().skip(1).take(24).collect();
            let c = compact(&head);
            if TITLE_WORDS.iter().any(|w| c.contains(w)) {
                HeadingCheck::Unclosed
            } else {
                HeadingCheck::No
            }
        }
        None => HeadingCheck::No,
    }
}

/// Parenthesised words that annotate a document rather than name a speaker.
fn is_annotation(inner: &str) -> bool {
    let c = compact(inner);
    c.chars().any(|ch| ch.is_ascii_digit())
        || c.chars().count() > 20
        || [
            "参考",
            "注",
            "資料",
            "別紙",
            "案",
            "略",
            "以下",
            "続",
            "了承",
            "拍手",
            "休憩",
            "中略",
            "敬称略",
        ]
        .iter()
        .any(|w| c.starts_with(w) || c.ends_with(w))
}

/// `○有賀委員：本日は…`: a marker, a designation and a colon, then the first paragraph.
fn run_in_heading(rest: &str, bulleted: bool, marked: bool) -> HeadingCheck<'_> {
    if !bulleted {
        return HeadingCheck::No;
    }
    let Some((designation, after)) = rest.split_once(['：', ':']) else {
        return HeadingCheck::No;
    };
    let designation = designation.trim();
    if is_designation(designation)
        || (marked && short_name(designation) && designation.chars().count() <= 20)
    {
        HeadingCheck::Heading {
            designation,
            rest: after.trim(),
        }
    } else {
        HeadingCheck::No
    }
}

/// Suffixes that make a section title a speech (`安倍内閣総理大臣冒頭御挨拶`), longest first.
const SPEECH_SUFFIXES: &[&str] = &[
    "冒頭御挨拶",
    "冒頭ご挨拶",
    "冒頭挨拶",
    "冒頭発言",
    "締め括り挨拶",
    "締めくくり挨拶",
    "締括り挨拶",
    "閉会挨拶",
    "御挨拶",
    "ご挨拶",
    "あいさつ",
    "挨拶",
    "発言",
];

/// The designation in a section title that names a speaker: `安倍内閣総理大臣冒頭御挨拶` →
/// `安倍内閣総理大臣`, `本部長締め括り挨拶` → `本部長`.
pub(crate) fn speech_in_title(title: &str) -> Option<&str> {
    let title = title.trim();
    SPEECH_SUFFIXES
        .iter()
        .find_map(|s| title.strip_suffix(s))
        .map(str::trim)
        .filter(|d| is_designation(d))
}

/// Whether a paragraph is complete: it ends in sentence-final punctuation or a closing
/// bracket. One that is not continues in the next text line (a PDF page break).
pub(crate) fn ends_paragraph(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '。' | '．'
                | '.'
                | '！'
                | '？'
                | '!'
                | '?'
                | '」'
                | '』'
                | ')'
                | '）'
                | '〕'
                | '】'
                | ']'
                | '］'
                | '｣'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_print_styles() {
        for p in ["3", "- 3 -", "―3―", "3/10", "－３－", "— 12 —"] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["- ・ 本部の運営", "(3)", "3点目", "", "-", "12345"] {
            assert!(!is_page_number(p), "{p}");
        }
    }

    #[test]
    fn end_mark_with_and_without_dashes() {
        assert_eq!(end_mark("— 以上 —"), Some("以上".to_owned()));
        assert_eq!(end_mark("以上"), Some("以上".to_owned()));
        assert_eq!(end_mark("以上申し上げたことを"), None);
    }

    #[test]
    fn section_headings_of_both_widths() {
        assert_eq!(
            section_heading("(1) 安倍内閣総理大臣冒頭御挨拶"),
            Some((1, "安倍内閣総理大臣冒頭御挨拶"))
        );
        assert_eq!(section_heading("（２）討議"), Some((2, "討議")));
        assert_eq!(section_heading("(十二) 討議"), Some((12, "討議")));
        assert_eq!(
            section_heading("（情報セキュリティ政策会議の会合で）前回"),
            None
        );
        assert_eq!(section_heading("(1) 人材の育成が重要である。"), None);
    }

    #[test]
    fn speech_headings_alone_or_with_text() {
        assert_eq!(
            speech_heading("○（小野寺本部員）サイバー"),
            HeadingCheck::Heading {
                designation: "小野寺本部員",
                rest: "サイバー"
            }
        );
        assert_eq!(
            speech_heading("○ (村井本部員) 日本の"),
            HeadingCheck::Heading {
                designation: "村井本部員",
                rest: "日本の"
            }
        );
        assert_eq!(
            speech_heading("○（山口情報通信技術（IT）政策担当大臣（副本部長））"),
            HeadingCheck::Heading {
                designation: "山口情報通信技術（IT）政策担当大臣（副本部長）",
                rest: ""
            }
        );
        assert_eq!(
            speech_heading("- ・ （林本部員）まず"),
            HeadingCheck::Heading {
                designation: "林本部員",
                rest: "まず"
            }
        );
    }

    #[test]
    fn parenthesis_without_bullet_is_not_a_heading() {
        assert_eq!(
            speech_heading("（情報セキュリティ政策会議の会合で）前回、私は"),
            HeadingCheck::No
        );
        assert_eq!(speech_heading("(参考)"), HeadingCheck::No);
        assert_eq!(speech_heading("（資料1）"), HeadingCheck::No);
    }

    #[test]
    fn headings_of_the_committees_and_of_the_reorganised_body() {
        let heading = |designation, rest| HeadingCheck::Heading { designation, rest };
        // A designation alone on its line, without a marker.
        assert_eq!(speech_heading("(有賀委員)"), heading("有賀委員", ""));
        assert_eq!(speech_heading("（事務局）"), heading("事務局", ""));
        // Run into the text after a colon.
        assert_eq!(
            speech_heading("○有賀委員：本日は二点申し上げる。"),
            heading("有賀委員", "本日は二点申し上げる。")
        );
        assert_eq!(
            speech_heading("○事務局：資料を説明。"),
            heading("事務局", "資料を説明。")
        );
        // After ○ any short name is a heading, which attribution resolves or refuses: the
        // bug was a secretariat's remark read as text of the minister before it.
        assert_eq!(
            speech_heading("○（国家サイバー統括室）"),
            heading("国家サイバー統括室", "")
        );
        assert_eq!(speech_heading("・（参考）資料"), HeadingCheck::No);
        assert_eq!(
            speech_heading("○ポイントは、次の通り：一つ目"),
            HeadingCheck::No
        );
    }

    #[test]
    fn bulleted_parenthesis_without_title_word_is_not_a_heading() {
        assert_eq!(speech_heading("・（参考）資料一覧"), HeadingCheck::No);
        assert_eq!(speech_heading("・（監査について）"), HeadingCheck::No);
    }

    #[test]
    fn unclosed_heading_is_reported() {
        assert_eq!(
            speech_heading("○（小野寺本部員 サイバー"),
            HeadingCheck::Unclosed
        );
        assert_eq!(speech_heading("○（注 これは"), HeadingCheck::No);
    }

    #[test]
    fn trailing_office_is_split_off() {
        assert_eq!(
            split_trailing_office("山口情報通信技術(IT)政策担当大臣(副本部長)"),
            ("山口情報通信技術(IT)政策担当大臣", Some("副本部長"))
        );
        assert_eq!(
            split_trailing_office("情報通信技術(IT)"),
            ("情報通信技術(IT)", None)
        );
        assert_eq!(split_trailing_office(")"), (")", None));
    }

    #[test]
    fn speaker_in_section_titles() {
        assert_eq!(
            speech_in_title("安倍内閣総理大臣冒頭御挨拶"),
            Some("安倍内閣総理大臣")
        );
        assert_eq!(speech_in_title("本部長締め括り挨拶"), Some("本部長"));
        assert_eq!(speech_in_title("討議"), None);
        assert_eq!(speech_in_title("決定事項の決定等"), None);
    }

    #[test]
    fn paragraph_ends() {
        assert!(ends_paragraph("思う。"));
        assert!(ends_paragraph("「災い転じて福となす」"));
        assert!(!ends_paragraph("組織づくりが重要"));
        assert!(!ends_paragraph(""));
    }
}
