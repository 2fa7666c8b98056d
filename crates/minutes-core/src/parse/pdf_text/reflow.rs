//! The proceedings' printed lines joined back into paragraphs.

use super::{MendedLine, Raw, close_cjk_spaces, line};
use crate::normalize::strip_bullets;
use crate::parse::lines::{
    HeadingCheck, agenda_heading, end_mark, is_page_number, section_heading, speech_heading,
};
use crate::parse::parts::part_heading;

/// Joins a printed line onto the one before: with a space only between two Latin letters
/// or digits, where the line break stood for one.
pub(super) fn join(text: &mut String, more: &str) {
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
pub(super) fn reflow(raws: &[Raw<'_>]) -> Vec<MendedLine> {
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
