//! For each test PDF and each extractor: the time it takes, how many CJK radicals
//! (U+2E80–U+2FDF) it returns (a font that maps 日 and ⽇ to one glyph makes a careless
//! extractor give the radical), how many of the seed's paragraphs are found verbatim in its
//! output once white space is removed (a paragraph cut across a page has the running header
//! between its halves, so it is not), and how many lines keep a leading indent (the layout
//! the converter reads to tell a new paragraph from a wrapped line).
//!
//!     node tools/test-pdfs.mjs && (cd bench/extractors && cargo run --release)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const LAYOUTS: [&str; 3] = ["one-column", "page-cut", "two-column-attendees"];

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pdfs = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("target/test-pdfs"), PathBuf::from);
    let minutes: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/minutes/cshq-001.json")).expect("data/cshq-001.json"),
    )
    .expect("minutes JSON");
    let paragraphs = paragraphs(&minutes);
    println!("| PDF | extractor | time | CJK radicals | paragraphs verbatim | indented lines |");
    println!("|---|---|---:|---:|---:|---:|");
    for layout in LAYOUTS {
        let pdf = pdfs.join(format!("{layout}.pdf"));
        for (name, extract) in [
            ("pdftotext -layout", pdftotext as fn(&Path) -> String),
            ("pdf-extract 0.9.0", pdf_extract_text),
            ("lopdf 0.36.0", lopdf_text),
        ] {
            let start = Instant::now();
            let text = extract(&pdf);
            let ms = start.elapsed().as_millis();
            let radicals = text
                .chars()
                .filter(|c| ('\u{2e80}'..='\u{2fdf}').contains(c))
                .count();
            let flat = compact(&text);
            let verbatim = paragraphs
                .iter()
                .filter(|p| flat.contains(p.as_str()))
                .count();
            let indented = text.lines().filter(|l| l.starts_with(' ')).count();
            println!(
                "| {layout} | {name} | {ms} ms | {radicals} | {verbatim}/{} | {indented} |",
                paragraphs.len()
            );
        }
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every narrative and speech paragraph's text, white space removed.
fn paragraphs(minutes: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for section in minutes["sections"].as_array().into_iter().flatten() {
        for block in section["blocks"].as_array().into_iter().flatten() {
            match block["type"].as_str() {
                Some("narrative") => out.push(compact(block["text"].as_str().unwrap_or(""))),
                Some("speech") => {
                    for p in block["paragraphs"].as_array().into_iter().flatten() {
                        out.push(compact(p["text"].as_str().unwrap_or("")));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_extract_text(pdf: &Path) -> String {
    pdf_extract::extract_text(pdf).unwrap_or_else(|e| format!("ERROR {e}"))
}

fn lopdf_text(pdf: &Path) -> String {
    match lopdf::Document::load(pdf) {
        Ok(doc) => {
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages)
                .unwrap_or_else(|e| format!("ERROR {e}"))
        }
        Err(e) => format!("ERROR {e}"),
    }
}
