//! What a view shows: given the minutes and a [`ViewState`], which speeches and paragraphs
//! are visible, which paragraphs matched, and the live counts beside each filter. Pure,
//! tested natively against the embedded minutes.
//!
//! The rules, per paragraph, one test per filter dimension:
//! - speaker: spoken by one of the chosen speakers (narrative never is);
//! - section: in one of the chosen sections;
//! - topic: tagged with one of the chosen topics;
//! - search: its text contains the query, or its speaker's name does (by kanji, reading or
//!   Latin script).
//!
//! A paragraph *matches* when it passes all four. A speech is shown when one of its
//! paragraphs matches; its other paragraphs are dimmed when a topic or search is active.
//! Counts are faceted: a speaker's count ignores the speaker filter but applies the others,
//! so it says what choosing that speaker would show.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use minutes_core::{Block, Minutes};

use crate::query::ViewState;
use crate::search::{fold, fold_name, name_query_is_specific};

/// What is known about one paragraph, prepared once.
struct Entry {
    id: &'static str,
    /// Index into `Index::owners`.
    owner: usize,
    section: u32,
    speaker: Option<&'static str>,
    search: &'static str,
    topics: Vec<&'static str>,
}

/// The minutes prepared for filtering: built once at start-up.
pub struct Index {
    entries: Vec<Entry>,
    /// The id of each paragraph's owner: a speech, or the narrative paragraph itself.
    owners: Vec<&'static str>,
    /// Whether each owner is a speech (rather than narrative).
    is_speech: Vec<bool>,
    /// Each speaker's folded name keys (full name, given name; kanji, reading, Latin).
    names: Vec<(&'static str, Vec<String>)>,
    /// Each agenda list's id, section and folded items.
    agendas: Vec<(&'static str, u32, Vec<String>)>,
}

impl Index {
    /// Prepare `minutes` for filtering.
    pub fn new(minutes: &'static Minutes) -> Self {
        let mut entries = Vec::new();
        let mut owners = Vec::new();
        let mut is_speech = Vec::new();
        let mut agendas = Vec::new();
        for section in &minutes.sections {
            for block in &section.blocks {
                let (owner_id, speaker, paragraphs) = match block {
                    Block::Speech(s) => {
                        (s.id.as_str(), s.speaker.as_deref(), s.paragraphs.as_slice())
                    }
                    Block::Narrative(p) => (p.id.as_str(), None, std::slice::from_ref(p)),
                    Block::Agenda(a) => {
                        let items = a.items.iter().map(|i| fold(&i.text)).collect();
                        agendas.push((a.id.as_str(), section.number, items));
                        continue;
                    }
                };
                owners.push(owner_id);
                is_speech.push(matches!(block, Block::Speech(_)));
                for p in paragraphs {
                    entries.push(Entry {
                        id: &p.id,
                        owner: owners.len() - 1,
                        section: section.number,
                        speaker,
                        search: &p.search,
                        topics: p.topics.iter().map(|t| t.topic.as_str()).collect(),
                    });
                }
            }
        }
        let names = minutes
            .attendees
            .iter()
            .map(|a| {
                let mut keys = Vec::new();
                for name in [Some(&a.name), a.reading.as_ref(), a.latin.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    keys.push(fold_name(name));
                    if let Some((_, given)) = name.split_once([' ', '\u{3000}']) {
                        keys.push(fold_name(given));
                    }
                }
                (a.id.as_str(), keys)
            })
            .collect();
        Index {
            entries,
            owners,
            is_speech,
            names,
            agendas,
        }
    }
}

/// What to show for one view.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Ids of the speeches, narrative paragraphs and agenda lists to show.
    pub visible: HashSet<&'static str>,
    /// Section numbers that have something to show.
    pub sections: HashSet<u32>,
    /// Ids of the paragraphs that matched a topic or search (marked in the view).
    pub matched: HashSet<&'static str>,
    /// Ids of paragraphs shown dimmed: in a shown speech, but not matching.
    pub dimmed: HashSet<&'static str>,
    /// Speeches shown per speaker if that speaker were chosen (faceted).
    pub speaker_counts: HashMap<&'static str, usize>,
    /// Matching paragraphs per topic if that topic were chosen (faceted).
    pub topic_counts: HashMap<&'static str, usize>,
    /// Speeches and narrative paragraphs per section if that section were chosen (faceted).
    pub section_counts: HashMap<u32, usize>,
    /// How many speeches are shown.
    pub speeches_shown: usize,
    /// Occurrences of the search in the matching paragraphs: the hits the search box
    /// counts and steps through (none in a paragraph another filter hides or folds).
    pub hits: usize,
}

impl Outcome {
    /// Whether a view shows nothing at all.
    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }
}

/// Which of the four tests one paragraph passes. A facet's count sets its own test to
/// passed: it counts what choosing that facet's value would show.
#[derive(Clone, Copy)]
struct Passes {
    speaker: bool,
    section: bool,
    topic: bool,
    search: bool,
}

