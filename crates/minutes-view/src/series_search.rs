//! Search across the series, on a static site: an index the build writes in pieces that a
//! search fetches only when it needs them, and the matching of one meeting, which is the
//! meeting page's own (`filter::evaluate`'s rules: search form contains the folded query,
//! or the speaker's name matches it by kanji, reading or Latin script).
//!
//! The index tells which meetings *may* match: for every character and every pair of
//! adjacent characters of every paragraph's search form, the meetings where it occurs,
//! as ranges of meeting numbers in series order (`search/shard-N.json`, the gram's shard
//! chosen by hash). A query's grams all occurring in a meeting is necessary for a match,
//! not sufficient, so the meetings are then matched exactly, newest first, from their own
//! minutes JSON (the download beside each meeting page), a few at a time. What a search
//! downloads thus grows with the query's grams and the results shown, not with the series.
//! `search/meta.json` lists the meetings, the people (with their name keys) and the
//! topics, each with their meetings.

use std::collections::BTreeMap;

use minutes_core::series::year_of;
use minutes_core::{Block, MeetingDate, Minutes};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::query::{MAX_QUERY_CHARS, keys, pairs, write};
use crate::search::find;
#[cfg(feature = "build")]
use crate::search::name_keys;
use crate::terms::Search;

/// The index format's version: a page of one build never reads another build's index.
pub const INDEX_VERSION: u32 = 2;
/// About how many bytes of JSON a shard holds: the number of shards is chosen from this.
pub const SHARD_BYTES: usize = 16_000;

/// Meetings as inclusive ranges of their positions in the series (`[[0, 3], [7, 7]]`).
pub type Ranges = Vec<[u32; 2]>;

/// One shard: grams and the meetings they occur in.
pub type Shard = BTreeMap<String, Ranges>;

/// The index's table of contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// [`INDEX_VERSION`].
    pub version: u32,
    /// How many shards the grams are spread over.
    pub shards: u32,
    /// The meetings, in series order (oldest first): a range's numbers index this.
    pub meetings: Vec<IndexedMeeting>,
    /// Everyone who attended, with the keys their name is matched by.
    pub people: Vec<IndexedPerson>,
    /// Every topic raised, with the meetings it was raised in.
    pub topics: Vec<IndexedTopic>,
}

/// A meeting in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedMeeting {
    /// Its id (and folder).
    pub id: String,
    /// Its body's slug (`minutes_core::body_slug` of the id).
    pub body: String,
    /// Its number.
    pub number: u32,
    /// When it was held.
    pub date: MeetingDate,
}

/// A person in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedPerson {
    /// Attendee id.
    pub id: String,
    /// As printed.
    pub name: String,
    /// In Latin script, if known.
    pub latin: Option<String>,
    /// The keys their name is matched by (`search::name_keys`).
    pub keys: Vec<String>,
    /// The meetings they spoke in.
    pub meetings: Ranges,
}

/// A topic in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexedTopic {
    /// Its id.
    pub id: String,
    /// Label in Japanese.
    pub ja: String,
    /// Label in English.
    pub en: String,
    /// The meetings where a paragraph raised it.
    pub meetings: Ranges,
}

/// The grams a folded query is looked up by: its one character, or each pair of adjacent
/// characters.
pub fn grams(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    match chars.len() {
        0 => Vec::new(),
        1 => vec![chars[0].to_string()],
        _ => chars.windows(2).map(|w| w.iter().collect()).collect(),
    }
}

/// The shard a gram is in: FNV-1a of its UTF-8 bytes (the same in Rust at build time
/// and in the browser).
pub fn shard_of(gram: &str, shards: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in gram.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % shards.max(1)
}

/// Sorted, distinct positions as ranges.
pub fn to_ranges(positions: impl IntoIterator<Item = u32>) -> Ranges {
    let mut out: Ranges = Vec::new();
    for p in positions {
        match out.last_mut() {
            Some(last) if last[1] + 1 == p => last[1] = p,
            Some(last) if last[1] >= p => {}
            _ => out.push([p, p]),
        }
    }
    out
}

