//! Filters by speaker (grouped), topic and section, each with a live count, and one
//! control that clears everything.

use leptos::prelude::*;
use minutes_core::Group;

use crate::filter::Outcome;
use crate::format::group_key;
use crate::query::toggle;
use crate::state::marks::SignalMap;
use crate::state::use_meeting;
use crate::web::{browser, hydration};

/// The three filter groups. Every choice is a checkbox, so several can be combined; the
/// counts say how many speeches (or, for topics, paragraphs) choosing it would show.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let meeting = use_meeting();
    let minutes = meeting.minutes;
    let groups = [Group::Expert, Group::Minister, Group::Official];

    // One signal per option's count, written only where the count changed, so an update
    // re-runs the options whose count it changes (see `marks`). The counts follow the
    // outcome once the browser is idle after painting the results (at most 200 ms later),
    // not in the keystroke's own frame: the reader is looking at the results, and writing
    // some thirty counts in a scrolling sidebar slowed each search noticeably. A burst of
    // keystrokes updates them once.
    let counts = Counts {
        speakers: SignalMap::new(minutes.attendees.iter().map(|a| a.id.as_str()), |_| 0),
        topics: SignalMap::new(minutes.topics.iter().map(|t| t.id.as_str()), |_| 0),
        sections: SignalMap::new(minutes.sections.iter().map(|s| s.number), |_| 0),
    };
    meeting.outcome.with_untracked(|o| counts.sync(o));
    let waiting = StoredValue::new(false);
    // The effect's first run is the mount, when the counts are already right; after that,
    // one idle callback at a time.
    Effect::new(move |previous_run: Option<()>| {
        meeting.outcome.track();
        if previous_run.is_none() || waiting.try_get_value() != Some(false) {
            return;
        }
        waiting.set_value(true);
        browser::when_idle(move || {
            if waiting.try_set_value(false).is_none() {
                meeting.outcome.try_with_untracked(|o| counts.sync(o));
            }
        });
    });

    // What each group of checkboxes reads: a keystroke in the search box changes the
    // state but not these, so the checkboxes are not re-run for it (they were some
    // thirty memos of the whole state, each unsubscribed and subscribed again per key).
    let chosen_speakers = Memo::new(move |_| meeting.state.with(|s| s.speakers.clone()));
    let chosen_topics = Memo::new(move |_| meeting.state.with(|s| s.topics.clone()));
    let chosen_sections = Memo::new(move |_| meeting.state.with(|s| s.sections.clone()));

    let speaker_groups = move || {
        groups
            .into_iter()
            .filter_map(|group| {
                // Only people who speak are filters; the rest would always count zero.
                let speakers: Vec<_> = minutes
                    .attendees
                    .iter()
                    .filter(|a| a.group == group)
                    .filter(|a| minutes.speeches().any(|(_, s)| s.speaker.as_deref() == Some(&a.id)))
                    .collect();
                (!speakers.is_empty()).then(|| {
                    view! {
                        <fieldset class="filter-group" data-group=group_key(group)>
                            <legend>{move || meeting.language.lang.get().group(group)}</legend>
                            {speakers
                                .into_iter()
                                .map(|a| {
                                    let id = a.id.as_str();
                                    view! {
                                        <FilterOption
                                            name="speaker"
                                            value=id
                                            label=Signal::derive(move || meeting.language.lang.get().name(a))
                                            checked=Memo::new(move |_| chosen_speakers.with(|s| s.contains(id))).into()
                                            count=Signal::derive(move || counts.speakers.get(id))
                                            on_toggle=move || meeting.update(|s| toggle(&mut s.speakers, id.to_string()))
                                        />
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
            })
            .collect_view()
    };

    let topics = move || {
        minutes
            .topics
            .iter()
            .map(|t| {
                let id = t.id.as_str();
                view! {
                    <FilterOption
                        name="topic"
                        value=id
                        label=Signal::derive(move || meeting.language.lang.get().topic(t))
                        checked=Memo::new(move |_| chosen_topics.with(|s| s.contains(id))).into()
                        count=Signal::derive(move || counts.topics.get(id))
                        on_toggle=move || meeting.update(|s| toggle(&mut s.topics, id.to_string()))
                    />
                }
            })
            .collect_view()
    };

    let sections = move || {
        minutes
            .sections
            .iter()
            .map(|sec| {
                let n = sec.number;
                view! {
                    <FilterOption
                        name="section"
                        value=sec.id.as_str()
                        label=Signal::stored(format!("({n}) {}", sec.title))
                        label_lang="ja"
                        checked=Memo::new(move |_| chosen_sections.with(|s| s.contains(&n))).into()
                        count=Signal::derive(move || counts.sections.get(n))
                        on_toggle=move || meeting.update(|s| toggle(&mut s.sections, n))
                    />
                }
            })
            .collect_view()
    };

    // Hydrated after the page's first pass (`hydration`), a group per slice: the panel
    // was the largest piece of the tools (up to 19 ms on a first load).
    let host = NodeRef::new();
    let inner = hydration::later(
        host,
        vec![
            hydration::child(move || {
                view! {
                    <h2 id="filters-heading" class="filters__heading">{meeting.text(|t| t.filters)}</h2>
                    <button
                        type="button"
                        class="clear-button"
                        data-clear-filters=""
                        disabled=move || !meeting.filtered.get()
                        on:click=move |_| meeting.clear()
                    >
                        {meeting.text(|t| t.clear_all)}
                    </button>
                }
            }),
            hydration::child(move || {
                view! {
                    <details class="filters__section" open=true>
                        <summary>{meeting.text(|t| t.speakers)}</summary>
                        {speaker_groups()}
                    </details>
                }
            }),
            hydration::child(move || {
                view! {
                    <details class="filters__section" open=true>
                        <summary>{meeting.text(|t| t.topics)}</summary>
                        <fieldset class="filter-group">
                            <legend class="visually-hidden">{meeting.text(|t| t.topics)}</legend>
                            {topics()}
                        </fieldset>
                    </details>
                }
            }),
            hydration::child(move || {
                view! {
                    <details class="filters__section">
                        <summary>{meeting.text(|t| t.sections)}</summary>
                        <fieldset class="filter-group">
                            <legend class="visually-hidden">{meeting.text(|t| t.sections)}</legend>
                            {sections()}
                        </fieldset>
                    </details>
                }
            }),
        ],
    );
    view! { <section class="filters" aria-labelledby="filters-heading" node_ref=host inner_html=inner></section> }
}

/// The live count beside each option. `Copy`.
#[derive(Clone, Copy)]
struct Counts {
    speakers: SignalMap<&'static str, usize>,
    topics: SignalMap<&'static str, usize>,
    sections: SignalMap<u32, usize>,
}

impl Counts {
    /// Follow the faceted counts of `o`.
    fn sync(&self, o: &Outcome) {
        self.speakers
            .sync(|id| o.speaker_counts.get(id).copied().unwrap_or(0));
        self.topics
            .sync(|id| o.topic_counts.get(id).copied().unwrap_or(0));
        self.sections
            .sync(|n| o.section_counts.get(&n).copied().unwrap_or(0));
    }
}

/// One checkbox with its label and live count.
#[component]
fn FilterOption(
    /// The query-string key this option sets (`speaker`, `topic`, `section`).
    name: &'static str,
    /// The id this option stands for.
    value: &'static str,
    /// What the reader sees.
    label: Signal<String>,
    /// The label's language when it is not the interface's (section titles as printed).
    #[prop(optional)]
    label_lang: Option<&'static str>,
    /// Whether it is chosen (a memo: a keystroke changes the state, rarely this).
    checked: Signal<bool>,
    /// How many results choosing it would show.
    count: Signal<usize>,
    /// Called when the reader ticks or unticks it.
    on_toggle: impl Fn() + 'static,
) -> impl IntoView {
    let meeting = use_meeting();
    view! {
        <label
            class="filter-option"
            class:filter-option--empty=move || count.get() == 0 && !checked.get()
        >
            <input
                type="checkbox"
                name=name
                value=value
                prop:checked=checked
                on:change=move |_| on_toggle()
            />
            <span class="filter-option__label" lang=label_lang>{label}</span>
            <span class="filter-option__count" data-option-count>
                {count}
                <span class="visually-hidden">{meeting.text(|t| t.count_unit)}</span>
            </span>
        </label>
    }
}
