//! The speaker view: who one person is and what they said, shown above their speeches
//! when the view is filtered to exactly that person (`?speaker=murai-jun`).

use leptos::prelude::*;

use crate::format::{group_key, group_label, offices};
use crate::query::{ViewState, to_query};
use crate::state::use_view;
use crate::stats::{self, SpeakerStats, percent};

/// The card for the one chosen speaker; nothing when none or several are chosen.
#[component]
pub fn SpeakerCard() -> impl IntoView {
    let view = use_view();
    let all: &'static [SpeakerStats] = Box::leak(stats::speakers(view.minutes).into_boxed_slice());
    move || {
        let id = view.state.with(|s| {
            (s.speakers.len() == 1)
                .then(|| s.speakers.iter().next().cloned())
                .flatten()
        })?;
        let s = all.iter().find(|s| s.attendee.id == id)?;
        let a = s.attendee;
        let topics = s
            .topics
            .iter()
            .filter_map(|(t, n)| {
                let topic = view.minutes.topic(t)?;
                let mut state = ViewState::default();
                state.speakers.insert(a.id.clone());
                state.topics.insert(topic.id.clone());
                Some(view! {
                    <li>
                        <a href=to_query(&state)>{topic.ja.clone()}</a>
                        <span class="count">{format!("{n}段落")}</span>
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <section class="speaker-card" data-group=group_key(a.group) data-speaker-card=a.id.clone() aria-labelledby="speaker-card-name">
                <h2 id="speaker-card-name">
                    {a.name.clone()}
                    {a.reading.clone().map(|r| view! { <span class="speaker-card__reading">{r}</span> })}
                </h2>
                {a.latin.clone().map(|l| view! { <p class="speaker-card__latin" lang="en">{l}</p> })}
                <p>
                    {a.role.clone()}
                    {offices(a)}
                    " "
                    <span class="group-badge">{group_label(a.group)}</span>
                </p>
                <dl class="speaker-card__numbers">
                    <div>
                        <dt>"発言"</dt>
                        <dd>{format!("{}回・{}段落", s.speeches, s.paragraphs)}</dd>
                    </div>
                    <div>
                        <dt>"文字数"</dt>
                        <dd data-speaker-share="">{format!("{}字（会議全体の{}）", s.chars, percent(s.share))}</dd>
                    </div>
                </dl>
                {(!s.topics.is_empty()).then(|| view! {
                    <h3 class="speaker-card__topics-heading">"取り上げたテーマ"</h3>
                    <ul class="speaker-card__topics">{topics}</ul>
                })}
            </section>
        })
    }
}
