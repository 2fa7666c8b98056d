//! The PDF path: the seed's minutes printed as the series' PDFs are (made by
//! `tools/test-pdfs.mjs`, which `./dev test` runs first), converted back. Each must give
//! exactly the attendees, speeches, speakers, paragraphs and ids of `data/cshq-001.json`,
//! pass the same lossless check as the text, and put every paragraph on the page it is
//! printed on. Bad PDFs must be refused with the reason.
#![cfg(feature = "convert")]

mod common;

use std::path::PathBuf;

use common::{json_content, source_content};
use minutes_core::input::{extract_text, sha256_hex};
use minutes_core::{
    Block, InputError, Minutes, PdfError, Registry, SourceFormat, convert, parse_pdf_text,
};
use serde_json::Value;

/// The good layouts `tools/test-pdfs.mjs` prints.
const LAYOUTS: [&str; 3] = ["one-column", "page-cut", "two-column-attendees"];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The folder of generated PDFs. Missing PDFs fail the test, loudly: a PDF test that
/// passes without its PDFs would pass with a broken PDF path.
fn pdfs() -> PathBuf {
    let dir = std::env::var_os("MINUTES_TEST_PDFS")
        .map_or_else(|| repo().join("target/test-pdfs"), PathBuf::from);
    assert!(
        dir.join("manifest.json").is_file(),
        "\n\nTHE TEST PDFs ARE MISSING from {}.\nMake them with `node tools/test-pdfs.mjs` (./dev test does it before the cargo tests).\n",
        dir.display()
    );
    dir
}

