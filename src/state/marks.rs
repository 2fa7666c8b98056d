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
use std::sync::Arc;

use leptos::prelude::*;
use minutes_core::{Block, Minutes, Paragraph, TopicMatch};

use crate::filter::Outcome;
use crate::query::ViewState;
use crate::search;
use crate::terms::Search;

/// A signal per key (`bool` unless said), each read by its own element and written only
/// when its value changes. `Copy`: the map is a `StoredValue`, owned by the reactive owner
/// that made it, and dropped with it. It is shared (`Arc`) so that writing the signals
/// happens outside the `StoredValue`'s lock.
pub struct SignalMap<K: 'static, V: 'static = bool>(StoredValue<Arc<HashMap<K, RwSignal<V>>>>);

impl<K, V> Clone for SignalMap<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for SignalMap<K, V> {}

impl<K, V> SignalMap<K, V>
where
    K: Hash + Eq + Copy + Send + Sync + 'static,
    V: PartialEq + Default + Clone + Send + Sync + 'static,
{
    /// A signal for each of `keys`, starting at `on(key)`.
    pub fn new(keys: impl IntoIterator<Item = K>, on: impl Fn(K) -> V) -> Self {
        Self::from_values(keys.into_iter().map(|k| (k, on(k))))
    }

    /// A signal for each key, starting at its value.
    pub fn from_values(values: impl IntoIterator<Item = (K, V)>) -> Self {
        SignalMap(StoredValue::new(Arc::new(
            values
                .into_iter()
                .map(|(k, v)| (k, RwSignal::new(v)))
                .collect(),
        )))
    }

    /// The value for `key` (tracked). Unknown keys have the default (off, zero).
    pub fn get(&self, key: K) -> V {
        self.0
            .try_with_value(|map| map.get(&key).copied())
            .flatten()
            .map(|s| s.get())
            .unwrap_or_default()
    }

    /// Set every signal to `on(key)`, notifying only those that change.
    pub fn sync(&self, on: impl Fn(K) -> V) {
        let Some(map) = self.0.try_get_value() else {
            return;
        };
        for (key, signal) in map.iter() {
            set_if_changed(*signal, on(*key));
        }
    }

    /// Set the signal of each key to its value, notifying only those that change.
    pub fn set_all(&self, values: impl IntoIterator<Item = (K, V)>) {
        let Some(map) = self.0.try_get_value() else {
            return;
        };
        for (key, value) in values {
            if let Some(signal) = map.get(&key) {
                set_if_changed(*signal, value);
            }
        }
    }
}

fn set_if_changed<V: PartialEq + Send + Sync + 'static>(signal: RwSignal<V>, value: V) {
    if signal.with_untracked(|old| *old != value) {
        signal.set(value);
    }
}

/// The per-element signals of one page. `Copy`.
#[derive(Clone, Copy)]
pub struct Marks {
    /// Speeches, narrative paragraphs and agenda lists on show.
    pub visible: SignalMap<&'static str>,
    /// Sections with something on show.
    pub sections: SignalMap<u32>,
    /// Paragraphs that match a topic or search.
    pub matched: SignalMap<&'static str>,
    /// Paragraphs shown dimmed (in a shown speech, not matching).
    pub dimmed: SignalMap<&'static str>,
    /// The speech or paragraph the URL fragment names.
    pub target: SignalMap<&'static str>,
    /// Each paragraph's search hits, as byte ranges of its printed text.
    pub hits: SignalMap<&'static str, Vec<(usize, usize)>>,
    /// Each matching paragraph's tags of the chosen topics: why a topic filter shows it.
    pub reasons: SignalMap<&'static str, Vec<&'static TopicMatch>>,
    /// The hits drawn in the matching paragraphs: what the search box counts and steps
    /// through, counted from the highlights themselves (a character that folds to
    /// several, as `…` to `...`, holds one highlight however often a word occurs in it).
    pub drawn: RwSignal<usize>,
}

impl Marks {
    /// Signals for every element of `minutes`, starting at `outcome`, `target` and `search`
    /// (so the first paint is already right), and an effect that follows them.
    pub fn new(
        minutes: &'static Minutes,
        state: Memo<ViewState>,
        outcome: Memo<Outcome>,
        target: Memo<String>,
        search: Memo<Search>,
    ) -> Marks {
        // Every element a view shows or hides on its own: speeches, narrative paragraphs
        // and agenda lists.
        let owners: Vec<&'static str> = minutes
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|block| match block {
                Block::Agenda(a) => a.id.as_str(),
                Block::Narrative(p) => p.id.as_str(),
                Block::Speech(s) => s.id.as_str(),
            })
            .collect();
        let paragraphs = move || minutes.paragraphs();
        let paragraph_ids = move || paragraphs().map(|p| p.id.as_str());
        // Where the search's positive words are in each paragraph on show (matched, or
        // dimmed in a shown speech) that holds one; none in the paragraphs a view hides.
        let hits = move |s: &Search, o: &Outcome| {
            let words: Vec<&str> = s.positive().iter().map(|w| w.folded.as_str()).collect();
            paragraphs()
                .map(|p| {
                    let id = p.id.as_str();
                    let shown = o.matched.contains(id) || o.dimmed.contains(id);
                    let hits = if shown && s.holds(&p.search) {
                        search::find(&p.text, &words)
                    } else {
                        Vec::new()
                    };
                    (id, hits)
                })
                .collect::<Vec<_>>()
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
        let target_now = target.get_untracked();
        let drawn_in = |hits: &[(&'static str, Vec<(usize, usize)>)], o: &Outcome| -> usize {
            hits.iter()
                .filter(|(id, _)| o.matched.contains(id))
                .map(|(_, h)| h.len())
                .sum()
        };
        let marks = outcome.with_untracked(|o| {
            let hits_now = search.with_untracked(|s| hits(s, o));
            Marks {
                visible: SignalMap::new(owners.iter().copied(), |id| o.visible.contains(id)),
                sections: SignalMap::new(minutes.sections.iter().map(|s| s.number), |n| {
                    o.sections.contains(&n)
                }),
                matched: SignalMap::new(paragraph_ids(), |id| o.matched.contains(id)),
                dimmed: SignalMap::new(paragraph_ids(), |id| o.dimmed.contains(id)),
                target: SignalMap::new(owners.iter().copied().chain(paragraph_ids()), |id| {
                    target_now == id
                }),
                drawn: RwSignal::new(drawn_in(&hits_now, o)),
                hits: SignalMap::from_values(hits_now),
                reasons: state.with_untracked(|s| {
                    SignalMap::from_values(
                        paragraphs().map(|p| (p.id.as_str(), reasons_of(p, o, s))),
                    )
                }),
            }
        });

        Effect::new(move |_| {
            outcome.with(|o| {
                marks.visible.sync(|id| o.visible.contains(id));
                marks.sections.sync(|n| o.sections.contains(&n));
                marks.matched.sync(|id| o.matched.contains(id));
                marks.dimmed.sync(|id| o.dimmed.contains(id));
                state.with(|s| {
                    marks
                        .reasons
                        .set_all(paragraphs().map(|p| (p.id.as_str(), reasons_of(p, o, s))));
                });
            });
        });
        Effect::new(move |_| target.with(|t| marks.target.sync(|id| t == id)));
        Effect::new(move |_| {
            search.with(|s| {
                outcome.with(|o| {
                    let now = hits(s, o);
                    set_if_changed(marks.drawn, drawn_in(&now, o));
                    marks.hits.set_all(now);
                })
            });
        });
        marks
    }
}
