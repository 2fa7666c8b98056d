//! Text extracted from a PDF, mended into the lines the rest of the parser reads.
//!
//! `pdftotext -layout` gives each page's printed lines in order, the pages separated by form
//! feeds, with the page's layout kept in leading spaces. What that does to a 議事概要, and
//! what this module does about it:
//!
//! - **Running headers and footers** (the document's name on every page, page numbers such
//!   as `- 3 -` or `3 / 14`) are dropped: a first or last line that recurs, digits aside, on
//!   at least two pages and half of them, and any page number at a page's top or foot.
//! - **Paragraphs wrapped into printed lines** are joined again, with no space (a space only
//!   between two Latin letters or digits, where the line break stood for one). A paragraph
//!   goes on from a full line (one that reaches the right margin) into a line at the page's
//!   left margin, including the first line of the next page (a paragraph cut by a page
//!   break); an indented line, a blank line, a heading, a list item or the end mark starts a
//!   new one. A list item goes on in lines indented to its text. What this cannot tell (a
//!   short last line without sentence-final punctuation) the parser joins as it does text.
//! - **Spaces between two CJK characters**, which extraction inserts where it reads a gap,
//!   are removed after the first part heading. Everything else stays as printed: full-width
//!   and half-width forms, and spaces beside Latin letters (`I o T`), so quotations stay
//!   exact. The title block and the attendee table keep their spaces (名 and 姓 are
//!   separated by one).
//! - **The attendee table** is read whether it comes out one person per line (name and role
//!   on one line), several people per line (a table of two or more columns of people, read
//!   down the left column, then down the next), or with a role on the line under its name
//!   or wrapped onto the next line; each person becomes a `| name | role |` row.
//!
//! Each mended line keeps the number of the extracted line it starts on, so diagnostics and
//! [`crate::model::Paragraph::line`] count lines of the extracted text, and the pages it is
//! printed on.

mod headers;
mod reflow;
mod table;

use super::parts::{Part, part_heading};
use crate::registry::Registry;
use headers::drop_running_lines;
#[cfg(test)]
use reflow::join;
use reflow::reflow;
use table::{TableContext, attendee_table};

/// A line for the parser: the extracted line it starts on, the pages it spans, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MendedLine {
    pub no: u32,
    pub pages: (u32, u32),
    pub text: String,
}

/// The mended lines, and the page of every extracted line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mended {
    pub lines: Vec<MendedLine>,
    line_pages: Vec<u32>,
}

impl Mended {
    /// The page of a 1-based extracted line.
    pub(crate) fn page_of(&self, line: u32) -> Option<u32> {
        let i = usize::try_from(line.checked_sub(1)?).ok()?;
        self.line_pages.get(i).copied()
    }
}

/// One extracted line: its number, its page, its text without form feeds (leading spaces
/// kept: they are the layout).
#[derive(Debug, Clone, Copy)]
struct Raw<'a> {
    no: u32,
    page: u32,
    text: &'a str,
}

impl Raw<'_> {
    fn indent(&self) -> usize {
        self.text.chars().take_while(|c| *c == ' ').count()
    }
}

/// Mends the text of `pdftotext -layout`.
pub(crate) fn mend(text: &str, registry: &Registry) -> Mended {
    let ctx = TableContext::new(registry);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raws = raw_lines(text);
    let line_pages = raws.iter().map(|r| r.page).collect();
    let kept = drop_running_lines(&raws);

    let mut lines = Vec::new();
    let mut region: Option<Part> = None;
    let mut table: Vec<Raw<'_>> = Vec::new();
    let mut proceedings: Vec<Raw<'_>> = Vec::new();
    for raw in kept {
        let t = raw.text.trim();
        if region != Some(Part::Proceedings)
            && let Some((part, _)) = part_heading(t, region.is_some())
        {
            if region == Some(Part::Attendees) {
                lines.extend(attendee_table(&std::mem::take(&mut table), &ctx));
            }
            region = Some(part);
            lines.push(line(raw, t.to_owned()));
            continue;
        }
        match region {
            None if !t.is_empty() => lines.push(line(raw, t.to_owned())),
            Some(Part::Date | Part::Place) if !t.is_empty() => {
                lines.push(line(raw, close_cjk_spaces(t)));
            }
            Some(Part::Attendees) => table.push(raw),
            Some(Part::Proceedings) => proceedings.push(raw),
            _ => {}
        }
    }
    lines.extend(attendee_table(&table, &ctx));
    lines.extend(reflow(&proceedings));
    Mended { lines, line_pages }
}

