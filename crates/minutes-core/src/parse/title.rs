//! The title block: the body that met (サイバーセキュリティ戦略本部) and the document's title
//! (第1回会合 議事概要), and what follows from them: the meeting number, and from the table of
//! bodies the slug that starts the meeting's id and whether the Act fixes its offices.

use super::parts::Parts;
use super::{Diags, Src};
use crate::normalize::parse_japanese_number;
use crate::registry::Registry;

/// What the title block says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The body as printed; empty when there is no title block.
    pub body: String,
    /// The title as printed; empty when there is none.
    pub title: String,
    /// 第N回 → N; 0 when the title has no number.
    pub meeting_number: u32,
    /// The body's slug from the table of bodies, or `minutes`.
    pub slug: &'static str,
    /// Whether サイバーセキュリティ基本法 fixes the body's offices.
    pub act: bool,
}

/// Reads the title block, the lines before the first part heading.
pub(crate) fn read(parts: &Parts<'_>, registry: &Registry, diags: &mut Diags) -> Header {
    let lines = parts.title_lines();
    let (body, title, title_line) = body_and_title(&lines, parts.first_heading(), diags);
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
                    lines.first().map_or(1, |l| l.no),
                    format!("{body} is not in the table of bodies (BODIES in registry.rs): the id starts with `minutes` and no offices are derived from law"),
                );
            }
            ("minutes", false)
        }
    };
    Header {
        body,
        title,
        meeting_number,
        slug,
        act,
    }
}

/// The body, the title and the line the title is on. The body is the first line; the title
/// is the rest, or, on a single line, what starts at its 第.
fn body_and_title(
    lines: &[&Src<'_>],
    first_heading: Src<'_>,
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

/// The number in 第N回 (ASCII, full-width or kanji digits).
fn meeting_number(title: &str) -> Option<u32> {
    let start = title.find('第')? + '第'.len_utf8();
    let end = start + title[start..].find('回')?;
    parse_japanese_number(&title[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_numbers() {
        assert_eq!(meeting_number("第1回会合 議事概要"), Some(1));
        assert_eq!(meeting_number("第１２回会合"), Some(12));
        assert_eq!(meeting_number("第十二回会合"), Some(12));
        assert_eq!(meeting_number("会合"), None);
        assert_eq!(meeting_number("回第"), None);
    }
}
