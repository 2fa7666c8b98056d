//! The reading view: the whole meeting in printed order, with search, filters and the
//! contents beside it.

use leptos::prelude::*;
use minutes_core::{Block, Section};

use crate::components::agenda_list::AgendaList;
use crate::components::attendee_table::AttendeeTable;
use crate::components::copy_buttons::ParagraphCopyButtons;
use crate::components::export_menu::ExportMenu;
use crate::components::filter_panel::FilterPanel;
use crate::components::link_notices::LinkNotices;
use crate::components::meeting_header::MeetingHeader;
use crate::components::meeting_stats::MeetingStats;
use crate::components::paragraph_view::ParagraphView;
use crate::components::result_summary::ResultSummary;
use crate::components::search_box::SearchBox;
use crate::components::speaker_card::SpeakerCard;
use crate::components::speech_view::SpeechView;
use crate::components::table_of_contents::TableOfContents;
use crate::site::MeetingData;
use crate::state::use_meeting;
use crate::web::{browser, hydration};

/// The meeting: header, tools (search, filters, contents), attendees and proceedings.
#[component]
pub fn MeetingPage(
    /// What the page shows beyond the minutes: the meetings either side, linked from the
    /// header.
    page: MeetingData,
) -> impl IntoView {
    let MeetingData { neighbours, bodies } = page;
    let meeting = use_meeting();
    let minutes = meeting.minutes;
    // A permalink's element exists only once the app has drawn it; jump to it then.
    Effect::new(|_| browser::scroll_to_fragment());
    keyboard_shortcuts();
    // Remarks off screen are skipped (main.css); what a filter or search brings on
    // screen is drawn before the frame that shows it.
    Effect::new(move |_| {
        meeting.outcome.track();
        request_animation_frame(|| {
            browser::draw_near_remarks();
        });
    });

    // The page hydrates in slices (`hydration`): the header, the search field, the
    // tools folded under 絞り込み・目次, the proceedings.
    let tools = NodeRef::new();
    let tools_inner = hydration::later(
        tools,
        vec![
            hydration::child(|| view! { <SearchBox /> }),
            hydration::child(move || {
                let more = NodeRef::new();
                let inner = hydration::later(
                    more,
                    vec![
                        hydration::child(
                            move || view! { <summary>{meeting.text(|t| t.tools_more)}</summary> },
                        ),
                        hydration::child(|| view! { <FilterPanel /> }),
                        hydration::child(|| view! { <ExportMenu /> }),
                        hydration::child(move || view! { <TableOfContents minutes=minutes /> }),
                    ],
                );
                view! {
                    <details
                        class="tools__more"
                        data-tools-more
                        open=move || meeting.wide.get()
                        node_ref=more
                        inner_html=inner
                    ></details>
                }
            }),
        ],
    );
    let proceedings = NodeRef::new();
    let proceedings_inner = hydration::later(
        proceedings,
        vec![
            hydration::child(|| view! { <LinkNotices /> }),
            hydration::child(|| view! { <ResultSummary /> }),
            hydration::child(|| view! { <SpeakerCard /> }),
            hydration::child(move || view! { <AttendeeTable minutes=minutes /> }),
            // Opens the tools and the attendees on a wide screen as the page is read,
            // before its first paint: the app decides the same (`wide`), but only once
            // it runs, and opening them then pushed the minutes down under the reader.
            hydration::child(|| view! { <script>{OPEN_WIDE}</script> }),
            hydration::child(|| view! { <MeetingStats /> }),
            // What a copy button did, said to screen readers (browser::announce).
            hydration::child(|| {
                view! { <p class="visually-hidden" id=browser::ANNOUNCER_ID role="status" aria-live="polite"></p> }
            }),
            hydration::child(|| view! { <ParagraphCopyButtons /> }),
            hydration::child(move || {
                view! {
                    <section class="minutes" data-minutes aria-labelledby="minutes-heading">
                        <h2 id="minutes-heading" class="visually-hidden">{meeting.text(|t| t.minutes_heading)}</h2>
                        {minutes
                            .sections
                            .iter()
                            .map(|section| view! { <SectionView section=section /> })
                            .collect_view()}
                    </section>
                }
            }),
            hydration::child(move || {
                minutes
                    .end_mark
                    .as_deref()
                    .map(|mark| view! { <p class="end-mark" lang="ja">{format!("— {mark} —")}</p> })
            }),
        ],
    );

    view! {
        // A plain fragment link: the browser moves focus to the (focusable) proceedings.
        <a class="skip-link" href="#proceedings">
            {meeting.text(|t| t.skip_link)}
        </a>
        <MeetingHeader minutes=minutes neighbours=neighbours bodies=bodies />
        <div class="layout">
            <aside class="tools" aria-label=meeting.text(|t| t.tools) node_ref=tools inner_html=tools_inner></aside>
            <main
                class="proceedings"
                id="proceedings"
                tabindex="-1"
                node_ref=proceedings
                inner_html=proceedings_inner
            ></main>
        </div>
    }
}

