//! One paragraph, with its permalink id, search highlights and topic marks. Its copy
//! buttons come to it when it is read (`copy_buttons::ParagraphCopyButtons`).

use leptos::prelude::*;
use minutes_core::{Paragraph, Speech};

use crate::state::use_meeting;

/// A paragraph of a speech (`speech` set), or of the narrative.
#[component]
pub fn ParagraphView(
    /// The paragraph to show.
    paragraph: &'static Paragraph,
    /// The speech it belongs to; `None` for the secretariat's narrative.
    #[prop(optional)]
    speech: Option<&'static Speech>,
) -> impl IntoView {
    let meeting = use_meeting();
    let id = paragraph.id.as_str();
    let text = paragraph.text.as_str();

    // Each reads this paragraph's own signal, so a keystroke re-runs only the paragraphs
    // whose state it changes (see `marks`).
    let marks = meeting.marks;
    let matched = move || marks.matched.get(id);
    let dimmed = move || marks.dimmed.get(id);
    let targeted = move || marks.target.get(id);
    // For a topic filter, the topics and terms that made this paragraph match, so the
    // reader sees why. The terms are quoted from the minutes, so they stay Japanese. Only
    // a paragraph with reasons reads the language: subscribing and unsubscribing every
    // matching paragraph on each keystroke cost time in proportion to the page.
    let reasons = move || {
        let tags = marks.reasons.get(id);
        (!tags.is_empty()).then(|| {
            let lang = meeting.language.lang.get();
            let t = lang.texts();
            let parts = tags
                .into_iter()
                .filter_map(|m| {
                    Some((
                        lang.topic(meeting.minutes.topic(&m.topic)?),
                        m.terms.join("、"),
                    ))
                })
                .enumerate()
                .map(|(i, (topic, terms))| {
                    view! {
                        {(i > 0).then_some(t.reason_separator)}
                        {topic}
                        {t.reason_colon}
                        <span lang="ja">{terms}</span>
                    }
                })
                .collect_view();
            view! { <p class="paragraph__reasons" data-topic-reasons="">{parts}</p> }
        })
    };
    // For a narrative paragraph, hiding belongs to the paragraph itself.
    let hidden = move || speech.is_none() && !marks.visible.get(id);

    view! {
        <div
            class="paragraph"
            class:paragraph--narrative=speech.is_none()
            hidden=hidden
            data-paragraph=id
            // A Tab stop only once the app can bring the copy buttons to it: without
            // JavaScript it would be a stop that does nothing.
            tabindex=move || meeting.started.get().then_some("0")
            data-matched=move || matched().then_some("")
            data-dimmed=move || dimmed().then_some("")
            data-target=move || targeted().then_some("")
        >
            <p id=id lang="ja">
                {move || {
                    let hits = marks.hits.get(id);
                    let mut at = 0;
                    let mut parts = Vec::new();
                    for (a, b) in hits {
                        parts.push(text[at..a].to_string().into_any());
                        parts.push(view! { <mark data-hit="">{text[a..b].to_string()}</mark> }.into_any());
                        at = b;
                    }
                    parts.push(text[at..].to_string().into_any());
                    parts.collect_view()
                }}
            </p>
            {reasons}
        </div>
    }
}
