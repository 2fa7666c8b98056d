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

use std::collections::HashMap;

use super::attendees::split_people;
use super::lines::{
    HeadingCheck, agenda_heading, end_mark, is_page_number, section_heading, speech_heading,
};
use super::parts::{Part, part_heading};
use crate::normalize::{compact, strip_bullets};
use crate::registry::Registry;

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

/// How a running header or footer is recognised from page to page: compacted, its digits
/// (a page number in it) masked.
fn running_key(text: &str) -> String {
    compact(text)
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The lines without running headers, footers and page numbers at a page's top or foot.
fn drop_running_lines<'a>(raws: &[Raw<'a>]) -> Vec<Raw<'a>> {
    let mut pages: Vec<Vec<Raw<'a>>> = Vec::new();
    for raw in raws {
        match pages.last_mut() {
            Some(page) if page.first().is_some_and(|p| p.page == raw.page) => page.push(*raw),
            _ => pages.push(vec![*raw]),
        }
    }
    let mut dropped = vec![false; raws.len()];
    let index = |raw: &Raw<'_>| usize::try_from(raw.no).unwrap_or(usize::MAX) - 1;
    // Two rounds from each end: a footer can be a line of text above a page number.
    for _ in 0..2 {
        for from_top in [true, false] {
            let ends: Vec<Option<&Raw<'a>>> = pages
                .iter()
                .map(|page| {
                    let mut kept = page.iter().filter(|r| {
                        !r.text.trim().is_empty() && !dropped.get(index(r)).copied().unwrap_or(true)
                    });
                    if from_top {
                        kept.next()
                    } else {
                        kept.next_back()
                    }
                })
                .collect();
            let mut counts: HashMap<String, usize> = HashMap::new();
            for raw in ends.iter().flatten() {
                *counts.entry(running_key(raw.text)).or_default() += 1;
            }
            for raw in ends.iter().flatten() {
                let recurs = counts.get(&running_key(raw.text)).copied().unwrap_or(0);
                let running = pages.len() >= 2 && recurs >= 2 && recurs * 2 >= pages.len();
                if (running || is_page_number(raw.text.trim()))
                    && let Some(d) = dropped.get_mut(index(raw))
                {
                    *d = true;
                }
            }
        }
    }
    raws.iter()
        .filter(|r| !dropped.get(index(r)).copied().unwrap_or(false))
        .copied()
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
fn close_cjk_spaces(text: &str) -> String {
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

/// Joins a printed line onto the one before: with a space only between two Latin letters
/// or digits, where the line break stood for one.
fn join(text: &mut String, more: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(text.chars().last()) && latin(more.chars().next()) {
        text.push(' ');
    }
    text.push_str(more);
}

/// Whether a mended line goes on in the next printed line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// A paragraph: goes on in a line at the left margin.
    Paragraph,
    /// A list item: goes on in a line indented at least to this column, its text's.
    Item(usize),
    /// A heading: never goes on.
    Closed,
}

/// How wide a printed line is, in the units of half-width characters: a kanji or kana
/// counts two.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
                1
            } else {
                2
            }
        })
        .sum()
}

