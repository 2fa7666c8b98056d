//! `Block`'s own reader (model.rs) against serde's derive for the same format
//! (`#[serde(tag = "type")]`): the same blocks from every committed and layout meeting, in
//! any key order, and the same refusals.
#![cfg(feature = "convert")]

use minutes_core::{Agenda, Block, Paragraph, Registry, Speech, convert};
use serde::Deserialize;
use serde_json::{Value, json};

/// What the derive reads.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Derived {
    Agenda(Agenda),
    Narrative(Paragraph),
    Speech(Speech),
}

impl From<Derived> for Block {
    fn from(d: Derived) -> Block {
        match d {
            Derived::Agenda(a) => Block::Agenda(a),
            Derived::Narrative(p) => Block::Narrative(p),
            Derived::Speech(s) => Block::Speech(s),
        }
    }
}

fn both(v: &Value) -> (Result<Block, String>, Result<Block, String>) {
    (
        serde_json::from_value::<Block>(v.clone()).map_err(|e| e.to_string()),
        serde_json::from_value::<Derived>(v.clone())
            .map(Block::from)
            .map_err(|e| e.to_string()),
    )
}

/// Every block of the seed and of each layout fixture, as JSON.
fn blocks() -> Vec<Value> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut meetings =
        vec![std::fs::read_to_string(format!("{root}/data/minutes/cshq-001.json")).unwrap()];
    let layouts = format!("{root}/crates/minutes-core/tests/layouts");
    for entry in std::fs::read_dir(&layouts).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let parsed =
                convert(&std::fs::read(&path).unwrap(), None, &Registry::builtin()).unwrap();
            meetings.push(serde_json::to_string(&parsed.minutes).unwrap());
        }
    }
    meetings
        .iter()
        .flat_map(|json| {
            let m: Value = serde_json::from_str(json).unwrap();
            m["sections"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["blocks"].as_array().unwrap().clone())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_block_reads_as_the_derive_reads_it_in_any_key_order() {
    let blocks = blocks();
    let kinds = |t: &str| blocks.iter().filter(|b| b["type"] == t).count();
    assert!(kinds("speech") > 40 && kinds("narrative") > 5 && kinds("agenda") > 0);
    for b in &blocks {
        let (ours, derived) = both(b);
        assert_eq!(ours, derived, "{b}");
        assert!(ours.is_ok());
        // The tag last, as a hand-edited file may have it.
        let mut reordered = serde_json::Map::new();
        for (k, v) in b.as_object().unwrap().iter().rev() {
            reordered.insert(k.clone(), v.clone());
        }
        assert_eq!(both(&Value::Object(reordered)).0, derived);
    }
}

#[test]
fn a_bad_block_is_refused_as_the_derive_refuses_it() {
    for bad in [
        json!({ "id": "x", "text": "t", "search": "t", "topics": [], "line": 1 }),
        json!({ "type": "poem", "id": "x" }),
        json!({ "type": "speech", "id": "x", "speaker": null, "designation": "d", "attribution": "a" }),
        json!({ "type": "narrative", "id": "x", "text": "t", "search": "t", "topics": [] }),
        json!({ "type": "agenda", "id": "x", "kind": "vote", "heading": "h", "items": [] }),
        json!({ "type": "speech", "id": 3, "designation": "d", "attribution": "a", "paragraphs": [] }),
        json!([1, 2]),
    ] {
        let (ours, derived) = both(&bad);
        let (ours, derived) = (ours.unwrap_err(), derived.unwrap_err());
        // The same field or value is named, or the same kind of mistake.
        let named = |e: &str| {
            e.split('`').nth(1).map_or_else(
                || e.split(',').next().unwrap_or(e).to_owned(),
                str::to_owned,
            )
        };
        assert_eq!(named(&ours), named(&derived), "{bad}: {ours} / {derived}");
    }
    // A field no kind has is ignored, as the derive ignores it.
    let extra = json!({ "type": "narrative", "id": "x", "text": "t", "search": "t", "topics": [], "line": 1, "note": 5 });
    let (ours, derived) = both(&extra);
    assert_eq!(ours, derived);
    assert!(ours.is_ok());
}
