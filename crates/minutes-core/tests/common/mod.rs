//! What the seed tests and the PDF tests share: the lossless check's two sides (the source
//! without its structure markers, and the JSON's texts in order).

use minutes_core::{Block, Minutes};

/// The source with its structure markers removed, white space dropped: what must reappear,
/// character for character and in order, in the JSON's texts.
pub fn source_content(source: &str, designations: &[String]) -> String {
    let mut out = String::new();
    for raw in source.lines() {
        let line = raw.trim();
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            continue;
        }
        let mut rest = compact.as_str();
        // Part labels: 1 日時, 2 場所, 3 出席者(敬称略) keeps its note, 4 議事概要.
        for label in ["1日時", "2場所", "3出席者", "4議事概要"] {
            if let Some(r) = rest.strip_prefix(label) {
                rest = r.trim_start_matches('(').trim_end_matches(')');
            }
        }
        // Table rows: the pipes and separator rows.
        let no_pipes: String = rest.chars().filter(|c| *c != '|').collect();
        if no_pipes.chars().all(|c| c == '-') {
            continue;
        }
        let mut rest = no_pipes;
        // Bullets, then a section number (N), agenda brackets, end-mark dashes.
        let trimmed = rest.trim_start_matches(['-', '・', '○']).to_owned();
        let bulleted = trimmed.len() != rest.len();
        rest = trimmed;
        if let Some(r) = rest
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .filter(|(n, _)| n.parse::<u32>().is_ok())
        {
            rest = r.1.to_owned();
        }
        rest = rest.replace(['【', '】'], "").trim_matches('—').to_owned();
        // A speech heading's outer parentheses.
        if bulleted {
            for d in designations {
                let d: String = d.chars().filter(|c| !c.is_whitespace()).collect();
                for (open, close) in [("（", "）"), ("(", ")")] {
                    if let Some(r) = rest.strip_prefix(&format!("{open}{d}{close}")) {
                        rest = format!("{d}{r}");
                    }
                }
            }
        }
        out.push_str(&rest);
    }
    out
}

/// Every text of the JSON in document order, white space dropped.
pub fn json_content(m: &Minutes) -> String {
    let mut parts: Vec<&str> = vec![&m.body, &m.title, &m.date.printed, &m.place];
    parts.extend(m.attendees_note.as_deref());
    for a in &m.attendees {
        parts.push(&a.name);
        parts.push(&a.role);
    }
    for s in &m.sections {
        parts.push(&s.title);
        for (k, b) in s.blocks.iter().enumerate() {
            match b {
                Block::Agenda(a) => {
                    parts.push(&a.heading);
                    parts.extend(a.items.iter().map(|i| i.text.as_str()));
                }
                Block::Narrative(p) => parts.push(&p.text),
                Block::Speech(sp) => {
                    // A speech named by its section title prints no designation of its own.
                    if !(k == 0 && s.title.starts_with(&sp.designation)) {
                        parts.push(&sp.designation);
                    }
                    parts.extend(sp.paragraphs.iter().map(|p| p.text.as_str()));
                }
            }
        }
    }
    parts.extend(m.end_mark.as_deref());
    parts
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
