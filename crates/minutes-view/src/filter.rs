//! What a view shows: given the minutes and a [`ViewState`], which speeches and paragraphs
//! are visible, which paragraphs matched, and the live counts beside each filter. Pure,
//! tested natively against the embedded minutes.
//!
//! The rules, per paragraph, one test per filter dimension:
//! - speaker: spoken by one of the chosen speakers (narrative never is);
//! - section: in one of the chosen sections;
//! - topic: tagged with one of the chosen topics;
//! - search ([`crate::terms`]): its speech matches the query (every word, or one of each
//!   `OR`, occurs somewhere in the speech or names its speaker, and no excluded word does),
//!   and the paragraph holds one of the query's words (or its speaker is named by one).
//!   The speech is the unit, as the Diet's 発言単位: `IoT 人材` finds a speech that says
//!   IoT in one paragraph and 人材 in another. A narrative paragraph is a unit of its own.
//!
//! A paragraph *matches* when it passes all four. A speech is shown when one of its
//! paragraphs matches; its other paragraphs are dimmed when a topic or search word is
//! active.
//! Counts are faceted: a speaker's count ignores the speaker filter but applies the others,
//! so it says what choosing that speaker would show.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use minutes_core::{Block, Minutes};

use crate::query::ViewState;
use crate::search::{self, fold, name_keys};
use crate::terms::Search;

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

