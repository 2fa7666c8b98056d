//! The converter: published 議事概要 text in, [`Minutes`] and diagnostics out.
//!
//! The text is a PDF-to-text conversion with the artefacts that brings (page numbers,
//! paragraphs cut by page breaks, spaced letters). [`parse`] reads it in passes:
//!
//! 1. lines: numbered 1-based as in the source; control characters are reported;
//! 2. parts: the title block, then `1 日時`, `2 場所`, `3 出席者`, `4 議事概要`;
//! 3. the proceedings: sections `(1)`, agenda lists `【決定事項】`, speech headings
//!    `○（小野寺本部員）`, paragraphs re-joined across page breaks ([`proceedings`]);
//! 4. attribution: each designation resolved to an attendee from facts only ([`attribution`]);
//! 5. ids, search forms and topics.
//!
//! Parsing never panics and never fails: problems become [`Diagnostic`]s with line numbers,
//! and an [`Severity::Error`] means the output must not be published as it is.

mod attendees;
mod attribution;
mod date;
mod lines;
mod proceedings;

use std::collections::{HashMap, HashSet};
use std::fmt;

pub use attendees::group_for_role;

use crate::model::{
    Agenda, AgendaItem, AgendaKind, Block, Group, MeetingDate, Minutes, Office, Paragraph,
    SCHEMA_VERSION, Section, Speech,
};
use crate::normalize::{
    compact, is_open_paren, matching_close, normalize_for_search, parse_japanese_number,
};
use crate::registry::Registry;
use crate::topics::TopicMatcher;
use attribution::{Context, Speaker};
use proceedings::{RawBlock, RawPara};

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
    /// The 1-based source line.
    pub line: u32,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, quoting the text where that helps.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.severity, self.message)
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
            severity: Severity::Error,
            message,
        });
    }

    pub(crate) fn warning(&mut self, line: u32, message: String) {
        self.0.push(Diagnostic {
            line,
            severity: Severity::Warning,
            message,
        });
    }
}

/// One source line: its 1-based number and its text, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Src<'a> {
    pub no: u32,
    pub text: &'a str,
}

/// The parts of the document after the title block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
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
];