fn read(name: &str) -> Vec<u8> {
    let path = pdfs().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest() -> Value {
    serde_json::from_slice(&read("manifest.json")).unwrap_or_else(|e| panic!("manifest: {e}"))
}

fn committed() -> Minutes {
    let path = repo().join("data/minutes/cshq-001.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/seed-cshq-001.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a conversion must reproduce exactly, whatever it was converted from: everything
/// but lines, pages, the source, and the attribution notes that quote line numbers.
fn essence(m: &Minutes) -> Value {
    let mut v = serde_json::to_value(m).unwrap_or_default();
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in ["line", "page", "page_end", "source", "basis", "attribution"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

fn convert_layout(layout: &str) -> (String, Minutes) {
    let text = extract_text(&read(&format!("{layout}.pdf")))
        .unwrap_or_else(|e| panic!("{layout}.pdf: {e}"));
    let parsed = parse_pdf_text(&text, &Registry::builtin());
    assert_eq!(
        parsed.diagnostics,
        vec![],
        "{layout}.pdf converts without any diagnostic"
    );
    let m = parsed
        .minutes
        .unwrap_or_else(|| panic!("{layout}.pdf has minutes"));
    (text, m)
}

#[test]
fn every_layout_gives_the_committed_minutes() {
    let expected = essence(&committed());
    for layout in LAYOUTS {
        let (_, m) = convert_layout(layout);
        let got = essence(&m);
        if got != expected {
            let old = serde_json::to_string_pretty(&expected).unwrap_or_default();
            let new = serde_json::to_string_pretty(&got).unwrap_or_default();
            let at = old
                .lines()
                .zip(new.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{layout}.pdf differs from data/minutes/cshq-001.json near line {at} of the essence:\n  committed: {}\n  from PDF:  {}",
                old.lines().nth(at).unwrap_or(""),
                new.lines().nth(at).unwrap_or("")
            );
        }
    }
}

#[test]
fn every_layout_is_lossless() {
    let seed = seed_text();
    for layout in LAYOUTS {
        let (_, m) = convert_layout(layout);
        let designations: Vec<String> =
            m.speeches().map(|(_, sp)| sp.designation.clone()).collect();
        assert!(
            source_content(&seed, &designations) == json_content(&m),
            "{layout}.pdf: the JSON's texts, in order, are not the seed without its markers"
        );
    }
}

#[test]
fn every_paragraph_is_on_the_page_it_is_printed_on() {
    let manifest = manifest();
    for layout in LAYOUTS {
        let (_, m) = convert_layout(layout);
        let printed = &manifest[layout]["paragraphs"];
        let mut count = 0;
        let mut spanning = 0;
        for p in m.paragraphs() {
            let want = (
                printed[&p.id][0]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok()),
                printed[&p.id][1]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok()),
            );
            let got = p.pages().map_or((None, None), |(a, b)| (Some(a), Some(b)));
            assert_eq!(got, want, "{layout}.pdf: pages of {}", p.id);
            assert_eq!(
                p.page_end.is_some(),
                want.0 != want.1,
                "{layout}.pdf: page_end of {} only when it differs",
                p.id
            );
            count += 1;
            spanning += usize::from(want.0 != want.1);
        }
        assert_eq!(
            count,
            printed.as_object().map_or(0, |o| o.len()),
            "{layout}.pdf: every printed paragraph"
        );
        if layout == "page-cut" {
            assert!(
                spanning >= 5,
                "page-cut.pdf cuts paragraphs across pages ({spanning} do)"
            );
        }
    }
}

#[test]
fn paragraph_lines_count_lines_of_the_extracted_text() {
    for layout in LAYOUTS {
        let (text, m) = convert_layout(layout);
        let lines: Vec<&str> = text.split('\n').collect();
        for p in m.paragraphs() {
            let line: String = lines
                .get(p.line as usize - 1)
                .copied()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let head: String = p
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(6)
                .collect();
            assert!(
                line.contains(&head),
                "{layout}.pdf: {} says line {}, which is {line:?}",
                p.id,
                p.line
            );
        }
    }
}

#[test]
fn converting_a_pdf_records_it_as_the_source() {
    let bytes = read("one-column.pdf");
    let url = "https://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf";
    let parsed = convert(&bytes, Some(url), &Registry::builtin())
        .unwrap_or_else(|e| panic!("one-column.pdf: {e}"));
    let source = parsed
        .minutes
        .and_then(|m| m.source)
        .unwrap_or_else(|| panic!("a source"));
    assert_eq!(source.format, SourceFormat::Pdf);
    assert_eq!(source.url.as_deref(), Some(url));
    assert_eq!(source.sha256, sha256_hex(&bytes));
}

#[test]
fn a_scan_is_refused_and_ocr_named() {
    let e = convert(&read("scan.pdf"), None, &Registry::builtin());
    assert_eq!(e, Err(InputError::Pdf(PdfError::NoText { pages: 1 })));
    let message = e.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("scan") && message.contains("OCR"),
        "{message}"
    );
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let e = convert(&read("encrypted.pdf"), None, &Registry::builtin());
    assert_eq!(e, Err(InputError::Pdf(PdfError::Encrypted)));
}

// Guards against refusing a PDF as encrypted when only its permissions are locked (no
// copying, no printing) and it opens without a password, as published PDFs often are.
#[test]
fn a_pdf_locked_only_against_copying_converts() {
    let parsed = convert(&read("copy-locked.pdf"), None, &Registry::builtin())
        .unwrap_or_else(|e| panic!("copy-locked.pdf: {e}"));
    assert_eq!(parsed.diagnostics, vec![]);
    let m = parsed
        .minutes
        .unwrap_or_else(|| panic!("copy-locked.pdf has minutes"));
    assert_eq!(essence(&m), essence(&committed()));
}

#[test]
fn a_truncated_pdf_is_refused_as_damaged() {
    let e = convert(&read("truncated.pdf"), None, &Registry::builtin());
    assert!(
        matches!(e, Err(InputError::Pdf(PdfError::Damaged(_)))),
        "{e:?}"
    );
    // Cut anywhere, a PDF is refused; never half converted.
    let whole = read("one-column.pdf");
    for cut in [10, whole.len() / 7, whole.len() / 3, whole.len() - 40] {
        let e = convert(&whole[..cut], None, &Registry::builtin());
        assert!(
            matches!(e, Err(InputError::Pdf(PdfError::Damaged(_)))),
            "cut at {cut}: {e:?}"
        );
    }
}

#[test]
fn a_pdf_that_is_not_minutes_converts_to_errors() {
    let parsed = convert(&read("not-minutes.pdf"), None, &Registry::builtin())
        .unwrap_or_else(|e| panic!("not-minutes.pdf has text: {e}"));
    assert!(parsed.has_errors(), "{:?}", parsed.diagnostics);
    assert!(
        parsed.diagnostics.iter().all(|d| d.page == Some(1)),
        "{:?}",
        parsed.diagnostics
    );
}

#[test]
fn the_seed_has_no_pages_but_its_pdf_does() {
    // Guards the schema's promise: text input leaves page fields out.
    assert!(committed().paragraphs().all(|p| p.pages().is_none()));
    let (_, m) = convert_layout("one-column");
    assert!(m.paragraphs().all(|p| p.page.is_some()));
    assert!(m.sections.iter().all(|s| {
        s.blocks
            .iter()
            .all(|b| !matches!(b, Block::Agenda(a) if a.items.is_empty()))
    }));
}
