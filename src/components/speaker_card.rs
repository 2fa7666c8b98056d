//! The speaker view: who one person is and what they said, shown above their speeches
//! when the view is filtered to exactly that person (`?speaker=murai-jun`).

use leptos::prelude::*;
use minutes_core::series::is_placeholder_id;

use crate::format::{group_key, offices};
use crate::i18n::Lang;
use crate::query::to_query;
use crate::route::{MEETING_ROOT, Route};
use crate::state::use_meeting;
use crate::stats::{self, SpeakerStats, percent};

/// The card for the one chosen speaker; nothing when none or several are chosen.
#[component]
pub fn SpeakerCard() -> impl IntoView {
    let meeting = use_meeting();
    // Counted once; the closure below owns them.
    let all: Vec<SpeakerStats> = stats::speakers(meeting.minutes);
    // The card is drawn again when the chosen speaker changes, not at each keystroke of a
    // search made beside it.
    let chosen = Memo::new(move |_| {
        meeting.state.with(|s| {
            (s.speakers.len() == 1)
                .then(|| s.speakers.iter().next().cloned())
                .flatten()
        })
    });
    move || {
        let id = chosen.get()?;
        let s = all.iter().find(|s| s.attendee.id == id)?;
        let a = s.attendee;
        let lang = meeting.language.lang.get();
        let t = lang.texts();
        let topics = s
            .topics
            .iter()
            .filter_map(|(topic_id, n)| {
                let topic = meeting.minutes.topic(topic_id)?;
                let mut state = meeting.base_state();
                state.speakers.insert(a.id.clone());
                state.topics.insert(topic.id.clone());
                Some(view! {
                    <li>
                        <a href=to_query(&state)>{lang.topic(topic)}</a>
                        <span class="count">{(t.paragraphs)(*n)}</span>
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <section class="speaker-card" data-group=group_key(a.group) data-speaker-card=a.id.clone() aria-labelledby="speaker-card-name">
                // Japanese: the name with its reading, then the Latin form. English: the
                // Latin form, then the name as printed, which is what a quote cites.
                <h2 id="speaker-card-name">
                    {match lang {
                        Lang::Ja => view! {
                            <span lang="ja">{a.name.clone()}</span>
                            {a.reading.clone().map(|r| view! { <span class="speaker-card__reading" lang="ja">{r}</span> })}
                        }.into_any(),
                        Lang::En => view! {
                            {lang.name(a)}
                            <span class="speaker-card__reading" lang="ja">{a.name.clone()}</span>
                        }.into_any(),
                    }}
                </h2>
                {(lang == Lang::Ja).then(|| a.latin.clone().map(|l| view! { <p class="speaker-card__latin" lang="en">{l}</p> }))}
                <p>
                    {lang.role(a)}
                    {offices(a, lang)}
                    " "
                    <span class="group-badge" data-group-badge>{lang.group(a.group)}</span>
                </p>
                <dl class="speaker-card__numbers">
                    <div>
                        <dt>{t.remarks}</dt>
                        <dd>{(t.remarks_value)(s.speeches, s.paragraphs)}</dd>
                    </div>
                    <div>
                        <dt>{t.characters}</dt>
                        <dd data-speaker-share="">{(t.characters_value)(s.chars, &percent(s.share))}</dd>
                    </div>
                </dl>
                {(!s.topics.is_empty()).then(|| view! {
                    <h3 class="speaker-card__topics-heading">{t.topics_raised}</h3>
                    <ul class="speaker-card__topics">{topics}</ul>
                })}
                // A made-up id names a line of this meeting, not a person with a page.
                {(!is_placeholder_id(&a.id)).then(|| view! {
                    <p class="speaker-card__across">
                        <a href=Route::Person { id: &a.id, page: 1 }.href(MEETING_ROOT) data-person-link=a.id.clone()>{t.across_meetings}</a>
                    </p>
                })}
            </section>
        })
    }
}
