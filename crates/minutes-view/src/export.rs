//! Export the current view: the minutes narrowed to what the filters show, written as JSON
//! (the model's own format), CSV, Markdown or Akoma Ntoso XML. Pure, tested natively.

mod akoma_ntoso;
mod csv;
mod markdown;

use minutes_core::{Block, Minutes, Paragraph, Section};

use crate::filter::Outcome;
use akoma_ntoso::akoma_ntoso;
use csv::csv;
use markdown::markdown;

/// The formats a reader can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The model's JSON (`data/minutes.schema.json`).
    Json,
    /// One row per paragraph, UTF-8 with a byte-order mark so spreadsheets read Japanese.
    Csv,
    /// Markdown, for notes.
    Markdown,
    /// Akoma Ntoso 3.0 XML (debate → debateBody → debateSection → speech).
    AkomaNtoso,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 4] = [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::AkomaNtoso,
    ];

    /// File extension, MIME type and the label on the button.
    pub fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Format::Json => ("json", "application/json", "JSON"),
            Format::Csv => ("csv", "text/csv", "CSV"),
            Format::Markdown => ("md", "text/markdown", "Markdown"),
            Format::AkomaNtoso => ("akn.xml", "application/akn+xml", "Akoma Ntoso XML"),
        }
    }
}

/// The minutes narrowed to the view: visible sections and blocks; in a shown speech, only
/// the paragraphs that matched when a topic or search marks some.
pub fn narrow(minutes: &Minutes, outcome: &Outcome) -> Minutes {
    let keep_paragraph = |p: &Paragraph| !outcome.dimmed.contains(p.id.as_str());
    let sections = minutes
        .sections
        .iter()
        .filter(|s| outcome.sections.contains(&s.number))
        .map(|s| Section {
            blocks: s
                .blocks
                .iter()
                .filter(|b| match b {
                    Block::Agenda(a) => outcome.visible.contains(a.id.as_str()),
                    Block::Narrative(p) => outcome.visible.contains(p.id.as_str()),
                    Block::Speech(sp) => outcome.visible.contains(sp.id.as_str()),
                })
                .map(|b| match b {
                    Block::Speech(sp) => {
                        let mut sp = sp.clone();
                        sp.paragraphs.retain(keep_paragraph);
                        Block::Speech(sp)
                    }
                    other => other.clone(),
                })
                .collect(),
            ..s.clone()
        })
        .collect();
    Minutes {
        sections,
        ..minutes.clone()
    }
}

