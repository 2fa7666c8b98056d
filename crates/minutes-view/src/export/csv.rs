//! CSV: one row per paragraph (speech id, speaker, role, topics, text, pages), UTF-8 with a
//! BOM so that spreadsheets read the Japanese.

use minutes_core::{Block, Minutes, Paragraph};

/// Each paragraph with its speech id, speaker id, speaker, role (empty for narrative).
pub(super) fn rows(minutes: &Minutes) -> Vec<(&str, &str, &str, &str, &Paragraph)> {
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

pub(super) fn csv(minutes: &Minutes) -> String {
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