impl Passes {
    /// Whether the paragraph passes every test: it matches the view.
    fn all(self) -> bool {
        self.speaker && self.section && self.topic && self.search
    }
}

/// Decide what `state` shows. `target` is the id in the URL fragment: the speech or
/// paragraph a shared permalink points at is always shown, whatever the filters.
pub fn evaluate(index: &Index, state: &ViewState, target: &str) -> Outcome {
    let q = fold(&state.q);
    let q_name = fold_name(&state.q);
    let name_hits: HashSet<&str> = if name_query_is_specific(&q_name) {
        index
            .names
            .iter()
            .filter(|(_, keys)| keys.iter().any(|k| k.starts_with(&q_name)))
            .map(|(id, _)| *id)
            .collect()
    } else {
        HashSet::default()
    };
    let marking = !state.topics.is_empty() || !q.is_empty();
    let filtered = state.is_filtered();

    let passes: Vec<Passes> = index
        .entries
        .iter()
        .map(|e| Passes {
            speaker: state.speakers.is_empty()
                || e.speaker.is_some_and(|s| state.speakers.contains(s)),
            section: state.sections.is_empty() || state.sections.contains(&e.section),
            topic: state.topics.is_empty() || e.topics.iter().any(|t| state.topics.contains(*t)),
            search: q.is_empty()
                || e.search.contains(&q)
                || e.speaker.is_some_and(|s| name_hits.contains(s)),
        })
        .collect();

    let mut out = Outcome::default();
    let mut shown_owners = vec![false; index.owners.len()];
    for (e, p) in index.entries.iter().zip(&passes) {
        let targeted = !target.is_empty() && (e.id == target || index.owners[e.owner] == target);
        if p.all() || targeted {
            shown_owners[e.owner] = true;
            if marking && p.all() {
                out.matched.insert(e.id);
                if !q.is_empty() {
                    out.hits += e.search.matches(q.as_str()).count();
                }
            }
        }
    }
    for (e, p) in index.entries.iter().zip(&passes) {
        if shown_owners[e.owner] {
            out.visible.insert(index.owners[e.owner]);
            out.sections.insert(e.section);
            if marking && !p.all() {
                out.dimmed.insert(e.id);
            }
        }
    }
    out.speeches_shown = shown_owners
        .iter()
        .zip(&index.is_speech)
        .filter(|(shown, speech)| **shown && **speech)
        .count();

    // Agenda lists are the meeting's frame: shown unfiltered, or when searched for.
    for (id, section, items) in &index.agendas {
        let in_section = state.sections.is_empty() || state.sections.contains(section);
        let shown = if !filtered {
            true
        } else {
            in_section
                && state.speakers.is_empty()
                && state.topics.is_empty()
                && !q.is_empty()
                && items.iter().any(|i| i.contains(&q))
        };
        if shown {
            out.visible.insert(id);
            out.sections.insert(*section);
        }
    }

    // Faceted counts: owners with a paragraph passing every test but the facet's own.
    let mut speaker_owners: HashSet<(usize, &str)> = HashSet::default();
    let mut section_owners: HashSet<(usize, u32)> = HashSet::default();
    for (e, p) in index.entries.iter().zip(&passes) {
        if let Some(s) = e.speaker
            && (Passes {
                speaker: true,
                ..*p
            })
            .all()
        {
            speaker_owners.insert((e.owner, s));
        }
        if (Passes {
            section: true,
            ..*p
        })
        .all()
        {
            section_owners.insert((e.owner, e.section));
        }
        if (Passes { topic: true, ..*p }).all() {
            for t in &e.topics {
                *out.topic_counts.entry(t).or_default() += 1;
            }
        }
    }
    for (_, s) in speaker_owners {
        *out.speaker_counts.entry(s).or_default() += 1;
    }
    for (_, n) in section_owners {
        *out.section_counts.entry(n).or_default() += 1;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::query::parse;

    fn minutes() -> &'static Minutes {
        crate::data::minutes().expect("embedded minutes")
    }

    fn run(search: &str, target: &str) -> Outcome {
        let index = Index::new(minutes());
        let (state, notices) = parse(search);
        assert!(notices.is_empty(), "{notices:?}");
        evaluate(&index, &state, target)
    }

    fn shown_speakers(o: &Outcome) -> Vec<String> {
        minutes()
            .speeches()
            .filter(|(_, s)| o.visible.contains(s.id.as_str()))
            .filter_map(|(_, s)| s.speaker.clone())
            .collect()
    }

    #[test]
    fn no_filter_shows_everything_and_marks_nothing() {
        let o = run("", "");
        assert_eq!(o.speeches_shown, minutes().speeches().count());
        assert!(o.matched.is_empty() && o.dimmed.is_empty());
        assert_eq!(o.sections.len(), minutes().sections.len());
    }

    #[test]
    fn speaker_filter_shows_only_that_speaker() {
        let o = run("?speaker=murai-jun", "");
        assert_eq!(shown_speakers(&o), ["murai-jun"]);
        assert!(o.matched.is_empty(), "a speaker filter alone marks nothing");
    }

    #[test]
    fn two_speakers_of_one_surname_are_told_apart() {
        let o = run("?speaker=nakatani-gen", "");
        assert_eq!(shown_speakers(&o), ["nakatani-gen"]);
    }

    #[test]
    fn topic_filter_marks_paragraphs_and_dims_the_rest() {
        let o = run("?topic=log-retention", "");
        let speakers = shown_speakers(&o);
        assert!(
            speakers.contains(&"maeda-masahide".to_string()),
            "{speakers:?}"
        );
        assert!(
            speakers.contains(&"yamatani-eriko".to_string()),
            "{speakers:?}"
        );
        for id in &o.matched {
            let p = minutes().paragraphs().find(|p| p.id == *id).unwrap();
            assert!(p.topics.iter().any(|t| t.topic == "log-retention"), "{id}");
        }
        assert!(!o.dimmed.is_empty());
        assert!(o.matched.is_disjoint(&o.dimmed));
    }

    #[test]
    fn iot_query_in_any_width_finds_the_same_paragraphs() {
        let a = run("?q=IoT", "");
        assert!(!a.matched.is_empty());
        for q in ["%EF%BC%A9%EF%BD%8F%EF%BC%B4", "iot", "I+o+T"] {
            assert_eq!(run(&format!("?q={q}"), "").matched, a.matched, "{q}");
        }
        // 村井's "I o T" artefact is found by "IoT".
        assert!(shown_speakers(&a).contains(&"murai-jun".to_string()));
    }

    // The count the search box shows is the number of highlights drawn in the paragraphs
    // on show: counted on the search form here, found on the printed text there.
    #[test]
    fn hits_are_the_highlights_in_matching_paragraphs() {
        let drawn = |o: &Outcome, q: &str| -> usize {
            let q = fold(q);
            minutes()
                .speeches()
                .flat_map(|(_, s)| &s.paragraphs)
                .filter(|p| o.matched.contains(p.id.as_str()))
                .map(|p| crate::search::find(&p.text, &q).len())
                .sum()
        };
        for (query, q) in [("?q=IoT", "IoT"), ("?q=%E3%83%AD%E3%82%B0", "ログ")] {
            let o = run(query, "");
            assert!(o.hits > 0, "{q}");
            assert_eq!(o.hits, drawn(&o, q), "{q}");
        }
        // Another filter hides some of them; those are not counted.
        let all = run("?q=IoT", "").hits;
        let one = run("?q=IoT&speaker=murai-jun", "");
        assert!(one.hits > 0 && one.hits < all, "{} of {all}", one.hits);
        assert_eq!(one.hits, drawn(&one, "IoT"));
        assert_eq!(run("?topic=iot", "").hits, 0, "no search, no hits");
    }

    #[test]
    fn speaker_name_matches_by_kanji_reading_and_latin() {
        for q in [
            "%E6%9D%91%E4%BA%95",
            "%E3%82%80%E3%82%89%E3%81%84",
            "Murai",
            "murai+jun",
        ] {
            let o = run(&format!("?q={q}"), "");
            assert!(shown_speakers(&o).contains(&"murai-jun".to_string()), "{q}");
        }
    }

    #[test]
    fn filters_combine() {
        let o = run("?speaker=murai-jun,onodera-tadashi&topic=iot", "");
        let speakers = shown_speakers(&o);
        assert!(
            speakers
                .iter()
                .all(|s| s == "murai-jun" || s == "onodera-tadashi")
        );
        let o2 = run("?speaker=murai-jun&topic=iot&section=4", "");
        assert!(o2.is_empty(), "村井 spoke only in section 2");
    }

    #[test]
    fn counts_are_faceted() {
        let o = run("?speaker=murai-jun", "");
        // Choosing another speaker would show their speech: the count ignores the speaker filter.
        assert_eq!(o.speaker_counts.get("onodera-tadashi"), Some(&1));
        // Topic counts apply the speaker filter: only 村井's paragraphs count.
        let murai_iot = minutes()
            .speeches()
            .filter(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
            .flat_map(|(_, s)| &s.paragraphs)
            .filter(|p| p.topics.iter().any(|t| t.topic == "iot"))
            .count();
        assert_eq!(o.topic_counts.get("iot").copied().unwrap_or(0), murai_iot);
    }

    #[test]
    fn a_permalinked_speech_stays_visible_under_filters() {
        let target = minutes()
            .speeches()
            .find(|(_, s)| s.speaker.as_deref() == Some("suga-yoshihide"))
            .unwrap()
            .1;
        let o = run("?speaker=murai-jun", &target.paragraphs[0].id);
        assert!(o.visible.contains(target.id.as_str()));
    }

    #[test]
    fn nothing_found_is_empty() {
        assert!(run("?q=zzzzqqqq", "").is_empty());
    }

    #[test]
    fn single_latin_letter_does_not_match_every_name() {
        let o = run("?q=a", "");
        assert!(o.speeches_shown < minutes().speeches().count());
    }
}
