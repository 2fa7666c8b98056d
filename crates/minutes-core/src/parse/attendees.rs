//! The 出席者 part: attendees as a markdown table or one per line, their group and the
//! offices that the law gives them.

use std::collections::HashMap;

use super::parts::{Part, Parts};
use super::{Diags, Src};
use crate::model::{Attendee, Group, Office};
use crate::normalize::{compact, is_open_paren, matching_close};
use crate::registry::Registry;

/// The law that constitutes the サイバーセキュリティ戦略本部.
pub(crate) const ACT: &str = "サイバーセキュリティ基本法（平成26年法律第104号）";

/// Ministers who are 本部員 ex officio under the Act (the Chief Cabinet Secretary is the
/// 本部長; further ministers may be designated by the Prime Minister, which the document
/// would have to state).
const ACT_MEMBERS: &[&str] = &[
    "国家公安委員会委員長",
    "総務大臣",
    "外務大臣",
    "経済産業大臣",
    "防衛大臣",
];

/// The group of a role. The rules, in order (roles compared after NFKC, spaces removed):
///
/// | rule | group |
/// |---|---|
/// | ends in 副大臣 or 政務官 (not a minister of state) | Official |
/// | 内閣総理大臣, 内閣官房長官, ends in 大臣, ends in 国家公安委員会委員長 | Minister |
/// | starts with 内閣, or ends in 長官, 監, センター長, 副長官補, 審議官, 局長, 統括官 | Official |
/// | anything else (a company, a university) | Expert |
pub fn group_for_role(role: &str) -> Group {
    let r = compact(role);
    if r.ends_with("副大臣") || r.ends_with("政務官") {
        Group::Official
    } else if r == "内閣総理大臣"
        || r == "内閣官房長官"
        || r.ends_with("大臣")
        || r.ends_with("国家公安委員会委員長")
    {
        Group::Minister
    } else if r.starts_with("内閣")
        || [
            "長官",
            "監",
            "センター長",
            "副長官補",
            "審議官",
            "局長",
            "統括官",
        ]
        .iter()
        .any(|s| r.ends_with(s))
    {
        Group::Official
    } else {
        Group::Expert
    }
}

/// The offices the Act gives a role in the サイバーセキュリティ戦略本部 (本部長 for the Chief
/// Cabinet Secretary, 本部員 for the five ministers it names and for expert members), each
/// with its basis. 副本部長 is not here: the Act leaves it to designation, so only the
/// document can say who holds it.
pub(crate) fn act_offices(role: &str, group: Group) -> Vec<Office> {
    let r = compact(role);
    if r == "内閣官房長官" {
        vec![Office {
            name: "本部長".to_owned(),
            basis: format!("{ACT}: the 本部長 is the 内閣官房長官"),
        }]
    } else if let Some(post) = ACT_MEMBERS.iter().find(|m| **m == r) {
        vec![Office {
            name: "本部員".to_owned(),
            basis: format!("{ACT}: the {post} is a 本部員 ex officio"),
        }]
    } else if group == Group::Expert {
        vec![Office {
            name: "本部員".to_owned(),
            basis: format!(
                "{ACT}: 本部員 appointed by the Prime Minister from persons of expert knowledge (有識者本部員); listed as an outside expert"
            ),
        }]
    } else {
        Vec::new()
    }
}

