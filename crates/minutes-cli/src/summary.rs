//! What a person checks after converting: the speeches and the people new to the register.

use std::fmt::Write as _;

/// What a person checks after converting: every speech as heading → person, and how it was
/// resolved; then the attendees the register does not know, each with an entry to paste.
pub fn summary(minutes: &minutes_core::Minutes) -> String {
    let mut out = format!(
        "{}: speeches, heading → speaker (how):
",
        minutes.id
    );
    for section in &minutes.sections {
        for block in &section.blocks {
            let minutes_core::Block::Speech(sp) = block else {
                continue;
            };
            let (who, how) = match &sp.speaker {
                Some(id) => {
                    let name = minutes
                        .attendees
                        .iter()
                        .find(|a| &a.id == id)
                        .map_or(id.as_str(), |a| a.name.as_str());
                    // A heading that is an office alone (本部長) was resolved through the
                    // body's rule for it; any other names the person.
                    let by_office = minutes
                        .attendees
                        .iter()
                        .filter(|a| &a.id == id)
                        .flat_map(|a| &a.offices)
                        .any(|o| o.name == sp.designation.trim());
                    (name.to_owned(), if by_office { "office" } else { "name" })
                }
                None => ("the secretariat".to_owned(), "secretariat"),
            };
            let _ = writeln!(
                out,
                "  {}  （{}） → {who}  [{how}: {}]",
                sp.id, sp.designation, sp.attribution
            );
        }
    }
    let new: Vec<&minutes_core::Attendee> = minutes
        .attendees
        .iter()
        .filter(|a| a.reading.is_none() && a.latin.is_none() && a.id.starts_with("attendee-"))
        .collect();
    if !new.is_empty() {
        let _ = writeln!(
            out,
            "{} attendee{} not in the people register; entries for data/people.json:",
            new.len(),
            if new.len() == 1 { " is" } else { "s are" }
        );
        for a in new {
            let (entry, source) = minutes_core::suggest::entry(&a.name);
            let note = match source {
                minutes_core::suggest::Source::Dictionary => {
                    "reading and latin suggested by MeCab's IPADIC: confirm them".to_owned()
                }
                minutes_core::suggest::Source::Partly(parts) => format!(
                    "MeCab's dictionary does not know {}: fill in slug, reading and latin",
                    parts.join(", ")
                ),
                minutes_core::suggest::Source::NoDictionary(why) => format!(
                    "no dictionary ({why}; ./dev setup installs mecab and mecab-ipadic-utf8): fill in slug, reading and latin"
                ),
            };
            let json = serde_json::to_string(&entry).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {json}
    ({}, {}: {note})",
                a.id, a.role
            );
        }
    }
    out
}
