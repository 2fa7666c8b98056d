//! The parts of the document, found by their headings: the title block, then `1 日時`,
//! `2 場所`, `3 出席者` and `4 議事概要`, which runs to the end of the file. Each part's own
//! module reads what is in it.

use super::lines::nonblank;
use super::{Diags, Src};
use crate::normalize::is_open_paren;

/// The parts of the document after the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Date,
    Place,
    Attendees,
    Proceedings,
}

impl Part {
    fn label(self) -> &'static str {
        match self {
            Part::Date => "1 日時",
            Part::Place => "2 場所",
            Part::Attendees => "3 出席者",
            Part::Proceedings => "4 議事概要",
        }
    }
}

/// Part headings, spaced variants included; the longest of a kind first.
const PART_WORDS: &[(&str, Part)] = &[
    ("日時", Part::Date),
    ("日 時", Part::Date),
    ("日　時", Part::Date),
    ("場所", Part::Place),
    ("場 所", Part::Place),
    ("場　所", Part::Place),
    ("出席者", Part::Attendees),
    ("議事概要", Part::Proceedings),
    ("議事要旨", Part::Proceedings),
    ("議事の概要", Part::Proceedings),
    // The committees' `4.議事`; after the longer words, and only as a numbered heading or
    // after another part (see below), so that no title is taken for it.
    ("議事", Part::Proceedings),
];

/// Recognises a part heading such as `1 日時`, `３．出席者（敬称略）` or `日時：…`, returning
/// the part and the rest of the line. The 議事概要 heading needs its number (or an earlier
/// part), so that the title 第1回会合 議事概要 is never taken for it.
pub(crate) fn part_heading(text: &str, seen_part: bool) -> Option<(Part, &str)> {
    let digits_len: usize = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    let mut rest = &text[digits_len..];
    let numbered = digits_len > 0;
    if numbered
        && let Some(c) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．' | '、' | ')' | '）'))
    {
        rest = &rest[c.len_utf8()..];
    }
    let rest = rest.trim_start();
    for &(word, part) in PART_WORDS {
        let Some(after) = rest.strip_prefix(word) else {
            continue;
        };
        let clean_end = after.is_empty()
            || after.starts_with(char::is_whitespace)
            || after.starts_with(is_open_paren)
            || after.starts_with([':', '：']);
        if !clean_end || (numbered && !seen_part && digits_len > 2) {
            continue;
        }
        if part == Part::Proceedings && !(numbered || seen_part) {
            continue;
        }
        let after = after.trim_start_matches([':', '：']).trim();
        return Some((part, after));
    }
    None
}

/// A part heading as found in the text.
#[derive(Debug, Clone, Copy)]
struct Heading<'a> {
    part: Part,
    /// Its index in the lines.
    at: usize,
    /// The rest of the heading line after the part's word.
    inline: &'a str,
    /// Whether it repeats an earlier heading of the same part (and is ignored).
    repeated: bool,
}

/// One part as printed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartText<'a> {
    /// The heading line.
    pub heading: Src<'a>,
    /// What follows the part's word on the heading line (`日時：平成27年…`, `（敬称略）`).
    pub inline: &'a str,
    /// The lines after the heading, up to the next heading.
    pub lines: &'a [Src<'a>],
}

impl PartText<'_> {
    /// The part's text, as for a one-line part such as the date or the place: the rest of
    /// the heading line and the part's non-blank lines, joined with spaces, with the line
    /// the text starts on. `None` when the part is empty.
    pub(crate) fn text(&self) -> Option<(String, u32)> {
        let inline = Some(self.inline).filter(|t| !t.is_empty());
        let start = match inline {
            Some(_) => self.heading.no,
            None => nonblank(self.lines).next()?.no,
        };
        let pieces: Vec<&str> = inline
            .into_iter()
            .chain(nonblank(self.lines).map(|l| l.text))
            .collect();
        Some((pieces.join(" "), start))
    }
}

/// The document cut at its part headings.
#[derive(Debug)]
pub(crate) struct Parts<'a> {
    lines: &'a [Src<'a>],
    /// The headings in order; never empty.
    headings: Vec<Heading<'a>>,
}

