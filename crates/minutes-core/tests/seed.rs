//! The seed document (サイバーセキュリティ戦略本部 第1回会合 議事概要): what it must convert to,
//! that nothing is lost, and that the committed JSON and schema are what the code produces.
#![cfg(feature = "convert")]

mod common;

use std::collections::HashSet;
use std::path::PathBuf;

use common::{json_content, source_content};

use minutes_core::parse::Severity;
use minutes_core::schema::json_schema_text;
use minutes_core::{AgendaKind, Block, Minutes, Parsed, Registry, SourceFormat, convert, to_json};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed_text() -> String {
    let path = manifest().join("tests/data/seed-cshq-001.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed converted as the CLI converts a file: from its bytes, recording its source.
fn convert_seed() -> Parsed {
    convert(seed_text().as_bytes(), None, &Registry::builtin())
        .unwrap_or_else(|e| panic!("the seed is readable: {e}"))
}

fn seed() -> Minutes {
    let parsed = convert_seed();
    assert_eq!(
        parsed.diagnostics,
        vec![],
        "the seed converts without any diagnostic"
    );
    parsed
        .minutes
        .unwrap_or_else(|| panic!("the seed has minutes"))
}

/// Writes `actual` to `path` under MINUTES_BLESS, else fails with the regeneration hint.
fn snapshot(path: &PathBuf, actual: &str, how: &str) {
    if std::env::var_os("MINUTES_BLESS").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed != actual {
        let line = committed
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |n| n + 1);
        panic!(
            "{} is not what the converter produces now (first difference near line {line}).\nRegenerate it with:\n  {how}\nand review the diff before committing.",
            path.display()
        );
    }
}

#[test]
fn committed_seed_json_is_the_current_conversion() {
    snapshot(
        &manifest().join("../../data/minutes/cshq-001.json"),
        &to_json(&seed()),
        "cargo run -p minutes-cli -- crates/minutes-core/tests/data/seed-cshq-001.txt -o data/minutes/cshq-001.json",
    );
}

#[test]
fn committed_schema_is_the_generated_one() {
    snapshot(
        &manifest().join("../../data/minutes.schema.json"),
        &json_schema_text(),
        "cargo run -p minutes-cli -- --schema -o data/minutes.schema.json",
    );
}

#[test]
fn seed_copy_matches_the_shared_seed() {
    // The tests use a copy so that they run without ../shared; when the original is there,
    // the copy must not have drifted from it.
    let shared = manifest().join("../../../shared/seeds/000_d31bed1309ec8d4e.txt");
    if let Ok(original) = std::fs::read_to_string(&shared) {
        assert!(
            original == seed_text(),
            "tests/data/seed-cshq-001.txt differs from {}",
            shared.display()
        );
    }
}

#[test]
fn seed_header() {
    let m = seed();
    assert_eq!(m.id, "cshq-001");
    assert_eq!(m.schema_version, minutes_core::SCHEMA_VERSION);
    assert_eq!(m.body, "サイバーセキュリティ戦略本部");
    assert_eq!(m.title, "第1回会合 議事概要");
    assert_eq!(m.meeting_number, 1);
    assert_eq!(m.date.date, "2015-02-10");
    assert_eq!(m.date.era.as_deref(), Some("平成"));
    assert_eq!(m.date.era_year, Some(27));
    assert_eq!(m.date.weekday.as_deref(), Some("火"));
    assert_eq!(m.date.start.as_deref(), Some("2015-02-10T17:00:00+09:00"));
    assert_eq!(m.date.end.as_deref(), Some("2015-02-10T18:00:00+09:00"));
    assert_eq!(m.place, "総理大臣官邸2階小ホール");
    assert_eq!(m.attendees_note.as_deref(), Some("敬称略"));
    assert_eq!(m.end_mark.as_deref(), Some("以上"));
    let source = m
        .source
        .clone()
        .unwrap_or_else(|| panic!("the seed records its source"));
    assert_eq!(source.format, SourceFormat::Text);
    assert_eq!(source.url, None);
    assert_eq!(source.sha256.len(), 64);
    assert!(
        m.paragraphs()
            .all(|p| p.page.is_none() && p.page_end.is_none()),
        "text has no pages"
    );
}

#[test]
fn seed_attendees_and_offices() {
    let m = seed();
    assert_eq!(m.attendees.len(), 21);
    assert!(
        m.attendees
            .iter()
            .all(|a| a.latin.is_some() && a.reading.is_some()),
        "all are in the register"
    );
    let offices = |id: &str| -> Vec<String> {
        m.attendee(id)
            .map(|a| a.offices.iter().map(|o| o.name.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(offices("suga-yoshihide"), ["本部長"]);
    assert_eq!(offices("yamaguchi-shunichi"), ["副本部長"]);
    assert_eq!(
        offices("abe-shinzo"),
        Vec::<String>::new(),
        "the Prime Minister holds no office of the headquarters"
    );
    assert_eq!(offices("nakatani-gen"), ["本部員"]);
    assert_eq!(offices("nakatani-kazuhiro"), ["本部員"]);
    assert_eq!(offices("kato-katsunobu"), Vec::<String>::new());
    let deputy = m
        .attendee("yamaguchi-shunichi")
        .map(|a| a.offices[0].basis.clone())
        .unwrap_or_default();
    assert!(deputy.starts_with("the document, line 211:"), "{deputy}");
    use minutes_core::Group::*;
    let groups: Vec<_> = m.attendees.iter().map(|a| a.group).collect();
    assert_eq!(groups[..8], [Minister; 8]);
    assert_eq!(groups[8..14], [Expert; 6]);
    assert_eq!(groups[14..], [Official; 7]);
}

#[test]
fn seed_speaker_sequence() {
    let m = seed();
    let speakers_in = |section: &str| -> Vec<Option<String>> {
        m.speeches()
            .filter(|(s, _)| s.id == section)
            .map(|(_, sp)| sp.speaker.clone())
            .collect()
    };
    let per_section: Vec<(String, Vec<Option<String>>)> = m
        .sections
        .iter()
        .map(|s| (s.id.clone(), speakers_in(&s.id)))
        .collect();
    let some = |ids: &[&str]| {
        ids.iter()
            .map(|s| Some((*s).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        per_section,
        vec![
            ("sec-1".to_owned(), some(&["abe-shinzo"])),
            (
                "sec-2".to_owned(),
                some(&[
                    "onodera-tadashi",
                    "nakatani-kazuhiro",
                    "nohara-sawako",
                    "hayashi-koichiro",
                    "maeda-masahide",
                    "murai-jun",
                    "yamaguchi-shunichi",
                    "yamatani-eriko",
                    "takaichi-sanae",
                    "kishida-fumio",
                    "miyazawa-yoichi",
                    "nakatani-gen",
                ])
            ),
            ("sec-3".to_owned(), vec![]),
            ("sec-4".to_owned(), some(&["suga-yoshihide"])),
        ]
    );
    // Section 3 is narrative only.
    assert!(
        m.sections[2]
            .blocks
            .iter()
            .all(|b| matches!(b, Block::Narrative(_)))
    );
    assert_eq!(m.sections[2].blocks.len(), 2);
    // Speech ids are section + attendee slug.
    let ids: Vec<&str> = m.speeches().map(|(_, sp)| sp.id.as_str()).collect();
    assert_eq!(ids[0], "sec-1-abe-shinzo");
    assert_eq!(ids[1], "sec-2-onodera-tadashi");
    assert_eq!(ids[13], "sec-4-suga-yoshihide");
}

#[test]
fn closing_address_by_the_chief_not_the_prime_minister() {
    // Regression guard: 本部長 is an office that the Act gives the Chief Cabinet Secretary;
    // the Prime Minister, who gave the opening address, must not get the closing one.
    let m = seed();
    let (_, closing) = m.speeches().last().unwrap_or_else(|| panic!("speeches"));
    assert_eq!(closing.designation, "本部長");
    assert_eq!(closing.speaker.as_deref(), Some("suga-yoshihide"));
    assert!(
        closing.attribution.contains("内閣官房長官"),
        "{}",
        closing.attribution
    );
}

#[test]
fn two_nakatanis_are_told_apart_by_title() {
    let m = seed();
    let by_designation = |d: &str| {
        m.speeches()
            .find(|(_, sp)| sp.designation == d)
            .and_then(|(_, sp)| sp.speaker.clone())
    };
    assert_eq!(
        by_designation("中谷本部員").as_deref(),
        Some("nakatani-kazuhiro")
    );
    assert_eq!(
        by_designation("中谷防衛大臣").as_deref(),
        Some("nakatani-gen")
    );
}

#[test]
fn seed_agenda_lists() {
    let m = seed();
    let lists: Vec<(String, AgendaKind, usize)> = m.sections[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Agenda(a) => Some((a.id.clone(), a.kind, a.items.len())),
            _ => None,
        })
        .collect();
    assert_eq!(
        lists,
        vec![
            ("sec-2-decision".to_owned(), AgendaKind::Decision, 3),
            ("sec-2-discussion".to_owned(), AgendaKind::Discussion, 2),
            ("sec-2-report".to_owned(), AgendaKind::Report, 3),
        ]
    );
    let Block::Agenda(first) = &m.sections[1].blocks[0] else {
        panic!("agenda first")
    };
    assert_eq!(first.items[0].id, "sec-2-decision-1");
    assert_eq!(
        first.items[0].text, "本部の運営等について",
        "markers are structure, not text"
    );
    let Block::Narrative(n) = &m.sections[1].blocks[3] else {
        panic!("narrative after the lists")
    };
    assert_eq!(n.id, "sec-2-n1");
    assert!(n.text.starts_with("上記について、事務局より"));
}

#[test]
fn page_break_splits_are_rejoined() {
    let m = seed();
    let texts: Vec<&str> = m.paragraphs().map(|p| p.text.as_str()).collect();
    for joined in [
        "ISACのような組織づくりが重要になってくるのではないかと思う。",
        "とても重要であるということを、情報セキュリティ政策会議",
        "こうしたサイバーセキュリティ産業をしっかりと創出",
        "情報管理に関するリスクを開示する企業は60%を超えた",
        "国際関係という観点からも考える必要がある。今回のテロ",
        "結び付くという考え方であり、これは日本が非常に強い分野である。",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(joined)),
            "not joined: {joined}"
        );
    }
    for fragment in [
        "になってくる",
        "いうことを、",
        "サイバーセキュリティ産業をしっかり",
        "を開示する",
        "がある。今回",
        "であり、これは",
    ] {
        assert!(
            !texts.iter().any(|t| t.starts_with(fragment)),
            "a page-break fragment stands alone: {fragment}"
        );
    }
}

#[test]
fn parenthesis_inside_hayashi_speech_stays_text() {
    // Regression guard: （情報セキュリティ政策会議の会合で） opens a paragraph without a bullet;
    // it is not a speech heading.
    let m = seed();
    let (_, hayashi) = m
        .speeches()
        .find(|(_, sp)| sp.speaker.as_deref() == Some("hayashi-koichiro"))
        .unwrap_or_else(|| panic!("林"));
    assert!(hayashi.paragraphs.iter().any(|p| {
        p.text
            .starts_with("（情報セキュリティ政策会議の会合で）前回、私は")
    }));
    assert_eq!(hayashi.paragraphs.len(), 15);
}

#[test]
fn ids_are_unique_and_paragraph_lines_point_at_their_text() {
    let m = seed();
    let source = seed_text();
    let lines: Vec<&str> = source.lines().collect();
    let mut ids = HashSet::new();
    for p in m.paragraphs() {
        assert!(ids.insert(p.id.clone()), "duplicate id {}", p.id);
        let head: String = p.text.chars().take(12).collect();
        let line = lines.get(p.line as usize - 1).copied().unwrap_or_default();
        assert!(
            line.contains(&head),
            "{} says line {}, which does not contain {head:?}",
            p.id,
            p.line
        );
        assert_eq!(p.search, minutes_core::normalize_for_search(&p.text));
    }
    for (_, sp) in m.speeches() {
        assert!(ids.insert(sp.id.clone()), "duplicate id {}", sp.id);
    }
    let again = convert_seed().minutes;
    assert_eq!(again.as_ref(), Some(&m), "re-conversion is deterministic");
}

#[test]
fn seed_topics_are_assigned() {
    let m = seed();
    let tagged = |topic: &str| {
        m.paragraphs()
            .filter(|p| p.topics.iter().any(|t| t.topic == topic))
            .count()
    };
    for topic in &m.topics {
        assert!(tagged(&topic.id) > 0, "no paragraph discusses {}", topic.id);
    }
    assert_eq!(
        tagged("log-retention"),
        2,
        "前田 and 山谷 speak of ログの保存, no one else"
    );
    let murai_iot = m
        .paragraphs()
        .find(|p| p.text.contains("I o Tという新しい世界"));
    assert!(
        murai_iot.is_some_and(|p| p.topics.iter().any(|t| t.topic == "iot")),
        "the PDF-spaced I o T still finds IoT"
    );
}

#[test]
fn conversion_is_lossless() {
    let m = seed();
    let designations: Vec<String> = m.speeches().map(|(_, sp)| sp.designation.clone()).collect();
    let source = source_content(&seed_text(), &designations);
    let json = json_content(&m);

    // Every sentence of the source is in the JSON.
    let sentences: Vec<&str> = source
        .split_inclusive('。')
        .filter(|s| s.ends_with('。'))
        .collect();
    assert!(
        sentences.len() > 150,
        "the seed has {} sentences",
        sentences.len()
    );
    for s in &sentences {
        assert!(json.contains(s), "sentence lost: {s}");
    }
    // The same characters, as many of each.
    let count = |t: &str| {
        let mut v: Vec<char> = t.chars().collect();
        v.sort_unstable();
        v
    };
    assert_eq!(
        source.chars().count(),
        json.chars().count(),
        "character count"
    );
    assert!(
        count(&source) == count(&json),
        "the same multiset of characters"
    );
    // And in the same order.
    assert!(
        source == json,
        "the JSON's texts, in order, are the source without its markers"
    );
}

#[test]
fn no_diagnostic_is_an_error_on_the_seed() {
    let parsed = convert_seed();
    assert!(
        !parsed
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    );
}