fn contains(ranges: &[[u32; 2]], p: u32) -> bool {
    let i = ranges.partition_point(|r| r[1] < p);
    ranges.get(i).is_some_and(|r| r[0] <= p)
}

/// A series search, as its address writes it:
/// `?scope=series&q=…&speaker=…&topic=…&body=…&body=…&from=…&to=…`.
/// `scope=series` tells it from a link to the one meeting the site once was, which used
/// the same keys at the same address (see `site::legacy_target`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeriesQuery {
    /// The words searched for, as typed.
    pub q: String,
    /// Only remarks by this attendee.
    pub speaker: Option<String>,
    /// Only paragraphs raising this topic.
    pub topic: Option<String>,
    /// Only meetings of these bodies (slugs, sorted; none: every body). `body=` is
    /// repeated, once per body.
    pub bodies: Vec<String>,
    /// Only meetings held in or after this year.
    pub from: Option<u32>,
    /// Only meetings held in or before this year.
    pub to: Option<u32>,
    /// The interface language the link asks for.
    pub lang: Option<Lang>,
}

impl SeriesQuery {
    /// Read an address's query string; keys that do not parse are ignored, as unknown
    /// keys are.
    pub fn parse(search: &str) -> SeriesQuery {
        let mut out = SeriesQuery::default();
        for (k, v) in pairs(search).filter_map(Result::ok) {
            let v = v.trim().to_owned();
            match k.as_str() {
                keys::Q => out.q = v.chars().take(MAX_QUERY_CHARS).collect(),
                keys::SPEAKER if !v.is_empty() => out.speaker = Some(v),
                keys::TOPIC if !v.is_empty() => out.topic = Some(v),
                keys::BODY if !v.is_empty() => out.toggle_body(v, true),
                keys::FROM => out.from = v.parse().ok(),
                keys::TO => out.to = v.parse().ok(),
                keys::LANG => out.lang = Lang::parse(&v),
                _ => {}
            }
        }
        out
    }

    /// Narrow to the body `slug` (`on`) or stop narrowing to it, keeping `bodies` sorted
    /// and each once (a sorted insert: no sort is compiled into the WASM for it).
    pub fn toggle_body(&mut self, slug: String, on: bool) {
        match (self.bodies.binary_search(&slug), on) {
            (Err(at), true) => self.bodies.insert(at, slug),
            (Ok(at), false) => {
                self.bodies.remove(at);
            }
            _ => {}
        }
    }

    /// The query string, `scope=series` first, keys in one order; `""` for no search.
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if !self.q.is_empty() {
            pairs.push((keys::Q, self.q.clone()));
        }
        if let Some(s) = &self.speaker {
            pairs.push((keys::SPEAKER, s.clone()));
        }
        if let Some(t) = &self.topic {
            pairs.push((keys::TOPIC, t.clone()));
        }
        for b in &self.bodies {
            pairs.push((keys::BODY, b.clone()));
        }
        if let Some(y) = self.from {
            pairs.push((keys::FROM, y.to_string()));
        }
        if let Some(y) = self.to {
            pairs.push((keys::TO, y.to_string()));
        }
        if let Some(lang) = self.lang {
            pairs.push((keys::LANG, lang.code().to_owned()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        write(std::iter::once((keys::SCOPE, keys::SERIES.to_owned())).chain(pairs))
    }

    /// Whether it asks for anything (words, not only spaces or empty quotes, or a filter of
    /// remarks).
    pub fn is_search(&self) -> bool {
        !Search::new(&self.q).is_empty() || self.speaker.is_some() || self.topic.is_some()
    }
}

/// The pair that marks a series search: `scope=series`.
pub fn series_scope() -> String {
    format!("{}={}", keys::SCOPE, keys::SERIES)
}

/// Whether a query string is a series search (`scope=series`).
pub fn is_series_query(search: &str) -> bool {
    let scope = series_scope();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == scope)
}

/// A search, folded once.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The query as given.
    pub query: SeriesQuery,
    /// Its words ([`crate::terms`]).
    pub search: Search,
    /// The people each word names (by `search.words()`'s index).
    pub name_hits: Vec<Vec<String>>,
}

