//! Export the current view: the minutes narrowed to what the filters show, written as JSON
//! (the model's own format), CSV, Markdown or Akoma Ntoso XML. Pure, tested natively.

use minutes_core::{Block, Minutes, Paragraph, Section};

use crate::filter::Outcome;
use crate::format::{date_ja, pages, source_url, speaker_named};
use crate::i18n::Lang;

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

/// Each paragraph with its speech id, speaker id, speaker, role (empty for narrative).
fn rows(minutes: &Minutes) -> Vec<(&str, &str, &str, &str, &Paragraph)> {
    let mut out = Vec::new();
    for s in &minutes.sections {
        for b in &s.blocks {
            match b {
                Block::Narrative(p) => out.push(("", "", "", "", p)),
                Block::Speech(sp) => {
                    let a = sp.speaker.as_deref().and_then(|id| minutes.attendee(id));
                    for p in &sp.paragraphs {
                        out.push((
                            sp.id.as_str(),
                            sp.speaker.as_deref().unwrap_or(""),
                            a.map_or(sp.designation.as_str(), |a| a.name.as_str()),
                            a.map_or("", |a| a.role.as_str()),
                            p,
                        ));
                    }
                }
                Block::Agenda(_) => {}
            }
        }
    }
    out
}

fn csv(minutes: &Minutes) -> String {
    // RFC 4180: CRLF line ends, every field quoted, quotes doubled. The BOM makes Excel
    // read the file as UTF-8 instead of Shift_JIS.
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("\u{feff}");
    let header = [
        "speech_id",
        "paragraph_id",
        "speaker_id",
        "speaker",
        "role",
        "topics",
        "text",
        "pages",
    ];
    out.push_str(&header.map(field).join(","));
    out.push_str("\r\n");
    for (speech, speaker_id, speaker, role, p) in rows(minutes) {
        let topics = p
            .topics
            .iter()
            .map(|t| t.topic.as_str())
            .collect::<Vec<_>>()
            .join(";");
        // The PDF pages, `3` or `3-4`; empty for minutes converted from text.
        let printed = p.pages().map_or_else(String::new, |(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        });
        let line = [
            speech,
            p.id.as_str(),
            speaker_id,
            speaker,
            role,
            topics.as_str(),
            p.text.as_str(),
            printed.as_str(),
        ]
        .map(field);
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn markdown(minutes: &Minutes) -> String {
    let mut out = format!(
        "# {} {}\n\n{}　{}\n",
        minutes.body,
        minutes.title,
        date_ja(&minutes.date),
        minutes.place
    );
    if let Some(url) = source_url(minutes) {
        out.push_str(&format!("\n出典: <{url}>\n"));
    }
    for s in &minutes.sections {
        out.push_str(&format!("\n## ({}) {}\n", s.number, s.title));
        for b in &s.blocks {
            match b {
                Block::Agenda(a) => {
                    out.push_str(&format!("\n**【{}】**\n\n", a.heading));
                    for i in &a.items {
                        out.push_str(&format!("- {}\n", i.text));
                    }
                }
                Block::Narrative(p) => {
                    out.push_str(&format!("\n> {}{}\n", p.text, md_pages(p)));
                }
                Block::Speech(sp) => {
                    let who = speaker_named(minutes, sp, Lang::Ja);
                    out.push_str(&format!("\n### {who}\n"));
                    for p in &sp.paragraphs {
                        out.push_str(&format!(
                            "\n{}{} <a id=\"{}\"></a>\n",
                            p.text,
                            md_pages(p),
                            p.id
                        ));
                    }
                }
            }
        }
    }
    out
}

/// The pages after a paragraph in Markdown, `（3頁）`; nothing without pages.
fn md_pages(p: &Paragraph) -> String {
    p.pages()
        .map(|range| format!("（{}）", pages(range, Lang::Ja)))
        .unwrap_or_default()
}

/// Akoma Ntoso's end-of-page markers, `<eop number="N"/>` where page N of the PDF ends, for
/// minutes from a PDF. A page that ends between two paragraphs is marked at the start of the
/// one after; one that ends inside a paragraph, at that paragraph's end (the minutes record
/// the pages a paragraph spans, not where in it a page turns). Every page that ends is
/// marked, also when a paragraph spans three pages.
#[derive(Default)]
struct PageMarks {
    /// The page the text so far ends on.
    page: Option<u32>,
}

impl PageMarks {
    /// The markers before a paragraph, and after it.
    fn around(&mut self, p: &Paragraph) -> (String, String) {
        let Some((first, last)) = p.pages() else {
            return (String::new(), String::new());
        };
        let eops = |pages: std::ops::Range<u32>| {
            pages
                .map(|n| format!("<eop number=\"{n}\"/>"))
                .collect::<String>()
        };
        let before = self.page.map_or_else(String::new, |page| eops(page..first));
        self.page = Some(last);
        (before, eops(first..last))
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn akoma_ntoso(minutes: &Minutes) -> String {
    let date = &minutes.date.date;
    let work = format!("/akn/jp/debate/{date}/{}", minutes.id);
    let mut people = String::new();
    for a in &minutes.attendees {
        people.push_str(&format!(
            "        <TLCPerson eId=\"{id}\" href=\"/ontology/person/jp/{id}\" showAs=\"{name}\"/>\n",
            id = xml(&a.id),
            name = xml(&a.name)
        ));
    }
    let mut body = String::new();
    let mut marks = PageMarks::default();
    for s in &minutes.sections {
        body.push_str(&format!(
            "      <debateSection eId=\"{}\" name=\"section\">\n        <num>({})</num>\n        <heading>{}</heading>\n",
            xml(&s.id),
            s.number,
            xml(&s.title)
        ));
        for b in &s.blocks {
            match b {
                Block::Agenda(a) => {
                    body.push_str(&format!(
                        "        <other eId=\"{}\">\n          <p>【{}】</p>\n",
                        xml(&a.id),
                        xml(&a.heading)
                    ));
                    for i in &a.items {
                        body.push_str(&format!(
                            "          <p eId=\"{}\">{}</p>\n",
                            xml(&i.id),
                            xml(&i.text)
                        ));
                    }
                    body.push_str("        </other>\n");
                }
                Block::Narrative(p) => {
                    let (before, after) = marks.around(p);
                    body.push_str(&format!("        <narrative>\n          <p eId=\"{}\">{before}{}{after}</p>\n        </narrative>\n", xml(&p.id), xml(&p.text)));
                }
                Block::Speech(sp) => {
                    let by = sp
                        .speaker
                        .as_deref()
                        .map(|id| format!(" by=\"#{}\"", xml(id)))
                        .unwrap_or_default();
                    body.push_str(&format!(
                        "        <speech eId=\"{}\"{by}>\n          <from>{}</from>\n",
                        xml(&sp.id),
                        xml(&sp.designation)
                    ));
                    for p in &sp.paragraphs {
                        let (before, after) = marks.around(p);
                        body.push_str(&format!(
                            "          <p eId=\"{}\">{before}{}{after}</p>\n",
                            xml(&p.id),
                            xml(&p.text)
                        ));
                    }
                    body.push_str("        </speech>\n");
                }
            }
        }
        body.push_str("      </debateSection>\n");
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <debate name="{name}">
    <meta>
      <identification source="#viewer">
        <FRBRWork>
          <FRBRthis value="{work}/main"/>
          <FRBRuri value="{work}"/>
          <FRBRdate date="{date}" name="meeting"/>
          <FRBRauthor href="#body"/>
          <FRBRcountry value="jp"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="{work}/jpn@/main"/>
          <FRBRuri value="{work}/jpn@"/>
          <FRBRdate date="{date}" name="meeting"/>
          <FRBRauthor href="#body"/>
          <FRBRlanguage language="jpn"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="{work}/jpn@/main.xml"/>
          <FRBRuri value="{work}/jpn@.akn"/>
          <FRBRdate date="{date}" name="meeting"/>
          <FRBRauthor href="#viewer"/>
        </FRBRManifestation>
      </identification>
      <references source="#viewer">
        <TLCOrganization eId="body" href="/ontology/organization/jp/{body_id}" showAs="{body}"/>
        <TLCOrganization eId="viewer" href="/ontology/organization/jp/minutes-viewer" showAs="議事概要ビューアー"/>
{people}      </references>
    </meta>
    <preface>
      <p><docTitle>{body} {title}</docTitle></p>
      <p><docDate date="{date}">{date_ja}</docDate></p>
    </preface>
    <debateBody>
{body_xml}    </debateBody>
  </debate>
</akomaNtoso>
"##,
        name = xml(&minutes.id),
        body_id = xml(minutes.id.split('-').next().unwrap_or("body")),
        body = xml(&minutes.body),
        title = xml(&minutes.title),
        date_ja = xml(&date_ja(&minutes.date)),
        body_xml = body,
    )
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