/// The width of a full printed line: in a text of some length the third widest line (so
/// that a line or two run into the margin do not set it), else the widest.
fn full_width(raws: &[Raw<'_>]) -> usize {
    let mut widths: Vec<usize> = raws.iter().map(|r| display_width(r.text)).collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let k = if widths.len() >= 20 { 2 } else { 0 };
    widths.get(k).copied().unwrap_or(0)
}

/// The proceedings, their printed lines joined into paragraphs (see the module comment).
///
/// `pdftotext -layout` puts each page's leftmost text at its left edge, so a page on which
/// every line is indented (one-line paragraphs) shows no indent at all. A paragraph
/// therefore goes on only from a full line (one that reaches the right margin, less three
/// characters), and, on a page that shows both indented lines and lines at the margin, only
/// into a line at the margin. A paragraph whose last line falls short and has no
/// sentence-final punctuation is left to the parser, which joins it on.
fn reflow(raws: &[Raw<'_>]) -> Vec<MendedLine> {
    let full = full_width(raws).saturating_sub(6);
    let mut out = Vec::new();
    let mut current: Option<(MendedLine, Flow)> = None;
    let mut last_full = false;
    let mut start = 0;
    while start < raws.len() {
        let page = raws[start].page;
        let end = raws[start..]
            .iter()
            .position(|r| r.page != page)
            .map_or(raws.len(), |n| start + n);
        // Blank lines at a page's top or foot are the page's margins, not paragraph breaks.
        let body: Vec<&Raw<'_>> = {
            let rows = &raws[start..end];
            let first = rows.iter().position(|r| !r.text.trim().is_empty());
            let last = rows.iter().rposition(|r| !r.text.trim().is_empty());
            match (first, last) {
                (Some(f), Some(l)) => rows[f..=l].iter().collect(),
                _ => Vec::new(),
            }
        };
        let margin = body
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .map(|r| r.indent())
            .min()
            .unwrap_or(0);
        // Whether indents can be seen on this page: a line of text at the margin and one
        // indented beyond it (list items aside).
        let plain = |r: &&&Raw<'_>| {
            let t = r.text.trim();
            !t.is_empty() && !strip_bullets(t).1
        };
        let indents_show = body.iter().filter(plain).any(|r| r.indent() <= margin)
            && body.iter().filter(plain).any(|r| r.indent() > margin);
        for raw in body {
            let t = raw.text.trim();
            if t.is_empty() {
                out.extend(current.take().map(|(l, _)| l));
                continue;
            }
            if is_page_number(t) {
                continue;
            }
            let text = close_cjk_spaces(t);
            let structural = end_mark(&text).is_some()
                || section_heading(&text).is_some()
                || agenda_heading(&text).is_some()
                || part_heading(&text, true).is_some();
            let heading = speech_heading(&text);
            let (stripped, bulleted) = strip_bullets(&text);
            let flow = if structural {
                Some(Flow::Closed)
            } else if let HeadingCheck::Heading { rest, .. } = heading {
                Some(if rest.is_empty() {
                    Flow::Closed
                } else {
                    Flow::Paragraph
                })
            } else if heading == HeadingCheck::Unclosed {
                Some(Flow::Paragraph)
            } else if bulleted {
                let marker = text.chars().count() - stripped.chars().count();
                Some(Flow::Item(raw.indent() + marker))
            } else {
                None
            };
            let goes_on = last_full
                && match (&current, flow) {
                    (Some((_, Flow::Paragraph)), None) => !indents_show || raw.indent() <= margin,
                    (Some((_, Flow::Item(col))), None) => raw.indent() >= *col,
                    _ => false,
                };
            last_full = display_width(raw.text) >= full;
            if goes_on && let Some((l, _)) = &mut current {
                join(&mut l.text, &text);
                l.pages.1 = raw.page;
                continue;
            }
            out.extend(current.take().map(|(l, _)| l));
            current = Some((line(*raw, text), flow.unwrap_or(Flow::Paragraph)));
        }
        start = end;
    }
    out.extend(current.map(|(l, _)| l));
    out
}

/// A white-space separated token of a printed line: its byte span, the column (in
/// characters) it starts at, and how many spaces stand before it.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    col: usize,
    gap: usize,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    let mut gap = 0;
    for (col, (i, c)) in text.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some(t) = current.take() {
                out.push(Token { end: i, ..t });
            }
            gap += 1;
        } else if let Some(t) = &mut current {
            t.end = i + c.len_utf8();
        } else {
            current = Some(Token {
                start: i,
                end: i + c.len_utf8(),
                col,
                gap,
            });
            gap = 0;
        }
    }
    out.extend(current);
    out
}

/// One person of the table as read so far.
#[derive(Debug, Clone)]
struct Person {
    no: u32,
    page: u32,
    name: String,
    role: String,
    role_col: Option<usize>,
}

/// What a printed line of the attendee part is.
enum Row {
    /// The people it starts, each a name and the role after it.
    People(Vec<Person>),
    /// No name at its start: the rest of roles in the row above.
    Rest,
    /// A line to pass on as printed: a group heading, a note, or a line the parser must
    /// judge itself (one it cannot split with confidence, which it then reports).
    AsPrinted,
}

/// The people a printed table row starts, split by the one rule the text parser uses
/// ([`split_people`]), told where other rows start their second (third...) person:
/// `columns`, since a long role can leave a single space before the next column.
fn people_in_row(raw: &Raw<'_>, columns: &[usize], ctx: &TableContext<'_>) -> Row {
    let text = raw.text;
    let trimmed = text.trim();
    if trimmed.starts_with('【') {
        return Row::AsPrinted;
    }
    let toks = tokens(text);
    let spans: Vec<(usize, &str)> = toks
        .iter()
        .map(|t| (t.start, &text[t.start..t.end]))
        .collect();
    let column_start = |k: usize| {
        toks.get(k)
            .is_some_and(|t| columns.iter().any(|c| c.abs_diff(t.col) <= 4))
    };
    match split_people(
        text,
        &spans,
        ctx.registry,
        &ctx.designations,
        &column_start,
        true,
    ) {
        Ok(people) => Row::People(
            people
                .into_iter()
                .map(|p| {
                    let role_col = spans
                        .iter()
                        .zip(&toks)
                        .find(|((start, _), _)| {
                            !p.role.is_empty()
                                && text[*start..]
                                    .starts_with(p.role.split(' ').next().unwrap_or(""))
                        })
                        .map(|(_, t)| t.col);
                    let role = match &p.designation {
                        Some(d) if p.role.is_empty() => d.clone(),
                        Some(d) => format!("{d} {}", p.role),
                        None => p.role,
                    };
                    Person {
                        no: raw.no,
                        page: raw.page,
                        name: p.name,
                        role,
                        role_col,
                    }
                })
                .collect(),
        ),
        Err(e) if e.no_name => Row::Rest,
        Err(_) => Row::AsPrinted,
    }
}