impl Prepared {
    /// Fold `query` and find the people each of its words names.
    pub fn new(query: SeriesQuery, meta: &IndexMeta) -> Prepared {
        let search = Search::new(&query.q);
        let name_hits = search
            .words()
            .iter()
            .map(|w| {
                meta.people
                    .iter()
                    .filter(|p| w.names(&p.keys))
                    .map(|p| p.id.clone())
                    .collect()
            })
            .collect();
        Prepared {
            query,
            search,
            name_hits,
        }
    }

    /// The shards this search needs: those of its positive words' grams (an excluded
    /// word is looked for in the minutes themselves).
    pub fn shards(&self, meta: &IndexMeta) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .search
            .positive()
            .iter()
            .flat_map(|w| grams(&w.folded))
            .map(|g| shard_of(&g, meta.shards))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The meetings that may match, newest first, given the gram look-up (`None`: the
    /// gram occurs nowhere): for each word, the meetings holding all its grams or where
    /// a person it names spoke; then every clause's union of its words', intersected.
    pub fn candidates<'a>(
        &self,
        meta: &IndexMeta,
        lookup: impl Fn(&str) -> Option<&'a Ranges>,
    ) -> Vec<u32> {
        let q = &self.query;
        let person = |id: &str| meta.people.iter().find(|p| p.id == id);
        let topic = q
            .topic
            .as_deref()
            .map(|id| meta.topics.iter().find(|t| t.id == id));
        let speaker = q.speaker.as_deref().map(person);
        let found: Vec<Vec<Option<&Ranges>>> = self
            .search
            .positive()
            .iter()
            .map(|w| grams(&w.folded).iter().map(|g| lookup(g)).collect())
            .collect();
        let may_hold = |word: usize, i: u32| {
            found
                .get(word)
                .is_some_and(|grams| grams.iter().all(|r| r.is_some_and(|r| contains(r, i))))
                || self.name_hits[word]
                    .iter()
                    .any(|id| person(id).is_some_and(|p| contains(&p.meetings, i)))
        };
        (0..meta.meetings.len() as u32)
            .rev()
            .filter(|&i| {
                let meeting = &meta.meetings[i as usize];
                let year = year_of(&meeting.date);
                (q.bodies.is_empty() || q.bodies.contains(&meeting.body))
                    && q.from.is_none_or(|y| year >= y)
                    && q.to.is_none_or(|y| year <= y)
                    && speaker.is_none_or(|p| p.is_some_and(|p| contains(&p.meetings, i)))
                    && topic.is_none_or(|t| t.is_some_and(|t| contains(&t.meetings, i)))
                    // Exclusions cannot rule a meeting out before its minutes are read.
                    && self.search.may_accept(|word| may_hold(word, i))
            })
            .collect()
    }

    /// The paragraphs of `minutes` this search matches, with where the words are: what
    /// [`Search::shows`] of each speech, as the meeting page shows it.
    pub fn matches(&self, minutes: &Minutes) -> Vec<ParagraphHit> {
        let q = &self.query;
        let words: Vec<&str> = self
            .search
            .words()
            .iter()
            .map(|w| w.folded.as_str())
            .collect();
        let positive = &words[..self.search.positive().len()];
        let mut out = Vec::new();
        for section in &minutes.sections {
            for block in &section.blocks {
                let (speaker, paragraphs) = match block {
                    Block::Speech(s) => (s.speaker.as_deref(), s.paragraphs.as_slice()),
                    Block::Narrative(p) => (None, std::slice::from_ref(p)),
                    Block::Agenda(_) => continue,
                };
                if q.speaker.as_deref().is_some_and(|s| speaker != Some(s)) {
                    continue;
                }
                let names =
                    |i: usize| speaker.is_some_and(|s| self.name_hits[i].iter().any(|n| n == s));
                let Some(shown) = self.search.shows(
                    paragraphs.len(),
                    |k, i| paragraphs[k].search.contains(words[i]),
                    names,
                ) else {
                    continue;
                };
                for (p, shown) in paragraphs.iter().zip(shown) {
                    if !shown
                        || q.topic
                            .as_deref()
                            .is_some_and(|t| !p.topics.iter().any(|m| m.topic == t))
                    {
                        continue;
                    }
                    let holds = self.search.holds(&p.search);
                    out.push(ParagraphHit {
                        id: p.id.clone(),
                        speaker: speaker.map(str::to_owned),
                        text: p.text.clone(),
                        hits: if holds {
                            find(&p.text, positive)
                        } else {
                            Vec::new()
                        },
                    });
                }
            }
        }
        out
    }
}

