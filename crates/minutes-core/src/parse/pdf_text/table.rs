//! The attendee part of a PDF: people in any number of columns, roles wrapped or printed
//! under the name, each person made a `| name | role |` row for the parser, which reads the
//! rows by the same rule as printed lines ([`split_people`]).

use super::{MendedLine, Raw, line};
use crate::parse::attendees::{is_note, parenthesised, split_people};
use crate::registry::Registry;

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
pub(super) fn attendee_table(raws: &[Raw<'_>], ctx: &TableContext<'_>) -> Vec<MendedLine> {
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

/// A parenthesised note about the list (（五十音順）, （敬称略）), which belongs to no role:
/// the attendee list's own rule, so that the PDF's table and the parser agree.
fn is_note_line(text: &str) -> bool {
    parenthesised(text.trim()).is_some_and(|inner| is_note(&inner))
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
