//! Property tests: whatever the input - the seed with lines deleted, duplicated, swapped or
//! sprinkled with brackets, bullets and full-width characters, or random text - parsing
//! must not panic, every id it hands out must be unique, and every diagnostic must point at a
//! line of the input.
#![cfg(feature = "convert")]

use std::collections::HashSet;
use std::sync::OnceLock;

use minutes_core::{Block, Minutes, Registry, parse};
use proptest::prelude::*;

const SEED: &str = include_str!("data/seed-cshq-001.txt");

/// The built-in register with two topics only: topic tagging has its own tests, and matching
/// every term against every paragraph of thousands of inputs would dominate the run time
/// of this debug-built test without exercising anything new.
fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| {
        let mut r = Registry::builtin();
        r.topics.truncate(2);
        r
    })
}

/// Characters that mean structure to the parser, and some that merely look like it.
const NASTY: &[&str] = &[
    "(",
    ")",
    "（",
    "）",
    "○",
    "・",
    "-",
    "*",
    "【",
    "】",
    "|",
    "｜",
    "　",
    " ",
    "\n",
    "\n\n",
    "１",
    "9",
    "十",
    "第",
    "回",
    "本部員",
    "本部長",
    "副本部長",
    "大臣",
    "（副本部長）",
    "以上",
    "。",
    "」",
    "~",
    "〜",
    "年",
    "月",
    "日",
    "平成",
    "令和",
    "元",
    "日時",
    "場所",
    "出席者",
    "議事概要",
    "- 3 -",
    "\u{3099}",
    "é",
    "\u{0}",
    "\t",
    "\r",
    "🙂",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Insert { line: usize, at: usize, what: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(line, at, what)| Mutation::Insert { line, at, what }),
    ]
}

fn mutate(mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = SEED.split('\n').map(str::to_owned).collect();
    for m in mutations {
        let n = lines.len().max(1);
        match *m {
            Mutation::Delete(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Mutation::Insert { line, at, what } if !lines.is_empty() => {
                let l = &mut lines[line % n];
                let boundaries: Vec<usize> =
                    l.char_indices().map(|(i, _)| i).chain([l.len()]).collect();
                let pos = boundaries[at % boundaries.len()];
                l.insert_str(pos, NASTY[what % NASTY.len()]);
            }
            _ => {}
        }
    }
    lines.join("\n")
}

/// Parses and checks the invariants.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let parsed = parse(text, registry());
    let line_count = u32::try_from(text.split('\n').count()).unwrap_or(u32::MAX);
    for d in &parsed.diagnostics {
        prop_assert!(
            d.line >= 1 && d.line <= line_count,
            "diagnostic outside the input: {d}"
        );
    }
    if let Some(m) = &parsed.minutes {
        let ids = all_ids(m);
        let mut seen = HashSet::new();
        for id in &ids {
            prop_assert!(!id.is_empty(), "empty id");
            prop_assert!(seen.insert(id.clone()), "duplicate id {id}");
        }
        for p in m.paragraphs() {
            prop_assert!(
                p.line >= 1 && p.line <= line_count,
                "paragraph {} at line {}",
                p.id,
                p.line
            );
        }
        for (_, sp) in m.speeches() {
            if let Some(who) = &sp.speaker {
                prop_assert!(
                    m.attendee(who).is_some(),
                    "speaker {who} is not an attendee"
                );
            }
        }
    }
    Ok(())
}

/// Every id in the minutes: attendees, sections, agenda lists and items, speeches and
/// paragraphs (narrative ones included).
fn all_ids(m: &Minutes) -> Vec<String> {
    let mut ids: Vec<String> = m.attendees.iter().map(|a| a.id.clone()).collect();
    ids.extend(m.sections.iter().map(|s| s.id.clone()));
    for b in m.sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Agenda(a) = b {
            ids.push(a.id.clone());
            ids.extend(a.items.iter().map(|i| i.id.clone()));
        }
    }
    ids.extend(m.speeches().map(|(_, sp)| sp.id.clone()));
    ids.extend(m.paragraphs().map(|p| p.id.clone()));
    ids
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_never_panics_and_ids_stay_unique(mutations in prop::collection::vec(mutation(), 1..12)) {
        check_invariants(&mutate(&mutations))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,300}") {
        check_invariants(&text)?;
    }

    #[test]
    fn random_structure_never_panics(pieces in prop::collection::vec(0..NASTY.len(), 0..120)) {
        let text: String = pieces.iter().map(|i| NASTY[*i]).collect();
        check_invariants(&text)?;
    }

    #[test]
    fn random_lines_after_a_valid_header_never_panic(
        body in prop::collection::vec(prop::collection::vec(0..NASTY.len(), 0..12), 0..30)
    ) {
        let head: String = SEED.lines().take(41).collect::<Vec<_>>().join("\n");
        let tail: Vec<String> = body.iter().map(|l| l.iter().map(|i| NASTY[*i]).collect()).collect();
        check_invariants(&format!("{head}\n{}", tail.join("\n")))?;
    }
}
