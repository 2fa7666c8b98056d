//! The reading view: the whole meeting in printed order.

use leptos::prelude::*;
use minutes_core::{Block, Minutes, Section};

use crate::browser;
use crate::components::agenda_list::AgendaList;
use crate::components::attendee_table::AttendeeTable;
use crate::components::meeting_header::MeetingHeader;
use crate::components::paragraph_view::ParagraphView;
use crate::components::speech_view::SpeechView;
use crate::components::table_of_contents::TableOfContents;

/// The meeting: header, contents, attendees and proceedings.
#[component]
pub fn MeetingPage(
    /// The minutes to show.
    minutes: &'static Minutes,
) -> impl IntoView {
    Effect::new(|_| browser::scroll_to_fragment());

    view! {
        <a class="skip-link" href="#proceedings">"本文へ移動"</a>
        <MeetingHeader minutes=minutes />
        <div class="layout">
            <TableOfContents minutes=minutes />
            <main class="proceedings" id="proceedings" tabindex="-1">
                <AttendeeTable minutes=minutes />
                <section class="minutes" aria-labelledby="minutes-heading">
                    <h2 id="minutes-heading" class="visually-hidden">"議事概要"</h2>
                    {minutes
                        .sections
                        .iter()
                        .map(|section| view! { <SectionView minutes=minutes section=section /> })
                        .collect_view()}
                </section>
                {minutes
                    .end_mark
                    .as_deref()
                    .map(|mark| view! { <p class="end-mark">{format!("— {mark} —")}</p> })}
            </main>
        </div>
    }
}

/// One numbered section and its blocks.
#[component]
fn SectionView(
    /// The minutes the section belongs to (to look speakers up).
    minutes: &'static Minutes,
    /// The section to show.
    section: &'static Section,
) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="section" id=section.id.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="section__number">{format!("({})", section.number)}</span>
                " "
                {section.title.clone()}
            </h2>
            {section
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Agenda(agenda) => view! { <AgendaList agenda=agenda /> }.into_any(),
                    Block::Narrative(p) => {
                        view! { <ParagraphView paragraph=p narrative=true /> }.into_any()
                    }
                    Block::Speech(speech) => {
                        view! { <SpeechView minutes=minutes speech=speech /> }.into_any()
                    }
                })
                .collect_view()}
        </section>
    }
}