/// Recognises a part heading such as `1 日時`, `３．出席者（敬称略）` or `日時：…`, returning
/// the part and the rest of the line. The 議事概要 heading needs its number (or an earlier
/// part), so that the title 第1回会合 議事概要 is never taken for it.
fn part_heading(text: &str, seen_part: bool) -> Option<(Part, &str)> {
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

/// Splits the text into numbered lines, blanking (and reporting) lines with control
/// characters, which mean binary data or a broken conversion.
fn split_lines<'a>(text: &'a str, diags: &mut Diags) -> Vec<Src<'a>> {
    const MAX_REPORTED: usize = 20;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut bad = 0usize;
    let mut first_unreported = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut line = Src {
            no,
            text: raw.trim(),
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

fn nonblank<'a>(lines: &'a [Src<'a>]) -> impl Iterator<Item = &'a Src<'a>> {
    lines
        .iter()
        .filter(|l| !l.text.is_empty() && !lines::is_page_number(l.text))
}

/// Parses the text of one 議事概要.
pub fn parse(text: &str, registry: &Registry) -> Parsed {
    let mut diags = Diags::default();
    let minutes = parse_inner(text, registry, &mut diags);
    let mut diagnostics = diags.0;
    diagnostics.sort_by_key(|d| d.line);
    Parsed {
        minutes,
        diagnostics,
    }
}

fn parse_inner(text: &str, registry: &Registry, diags: &mut Diags) -> Option<Minutes> {
    let lines = split_lines(text, diags);
    let Some(first) = nonblank(&lines).next().copied() else {
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

    // Part headings, in order; the proceedings run to the end of the file.
    // (part, line index, rest of the heading line, whether it repeats an earlier heading).
    let mut parts: Vec<(Part, usize, &str, bool)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some((part, rest)) = part_heading(l.text, !parts.is_empty()) {
            if let Some(&(_, j, _, _)) = parts.iter().find(|(p, _, _, _)| *p == part) {
                diags.error(
                    l.no,
                    format!(
                        "a second {} heading (the first is at line {}); its part is ignored",
                        part.label(),
                        lines[j].no
                    ),
                );
                parts.push((part, i, rest, true));
                continue;
            }
            parts.push((part, i, rest, false));
            if part == Part::Proceedings {
                break;
            }
        }
    }
    if parts.is_empty() {
        diags.error(
            first.no,
            format!(
                "expected a 議事概要 with the parts 1 日時, 2 場所, 3 出席者 and 4 議事概要, found none of them (the text starts {:?})",
                first.text.chars().take(40).collect::<String>()
            ),
        );
        return None;
    }
    let part_lines = |k: usize| -> &[Src<'_>] {
        let start = parts[k].1 + 1;
        let end = parts.get(k + 1).map_or(lines.len(), |p| p.1);
        lines.get(start..end).unwrap_or(&[])
    };
    let find = |part: Part| parts.iter().position(|(p, _, _, dup)| *p == part && !dup);
    let first_heading = lines[parts[0].1];

    // Title block.
    let title_lines: Vec<&Src<'_>> = nonblank(&lines[..parts[0].1]).collect();
    let (body, title, title_line) = match title_lines.as_slice() {
        [] => {
            diags.error(
                first_heading.no,
                format!(
                    "expected a title block (the body, then e.g. 第1回会合 議事概要) before {:?}",
                    first_heading.text
                ),
            );
            (String::new(), String::new(), first_heading.no)
        }
        [only] => match only.text.find('第') {
            Some(k) if k > 0 => (
                only.text[..k].trim().to_owned(),
                only.text[k..].trim().to_owned(),
                only.no,
            ),
            _ => {
                diags.error(
                    only.no,
                    format!(
                        "expected a title such as 第1回会合 議事概要 after the body {:?}",
                        only.text
                    ),
                );
                (only.text.to_owned(), String::new(), only.no)
            }
        },
        [body, rest @ ..] => {
            if rest.len() > 1 {
                diags.warning(
                    rest[1].no,
                    "the title runs over several lines; they are joined with a space".to_owned(),
                );
            }
            (
                body.text.to_owned(),
                rest.iter().map(|l| l.text).collect::<Vec<_>>().join(" "),
                rest[0].no,
            )
        }
    };
    let meeting_number = meeting_number(&title).unwrap_or_else(|| {
        if !title.is_empty() {
            diags.error(
                title_line,
                format!("expected a meeting number such as 第1回 in the title, found {title:?}"),
            );
        }
        0
    });
    let (slug, act) = match registry.body(&body) {
        Some(b) => (b.slug, b.cybersecurity_act),
        None => {
            if !body.is_empty() {
                diags.warning(
                    title_lines.first().map_or(1, |l| l.no),
                    format!("{body} is not in the table of bodies (BODIES in registry.rs): the id starts with `minutes` and no offices are derived from law"),
                );
            }
            ("minutes", false)
        }
    };

    // 1 日時.
    let date = match find(Part::Date) {
        None => {
            diags.error(
                first_heading.no,
                format!("no 1 日時 part: expected a date such as {}", date::EXAMPLE),
            );
            empty_date()
        }
        Some(k) => {
            let heading = lines[parts[k].1];
            let mut pieces: Vec<&str> = Vec::new();
            if !parts[k].2.is_empty() {
                pieces.push(parts[k].2);
            }
            let at = if pieces.is_empty() {
                nonblank(part_lines(k)).next().map_or(heading.no, |l| l.no)
            } else {
                heading.no
            };
            pieces.extend(nonblank(part_lines(k)).map(|l| l.text));
            let printed = pieces.join(" ");
            if printed.is_empty() {
                diags.error(
                    heading.no,
                    format!("1 日時 is empty: expected a date such as {}", date::EXAMPLE),
                );
                empty_date()
            } else {
                date::parse_date(&printed).unwrap_or_else(|message| {
                    diags.error(at, message);
                    MeetingDate {
                        printed,
                        ..empty_date()
                    }
                })
            }
        }
    };

    // 2 場所.
    let place = match find(Part::Place) {
        None => {
            diags.warning(
                first_heading.no,
                "no 2 場所 part: the place is left empty".to_owned(),
            );
            String::new()
        }
        Some(k) => {
            let mut pieces: Vec<&str> = Vec::new();
            if !parts[k].2.is_empty() {
                pieces.push(parts[k].2);
            }
            pieces.extend(nonblank(part_lines(k)).map(|l| l.text));
            if pieces.is_empty() {
                diags.warning(lines[parts[k].1].no, "2 場所 is empty".to_owned());
            }
            pieces.join(" ")
        }
    };

    // 3 出席者.
    let (mut attendees, attendees_note) = match find(Part::Attendees) {
        None => {
            diags.error(
                first_heading.no,
                "no 3 出席者 part: speakers cannot be attributed".to_owned(),
            );
            (Vec::new(), None)
        }
        Some(k) => {
            let mut note = parenthesised(parts[k].2);
            let mut rows: Vec<Src<'_>> = Vec::new();
            for l in part_lines(k) {
                // A note printed on its own line, right under the heading: （敬称略）.
                if note.is_none()
                    && rows.iter().all(|r| r.text.is_empty())
                    && parenthesised(l.text).is_some()
                {
                    note = parenthesised(l.text);
                    continue;
                }
                rows.push(*l);
            }
            let list = attendees::parse_attendees(&rows, registry, act, diags);
            if list.is_empty() {
                diags.error(lines[parts[k].1].no, "3 出席者 lists nobody".to_owned());
            }
            (list, note)
        }
    };

    // 4 議事概要.
    let (raw, proceedings_line) = match find(Part::Proceedings) {
        None => {
            diags.error(
                lines.last().map_or(1, |l| l.no),
                "no 4 議事概要 part: the proceedings are missing".to_owned(),
            );
            (proceedings::Proceedings::default(), 0)
        }
        Some(k) => (
            proceedings::parse_proceedings(part_lines(k), diags),
            lines[parts[k].1].no,
        ),
    };
    if !raw.sections.iter().any(|s| !s.blocks.is_empty()) && proceedings_line > 0 {
        diags.error(proceedings_line, "4 議事概要 has no content".to_owned());
    }

    // Attribution, pass 1: the document's statements of who is 副本部長 (a trailing
    // （副本部長）), so that a later bare 副本部長 can be resolved whatever the order.
    let speeches: Vec<(&proceedings::RawSpeech, u32)> = raw
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(move |b| (b, s.number)))
        .filter_map(|(b, n)| match b {
            RawBlock::Speech(sp) => Some((sp, n)),
            _ => None,
        })
        .collect();
    let mut ctx = Context {
        attendees: &attendees,
        act,
        deputies: Vec::new(),
    };
    let mut deputy_statements: Vec<(usize, u32, String)> = Vec::new();
    for (sp, _) in &speeches {
        let c = compact(&sp.designation);
        if lines::split_trailing_office(&c).1 == Some("副本部長")
            && let Speaker::Attendee(i) =
                attribution::resolve(&ctx, lines::split_trailing_office(&c).0).speaker
            && !deputy_statements.iter().any(|(j, _, _)| *j == i)
        {
            deputy_statements.push((i, sp.line, sp.designation.clone()));
        }
    }
    ctx.deputies = deputy_statements.iter().map(|(i, l, _)| (*i, *l)).collect();

    // Pass 2: every speech.
    let mut resolutions = Vec::new();
    let mut document_offices: Vec<(usize, Office)> = Vec::new();
    let mut named_experts: HashMap<usize, (String, u32)> = HashMap::new();
    for (sp, _) in &speeches {
        let r = attribution::resolve(&ctx, &sp.designation);
        if let Some(why) = &r.error {
            diags.error(
                sp.line,
                format!(
                    "cannot attribute the speech headed （{}）: {why}",
                    sp.designation
                ),
            );
        }
        if let Speaker::Attendee(i) = r.speaker {
            let c = compact(&sp.designation);
            let (base, trailing) = lines::split_trailing_office(&c);
            if trailing == Some("本部員")
                && !attendees[i].offices.iter().any(|o| o.name == "本部員")
            {
                document_offices.push((
                    i,
                    Office {
                        name: "本部員".to_owned(),
                        basis: format!("the document, line {}: （{}）", sp.line, sp.designation),
                    },
                ));
            }
            if base.ends_with("本部員") && attendees[i].group == Group::Expert {
                named_experts
                    .entry(i)
                    .or_insert_with(|| (sp.designation.clone(), sp.line));
            }
        }
        resolutions.push(r);
    }
    for (i, line, designation) in &deputy_statements {
        document_offices.push((
            *i,
            Office {
                name: "副本部長".to_owned(),
                basis: format!("the document, line {line}: （{designation}）"),
            },
        ));
    }
    for (i, office) in document_offices {
        if let Some(a) = attendees.get_mut(i)
            && !a.offices.iter().any(|o| o.name == office.name)
        {
            a.offices.push(office);
        }
    }
    for (i, (designation, line)) in &named_experts {
        if let Some(o) = attendees
            .get_mut(*i)
            .and_then(|a| a.offices.iter_mut().find(|o| o.name == "本部員"))
        {
            o.basis.push_str(&format!(
                "; the document names them {designation} at line {line}"
            ));
        }
    }
    for a in &mut attendees {
        a.offices.sort_by_key(|o| {
            lines::OFFICES
                .iter()
                .position(|n| *n == o.name)
                .unwrap_or(usize::MAX)
        });
    }

    // Ids, search forms, topics.
    let mut ids = Ids::default();
    let matcher = TopicMatcher::new(&registry.topics);
    for a in &mut attendees {
        a.id = ids.unique(std::mem::take(&mut a.id));
    }
    let mut resolutions = resolutions.into_iter();
    let mut sections = Vec::new();
    for raw_section in raw.sections {
        let sec_id = ids.unique(format!("sec-{}", raw_section.number));
        let mut blocks = Vec::new();
        let mut narratives = 0;
        let mut unknowns = 0;
        let mut agenda_counts: HashMap<&'static str, u32> = HashMap::new();
        for (k, block) in raw_section.blocks.into_iter().enumerate() {
            match block {
                RawBlock::Narrative(p) => {
                    narratives += 1;
                    let id = ids.unique(format!("{sec_id}-n{narratives}"));
                    blocks.push(Block::Narrative(paragraph(id, p, &matcher)));
                }
                RawBlock::Agenda(a) => {
                    let kind_slug = match a.kind {
                        AgendaKind::Decision => "decision",
                        AgendaKind::Discussion => "discussion",
                        AgendaKind::Report => "report",
                        AgendaKind::Other => "other",
                    };
                    let count = agenda_counts.entry(kind_slug).or_insert(0);
                    *count += 1;
                    let base = if *count == 1 {
                        format!("{sec_id}-{kind_slug}")
                    } else {
                        format!("{sec_id}-{kind_slug}-list{count}")
                    };
                    let id = ids.unique(base);
                    let items = a
                        .items
                        .into_iter()
                        .enumerate()
                        .map(|(j, text)| AgendaItem {
                            id: ids.unique(format!("{id}-{}", j + 1)),
                            text,
                        })
                        .collect();
                    blocks.push(Block::Agenda(Agenda {
                        id,
                        kind: a.kind,
                        heading: a.heading,
                        items,
                    }));
                }
                RawBlock::Speech(sp) => {
                    let Some(r) = resolutions.next() else {
                        continue;
                    };
                    let (speaker, slug) = match r.speaker {
                        Speaker::Attendee(i) => {
                            let id = attendees.get(i).map(|a| a.id.clone());
                            (id.clone(), id.unwrap_or_default())
                        }
                        Speaker::Secretariat => (None, "secretariat".to_owned()),
                        Speaker::Unknown => {
                            unknowns += 1;
                            (None, format!("unknown-{unknowns}"))
                        }
                    };
                    let id = ids.unique(format!("{sec_id}-{slug}"));
                    let attribution =
                        if k == 0 && raw_section.title.starts_with(sp.designation.as_str()) {
                            format!(
                                "section title ({}) {}: {}",
                                raw_section.number, raw_section.title, r.attribution
                            )
                        } else {
                            r.attribution
                        };
                    let paragraphs = sp
                        .paras
                        .into_iter()
                        .enumerate()
                        .map(|(j, p)| {
                            paragraph(ids.unique(format!("{id}-p{}", j + 1)), p, &matcher)
                        })
                        .collect::<Vec<_>>();
                    if paragraphs.is_empty() {
                        diags.warning(
                            sp.line,
                            format!("the speech headed （{}） has no text", sp.designation),
                        );
                    }
                    blocks.push(Block::Speech(Speech {
                        id,
                        speaker,
                        designation: sp.designation,
                        attribution,
                        paragraphs,
                    }));
                }
            }
        }
        sections.push(Section {
            id: sec_id,
            number: raw_section.number,
            title: raw_section.title,
            blocks,
        });
    }

    Some(Minutes {
        schema_version: SCHEMA_VERSION,
        id: format!("{slug}-{meeting_number:03}"),
        body,
        title,
        meeting_number,
        date,
        place,
        attendees_note,
        attendees,
        sections,
        topics: registry.topics.clone(),
        end_mark: raw.end_mark,
    })
}