/// What the attendee table is read with: the register (a known name splits a row exactly)
/// and the designations of every body (`委員` between a name and a role).
pub(crate) struct TableContext<'r> {
    pub registry: &'r Registry,
    pub designations: Vec<String>,
}

impl<'r> TableContext<'r> {
    pub(crate) fn new(registry: &'r Registry) -> Self {
        TableContext {
            registry,
            designations: registry.all_designations(),
        }
    }
}

/// The attendee part: every person as a `| name | role |` row, and any line that is not a
/// person (a group heading, a note, a line the parser must judge) as it is. People are
/// read down each column of a table (every row with the same number of people, the last
/// perhaps fewer), else line by line, left to right.
fn attendee_table(raws: &[Raw<'_>], ctx: &TableContext<'_>) -> Vec<MendedLine> {
    let rows: Vec<&Raw<'_>> = raws.iter().filter(|r| !r.text.trim().is_empty()).collect();
    // Where the second (third...) column of people starts, from the rows where it stands
    // apart; then the rows read again, knowing it.
    let mut starts: Vec<usize> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut headings = false;
    for r in &rows {
        match people_in_row(r, &[], ctx) {
            Row::People(people) => {
                counts.push(people.len());
                let toks = tokens(r.text);
                for (k, p) in people.iter().enumerate() {
                    let col = toks
                        .iter()
                        .find(|t| {
                            r.text[t.start..].starts_with(p.name.split(' ').next().unwrap_or(""))
                        })
                        .map_or(0, |t| t.col);
                    match starts.get_mut(k) {
                        Some(start) => *start = (*start).min(col),
                        None => starts.push(col),
                    }
                }
            }
            Row::AsPrinted => headings = true,
            Row::Rest => {}
        }
    }
    let widest = counts.iter().copied().max().unwrap_or(1);
    let table = !headings
        && widest >= 2
        && counts
            .iter()
            .take(counts.len().saturating_sub(1))
            .all(|c| *c == widest);
    let later = starts.get(1..).unwrap_or(&[]);
    let mut columns: Vec<Vec<Result<Person, MendedLine>>> =
        vec![Vec::new(); if table { starts.len().max(1) } else { 1 }];
    // The people of the last row with names, as (column, index in it).
    let mut last: Vec<(usize, usize)> = Vec::new();
    for raw in rows {
        match people_in_row(raw, later, ctx) {
            Row::People(people) => {
                last.clear();
                for (k, p) in people.into_iter().enumerate() {
                    let c = k.min(columns.len() - 1);
                    columns[c].push(Ok(p));
                    last.push((c, columns[c].len() - 1));
                }
            }
            Row::Rest if !is_note_line(raw.text) && continue_row(raw, &last, &mut columns) => {}
            _ => {
                last.clear();
                columns[0].push(Err(line(*raw, raw.text.trim().to_owned())));
            }
        }
    }
    columns
        .into_iter()
        .flatten()
        .map(|entry| match entry {
            Ok(p) => MendedLine {
                no: p.no,
                pages: (p.page, p.page),
                text: format!("| {} | {} |", p.name, p.role),
            },
            Err(line) => line,
        })
        .collect()
}

/// A parenthesised note about the list (（五十音順）, （敬称略）), which belongs to no role.
fn is_note_line(text: &str) -> bool {
    let t = compact(text);
    (t.starts_with('(') && t.ends_with(')')) && ["順)", "略)"].iter().any(|w| t.ends_with(w))
}

/// A table line without a name: the rest of roles in the row above (wrapped, or printed
/// on the line under the name). Each piece (pieces are two spaces or more apart) goes to a
/// person of that row without a role yet, else to the one whose role starts nearest.
/// `false`, with nothing changed, when there is no row above.
fn continue_row(
    raw: &Raw<'_>,
    last: &[(usize, usize)],
    columns: &mut [Vec<Result<Person, MendedLine>>],
) -> bool {
    if last.is_empty() {
        return false;
    }
    let text = raw.text;
    let toks = tokens(text);
    let mut k = 0;
    while k < toks.len() {
        let first = toks[k];
        let mut l = k + 1;
        while l < toks.len() && toks[l].gap < 2 {
            l += 1;
        }
        let piece = &text[first.start..toks[l - 1].end];
        let score = |p: &Person| match p.role_col {
            None if p.role.is_empty() => (0, 0),
            Some(col) => (1, col.abs_diff(first.col)),
            None => (1, usize::MAX),
        };
        let owner = last
            .iter()
            .filter(|&&(c, i)| matches!(columns.get(c).and_then(|col| col.get(i)), Some(Ok(_))))
            .min_by_key(|&&(c, i)| match columns.get(c).and_then(|col| col.get(i)) {
                Some(Ok(p)) => score(p),
                _ => (2, 0),
            })
            .copied();
        if let Some((c, i)) = owner
            && let Some(Ok(p)) = columns.get_mut(c).and_then(|col| col.get_mut(i))
        {
            if p.role_col.is_none() {
                p.role_col = Some(first.col);
            }
            p.role.push_str(piece);
        }
        k = l;
    }
    true
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
