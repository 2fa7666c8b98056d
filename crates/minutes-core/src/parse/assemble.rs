//! The last pass: the proceedings as found, with their attribution, made into the model's
//! sections. Every attendee, section, block and paragraph gets its id, unique across the
//! document and derived from its order and the register's slugs only; every paragraph gets
//! its search form and its topics.

use std::collections::{HashMap, HashSet};

use super::Diags;
use super::attribution::{Resolution, Speaker};
use super::proceedings::{RawAgenda, RawBlock, RawPara, RawSection, RawSpeech};
use crate::model::{
    Agenda, AgendaItem, AgendaKind, Attendee, Block, Paragraph, Section, Speech, Topic,
};
use crate::normalize::normalize_for_search;
use crate::topics::TopicMatcher;

/// Gives the attendees their final ids and builds the sections. `resolutions` holds one
/// resolution per speech, in printed order.
pub(crate) fn sections(
    raw: Vec<RawSection>,
    resolutions: Vec<Resolution>,
    attendees: &mut [Attendee],
    topics: &[Topic],
    diags: &mut Diags,
) -> Vec<Section> {
    let mut ids = Ids::default();
    for a in attendees.iter_mut() {
        a.id = ids.unique(std::mem::take(&mut a.id));
    }
    let mut assembler = Assembler {
        ids,
        matcher: TopicMatcher::new(topics),
        attendees,
        resolutions: resolutions.into_iter(),
        diags,
    };
    raw.into_iter().map(|s| assembler.section(s)).collect()
}

struct Assembler<'a> {
    ids: Ids,
    matcher: TopicMatcher,
    attendees: &'a [Attendee],
    resolutions: std::vec::IntoIter<Resolution>,
    diags: &'a mut Diags,
}

/// Numbers handed out within one section, which go into its block ids.
#[derive(Default)]
struct Counts {
    narratives: u32,
    unknowns: u32,
    /// Agenda lists of each kind (`decision`...).
    agendas: HashMap<&'static str, u32>,
}

impl Assembler<'_> {
    fn section(&mut self, raw: RawSection) -> Section {
        let RawSection {
            number,
            title,
            blocks: raw_blocks,
        } = raw;
        let id = self.ids.unique(format!("sec-{number}"));
        let mut counts = Counts::default();
        let mut blocks = Vec::new();
        for (k, block) in raw_blocks.into_iter().enumerate() {
            match block {
                RawBlock::Narrative(p) => {
                    counts.narratives += 1;
                    let pid = self.ids.unique(format!("{id}-n{}", counts.narratives));
                    blocks.push(Block::Narrative(self.paragraph(pid, p)));
                }
                RawBlock::Agenda(a) => blocks.push(Block::Agenda(self.agenda(&id, a, &mut counts))),
                RawBlock::Speech(sp) => {
                    let Some(mut r) = self.resolutions.next() else {
                        continue;
                    };
                    // A section titled by its speech (（1）安倍内閣総理大臣冒頭御挨拶) names the
                    // speaker there, not in a heading of its own.
                    if k == 0 && title.starts_with(sp.designation.as_str()) {
                        r.attribution =
                            format!("section title ({number}) {title}: {}", r.attribution);
                    }
                    blocks.push(Block::Speech(self.speech(&id, sp, r, &mut counts)));
                }
            }
        }
        Section {
            id,
            number,
            title,
            blocks,
        }
    }

    /// An agenda list: `sec-2-decision`, and `-list2` for a second list of the same kind.
    fn agenda(&mut self, section_id: &str, a: RawAgenda, counts: &mut Counts) -> Agenda {
        let kind_slug = match a.kind {
            AgendaKind::Decision => "decision",
            AgendaKind::Discussion => "discussion",
            AgendaKind::Report => "report",
            AgendaKind::Other => "other",
        };
        let count = counts.agendas.entry(kind_slug).or_insert(0);
        *count += 1;
        let base = if *count == 1 {
            format!("{section_id}-{kind_slug}")
        } else {
            format!("{section_id}-{kind_slug}-list{count}")
        };
        let id = self.ids.unique(base);
        let items = a
            .items
            .into_iter()
            .enumerate()
            .map(|(j, text)| AgendaItem {
                id: self.ids.unique(format!("{id}-{}", j + 1)),
                text,
            })
            .collect();
        Agenda {
            id,
            kind: a.kind,
            heading: a.heading,
            items,
        }
    }

    /// A speech: its id is the section's and the speaker's slug (`secretariat`, or
    /// `unknown-K` when unresolved).
    fn speech(
        &mut self,
        section_id: &str,
        sp: RawSpeech,
        r: Resolution,
        counts: &mut Counts,
    ) -> Speech {
        let (speaker, slug) = match r.speaker {
            Speaker::Attendee(i) => {
                let id = self.attendees.get(i).map(|a| a.id.clone());
                (id.clone(), id.unwrap_or_default())
            }
            Speaker::Secretariat => (None, "secretariat".to_owned()),
            Speaker::Unknown => {
                counts.unknowns += 1;
                (None, format!("unknown-{}", counts.unknowns))
            }
        };
        let id = self.ids.unique(format!("{section_id}-{slug}"));
        let paragraphs = sp
            .paras
            .into_iter()
            .enumerate()
            .map(|(j, p)| {
                let pid = self.ids.unique(format!("{id}-p{}", j + 1));
                self.paragraph(pid, p)
            })
            .collect::<Vec<_>>();
        if paragraphs.is_empty() {
            self.diags.warning(
                sp.line,
                format!("the speech headed （{}） has no text", sp.designation),
            );
        }
        Speech {
            id,
            speaker,
            designation: sp.designation,
            attribution: r.attribution,
            paragraphs,
        }
    }

    fn paragraph(&self, id: String, p: RawPara) -> Paragraph {
        let search = normalize_for_search(&p.text);
        let topics = self.matcher.matches(&search);
        Paragraph {
            id,
            text: p.text,
            search,
            topics,
            line: p.line,
            page: p.pages.map(|(first, _)| first),
            page_end: p
                .pages
                .and_then(|(first, last)| (last != first).then_some(last)),
        }
    }
}

/// Hands out ids, guaranteeing uniqueness: a taken id gets `-2`, `-3`... appended.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn unique(&mut self, base: String) -> String {
        if self.0.insert(base.clone()) {
            return base;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if self.0.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".to_owned()), "a");
        assert_eq!(ids.unique("a".to_owned()), "a-2");
        assert_eq!(ids.unique("a".to_owned()), "a-3");
    }
}