/// The minutes prepared for filtering: built once at start-up. What only a search reads
/// (names and agenda items folded) is folded at the first search: start-up, which builds
/// this within the page's hydration, folds nothing (bench/RESULTS.md, "Two apps").
pub struct Index {
    minutes: &'static Minutes,
    entries: Vec<Entry>,
    /// The id of each paragraph's owner: a speech, or the narrative paragraph itself.
    owners: Vec<&'static str>,
    /// Whether each owner is a speech (rather than narrative).
    is_speech: Vec<bool>,
    /// Each speaker's name keys ([`name_keys`]), at the first search.
    names: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>>,
    /// Each agenda list's id, section and items.
    agendas: Vec<(&'static str, u32, &'static [minutes_core::AgendaItem])>,
    /// Each agenda list's items folded, in the order of `agendas`, at the first search.
    agenda_items: std::sync::OnceLock<Vec<Vec<String>>>,
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
                        agendas.push((a.id.as_str(), section.number, a.items.as_slice()));
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
        Index {
            minutes,
            entries,
            owners,
            is_speech,
            names: std::sync::OnceLock::new(),
            agendas,
            agenda_items: std::sync::OnceLock::new(),
        }
    }

    /// Each speaker's name keys.
    fn names(&self) -> &[(&'static str, Vec<String>)] {
        self.names.get_or_init(|| {
            let attendees = &self.minutes.attendees;
            attendees
                .iter()
                .map(|a| (a.id.as_str(), name_keys(a)))
                .collect()
        })
    }

    /// Each agenda list's items, folded.
    fn agenda_items(&self) -> &[Vec<String>] {
        self.agenda_items.get_or_init(|| {
            let lists = self.agendas.iter();
            lists
                .map(|(_, _, items)| items.iter().map(|i| fold(&i.text)).collect())
                .collect()
        })
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
    /// Occurrences of the search's words in the matching paragraphs: the highlights the
    /// search box counts and steps through (none in a paragraph another filter hides or
    /// folds; where two words overlap, one).
    pub hits: usize,
    /// Occurrences of each of the search's positive words ([`Search::positive`]) in the
    /// matching paragraphs.
    pub word_hits: Vec<usize>,
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
    let search = Search::new(&state.q);
    let words: Vec<&str> = search.words().iter().map(|w| w.folded.as_str()).collect();
    let positive = &words[..search.positive().len()];
    // The speakers each word names.
    let named: Vec<HashSet<&str>> = search
        .words()
        .iter()
        .map(|w| {
            index
                .names()
                .iter()
                .filter(|(_, keys)| w.names(keys))
                .map(|(id, _)| *id)
                .collect()
        })
        .collect();
    let names = |speaker: Option<&str>, i: usize| speaker.is_some_and(|s| named[i].contains(s));
    let marking = !state.topics.is_empty() || !positive.is_empty();
    let filtered = state.is_filtered();

    // Which words each paragraph holds (`has[k * n + i]`: paragraph k, word i), each
    // looked for once; then which units (speeches, narrative paragraphs) the search
    // accepts. A unit's paragraphs are consecutive entries.
    let n = words.len();
    let has: Vec<bool> = index
        .entries
        .iter()
        .flat_map(|e| words.iter().map(|w| e.search.contains(w)))
        .collect();
    // What the search shows of each unit (`Search::shows`), paragraph by paragraph.
    let mut by_search = vec![true; index.entries.len()];
    if !search.is_empty() {
        let mut start = 0;
        while start < index.entries.len() {
            let owner = index.entries[start].owner;
            let end = start
                + index.entries[start..]
                    .iter()
                    .take_while(|e| e.owner == owner)
                    .count();
            let speaker = index.entries[start].speaker;
            let shown = search.shows(
                end - start,
                |k, i| has[(start + k) * n + i],
                |i| names(speaker, i),
            );
            match shown {
                Some(shown) => by_search[start..end].copy_from_slice(&shown),
                None => by_search[start..end].fill(false),
            }
            start = end;
        }
    }

    let passes: Vec<Passes> = index
        .entries
        .iter()
        .enumerate()
        .map(|(k, e)| Passes {
            speaker: state.speakers.is_empty()
                || e.speaker.is_some_and(|s| state.speakers.contains(s)),
            section: state.sections.is_empty() || state.sections.contains(&e.section),
            topic: state.topics.is_empty() || e.topics.iter().any(|t| state.topics.contains(*t)),
            search: by_search[k],
        })
        .collect();

    let mut out = Outcome {
        word_hits: vec![0; positive.len()],
        ..Outcome::default()
    };
    let mut shown_owners = vec![false; index.owners.len()];
    for (e, p) in index.entries.iter().zip(&passes) {
        let targeted = !target.is_empty() && (e.id == target || index.owners[e.owner] == target);
        if p.all() || targeted {
            shown_owners[e.owner] = true;
            if marking && p.all() {
                out.matched.insert(e.id);
                if let [word] = positive {
                    let n = e.search.matches(word).count();
                    out.hits += n;
                    out.word_hits[0] += n;
                } else if !positive.is_empty() {
                    out.hits += search::count(e.search, positive);
                    for (n, w) in out.word_hits.iter_mut().zip(positive) {
                        *n += e.search.matches(w).count();
                    }
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
    for (k, (id, section, _)) in index.agendas.iter().enumerate() {
        let in_section = state.sections.is_empty() || state.sections.contains(section);
        let shown = if !filtered {
            true
        } else {
            in_section
                && state.speakers.is_empty()
                && state.topics.is_empty()
                && !positive.is_empty()
                && search.accepts(|i| {
                    index.agenda_items()[k]
                        .iter()
                        .any(|item| item.contains(words[i]))
                })
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
        // Quoted, "I o T" is one phrase (unquoted, three words).
        for q in [
            "%EF%BC%A9%EF%BD%8F%EF%BC%B4",
            "iot",
            "%22I+o+T%22",
            "%E3%80%8CI+o+T%E3%80%8D",
        ] {
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
                .map(|p| crate::search::find(&p.text, &[&q]).len())
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

    /// Words of the seed to combine: two-character pieces of its paragraphs that name
    /// nobody (names are matched by their own rule, tested above), every 37th.
    fn vocabulary() -> Vec<String> {
        let index = Index::new(minutes());
        let mut out: Vec<String> = minutes()
            .paragraphs()
            .flat_map(|p| {
                let chars: Vec<char> = p.text.chars().collect();
                chars
                    .windows(2)
                    .map(|w| w.iter().collect::<String>())
                    .collect::<Vec<_>>()
            })
            .filter(|w| {
                !w.contains(char::is_whitespace)
                    && !w.contains(['"', '「', '」', '-', '－', '|', '｜', '“', '”', '＂', '−'])
            })
            .step_by(37)
            .filter(|w| {
                let word = crate::terms::Search::new(w);
                word.words()
                    .iter()
                    .all(|w| !index.names().iter().any(|(_, keys)| w.names(keys)))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// What the query asks, by brute force on the converter's search form: the speeches
    /// (and narrative paragraphs) holding every required word (one of each OR) and no
    /// excluded one, and their paragraphs that hold a required word.
    fn oracle(required: &[Vec<&str>], excluded: &[&str]) -> (HashSet<String>, HashSet<String>) {
        let form = |t: &str| minutes_core::normalize::normalize_for_search(t);
        let mut units = HashSet::default();
        let mut paragraphs = HashSet::default();
        for block in minutes().sections.iter().flat_map(|s| &s.blocks) {
            let (id, ps) = match block {
                Block::Speech(s) => (&s.id, s.paragraphs.as_slice()),
                Block::Narrative(p) => (&p.id, std::slice::from_ref(p)),
                Block::Agenda(_) => continue,
            };
            let texts: Vec<String> = ps.iter().map(|p| form(&p.text)).collect();
            let has = |w: &str| texts.iter().any(|t| t.contains(&form(w)));
            if required.iter().all(|any| any.iter().any(|w| has(w)))
                && !excluded.iter().any(|w| has(w))
            {
                units.insert(id.clone());
                for (p, t) in ps.iter().zip(&texts) {
                    if required.iter().flatten().any(|w| t.contains(&form(w))) {
                        paragraphs.insert(p.id.clone());
                    }
                }
            }
        }
        (units, paragraphs)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Pairs and triples of words, some joined by OR, some excluded, in full and
        /// half-width spaces: the view shows what the brute force finds.
        #[test]
        fn matching_agrees_with_a_brute_force_oracle(
            picks in proptest::collection::vec((0usize..10_000, 0u8..6), 2..=3),
            space in proptest::prop_oneof![proptest::strategy::Just(" "), proptest::strategy::Just("\u{3000}")],
        ) {
            let vocabulary = vocabulary();
            let mut typed = Vec::new();
            let mut required: Vec<Vec<&str>> = Vec::new();
            let mut excluded = Vec::new();
            for (i, &(n, kind)) in picks.iter().enumerate() {
                let w = vocabulary[n % vocabulary.len()].as_str();
                match kind {
                    // Excluded.
                    0 => { typed.push(format!("-{w}")); excluded.push(w); }
                    // Joined to the word before by OR, when that one is required.
                    1 if i > 0 && picks[i - 1].1 != 0 => {
                        typed.push(format!("OR {w}"));
                        required.last_mut().unwrap().push(w);
                    }
                    _ => { typed.push(w.to_owned()); required.push(vec![w]); }
                }
            }
            let q = typed.join(space);
            let state = ViewState { q: q.clone(), ..ViewState::default() };
            let o = evaluate(&Index::new(minutes()), &state, "");
            let (units, paragraphs) = oracle(&required, &excluded);
            let shown: HashSet<String> = o.visible.iter().filter(|id| !id.starts_with("agenda")).map(|s| (*s).to_owned()).collect();
            let agendas: HashSet<String> = minutes().sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b { Block::Agenda(a) => Some(a.id.clone()), _ => None }).collect();
            let shown: HashSet<String> = shown.difference(&agendas).cloned().collect();
            let matched: HashSet<String> = o.matched.iter().map(|s| (*s).to_owned()).collect();
            proptest::prop_assert_eq!(&shown, &units, "{}", q);
            if required.is_empty() {
                proptest::prop_assert!(matched.is_empty(), "{}", q);
            } else {
                proptest::prop_assert_eq!(&matched, &paragraphs, "{}", q);
            }
            // Every highlight drawn is counted.
            let words: Vec<String> = required.iter().flatten().map(|w| fold(w)).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let drawn: usize = minutes().paragraphs().filter(|p| o.matched.contains(p.id.as_str())).map(|p| crate::search::find(&p.text, &words).len()).sum();
            proptest::prop_assert_eq!(o.hits, drawn, "{}", q);
        }
    }

    #[test]
    fn two_words_in_one_speech_are_found_together() {
        // The example: IoT and 人材 both come up in 小野寺's and 野原's speeches.
        let o = run("?q=IoT%20%E4%BA%BA%E6%9D%90", "");
        let speakers = shown_speakers(&o);
        assert!(
            speakers.contains(&"onodera-tadashi".to_owned()),
            "{speakers:?}"
        );
        assert!(
            speakers.contains(&"nohara-sawako".to_owned()),
            "{speakers:?}"
        );
        assert_eq!(o.word_hits.len(), 2);
        assert!(o.word_hits.iter().all(|&n| n > 0), "{:?}", o.word_hits);
        // One word alone finds more speeches; the exclusion takes them away again.
        let iot = run("?q=IoT", "");
        assert!(iot.speeches_shown > o.speeches_shown);
        let without = run("?q=IoT%20-%E4%BA%BA%E6%9D%90", "");
        assert_eq!(
            without.speeches_shown + o.speeches_shown,
            iot.speeches_shown
        );
        // Names still count as words: 小野寺 and IoT is 小野寺's speech.
        let named = run("?q=%E5%B0%8F%E9%87%8E%E5%AF%BA%20IoT", "");
        assert_eq!(shown_speakers(&named), ["onodera-tadashi"]);
    }

    #[test]
    fn a_query_of_spaces_or_empty_quotes_asks_for_nothing() {
        for q in ["%20%20", "%22%22", "%E3%80%8C%E3%80%8D"] {
            let (state, _) = parse(&format!("?q={q}"));
            assert!(!state.is_filtered(), "{q}");
            assert_eq!(run(&format!("?q={q}"), ""), run("", ""), "{q}");
        }
    }

    #[test]
    fn an_exclusion_alone_marks_nothing_and_hides_what_it_names() {
        let o = run("?q=-IoT", "");
        assert!(o.matched.is_empty() && o.dimmed.is_empty());
        assert_eq!(o.hits, 0);
        let iot = run("?q=IoT", "");
        assert_eq!(
            o.speeches_shown + iot.speeches_shown,
            minutes().speeches().count()
        );
    }
}