/// Write `minutes` (already narrowed) in `format`.
pub fn write(minutes: &Minutes, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(minutes).unwrap_or_default() + "\n",
        Format::Csv => csv(minutes),
        Format::Markdown => markdown(minutes),
        Format::AkomaNtoso => akoma_ntoso(minutes),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::filter::{Index, evaluate};
    use crate::query::parse;

    fn view(search: &str) -> Minutes {
        let m = crate::data::minutes().unwrap();
        let (state, _) = parse(search);
        narrow(m, &evaluate(&Index::new(m), &state, ""))
    }

    #[test]
    fn unfiltered_export_is_the_whole_meeting() {
        let m = crate::data::minutes().unwrap();
        assert_eq!(&view(""), m);
    }

    #[test]
    fn topic_export_keeps_only_matching_paragraphs() {
        let m = view("?topic=log-retention");
        let ids: Vec<&str> = m.paragraphs().map(|p| p.id.as_str()).collect();
        assert!(!ids.is_empty());
        assert!(
            m.paragraphs()
                .all(|p| p.topics.iter().any(|t| t.topic == "log-retention")),
            "{ids:?}"
        );
    }

    #[test]
    fn json_export_reads_back_as_minutes() {
        let m = view("?speaker=murai-jun");
        let back: Minutes = serde_json::from_str(&write(&m, Format::Json)).unwrap();
        assert_eq!(back, m);
        assert!(
            back.speeches()
                .all(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
        );
    }

    #[test]
    fn csv_has_bom_crlf_and_quoted_fields() {
        let out = write(&view("?speaker=murai-jun"), Format::Csv);
        assert!(out.starts_with("\u{feff}\"speech_id\","));
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        let paragraphs = view("?speaker=murai-jun").paragraphs().count();
        assert_eq!(lines.len(), paragraphs + 1);
        assert!(
            lines[1].contains("\"村井 純\",\"慶應義塾大学教授\""),
            "{}",
            lines[1]
        );
    }

    // Guards against a quote in the minutes' text breaking a CSV row.
    #[test]
    fn csv_doubles_quotes() {
        let mut m = view("?speaker=murai-jun");
        if let Block::Speech(sp) = &mut m.sections[0].blocks[0] {
            sp.paragraphs[0].text = "a\"b,c\nd".into();
        }
        assert!(write(&m, Format::Csv).contains("\"a\"\"b,c\nd\""));
    }

    #[test]
    fn akoma_ntoso_speeches_point_to_people() {
        let out = write(&view("?speaker=suga-yoshihide"), Format::AkomaNtoso);
        assert!(out.contains("<speech eId=\"sec-4-suga-yoshihide\" by=\"#suga-yoshihide\">"));
        assert!(out.contains("<TLCPerson eId=\"suga-yoshihide\""));
        assert!(out.contains("<debateBody>") && out.contains("<debateSection eId=\"sec-4\""));
    }

    /// 村井 純's remarks as if converted from a PDF, paragraph `k` printed on `pages[k]`
    /// (first page, last page if another), the last entry standing for the rest.
    fn murai_on_pages(pages: &[(u32, Option<u32>)]) -> Minutes {
        let mut m = view("?speaker=murai-jun");
        for s in &mut m.sections {
            for b in &mut s.blocks {
                if let Block::Speech(sp) = b {
                    for (k, p) in sp.paragraphs.iter_mut().enumerate() {
                        let (page, end) = pages[k.min(pages.len() - 1)];
                        (p.page, p.page_end) = (Some(page), end);
                    }
                }
            }
        }
        m
    }

    /// On page 5, the second paragraph running on to page 6, the rest on page 6.
    fn murai_from_pdf() -> Minutes {
        murai_on_pages(&[(5, None), (5, Some(6)), (6, None)])
    }

    #[test]
    fn csv_gives_pages_when_the_minutes_have_them() {
        let out = write(&murai_from_pdf(), Format::Csv);
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        assert!(lines[0].ends_with(",\"text\",\"pages\""), "{}", lines[0]);
        assert!(lines[1].ends_with(",\"5\""), "{}", lines[1]);
        assert!(lines[2].ends_with(",\"5-6\""), "{}", lines[2]);
        // The seed has no PDF: the column is there, and empty.
        let seed = write(&view("?speaker=murai-jun"), Format::Csv);
        assert!(
            seed.trim_end()
                .split("\r\n")
                .skip(1)
                .all(|l| l.ends_with(",\"\""))
        );
    }

    #[test]
    fn markdown_gives_pages_when_the_minutes_have_them() {
        let out = write(&murai_from_pdf(), Format::Markdown);
        assert!(
            out.contains("（5頁） <a id=\"sec-2-murai-jun-p1\">"),
            "{out}"
        );
        assert!(
            out.contains("（5–6頁） <a id=\"sec-2-murai-jun-p2\">"),
            "{out}"
        );
        assert!(!write(&view("?speaker=murai-jun"), Format::Markdown).contains('頁'));
    }

    #[test]
    fn akoma_ntoso_marks_the_ends_of_pages() {
        let out = write(&murai_from_pdf(), Format::AkomaNtoso);
        // Page 5 turns inside the second paragraph, and no page turns between the others.
        assert_eq!(out.matches("<eop number=\"5\"/>").count(), 1, "{out}");
        assert!(out.contains("<eop number=\"5\"/></p>"), "{out}");
        assert!(!out.contains("<eop number=\"6\"/>"));
        assert!(!write(&view("?speaker=murai-jun"), Format::AkomaNtoso).contains("<eop"));
    }

    /// The Akoma Ntoso line of the element with this `eId` (empty if none).
    fn line_of<'a>(out: &'a str, eid: &str) -> &'a str {
        let attr = format!("eId=\"{eid}\"");
        out.lines().find(|l| l.contains(&attr)).unwrap_or_default()
    }

    // Guards against marking only the first page that ends when a paragraph spans three
    // pages, or when a page ends (here page 5, given to a table) between two paragraphs.
    #[test]
    fn akoma_ntoso_marks_every_page_that_ends() {
        let out = write(
            &murai_on_pages(&[(2, None), (2, Some(4)), (6, None)]),
            Format::AkomaNtoso,
        );
        let p2 = line_of(&out, "sec-2-murai-jun-p2");
        assert!(
            p2.ends_with("<eop number=\"2\"/><eop number=\"3\"/></p>"),
            "{p2}"
        );
        let p3 = line_of(&out, "sec-2-murai-jun-p3");
        assert!(
            p3.contains("\"><eop number=\"4\"/><eop number=\"5\"/>"),
            "{p3}"
        );
        for n in 2..=5 {
            let marker = format!("<eop number=\"{n}\"/>");
            assert_eq!(out.matches(&marker).count(), 1, "{marker} once");
        }
        assert!(
            !out.contains("<eop number=\"6\"/>"),
            "page 6 does not end in the text"
        );
    }

    #[test]
    fn markdown_names_the_original_when_the_minutes_do() {
        let mut m = murai_from_pdf();
        let url = "https://www.nisc.go.jp/council/cs/dai01/gijigaiyo.pdf";
        m.source = Some(minutes_core::Source {
            url: Some(url.to_owned()),
            format: minutes_core::SourceFormat::Pdf,
            sha256: "0".repeat(64),
        });
        assert!(write(&m, Format::Markdown).contains(&format!("\n出典: <{url}>\n")));
        // The seed names no original.
        assert!(!write(&view(""), Format::Markdown).contains("出典"));
    }

    #[test]
    fn markdown_names_speaker_and_role() {
        let out = write(&view("?speaker=murai-jun"), Format::Markdown);
        assert!(out.contains("### 村井 純（慶應義塾大学教授）"), "{out}");
    }
}
