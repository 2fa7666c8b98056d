//! One signal per element for what a view changes about it (shown, matched, dimmed,
//! targeted, its search hits), kept in step with the [`Outcome`] by a single effect that
//! writes only the signals whose value changed.
//!
//! Why not let every paragraph read the `Outcome` memo itself: a signal with N readers
//! costs O(N) to unsubscribe each of them when they re-run (the subscriber set keeps its
//! order, so removal shifts), which made one keystroke O(N²) — seconds on a long meeting.
//! Here every element reads only its own signals, and a keystroke re-runs only the
//! elements whose state it changes.

use rustc_hash::FxHashMap as HashMap;
use std::hash::Hash;

use leptos::prelude::*;
use minutes_core::{Block, Minutes, Paragraph, TopicMatch};

use crate::filter::Outcome;
use crate::query::ViewState;
use crate::search::{self, NfkcLower};

/// A signal per key (`bool` unless said), each read by its own element and written only
/// when its value changes.
pub struct Switches<K, V = bool>(HashMap<K, RwSignal<V>>);

impl<K: Hash + Eq + Copy, V: PartialEq + Default + Clone + Send + Sync + 'static> Switches<K, V> {
    /// A signal for each of `keys`, starting at `on(key)`.
    pub fn new(keys: impl IntoIterator<Item = K>, on: impl Fn(K) -> V) -> Self {
        Switches(
            keys.into_iter()
                .map(|k| (k, RwSignal::new(on(k))))
                .collect(),
        )
    }

    /// The value for `key` (tracked). Unknown keys have the default (off, zero).
    pub fn get(&self, key: K) -> V {
        self.0.get(&key).map(|s| s.get()).unwrap_or_default()
    }

    /// Set every signal to `on(key)`, notifying only those that change.
    pub fn sync(&self, on: impl Fn(K) -> V) {
        for key in self.0.keys() {
            self.set(*key, on(*key));
        }
    }

    /// Set the signal of `key` to `value`, notifying its readers only if it changes.
    pub fn set(&self, key: K, value: V) {
        if let Some(signal) = self.0.get(&key)
            && signal.with_untracked(|old| *old != value)
        {
            signal.set(value);
        }
    }
}

/// The per-element signals of one page.
pub struct Marks {
    /// Speeches, narrative paragraphs and agenda lists on show.
    pub visible: Switches<&'static str>,
    /// Sections with something on show.
    pub sections: Switches<u32>,
    /// Paragraphs that match a topic or search.
    pub matched: Switches<&'static str>,
    /// Paragraphs shown dimmed (in a shown speech, not matching).
    pub dimmed: Switches<&'static str>,
    /// The speech or paragraph the URL fragment names.
    pub target: Switches<&'static str>,
    /// Each paragraph's search hits, as byte ranges of its printed text.
    pub hits: Switches<&'static str, Vec<(usize, usize)>>,
    /// Each matching paragraph's tags of the chosen topics: why a topic filter shows it.
    pub reasons: Switches<&'static str, Vec<&'static TopicMatch>>,
}

impl Marks {
    /// Signals for every element of `minutes`, starting at `outcome`, `target` and `query`
    /// (so the first paint is already right), and an effect that follows them.
    pub fn new(
        minutes: &'static Minutes,
        state: Memo<ViewState>,
        outcome: Memo<Outcome>,
        target: Memo<String>,
        query: Memo<String>,
        nfkc_lower: NfkcLower,
    ) -> &'static Marks {
        let mut owners = Vec::new();
        let mut paragraphs = Vec::new();
        for section in &minutes.sections {
            for block in &section.blocks {
                match block {
                    Block::Agenda(a) => owners.push(a.id.as_str()),
                    Block::Narrative(p) => {
                        owners.push(p.id.as_str());
                        paragraphs.push(p);
                    }
                    Block::Speech(s) => {
                        owners.push(s.id.as_str());
                        paragraphs.extend(&s.paragraphs);
                    }
                }
            }
        }
        let paragraphs: &'static [&'static Paragraph] = Vec::leak(paragraphs);
        let paragraph_ids = || paragraphs.iter().map(|p| p.id.as_str());
        let hits_of = move |p: &Paragraph, q: &str| {
            if q.is_empty() || !p.search.contains(q) {
                Vec::new()
            } else {
                search::find(&p.text, q, nfkc_lower)
            }
        };
        let reasons_of = |p: &'static Paragraph, o: &Outcome, s: &ViewState| {
            if s.topics.is_empty() || !o.matched.contains(p.id.as_str()) {
                Vec::new()
            } else {
                p.topics
                    .iter()
                    .filter(|m| s.topics.contains(&m.topic))
                    .collect()
            }
        };
        let (target_now, query_now) = (target.get_untracked(), query.get_untracked());
        let marks = outcome.with_untracked(|o| Marks {
            visible: Switches::new(owners.iter().copied(), |id| o.visible.contains(id)),
            sections: Switches::new(minutes.sections.iter().map(|s| s.number), |n| {
                o.sections.contains(&n)
            }),
            matched: Switches::new(paragraph_ids(), |id| o.matched.contains(id)),
            dimmed: Switches::new(paragraph_ids(), |id| o.dimmed.contains(id)),
            target: Switches::new(owners.iter().copied().chain(paragraph_ids()), |id| {
                target_now == id
            }),
            hits: Switches(
                paragraphs
                    .iter()
                    .map(|p| (p.id.as_str(), RwSignal::new(hits_of(p, &query_now))))
                    .collect(),
            ),
            reasons: state.with_untracked(|s| {
                Switches(
                    paragraphs
                        .iter()
                        .map(|p| (p.id.as_str(), RwSignal::new(reasons_of(p, o, s))))
                        .collect(),
                )
            }),
        });
        let marks: &'static Marks = Box::leak(Box::new(marks));

        Effect::new(move |_| {
            outcome.with(|o| {
                marks.visible.sync(|id| o.visible.contains(id));
                marks.sections.sync(|n| o.sections.contains(&n));
                marks.matched.sync(|id| o.matched.contains(id));
                marks.dimmed.sync(|id| o.dimmed.contains(id));
                state.with(|s| {
                    for p in paragraphs {
                        marks.reasons.set(&p.id, reasons_of(p, o, s));
                    }
                });
            });
        });
        Effect::new(move |_| target.with(|t| marks.target.sync(|id| t == id)));
        Effect::new(move |_| {
            query.with(|q| {
                for p in paragraphs {
                    marks.hits.set(&p.id, hits_of(p, q));
                }
            })
        });
        marks
    }
}