impl<'a> Parts<'a> {
    /// Finds the part headings. `None`, with an error, when the text is empty or has none:
    /// then it is not a 議事概要 at all.
    pub(crate) fn find(lines: &'a [Src<'a>], diags: &mut Diags) -> Option<Parts<'a>> {
        let Some(first) = nonblank(lines).next() else {
            let what = if diags.0.is_empty() {
                "the file is empty"
            } else {
                "the file has no readable text"
            };
            diags.error(
                1,
                format!("{what}: expected a 議事概要 that starts with its title block (e.g. サイバーセキュリティ戦略本部 / 第1回会合 議事概要)"),
            );
            return None;
        };
        let mut headings: Vec<Heading<'a>> = Vec::new();
        for (at, l) in lines.iter().enumerate() {
            let Some((part, inline)) = part_heading(l.text, !headings.is_empty()) else {
                continue;
            };
            let earlier = headings
                .iter()
                .find(|h| h.part == part)
                .map(|h| lines[h.at].no);
            if let Some(first_at) = earlier {
                diags.error(
                    l.no,
                    format!(
                        "a second {} heading (the first is at line {first_at}); its part is ignored",
                        part.label(),
                    ),
                );
            }
            let repeated = earlier.is_some();
            headings.push(Heading {
                part,
                at,
                inline,
                repeated,
            });
            // The proceedings run to the end of the file: a heading word inside them is text.
            if part == Part::Proceedings && !repeated {
                break;
            }
        }
        if headings.is_empty() {
            diags.error(
                first.no,
                format!(
                    "expected a 議事概要 with the parts 1 日時, 2 場所, 3 出席者 and 4 議事概要, found none of them (the text starts {:?})",
                    first.text.chars().take(40).collect::<String>()
                ),
            );
            return None;
        }
        Some(Parts { lines, headings })
    }

    /// The first heading of any part: where a missing part is reported.
    pub(crate) fn first_heading(&self) -> Src<'a> {
        self.lines[self.headings[0].at]
    }

    /// The last line of the file: where missing proceedings are reported.
    pub(crate) fn last_line(&self) -> u32 {
        self.lines.last().map_or(1, |l| l.no)
    }

    /// The non-blank lines before the first heading: the title block.
    pub(crate) fn title_lines(&self) -> Vec<&'a Src<'a>> {
        nonblank(&self.lines[..self.headings[0].at]).collect()
    }

    /// A part, from its first heading to the next heading of any part; `None` when the
    /// document has no heading for it.
    pub(crate) fn get(&self, part: Part) -> Option<PartText<'a>> {
        let k = self
            .headings
            .iter()
            .position(|h| h.part == part && !h.repeated)?;
        let heading = self.headings[k];
        let end = self
            .headings
            .get(k + 1)
            .map_or(self.lines.len(), |next| next.at);
        Some(PartText {
            heading: self.lines[heading.at],
            inline: heading.inline,
            lines: self.lines.get(heading.at + 1..end).unwrap_or(&[]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_headings_in_print_styles() {
        assert_eq!(part_heading("1 日時", false), Some((Part::Date, "")));
        assert_eq!(
            part_heading("３．出席者（敬称略）", true),
            Some((Part::Attendees, "（敬称略）"))
        );
        assert_eq!(
            part_heading("日時：平成27年2月10日", false),
            Some((Part::Date, "平成27年2月10日"))
        );
        assert_eq!(
            part_heading("4 議事概要", true),
            Some((Part::Proceedings, ""))
        );
        assert_eq!(
            part_heading("議事概要", false),
            None,
            "a title line, not the proceedings"
        );
        assert_eq!(part_heading("日時計", false), None);
        assert_eq!(part_heading("4.議事", true), Some((Part::Proceedings, "")));
        assert_eq!(part_heading("議事次第", true), None);
    }

    /// The text of each of `parts` in a document of these lines (numbered from 1), and the
    /// lines of the diagnostics.
    fn texts(lines: &[&str], parts: &[Part]) -> (Vec<Option<(String, u32)>>, Vec<u32>) {
        let lines: Vec<Src<'_>> = (1..)
            .zip(lines)
            .map(|(no, text)| Src {
                no,
                text,
                pages: None,
            })
            .collect();
        let mut diags = Diags::default();
        let found = Parts::find(&lines, &mut diags);
        let texts = parts
            .iter()
            .map(|part| found.as_ref()?.get(*part)?.text())
            .collect();
        (texts, diags.0.iter().map(|d| d.line).collect())
    }

    #[test]
    fn a_part_runs_to_the_next_heading_and_its_text_joins_its_lines() {
        let document = [
            "本部",
            "第1回",
            "1 日時",
            "",
            "平成27年",
            "2月10日",
            "2 場所 官邸",
        ];
        let parts = [Part::Date, Part::Place, Part::Attendees];
        assert_eq!(
            texts(&document, &parts),
            (
                vec![
                    // The text starts on its first non-blank line...
                    Some(("平成27年 2月10日".to_owned(), 5)),
                    // ...or on the heading line, when it follows the heading there.
                    Some(("官邸".to_owned(), 7)),
                    None,
                ],
                vec![]
            )
        );
    }

    #[test]
    fn a_repeated_heading_is_reported_and_ends_the_part_before_it() {
        let document = [
            "本部",
            "1 日時",
            "平成27年2月10日",
            "1 日時",
            "令和元年5月7日",
        ];
        assert_eq!(
            texts(&document, &[Part::Date]),
            (vec![Some(("平成27年2月10日".to_owned(), 3))], vec![4])
        );
    }
}