fn paragraph(id: String, p: RawPara, matcher: &TopicMatcher) -> Paragraph {
    let search = normalize_for_search(&p.text);
    let topics = matcher.matches(&search);
    Paragraph {
        id,
        text: p.text,
        search,
        topics,
        line: p.line,
    }
}

fn empty_date() -> MeetingDate {
    MeetingDate {
        printed: String::new(),
        era: None,
        era_year: None,
        date: String::new(),
        weekday: None,
        start: None,
        end: None,
    }
}

/// The number in 第N回 (ASCII, full-width or kanji digits).
fn meeting_number(title: &str) -> Option<u32> {
    let start = title.find('第')? + '第'.len_utf8();
    let end = start + title[start..].find('回')?;
    parse_japanese_number(&title[start..end])
}

/// The content of a text that is entirely one parenthesised group: （敬称略） → 敬称略.
fn parenthesised(text: &str) -> Option<String> {
    let open = text.chars().next().filter(|c| is_open_paren(*c))?;
    let close = matching_close(text)?;
    let after = &text[close..];
    let close_len = after.chars().next().map_or(0, char::len_utf8);
    (close + close_len == text.len())
        .then(|| text[open.len_utf8()..close].trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Hands out ids, guaranteeing uniqueness: a taken id gets `-2`, `-3`... appended.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, base: String) -> String {
        if self.0.insert(base.clone()) {
            return base;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if self.0.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
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
    }

    #[test]
    fn meeting_numbers() {
        assert_eq!(meeting_number("第1回会合 議事概要"), Some(1));
        assert_eq!(meeting_number("第１２回会合"), Some(12));
        assert_eq!(meeting_number("第十二回会合"), Some(12));
        assert_eq!(meeting_number("会合"), None);
        assert_eq!(meeting_number("回第"), None);
    }

    #[test]
    fn parenthesised_note() {
        assert_eq!(parenthesised("(敬称略)"), Some("敬称略".to_owned()));
        assert_eq!(parenthesised("（敬称略）"), Some("敬称略".to_owned()));
        assert_eq!(parenthesised("(敬称略) 他"), None);
        assert_eq!(parenthesised(""), None);
    }

    #[test]
    fn ids_stay_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".to_owned()), "a");
        assert_eq!(ids.unique("a".to_owned()), "a-2");
        assert_eq!(ids.unique("a".to_owned()), "a-3");
    }
}
