//! One remark: the speaker's name, role and group, then the paragraphs.

use leptos::prelude::*;
use minutes_core::{Minutes, Speech};

use crate::components::paragraph_view::ParagraphView;
use crate::format::{group_key, group_label};

/// A speech. Its element carries the public test contract: `id` = the permalink id and
/// `data-speaker` = the speaker's attendee id (empty when the minutes cannot say who).
#[component]
pub fn SpeechView(
    /// The minutes the speech belongs to (to look the speaker up).
    minutes: &'static Minutes,
    /// The speech to show.
    speech: &'static Speech,
) -> impl IntoView {
    let speaker = speech
        .speaker
        .as_deref()
        .and_then(|id| minutes.attendee(id));
    let heading_id = format!("{}-heading", speech.id);
    let labelled_by = heading_id.clone();
    let group = speaker.map(|a| group_key(a.group)).unwrap_or("unknown");
    view! {
        <article
            class="speech"
            id=speech.id.clone()
            data-speaker=speech.speaker.clone().unwrap_or_default()
            data-group=group
            aria-labelledby=labelled_by
        >
            <header class="speech__header">
                <h3 id=heading_id class="speech__speaker">
                    {match speaker {
                        Some(a) => {
                            view! {
                                <span class="speech__name">{a.name.clone()}</span>
                                <span class="speech__role">{a.role.clone()}</span>
                            }
                                .into_any()
                        }
                        None => view! { <span class="speech__name">"発言者不明"</span> }.into_any(),
                    }}
                </h3>
                <span class="group-badge">
                    {speaker.map(|a| group_label(a.group)).unwrap_or("不明")}
                </span>
                <span class="speech__designation" title=speech.attribution.clone()>
                    {format!("表記：{}", speech.designation)}
                </span>
            </header>
            {speech
                .paragraphs
                .iter()
                .map(|p| view! { <ParagraphView paragraph=p /> })
                .collect_view()}
        </article>
    }
}