/// A matching paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphHit {
    /// Its id (its permalink's fragment).
    pub id: String,
    /// Who said it, if a speech.
    pub speaker: Option<String>,
    /// As printed.
    pub text: String,
    /// Byte ranges of the words searched for in `text`.
    pub hits: Vec<(usize, usize)>,
}

/// Build the index of `meetings` (series order): its table of contents and its shards.
#[cfg(feature = "build")]
pub fn build<M: std::borrow::Borrow<Minutes>>(meetings: &[M]) -> (IndexMeta, Vec<Shard>) {
    use std::collections::BTreeSet;
    // The renderer's meetings are borrowed from several series; the tests' are owned.
    let meetings: Vec<&Minutes> = meetings.iter().map(|m| m.borrow()).collect();
    let mut grams_at: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut people: BTreeMap<String, (IndexedPerson, Vec<u32>)> = BTreeMap::new();
    let mut topics: BTreeMap<String, (IndexedTopic, Vec<u32>)> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        let i = i as u32;
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for p in m.paragraphs() {
            let chars: Vec<char> = p.search.chars().collect();
            for c in &chars {
                seen.insert(c.to_string());
            }
            for w in chars.windows(2) {
                seen.insert(w.iter().collect());
            }
            for t in &p.topics {
                if let Some(topic) = m.topic(&t.topic) {
                    let entry = topics.entry(topic.id.clone()).or_insert_with(|| {
                        let indexed = IndexedTopic {
                            id: topic.id.clone(),
                            ja: topic.ja.clone(),
                            en: topic.en.clone(),
                            meetings: Vec::new(),
                        };
                        (indexed, Vec::new())
                    });
                    entry.1.push(i);
                }
            }
        }
        for g in seen {
            grams_at.entry(g).or_default().push(i);
        }
        for (_, speech) in m.speeches() {
            let Some(a) = speech.speaker.as_deref().and_then(|id| m.attendee(id)) else {
                continue;
            };
            let entry = people.entry(a.id.clone()).or_insert_with(|| {
                let indexed = IndexedPerson {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    latin: a.latin.clone(),
                    keys: name_keys(a),
                    meetings: Vec::new(),
                };
                (indexed, Vec::new())
            });
            entry.1.push(i);
        }
    }
    let entries: Vec<(String, Ranges)> = grams_at
        .into_iter()
        .map(|(g, at)| (g, to_ranges(at)))
        .collect();
    let total: usize = entries
        .iter()
        .map(|(g, r)| g.len() + 6 + r.len() * 12)
        .sum();
    let shards = total.div_ceil(SHARD_BYTES).max(1) as u32;
    let mut out: Vec<Shard> = vec![Shard::new(); shards as usize];
    for (g, r) in entries {
        out[shard_of(&g, shards) as usize].insert(g, r);
    }
    let meta = IndexMeta {
        version: INDEX_VERSION,
        shards,
        meetings: meetings
            .iter()
            .map(|m| IndexedMeeting {
                id: m.id.clone(),
                body: m.body_slug().to_owned(),
                number: m.meeting_number,
                date: m.date.clone(),
            })
            .collect(),
        people: people
            .into_values()
            .map(|(mut p, at)| {
                p.meetings = to_ranges(dedup(at));
                p
            })
            .collect(),
        topics: topics
            .into_values()
            .map(|(mut t, at)| {
                t.meetings = to_ranges(dedup(at));
                t
            })
            .collect(),
    };
    (meta, out)
}

