//! One remark: the speaker's name, role and group, then the paragraphs.

use leptos::prelude::*;
use minutes_core::Speech;

use crate::components::copy_buttons::{CopyButtons, Quotable};
use crate::components::paragraph_view::ParagraphView;
use crate::format::group_key;
use crate::query::to_query;
use crate::state::{MeetingState, use_meeting};
use crate::web::browser;

/// The address of a person's speaker view, in the link's language.
fn speaker_link(meeting: MeetingState, id: &str) -> String {
    let mut state = meeting.base_state();
    state.speakers.insert(id.to_string());
    to_query(&state)
}

/// A remark's length in characters on a scale of ten steps, each half as long again as the
/// one before: 0 is about 100 characters or fewer, 9 about 3,800 or more. main.css
/// estimates from it the height of a remark off screen that is not drawn yet (one rule
/// per step and screen width: a value per remark would cost every search a style
/// computation per remark).
pub fn length_step(chars: usize) -> u8 {
    // Each step's upper bound lies halfway (on the log scale) to the next step.
    let mut bound = 100.0 * 1.5f64.sqrt();
    let mut step = 0;
    while step < 9 && chars as f64 > bound {
        step += 1;
        bound *= 1.5;
    }
    step
}

/// A speech. Its element carries the public test contract: `id` = the permalink id and
/// `data-speaker` = the speaker's attendee id (empty when the minutes cannot say who).
#[component]
pub fn SpeechView(
    /// The speech to show.
    speech: &'static Speech,
) -> impl IntoView {
    let meeting = use_meeting();
    let minutes = meeting.minutes;
    let id = speech.id.as_str();
    let speaker = speech
        .speaker
        .as_deref()
        .and_then(|id| minutes.attendee(id));
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let group = speaker.map(|a| group_key(a.group)).unwrap_or("unknown");
    let chars: usize = speech
        .paragraphs
        .iter()
        .map(|p| p.text.chars().count())
        .sum();
    let quotable = Quotable {
        id,
        speech: Some(speech),
        paragraph: None,
    };
    // Under a topic or search, only the matching paragraphs show; the others fold away
    // until the reader opens them here. Laying out every non-matching paragraph of every
    // shown remark was most of a search's rendering time.
    let marks = meeting.marks;
    let expanded = RwSignal::new(false);
    let folded = Memo::new(move |_| {
        speech
            .paragraphs
            .iter()
            .filter(|p| marks.dimmed.get(&p.id))
            .count()
    });
    let has_fold = Memo::new(move |_| folded.get() > 0);
    // Only a speech gaining or losing its fold builds or drops the button; a new number
    // changes its text.
    let fold = move || {
        has_fold.get().then(|| {
            view! {
                <button
                    type="button"
                    class="speech__fold"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || {
                        let t = meeting.t();
                        if expanded.get() {
                            t.hide_other_paragraphs.to_string()
                        } else {
                            (t.show_other_paragraphs)(folded.get())
                        }
                    }}
                </button>
            }
        })
    };
    view! {
        <article
            class="speech"
            id=id
            data-speaker=speech.speaker.clone().unwrap_or_default()
            data-group=group
            data-size=length_step(chars)
            aria-labelledby=labelled_by
            tabindex="-1"
            hidden=move || !meeting.marks.visible.get(id)
            data-target=move || meeting.marks.target.get(id).then_some("")
            data-expanded=move || expanded.get().then_some("")
        >
            // Whose remark this is, kept at the top of the screen while it is read (main.css
            // shows it only while stuck there); the heading below is what is read out.
            <div class="speech__stuck" data-speech-stuck aria-hidden="true">
                <span>
                    {move || {
                        let lang = meeting.language.lang.get();
                        speaker.map_or_else(|| lang.texts().unknown_speaker.to_owned(), |a| lang.name(a))
                    }}
                </span>
            </div>
            // The address printed under the heading (main.css, print) is absolute: only the
            // browser knows the page's origin.
            <header
                class="speech__header"
                data-speech-header
                data-permalink=move || meeting.started.get().then(|| browser::permalink(id, meeting.language.lang.get()))
            >
                <h3 id=heading_id class="speech__speaker">
                    {move || {
                        let lang = meeting.language.lang.get();
                        match speaker {
                            Some(a) => {
                                view! {
                                    <a
                                        class="speech__name"
                                        data-speaker-name
                                        href=speaker_link(meeting, &a.id)
                                        title=lang.texts().all_by_speaker
                                    >
                                        {lang.name(a)}
                                    </a>
                                    <span class="speech__role" data-speaker-role>{lang.role(a)}</span>
                                }
                                    .into_any()
                            }
                            None => {
                                view! { <span class="speech__name" data-speaker-name>{lang.texts().unknown_speaker}</span> }
                                    .into_any()
                            }
                        }
                    }}
                </h3>
                <span class="group-badge" data-group-badge>
                    {move || {
                        let lang = meeting.language.lang.get();
                        speaker.map(|a| lang.group(a.group)).unwrap_or(lang.texts().group_unknown)
                    }}
                </span>
                <span class="speech__designation" data-designation title=speech.attribution.clone()>
                    {meeting.text(|t| t.as_printed)}
                    <span lang="ja">{speech.designation.clone()}</span>
                </span>
                <span class="copy-buttons" data-copy-buttons>
                    <CopyButtons target=Signal::stored(Some(quotable)) />
                </span>
            </header>
            {speech
                .paragraphs
                .iter()
                .map(|p| view! { <ParagraphView paragraph=p speech=speech /> })
                .collect_view()}
            {fold}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::length_step;

    #[test]
    fn length_steps_grow_by_half_and_stop_at_nine() {
        assert_eq!(length_step(0), 0);
        assert_eq!(length_step(122), 0);
        assert_eq!(length_step(123), 1);
        // Remarks of the seed minutes: 260, 704 and 2,477 characters.
        assert_eq!(length_step(260), 2);
        assert_eq!(length_step(704), 5);
        assert_eq!(length_step(2477), 8);
        assert_eq!(length_step(100_000), 9);
        let steps: Vec<u8> = (0..5000).map(length_step).collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1] && w[1] - w[0] <= 1));
    }
}
