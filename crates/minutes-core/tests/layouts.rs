//! The layouts the minutes are really published in, each as the text `pdftotext -layout`
//! gives and as the PDF it comes from: `tests/layouts/NAME.txt`, and
//! `target/test-pdfs/layouts/NAME.pdf` printed by `tools/test-pdfs.mjs` from
//! `tests/layouts/NAME.html`. `NAME.facts.json` says, from the HTML and never from the
//! converter, what a right conversion finds: id, body, date, time, place, every attendee
//! (name, role, group, designation, the group heading they are listed under), every speech
//! (who, how many paragraphs) and the number of paragraphs. Both forms must convert to
//! those facts with no error, to the same minutes, and lose no sentence.
#![cfg(feature = "convert")]

use std::path::PathBuf;

use minutes_core::{Block, Minutes, Parsed, Registry, Severity, convert};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/layouts")
}

fn pdf_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-pdfs/layouts")
}

/// Every fixture's name, from its facts file.
fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap_or_else(|e| panic!("{}: {e}", dir().display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".facts.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "the layout fixtures: {names:?}");
    names
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n(the PDFs are made by `node tools/test-pdfs.mjs`, which ./dev test runs first)",
            path.display()
        )
    })
}

fn facts(name: &str) -> Value {
    serde_json::from_slice(&read(dir().join(format!("{name}.facts.json"))))
        .unwrap_or_else(|e| panic!("{name}.facts.json: {e}"))
}

/// Converts one form and insists on no error.
fn converted(name: &str, form: &str, bytes: &[u8]) -> Minutes {
    let parsed: Parsed = convert(bytes, None, &Registry::builtin())
        .unwrap_or_else(|e| panic!("{name} ({form}): {e}"));
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{name} ({form}) has errors: {errors:#?}");
    parsed
        .minutes
        .unwrap_or_else(|| panic!("{name} ({form}) has minutes"))
}

fn both(name: &str) -> [(&'static str, Minutes); 2] {
    let text = read(dir().join(format!("{name}.txt")));
    let pdf = read(pdf_dir().join(format!("{name}.pdf")));
    [
        ("text", converted(name, "text", &text)),
        ("pdf", converted(name, "pdf", &pdf)),
    ]
}

fn str_or_null(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// Checks one conversion against the facts.
fn check_facts(name: &str, form: &str, m: &Minutes, f: &Value) {
    let at = format!("{name} ({form})");
    assert_eq!(m.id, f["id"].as_str().unwrap_or_default(), "{at}: id");
    assert_eq!(m.body, f["body"].as_str().unwrap_or_default(), "{at}: body");
    assert_eq!(
        u64::from(m.meeting_number),
        f["meeting_number"].as_u64().unwrap_or_default(),
        "{at}: meeting number"
    );
    assert_eq!(
        m.date.date,
        f["date"].as_str().unwrap_or_default(),
        "{at}: date"
    );
    assert_eq!(m.date.start, str_or_null(&f["start"]), "{at}: start");
    assert_eq!(m.date.end, str_or_null(&f["end"]), "{at}: end");
    assert_eq!(
        m.place,
        str_or_null(&f["place"]).unwrap_or_default(),
        "{at}: place"
    );

    let want: Vec<&Value> = f["attendees"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let got: Vec<String> = m.attendees.iter().map(|a| a.name.clone()).collect();
    let want_names: Vec<String> = want
        .iter()
        .map(|a| a["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(got, want_names, "{at}: attendees in printed order");
    for (a, w) in m.attendees.iter().zip(&want) {
        assert_eq!(
            a.role,
            w["role"].as_str().unwrap_or_default(),
            "{at}: role of {}",
            a.name
        );
        let group = serde_json::to_value(a.group).unwrap_or_default();
        assert_eq!(group, w["group"], "{at}: group of {}", a.name);
        if let Some(designation) = w["heading"].as_str() {
            let office = a.offices.iter().find(|o| o.name == designation);
            assert!(
                office.is_some(),
                "{at}: {} is listed as {designation}: {:?}",
                a.name,
                a.offices
            );
            if let (Some(o), Some(section)) = (office, w["section"].as_str()) {
                assert!(
                    o.basis.contains(section),
                    "{at}: {} under {section}: {}",
                    a.name,
                    o.basis
                );
            }
        }
        // A group heading or a note never becomes a person.
        assert!(
            !a.name.contains(['【', '(', '（']),
            "{at}: {} is not a person",
            a.name
        );
    }

    let speeches: Vec<_> = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Speech(sp) => Some(sp),
            _ => None,
        })
        .collect();
    let want: Vec<&Value> = f["speeches"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    assert_eq!(speeches.len(), want.len(), "{at}: speeches");
    for (sp, w) in speeches.iter().zip(&want) {
        let who = match &sp.speaker {
            Some(id) => m
                .attendees
                .iter()
                .find(|a| &a.id == id)
                .map_or(id.clone(), |a| a.name.clone()),
            None => "secretariat".to_owned(),
        };
        assert_eq!(
            who,
            w["speaker"].as_str().unwrap_or_default(),
            "{at}: the speech headed {} ({})",
            w["heading"],
            sp.attribution
        );
        assert_eq!(
            sp.paragraphs.len() as u64,
            w["paragraphs"].as_u64().unwrap_or_default(),
            "{at}: paragraphs of the speech headed {}",
            w["heading"]
        );
    }
    let paragraphs = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| match b {
            Block::Speech(sp) => sp.paragraphs.len(),
            Block::Narrative(_) => 1,
            Block::Agenda(_) => 0,
        })
        .sum::<usize>();
    assert_eq!(
        paragraphs as u64,
        f["paragraph_count"].as_u64().unwrap_or_default(),
        "{at}: paragraphs"
    );
}

/// Text without white space and without the lines that are only a page number.
fn squeezed(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !l.trim()
                .trim_matches('\u{c}')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c.is_whitespace())
        })
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace() && *c != '\u{c}')
        .collect()
}