/// The script above, run where it stands: the tools and the attendees precede it. Its
/// media query is `browser`'s breakpoint (a test checks they agree). Rendered as text, so
/// it holds no `<`, `>` or `&`; the page's CSP allows it by its hash.
pub const OPEN_WIDE: &str = "if(matchMedia('(min-width: 64rem)').matches)for(const d of document.querySelectorAll('.tools__more,.attendees details'))d.open=true";

/// `/` focuses search, `j`/`k` move between speeches, `Esc` clears the search (in the
/// field) or every filter (elsewhere). Letters typed into a field stay typing.
fn keyboard_shortcuts() {
    let meeting = use_meeting();
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
            return;
        }
        let in_field = browser::typing_in_field();
        match e.key().as_str() {
            "/" if !in_field => {
                e.prevent_default();
                browser::focus_search();
            }
            "j" if !in_field => browser::step_speech(true),
            "k" if !in_field => browser::step_speech(false),
            "Escape" => {
                if in_field && !meeting.state.with_untracked(|s| s.q.is_empty()) {
                    meeting.update(|s| s.q.clear());
                } else {
                    meeting.clear();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// One numbered section and its blocks; hidden when a filter leaves nothing in it.
#[component]
fn SectionView(
    /// The section to show.
    section: &'static Section,
) -> impl IntoView {
    let meeting = use_meeting().scoped();
    provide_context(meeting);
    let number = section.number;
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    // The heading and the remarks hydrate after the page's frame, a few per task
    // (`hydration`). Each remark is built as in one pass: after the section's own state
    // is provided.
    let host = NodeRef::new();
    let heading = hydration::child(move || {
        view! {
            <h2 id=heading_id lang="ja">
                <span class="section__number">{format!("({number})")}</span>
                " "
                {section.title.clone()}
            </h2>
        }
    });
    let blocks = section.blocks.iter().map(|block| -> hydration::Child {
        Box::new(move || {
            provide_context(meeting);
            match block {
                Block::Agenda(agenda) => view! { <AgendaList agenda=agenda /> }.into_any(),
                Block::Narrative(p) => view! { <ParagraphView paragraph=p /> }.into_any(),
                Block::Speech(speech) => view! { <SpeechView speech=speech /> }.into_any(),
            }
        })
    });
    let inner = hydration::later(host, std::iter::once(heading).chain(blocks).collect());
    view! {
        <section
            class="section"
            data-section=number
            id=section.id.clone()
            aria-labelledby=labelled_by
            hidden=move || !meeting.marks.sections.get(number)
            node_ref=host
            inner_html=inner
        ></section>
    }
}

#[cfg(test)]
mod tests {
    use super::OPEN_WIDE;

    #[test]
    fn the_open_wide_script_uses_the_apps_breakpoint_and_survives_text_escaping() {
        assert!(OPEN_WIDE.contains(&format!("matchMedia('{}')", crate::web::browser::WIDE)));
        assert!(!OPEN_WIDE.contains(['<', '>', '&']));
    }
}
