//! Akoma Ntoso XML: debate → debateBody → debateSection → speech, each speech's `by`
//! pointing at a `TLCPerson`, `<eop>` where a page of the PDF ends.

use minutes_core::{Block, Minutes, Paragraph};

use crate::format::date_ja;

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

pub(super) fn akoma_ntoso(minutes: &Minutes) -> String {
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
