//! The converter: published 議事概要 text in, [`Minutes`] and diagnostics out.
//!
//! The text is a PDF-to-text conversion with the artefacts that brings (page numbers,
//! paragraphs cut by page breaks, spaced letters). [`parse`] reads it in passes:
//!
//! 1. lines: numbered 1-based as in the source; control characters are reported ([`lines`]);
//! 2. parts: the title block, then `1 日時`, `2 場所`, `3 出席者`, `4 議事概要` ([`parts`]),
//!    each read by a module of its own ([`title`], [`date`], [`place`], [`attendees`]);
//! 3. the proceedings: sections `(1)`, agenda lists `【決定事項】`, speech headings
//!    `○（小野寺本部員）`, paragraphs re-joined across page breaks ([`proceedings`]);
//! 4. attribution: each designation resolved to an attendee from facts only ([`attribution`]);
//! 5. ids, search forms and topics ([`assemble`]).
//!
//! Parsing never panics and never fails: problems become [`Diagnostic`]s with line numbers,
//! and an [`Severity::Error`] means the output must not be published as it is.

mod assemble;
mod attendees;
mod attribution;
mod date;
mod lines;
mod parts;
pub(crate) mod pdf_text;
mod place;
mod proceedings;
mod title;

use std::fmt;

pub use attendees::group_for_role;

use crate::model::{Minutes, SCHEMA_VERSION};
use crate::registry::Registry;
use parts::Parts;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The output would be wrong or incomplete; the CLI writes nothing.
    Error,
    /// Worth a look (e.g. a person missing from the register), but the output is sound.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A problem found in the text, with the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The 1-based source line. For a PDF, the line of the text extracted from it
    /// (`pdftotext -layout`, pages in order), which `page` places on the printed page.
    pub line: u32,
    /// For a PDF, the page that line is on.
    pub page: Option<u32>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, quoting the text where that helps.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.page {
            Some(page) => write!(
                f,
                "line {} (page {page}): {}: {}",
                self.line, self.severity, self.message
            ),
            None => write!(f, "line {}: {}: {}", self.line, self.severity, self.message),
        }
    }
}

/// The result of [`parse`]: the minutes (when the text has any structure at all) and every
/// diagnostic, in line order.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The minutes; `None` only when the text has none of the parts of a 議事概要 (an empty
    /// file, or something else entirely). Diagnostics say why.
    pub minutes: Option<Minutes>,
    /// Errors and warnings, sorted by line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Diagnostics being collected.
#[derive(Debug, Default)]
pub(crate) struct Diags(Vec<Diagnostic>);

impl Diags {
    pub(crate) fn error(&mut self, line: u32, message: String) {
        self.0.push(Diagnostic {
            line,
            page: None,
            severity: Severity::Error,
            message,
        });
    }

    pub(crate) fn warning(&mut self, line: u32, message: String) {
        self.0.push(Diagnostic {
            line,
            page: None,
            severity: Severity::Warning,
            message,
        });
    }
}

/// One source line: its 1-based number and its text, trimmed of surrounding white space;
/// for a PDF, also the first and last page it is printed on (a line of text mended from a
/// PDF can be a paragraph that runs on to the next page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Src<'a> {
    pub no: u32,
    pub text: &'a str,
    pub pages: Option<(u32, u32)>,
}

/// Parses the text of one 議事概要.
pub fn parse(text: &str, registry: &Registry) -> Parsed {
    let mut diags = Diags::default();
    let lines = lines::split_lines(text, &mut diags);
    finish(parse_lines(&lines, registry, &mut diags), diags, |_| None)
}

/// Parses the text extracted from the PDF of one 議事概要 (`pdftotext -layout`: pages in
/// order, each ended by a form feed), after mending what extraction does to it (running
/// headers and footers, page numbers, paragraphs wrapped into lines and cut by page
/// breaks, spaces between CJK characters, the attendee table). Line numbers are those of
/// the extracted text; every paragraph and diagnostic also carries its page.
pub fn parse_pdf_text(text: &str, registry: &Registry) -> Parsed {
    let mut diags = Diags::default();
    let mended = pdf_text::mend(text, registry);
    let lines = lines::screen_lines(
        mended
            .lines
            .iter()
            .map(|l| (l.no, l.text.as_str(), Some(l.pages))),
        &mut diags,
    );
    let minutes = parse_lines(&lines, registry, &mut diags);
    finish(minutes, diags, |line| mended.page_of(line))
}

/// Whether the title or the place says the meeting was held by written procedure.
fn is_written_procedure(title: &str, place: &str) -> bool {
    crate::model::says_written_procedure(title) || crate::model::says_written_procedure(place)
}

/// Sorts the diagnostics by line and places each on its page.
fn finish(minutes: Option<Minutes>, diags: Diags, page_of: impl Fn(u32) -> Option<u32>) -> Parsed {
    let mut diagnostics = diags.0;
    for d in &mut diagnostics {
        d.page = page_of(d.line);
    }
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        minutes,
        diagnostics,
    }
}

/// The passes in order. Each part reports its own problems, so the order of the calls is
/// also the order of diagnostics on one line.
fn parse_lines(lines: &[Src<'_>], registry: &Registry, diags: &mut Diags) -> Option<Minutes> {
    let parts = Parts::find(lines, diags)?;
    // The date before the title: the body is chosen by its name and the meeting's date.
    let date = date::read(&parts, diags);
    let header = title::read(&parts, registry, &date.date, diags);
    let place = place::read(&parts, diags);
    // A meeting held by written procedure (持ち回り開催) records decisions, not a room of
    // people: it may have no 出席者 part.
    let written = is_written_procedure(&header.title, &place);
    let list = attendees::ListContext::new(registry, header.entry, &date.date);
    let (mut attendees, attendees_note) = attendees::read(&parts, registry, &list, written, diags);
    let proceedings = proceedings::read(&parts, diags);
    let resolutions = attribution::attribute(
        &proceedings,
        &mut attendees,
        header.entry,
        &date.date,
        diags,
    );
    let sections = assemble::sections(
        proceedings.sections,
        resolutions,
        &mut attendees,
        &registry.topics,
        diags,
    );
    Some(Minutes {
        schema_version: SCHEMA_VERSION,
        id: format!("{}-{:03}", header.slug(), header.meeting_number),
        body: header.body,
        title: header.title,
        meeting_number: header.meeting_number,
        date,
        place,
        attendees_note,
        attendees,
        sections,
        topics: registry.topics.clone(),
        end_mark: proceedings.end_mark,
        source: None,
    })
}
