//! The title block: the body that met (サイバーセキュリティ戦略本部) and the document's title
//! (第1回会合 議事概要), and what follows from them: the meeting number, and from the table of
//! bodies the slug that starts the meeting's id and whether the Act fixes its offices.

use super::parts::Parts;
use super::{Diags, Src};
use crate::normalize::{compact, parse_japanese_number};
use crate::registry::{Body, BodyMatch, Registry};

/// What the title block says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header<'r> {
    /// The body as printed; empty when there is no title block.
    pub body: String,
    /// The title as printed; empty when there is none.
    pub title: String,
    /// 第N回 → N; 0 when the title has no number.
    pub meeting_number: u32,
    /// The body's entry in the table of bodies, chosen by its name and the meeting's date.
    pub entry: Option<&'r Body>,
}

impl Header<'_> {
    /// The slug that starts the meeting's id: the body's, or `minutes` when it is not known
    /// (which is an error, so such minutes are never written).
    pub(crate) fn slug(&self) -> &str {
        self.entry.map_or("minutes", |b| b.slug.as_str())
    }
}

/// Reads the title block, the lines before the first part heading. `date` is the meeting's
/// ISO date (empty when unreadable): two bodies may share a name, as the サイバーセキュリティ
/// 戦略本部 before and after its reorganisation in July 2025 do.
pub(crate) fn read<'r>(
    parts: &Parts<'_>,
    registry: &'r Registry,
    date: &str,
    diags: &mut Diags,
) -> Header<'r> {
    let lines = parts.title_lines();
    let (body, title, title_line) = body_and_title(&lines, parts.first_heading(), registry, diags);
    let meeting_number = meeting_number(&title).unwrap_or_else(|| {
        if !title.is_empty() {
            diags.error(
                title_line,
                format!("expected a meeting number such as 第1回 in the title, found {title:?}"),
            );
        }
        0
    });
    let body_line = lines.first().map_or(1, |l| l.no);
    let entry = match registry.body(&body, date) {
        BodyMatch::Found(b) => Some(b),
        _ if body.is_empty() => None,
        BodyMatch::NotThen(named) if date.is_empty() => {
            // The date could not be read (its own error says why); the name alone decides
            // only when one body bears it.
            match named.as_slice() {
                [only] => Some(*only),
                _ => {
                    diags.error(
                        body_line,
                        format!(
                            "{body}: several bodies bear this name ({}); the meeting's date, which cannot be read, would tell which",
                            slugs(&named)
                        ),
                    );
                    None
                }
            }
        }
        BodyMatch::NotThen(named) => {
            diags.error(
                body_line,
                format!(
                    "{body} did not exist on {date} by data/bodies.json ({}): check the date, or add the body's entry for that time",
                    named
                        .iter()
                        .map(|b| format!("{} {}", b.slug, b.years()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            None
        }
        BodyMatch::Unknown => {
            diags.error(
                body_line,
                format!(
                    "{body} is not in data/bodies.json: add the body (its slug, names, designations, offices and secretariat; docs/DATA.md says how) so that its meetings get ids of their own and its offices are known"
                ),
            );
            None
        }
    };
    Header {
        body,
        title,
        meeting_number,
        entry,
    }
}

fn slugs(bodies: &[&Body]) -> String {
    bodies
        .iter()
        .map(|b| b.slug.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The body, the title and the line the title is on. The body is the first line; the title
/// is the rest, or, on a single line, what follows a known body's name or else what starts
/// at its 第 (`サイバーセキュリティ戦略本部 第 16 回会合 議事概要`).
fn body_and_title(
    lines: &[&Src<'_>],
    first_heading: Src<'_>,
    registry: &Registry,
    diags: &mut Diags,
) -> (String, String, u32) {
    match lines {
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
        [only] if let Some(k) = known_body_end(only.text, registry) => (
            only.text[..k].trim().to_owned(),
            only.text[k..].trim().to_owned(),
            only.no,
        ),
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
    }
}

/// Where a known body's printed name ends in a title line (its spaces may differ from the
/// table's), when the line goes on after it.
fn known_body_end(line: &str, registry: &Registry) -> Option<usize> {
    let body = registry.body_prefix(line)?;
    let want = compact(&body.name).chars().count();
    let mut seen = 0;
    for (i, c) in line.char_indices() {
        if seen == want {
            return (!line[i..].trim().is_empty()).then_some(i);
        }
        if !c.is_whitespace() {
            seen += compact(&c.to_string()).chars().count();
        }
    }
    None
}

/// The number in 第N回 (ASCII, full-width or kanji digits; spaces around it, as in
/// `第 16 回`, do not matter).
fn meeting_number(title: &str) -> Option<u32> {
    let start = title.find('第')? + '第'.len_utf8();
    let end = start + title[start..].find('回')?;
    parse_japanese_number(title[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_numbers() {
        assert_eq!(meeting_number("第1回会合 議事概要"), Some(1));
        assert_eq!(meeting_number("第１２回会合"), Some(12));
        assert_eq!(meeting_number("第十二回会合"), Some(12));
        assert_eq!(meeting_number("第 16 回会合 議事概要"), Some(16));
        assert_eq!(meeting_number("会合"), None);
        assert_eq!(meeting_number("回第"), None);
    }
}