/// Reads the 3 出席者 part: the attendees, and the note printed with the heading or on the
/// line under it (（敬称略）). `act` says whether the body's offices follow the Act;
/// `written`, that the meeting was held by written procedure, which lists no one.
pub(crate) fn read(
    parts: &Parts<'_>,
    registry: &Registry,
    act: bool,
    written: bool,
    diags: &mut Diags,
) -> (Vec<Attendee>, Option<String>) {
    let Some(part) = parts.get(Part::Attendees) else {
        if written {
            return (Vec::new(), None);
        }
        diags.error(
            parts.first_heading().no,
            "no 3 出席者 part: speakers cannot be attributed".to_owned(),
        );
        return (Vec::new(), None);
    };
    let mut note = parenthesised(part.inline);
    let mut rows: Vec<Src<'_>> = Vec::new();
    for l in part.lines {
        // A note printed on its own line, right under the heading: （敬称略）.
        if note.is_none()
            && rows.iter().all(|r| r.text.is_empty())
            && let Some(own_line) = parenthesised(l.text)
        {
            note = Some(own_line);
            continue;
        }
        rows.push(*l);
    }
    let list = parse_attendees(&rows, registry, act, diags);
    if list.is_empty() {
        diags.error(part.heading.no, "3 出席者 lists nobody".to_owned());
    }
    (list, note)
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

/// Parses the attendee lines. `act` says whether the body's offices follow the Act.
fn parse_attendees(
    lines: &[Src<'_>],
    registry: &Registry,
    act: bool,
    diags: &mut Diags,
) -> Vec<Attendee> {
    let mut attendees: Vec<Attendee> = Vec::new();
    let mut first_seen: HashMap<String, u32> = HashMap::new();
    for line in lines {
        let text = line.text;
        if text.is_empty() || super::lines::is_page_number(text) {
            continue;
        }
        let Some((name, role)) = split_row(text, registry, line.no, diags) else {
            continue;
        };
        let key = compact(name);
        if key.is_empty() {
            diags.error(line.no, format!("attendee row without a name: {text:?}"));
            continue;
        }
        let n = attendees.len() + 1;
        let person = registry.person(name);
        let mut id = match person {
            Some(p) => p.slug.clone(),
            None => {
                diags.warning(
                    line.no,
                    format!("{name} is not in the people register (data/people.json): id attendee-{n}, no reading or Latin name"),
                );
                format!("attendee-{n}")
            }
        };
        if let Some(first) = first_seen.get(&key) {
            diags.error(
                line.no,
                format!("{name} is listed twice (first at line {first})"),
            );
            id = format!("{id}-{n}");
        } else {
            first_seen.insert(key, line.no);
        }
        let mut tokens = name.split_whitespace();
        let family_name = match (tokens.next(), tokens.next()) {
            (Some(f), Some(_)) => Some(f.to_owned()),
            _ => None,
        };
        let group = group_for_role(role);
        attendees.push(Attendee {
            id,
            name: name.to_owned(),
            family_name,
            role: role.to_owned(),
            group,
            offices: if act {
                act_offices(role, group)
            } else {
                Vec::new()
            },
            reading: person.and_then(|p| p.reading.clone()),
            latin: person.and_then(|p| p.latin.clone()),
            role_en: person.and_then(|p| p.role_en.clone()),
        });
    }
    attendees
}

/// Splits an attendee line into name and role, or skips a table's header and separator.
fn split_row<'a>(
    text: &'a str,
    registry: &Registry,
    line: u32,
    diags: &mut Diags,
) -> Option<(&'a str, &'a str)> {
    if text.starts_with('|') || text.starts_with('｜') {
        let cells: Vec<&str> = text.split(['|', '｜']).map(str::trim).collect();
        // Leading and trailing pipes leave empty cells at both ends.
        let inner = match cells.as_slice() {
            [_, inner @ .., ""] => inner,
            [_, inner @ ..] => inner,
            [] => &[],
        };
        let is_rule = |c: &&str| {
            c.chars()
                .all(|ch| matches!(ch, '-' | ':' | '－' | '―' | '—'))
        };
        if inner.iter().all(is_rule) {
            return None; // The empty header row `| | |` and the separator `|---|---|`.
        }
        if let Some(first) = inner.first()
            && ["氏名", "名前", "出席者", "氏 名"].contains(first)
        {
            return None;
        }
        return match inner {
            [name, role, ..] => {
                if inner.len() > 2 && inner[2..].iter().any(|c| !c.is_empty()) {
                    diags.warning(line, format!("attendee row has more than two cells; only the first two are read: {text:?}"));
                }
                Some((name, role))
            }
            [name] => {
                diags.warning(line, format!("attendee row without a role: {text:?}"));
                Some((name, ""))
            }
            [] => None,
        };
    }
    // One per line: `安倍 晋三　内閣総理大臣`. Tokens are separated by any white space.
    let tokens: Vec<(usize, &str)> = token_spans(text);
    let end_of = |k: usize| {
        tokens
            .get(k)
            .map_or(text.len(), |(start, tok)| start + tok.len())
    };
    let rest_after = |k: usize| {
        tokens
            .get(k + 1)
            .map_or("", |(start, _)| text[*start..].trim())
    };
    match tokens.len() {
        0 => None,
        1 => {
            diags.warning(line, format!("attendee line without a role: {text:?}"));
            Some((text, ""))
        }
        2 => Some((tokens[0].1, tokens[1].1)),
        _ => {
            // Three or more tokens: family and given name, then the role (which may itself
            // contain a space, as in 情報通信技術(I T)政策担当大臣). The register settles a
            // printed name without a space.
            let two = &text[..end_of(1)];
            if registry.person(two).is_none() && registry.person(tokens[0].1).is_some() {
                Some((tokens[0].1, rest_after(0)))
            } else {
                Some((two, rest_after(1)))
            }
        }
    }
}

/// The white-space separated tokens of a line with their byte offsets.
fn token_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_follow_the_rule_table() {
        assert_eq!(group_for_role("内閣総理大臣"), Group::Minister);
        assert_eq!(group_for_role("内閣官房長官"), Group::Minister);
        assert_eq!(
            group_for_role("情報通信技術(I T)政策担当大臣"),
            Group::Minister
        );
        assert_eq!(group_for_role("国家公安委員会委員長"), Group::Minister);
        assert_eq!(group_for_role("内閣官房副長官"), Group::Official);
        assert_eq!(group_for_role("内閣危機管理監"), Group::Official);
        assert_eq!(
            group_for_role("内閣サイバーセキュリティセンター長"),
            Group::Official
        );
        assert_eq!(group_for_role("内閣官房副長官補"), Group::Official);
        assert_eq!(group_for_role("総務副大臣"), Group::Official);
        assert_eq!(group_for_role("慶應義塾大学教授"), Group::Expert);
        assert_eq!(group_for_role("KDD I株式会社代表取締役会長"), Group::Expert);
    }

    #[test]
    fn offices_by_the_act() {
        let names = |role: &str, g| {
            act_offices(role, g)
                .into_iter()
                .map(|o| o.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("内閣官房長官", Group::Minister), ["本部長"]);
        assert_eq!(names("防衛大臣", Group::Minister), ["本部員"]);
        assert_eq!(names("内閣総理大臣", Group::Minister), Vec::<String>::new());
        assert_eq!(
            names("情報通信技術(I T)政策担当大臣", Group::Minister),
            Vec::<String>::new()
        );
        assert_eq!(
            names("東京大学大学院法学政治学研究科教授", Group::Expert),
            ["本部員"]
        );
        assert_eq!(
            names("内閣官房副長官", Group::Official),
            Vec::<String>::new()
        );
    }

    #[test]
    fn parenthesised_note() {
        assert_eq!(parenthesised("(敬称略)"), Some("敬称略".to_owned()));
        assert_eq!(parenthesised("（敬称略）"), Some("敬称略".to_owned()));
        assert_eq!(parenthesised("(敬称略) 他"), None);
        assert_eq!(parenthesised(""), None);
    }

    #[test]
    fn token_spans_keep_offsets() {
        assert_eq!(
            token_spans("安倍 晋三　内閣総理大臣"),
            vec![(0, "安倍"), (7, "晋三"), (16, "内閣総理大臣")]
        );
    }
}