/// No sentence is lost: the paragraphs are found in the source in order, and what lies
/// between two of them (headings, list items, page numbers) holds no end of a sentence.
fn check_lossless(name: &str, form: &str, m: &Minutes, source: &str) {
    let source = squeezed(source);
    let start = source.find("議事").unwrap_or(0);
    let mut at = source[start..]
        .find(['(', '（'])
        .map_or(start, |k| start + k);
    let texts = m
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| match b {
            Block::Speech(sp) => sp
                .paragraphs
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>(),
            Block::Narrative(p) => vec![p.text.clone()],
            Block::Agenda(a) => a.items.iter().map(|i| i.text.clone()).collect(),
        });
    for text in texts {
        let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(k) = source[at..].find(&want) else {
            panic!("{name} ({form}): not found in order in the source: {text}");
        };
        let gap = &source[at..at + k];
        assert!(
            !gap.contains('。'),
            "{name} ({form}): a sentence between two paragraphs was lost: {gap}"
        );
        at += k + want.len();
    }
    let rest = &source[at..];
    assert!(
        !rest.contains('。'),
        "{name} ({form}): text after the last paragraph was lost: {rest}"
    );
}

#[test]
fn every_layout_converts_right_as_text_and_as_pdf() {
    for name in names() {
        let f = facts(&name);
        let source = String::from_utf8(read(dir().join(format!("{name}.txt")))).unwrap_or_default();
        for (form, m) in both(&name) {
            check_facts(&name, form, &m, &f);
            check_lossless(&name, form, &m, &source);
        }
    }
}

#[test]
fn a_pdf_and_its_text_convert_to_the_same_minutes_pages_included() {
    for name in names() {
        let [(_, mut text), (_, mut pdf)] = both(&name);
        text.source = None;
        pdf.source = None;
        let a = serde_json::to_value(&text).unwrap_or_default();
        let b = serde_json::to_value(&pdf).unwrap_or_default();
        assert!(a == b, "{name}: the text and the PDF convert differently");
        let pages: Vec<Option<u32>> = text
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Speech(sp) => sp.paragraphs.first().map(|p| p.page),
                Block::Narrative(p) => Some(p.page),
                Block::Agenda(_) => None,
            })
            .collect();
        assert!(
            pages.iter().all(Option::is_some),
            "{name}: every paragraph has its page"
        );
    }
}
