//! Markdown: the view as a readable document, each remark with its speaker, role and pages.

use minutes_core::{Block, Minutes, Paragraph};

use crate::format::{date_ja, pages, source_url, speaker_named};
use crate::i18n::Lang;

pub(super) fn markdown(minutes: &Minutes) -> String {
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