fn line(raw: Raw<'_>, text: String) -> MendedLine {
    MendedLine {
        no: raw.no,
        pages: (raw.page, raw.page),
        text,
    }
}

/// The extracted lines with their pages. A form feed starts the next page; the one that
/// ends the last page starts none.
fn raw_lines(text: &str) -> Vec<Raw<'_>> {
    let feeds = text.matches('\u{c}').count();
    let last_page = if text.trim_end_matches(['\n', '\r', ' ']).ends_with('\u{c}') {
        feeds.max(1)
    } else {
        feeds + 1
    };
    let last_page = u32::try_from(last_page).unwrap_or(u32::MAX);
    let mut page = 1u32;
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let feeds = u32::try_from(raw.matches('\u{c}').count()).unwrap_or(u32::MAX);
            page = page.saturating_add(feeds).min(last_page);
            Raw {
                no: u32::try_from(i + 1).unwrap_or(u32::MAX),
                page,
                text: raw
                    .trim_start_matches('\u{c}')
                    .trim_end_matches(['\u{c}', ' ']),
            }
        })
        .collect()
}

/// Kanji, kana and the other characters of Japanese text between which extraction inserts
/// spaces that were never printed.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}')
        && c != '\u{3000}'
}

/// Removes runs of ASCII spaces between two CJK characters.
pub(super) fn close_cjk_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            let end = chars[i..]
                .iter()
                .position(|c| *c != ' ')
                .map_or(chars.len(), |n| i + n);
            let between_cjk =
                i > 0 && chars.get(end).is_some_and(|n| is_cjk(*n)) && is_cjk(chars[i - 1]);
            if !between_cjk {
                out.extend(&chars[i..end]);
            }
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(u32, (u32, u32), String)> {
        mend(text, &Registry::builtin())
            .lines
            .into_iter()
            .map(|l| (l.no, l.pages, l.text))
            .collect()
    }

    #[test]
    fn headers_footers_and_page_numbers_go_and_a_cut_paragraph_is_joined() {
        let text = "   本部 第1回会合 議事概要\n\
                    4 議事概要\n\
                    (1) 討議\n  \
                    先ほどの件について、私は重要だと思う。そ\n\
                    れから、サイバーセキュリティについて申し上\n\n\
                    \x20        - 1 -\n\
                    \u{c}   本部 第1回会合 議事概要\n\n\
                    げたい。\n  \
                    次に、\n\
                    \x20        - 2 -\n\u{c}";
        assert_eq!(
            texts(text),
            vec![
                (2, (1, 1), "4 議事概要".to_owned()),
                (3, (1, 1), "(1) 討議".to_owned()),
                (
                    4,
                    (1, 2),
                    "先ほどの件について、私は重要だと思う。それから、サイバーセキュリティについて申し上げたい。"
                        .to_owned()
                ),
                (11, (2, 2), "次に、".to_owned()),
            ]
        );
        let m = mend(text, &Registry::builtin());
        assert_eq!(m.page_of(1), Some(1));
        assert_eq!(m.page_of(8), Some(2));
        assert_eq!(m.page_of(13), Some(2), "the last form feed starts no page");
        assert_eq!(m.page_of(0), None);
    }

    // pdftotext -layout puts a page's leftmost text at column 0: a page of one-line
    // paragraphs shows no indent, and its first paragraph must not run on from the last
    // page's.
    #[test]
    fn a_page_that_shows_no_indent_still_starts_a_paragraph_after_a_short_line() {
        let text = "4 議事概要\n(1) 挨拶\n  今後は戦略本部とこれを支える内閣サイバーセキュリティセンター\n\
                    が司令塔となり、政府一丸となって取り組んでいくので、各府省にお\n\
                    いても、役割を果たすようお願いする。\n\u{c}\
                    また、有識者本部員の皆様には協力をお願いする。\n\
                    次に、短い段落。\n\u{c}";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "4 議事概要",
                "(1) 挨拶",
                "今後は戦略本部とこれを支える内閣サイバーセキュリティセンターが司令塔となり、政府一丸となって取り組んでいくので、各府省においても、役割を果たすようお願いする。",
                "また、有識者本部員の皆様には協力をお願いする。",
                "次に、短い段落。",
            ]
        );
    }

    #[test]
    fn cjk_spaces_close_but_latin_spaces_stay() {
        assert_eq!(
            close_cjk_spaces("サイバー セキュリティ は"),
            "サイバーセキュリティは"
        );
        assert_eq!(close_cjk_spaces("日本は I o T の"), "日本は I o T の");
        assert_eq!(
            close_cjk_spaces("IoT (Internet of Things) は、PC"),
            "IoT (Internet of Things) は、PC"
        );
        assert_eq!(
            close_cjk_spaces("全角　空白"),
            "全角　空白",
            "U+3000 is printed"
        );
    }

    #[test]
    fn wrapped_latin_words_keep_their_space() {
        let mut s = "これは I o".to_owned();
        join(&mut s, "Tの時代");
        assert_eq!(s, "これは I o Tの時代");
        let mut s = "日本の".to_owned();
        join(&mut s, "役割");
        assert_eq!(s, "日本の役割");
    }

    #[test]
    fn indented_lines_and_headings_start_new_lines_and_items_wrap() {
        let text = "4 議事概要\n\
                    【決定事項】\n    \
                    ・ 本部の運営等についての検討状況と\n      \
                    今後の方針について\n  \
                    上記について、事務局より資料に基づき説明\n\
                    が行われ、本部員より意見が述べられた。\n\
                    ○（小野寺本部員）サイバーセキュリティ基本\n\
                    法が成立した。\n  \
                    次の段落。";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "4 議事概要",
                "【決定事項】",
                "・本部の運営等についての検討状況と今後の方針について",
                "上記について、事務局より資料に基づき説明が行われ、本部員より意見が述べられた。",
                "○（小野寺本部員）サイバーセキュリティ基本法が成立した。",
                "次の段落。",
            ]
        );
    }

    #[test]
    fn attendees_one_per_line() {
        let text = "3 出席者（敬称略）\n    安倍 晋三 内閣総理大臣\n    菅 義偉    内閣官房長官\n    山口 俊一 情報通信技術(I T)政策担当大臣\n4 議事概要";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "3 出席者（敬称略）",
                "| 安倍 晋三 | 内閣総理大臣 |",
                "| 菅 義偉 | 内閣官房長官 |",
                "| 山口 俊一 | 情報通信技術(I T)政策担当大臣 |",
                "4 議事概要",
            ]
        );
    }

    #[test]
    fn attendees_in_two_columns_are_read_down_each_column_with_wrapped_roles() {
        let text = "3 出席者\n\
                    \x20   安倍 晋三 内閣総理大臣         林 紘一郎   情報セキュリティ大学院大\n\
                    \x20                                          学教授\n\
                    \x20   高市 早苗 総務大臣             前田 雅英   首都大学東京法科大学院\n\
                    \x20                                          教授\n\
                    \x20   中谷 元    防衛大臣\n\
                    4 議事概要";
        let got: Vec<(u32, String)> = texts(text).into_iter().map(|(n, _, t)| (n, t)).collect();
        assert_eq!(
            got,
            [
                (1, "3 出席者".to_owned()),
                (2, "| 安倍 晋三 | 内閣総理大臣 |".to_owned()),
                (4, "| 高市 早苗 | 総務大臣 |".to_owned()),
                (6, "| 中谷 元 | 防衛大臣 |".to_owned()),
                (
                    2,
                    "| 林 紘一郎 | 情報セキュリティ大学院大学教授 |".to_owned()
                ),
                (4, "| 前田 雅英 | 首都大学東京法科大学院教授 |".to_owned()),
                (7, "4 議事概要".to_owned()),
            ]
        );
    }

    #[test]
    fn attendees_with_the_role_under_the_name() {
        let text = "3 出席者\n安倍 晋三\n内閣総理大臣\n菅 義偉\n内閣官房長官\n4 議事概要";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "3 出席者",
                "| 安倍 晋三 | 内閣総理大臣 |",
                "| 菅 義偉 | 内閣官房長官 |",
                "4 議事概要",
            ]
        );
    }

    #[test]
    fn a_row_without_a_name_is_left_to_the_parser() {
        // 山田太郎 is printed without a space and is not in the register: no name can be
        // told from the role, so the row goes to the parser as printed. (A name the
        // register knows, 安倍晋三, is split exactly.)
        let text = "3 出席者\n（敬称略）\n山田太郎　内閣総理大臣\n4 議事概要";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "3 出席者",
                "（敬称略）",
                "山田太郎　内閣総理大臣",
                "4 議事概要"
            ]
        );
    }

    #[test]
    fn title_block_keeps_its_spaces() {
        let text = "サイバーセキュリティ戦略本部\n   第1回会合 議事概要\n1 日時\n   平成27年2月10日(火) 17:00~18:00";
        let got: Vec<String> = texts(text).into_iter().map(|(_, _, t)| t).collect();
        assert_eq!(
            got,
            [
                "サイバーセキュリティ戦略本部",
                "第1回会合 議事概要",
                "1 日時",
                "平成27年2月10日(火) 17:00~18:00"
            ]
        );
    }
}