#[cfg(feature = "build")]
fn dedup(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    fn seed() -> Minutes {
        crate::data::parse(include_str!("../../../data/minutes/cshq-001.json")).unwrap()
    }

    /// The seed as three meetings, the middle one with its paragraphs' words reversed (so
    /// it shares grams but not phrases) and without 村井's remarks.
    fn series() -> Vec<Minutes> {
        let mut a = seed();
        let mut b = seed();
        let mut c = seed();
        a.id = "cshq-001".into();
        b.id = "cshq-002".into();
        b.date.date = "2015-05-25".into();
        c.id = "cshq-003".into();
        c.date.date = "2016-01-25".into();
        for s in &mut b.sections {
            s.blocks.retain(
                |bl| !matches!(bl, Block::Speech(sp) if sp.speaker.as_deref() == Some("murai-jun")),
            );
            for bl in &mut s.blocks {
                let ps: Vec<&mut minutes_core::Paragraph> = match bl {
                    Block::Speech(sp) => sp.paragraphs.iter_mut().collect(),
                    Block::Narrative(p) => vec![p],
                    Block::Agenda(_) => vec![],
                };
                for p in ps {
                    p.search = p.search.chars().rev().collect();
                    p.text = p.text.chars().rev().collect();
                }
            }
        }
        vec![a, b, c]
    }

    /// Every meeting matched by a full scan, newest first.
    fn scan(meetings: &[Minutes], p: &Prepared) -> Vec<u32> {
        (0..meetings.len() as u32)
            .rev()
            .filter(|&i| !p.matches(&meetings[i as usize]).is_empty())
            .collect()
    }

    fn search(meta: &IndexMeta, shards: &[Shard], q: SeriesQuery) -> (Vec<u32>, Prepared) {
        let p = Prepared::new(q, meta);
        let c = p.candidates(meta, |g| shards[shard_of(g, meta.shards) as usize].get(g));
        (c, p)
    }

    #[test]
    fn the_index_never_misses_a_meeting_a_full_scan_finds() {
        let meetings = series();
        let (meta, shards) = build(&meetings);
        for q in [
            "IoT",
            "ＩｏＴ",
            "I o T",
            "ログ",
            "人材",
            "村井",
            "むらい",
            "Murai",
            "の",
            "東京オリンピック",
            "zzzz",
            "ンョシーベノイ",
            "IoT 人材",
            "IoT　人材 ログ",
            "IoT OR zzzz",
            "zzzz OR 東京オリンピック",
            "IoT -人材",
            "-IoT",
            "村井 IoT",
            "\"I o T\" ログ",
            "zzzz OR ログ -の",
        ] {
            let query = SeriesQuery {
                q: q.into(),
                ..SeriesQuery::default()
            };
            let (candidates, p) = search(&meta, &shards, query);
            let found = scan(&meetings, &p);
            assert!(
                found.iter().all(|m| candidates.contains(m)),
                "{q}: {candidates:?} misses {found:?}"
            );
        }
    }

    #[test]
    fn three_spellings_of_iot_find_the_same_paragraphs() {
        let meetings = series();
        let (meta, shards) = build(&meetings);
        // Quoted, "I o T" is one phrase (unquoted, three words).
        let results: Vec<Vec<String>> = ["IoT", "ＩｏＴ", "\"I o T\""]
            .into_iter()
            .map(|q| {
                let query = SeriesQuery {
                    q: q.into(),
                    ..SeriesQuery::default()
                };
                let (c, p) = search(&meta, &shards, query);
                c.iter()
                    .flat_map(|&i| p.matches(&meetings[i as usize]))
                    .map(|h| h.id)
                    .collect()
            })
            .collect();
        assert!(!results[0].is_empty());
        assert_eq!(results[0], results[1]);
        assert_eq!(results[0], results[2]);
    }

    #[test]
    fn a_name_finds_the_remarks_of_its_person_by_kanji_reading_and_latin() {
        let meetings = series();
        let (meta, shards) = build(&meetings);
        for q in ["村井", "むらい", "ムライ", "murai"] {
            let query = SeriesQuery {
                q: q.into(),
                ..SeriesQuery::default()
            };
            let (c, p) = search(&meta, &shards, query);
            assert_eq!(p.name_hits, [["murai-jun"]], "{q}");
            assert!(c.contains(&0) && c.contains(&2), "{q}: {c:?}");
            let hits = p.matches(&meetings[0]);
            assert!(
                hits.iter()
                    .any(|h| h.speaker.as_deref() == Some("murai-jun")),
                "{q}"
            );
        }
    }

    #[test]
    fn filters_narrow_by_speaker_topic_and_year() {
        let meetings = series();
        let (meta, shards) = build(&meetings);
        let speaker = SeriesQuery {
            speaker: Some("murai-jun".into()),
            ..SeriesQuery::default()
        };
        let (c, p) = search(&meta, &shards, speaker);
        assert_eq!(c, [2, 0], "村井 spoke in the first and third");
        assert!(
            p.matches(&meetings[0])
                .iter()
                .all(|h| h.speaker.as_deref() == Some("murai-jun"))
        );
        let years = SeriesQuery {
            q: "IoT".into(),
            from: Some(2016),
            ..SeriesQuery::default()
        };
        assert_eq!(search(&meta, &shards, years).0, [2]);
        let topic = SeriesQuery {
            topic: Some("iot".into()),
            to: Some(2015),
            ..SeriesQuery::default()
        };
        let (c, p) = search(&meta, &shards, topic);
        assert!(c.contains(&0));
        assert!(p.matches(&meetings[0]).len() > 1);
        let nobody = SeriesQuery {
            speaker: Some("nobody".into()),
            ..SeriesQuery::default()
        };
        assert!(search(&meta, &shards, nobody).0.is_empty());
    }

    #[test]
    fn a_body_filter_keeps_the_meetings_of_the_bodies_named() {
        let mut meetings = series();
        meetings[2].id = "cshq-2025-001".into();
        let (meta, shards) = build(&meetings);
        assert_eq!(meta.meetings[2].body, "cshq-2025");
        let q = |bodies: &[&str]| SeriesQuery {
            q: "IoT".into(),
            bodies: bodies.iter().map(|b| (*b).to_owned()).collect(),
            ..SeriesQuery::default()
        };
        assert_eq!(search(&meta, &shards, q(&[])).0, [2, 0]);
        assert_eq!(search(&meta, &shards, q(&["cshq"])).0, [0]);
        assert_eq!(search(&meta, &shards, q(&["cshq-2025"])).0, [2]);
        assert_eq!(search(&meta, &shards, q(&["cshq", "cshq-2025"])).0, [2, 0]);
        assert!(search(&meta, &shards, q(&["ispc"])).0.is_empty());
        // Repeated in the address, in any order, once each.
        let parsed = SeriesQuery::parse("?scope=series&q=IoT&body=cshq-2025&body=cshq&body=cshq");
        assert_eq!(parsed.bodies, ["cshq", "cshq-2025"]);
        assert_eq!(
            parsed.to_query(),
            "?scope=series&q=IoT&body=cshq&body=cshq-2025"
        );
    }

    #[test]
    fn a_query_round_trips_through_its_address() {
        let q = SeriesQuery {
            q: "ログ 保存&x".into(),
            speaker: Some("murai-jun".into()),
            topic: Some("iot".into()),
            bodies: vec!["cshq".into(), "ispc-kihon".into()],
            from: Some(2015),
            to: Some(2020),
            lang: Some(Lang::En),
        };
        let s = q.to_query();
        assert!(s.starts_with("?scope=series&q="));
        assert!(is_series_query(&s));
        assert_eq!(SeriesQuery::parse(&s), q);
        assert_eq!(SeriesQuery::default().to_query(), "");
        assert!(!is_series_query("?q=ログ"));
        assert_eq!(SeriesQuery::parse("?from=abc&to=&q=%ZZ").from, None);
    }

    #[test]
    fn ranges_hold_exactly_their_positions() {
        let r = to_ranges([0, 1, 2, 5, 7, 8]);
        assert_eq!(r, [[0, 2], [5, 5], [7, 8]]);
        for p in 0..10 {
            assert_eq!(contains(&r, p), [0, 1, 2, 5, 7, 8].contains(&p), "{p}");
        }
        assert!(to_ranges([]).is_empty());
    }

    /// The meeting page's matched paragraphs for `q` (`filter::evaluate`).
    fn on_the_page(q: &str) -> Vec<String> {
        let minutes: &'static Minutes = Box::leak(Box::new(seed()));
        let index = crate::filter::Index::new(minutes);
        let state = crate::query::ViewState {
            q: q.to_owned(),
            ..crate::query::ViewState::default()
        };
        let o = crate::filter::evaluate(&index, &state, "");
        minutes
            .paragraphs()
            .filter(|p| o.matched.contains(p.id.as_str()))
            .map(|p| p.id.clone())
            .collect()
    }

    #[test]
    fn the_series_matches_a_meeting_as_its_page_does() {
        let meetings = [seed()];
        let (meta, _) = build(&meetings);
        // Names count as words by the same keys on both sides: a full name typed with a
        // space is two words that name the same person.
        for q in [
            "IoT 人材",
            "IoT OR ログ",
            "IoT -人材",
            "村井 IoT",
            "人材 OR ログ -IoT",
            "村井 純",
            "Murai Jun",
            "むらい じゅん IoT",
        ] {
            let p = Prepared::new(
                SeriesQuery {
                    q: q.into(),
                    ..SeriesQuery::default()
                },
                &meta,
            );
            let ids: Vec<String> = p.matches(&meetings[0]).into_iter().map(|h| h.id).collect();
            assert!(!ids.is_empty(), "{q}");
            assert_eq!(ids, on_the_page(q), "{q}");
        }
    }

    #[test]
    fn two_words_in_two_paragraphs_of_one_speech_find_it() {
        // A speech that says IoT in one paragraph and 量子暗号 in another.
        let mut m = seed();
        let speech = m
            .sections
            .iter_mut()
            .flat_map(|s| &mut s.blocks)
            .find_map(|b| match b {
                Block::Speech(s)
                    if s.paragraphs.len() > 1 && s.paragraphs[0].search.contains("iot") =>
                {
                    Some(s)
                }
                _ => None,
            })
            .expect("a speech of several paragraphs that starts with IoT");
        let (id, first) = (speech.id.clone(), speech.paragraphs[0].id.clone());
        let last = speech.paragraphs.last_mut().unwrap();
        assert!(!last.search.contains("iot"));
        last.text.push_str("量子暗号も。");
        last.search.push_str("量子暗号も。");
        let last = last.id.clone();
        let meetings = [m];
        let (meta, shards) = build(&meetings);
        let (candidates, p) = search(
            &meta,
            &shards,
            SeriesQuery {
                q: "IoT 量子暗号".into(),
                ..SeriesQuery::default()
            },
        );
        assert_eq!(candidates, [0]);
        let hits = p.matches(&meetings[0]);
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert!(
            ids.contains(&first.as_str()) && ids.contains(&last.as_str()),
            "{id}: {ids:?}"
        );
        assert!(hits.iter().all(|h| !h.hits.is_empty()));
        // Excluded, 量子暗号 takes that speech away.
        let p = Prepared::new(
            SeriesQuery {
                q: "IoT -量子暗号".into(),
                ..SeriesQuery::default()
            },
            &meta,
        );
        assert!(p.matches(&meetings[0]).iter().all(|h| h.id != first));
    }
}
