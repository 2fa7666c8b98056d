//! One paragraph, with its permalink id.

use leptos::prelude::*;
use minutes_core::Paragraph;

/// A paragraph of a speech, or of the narrative when `narrative` is set.
#[component]
pub fn ParagraphView(
    /// The paragraph to show.
    paragraph: &'static Paragraph,
    /// Whether this is the secretariat's narrative rather than someone's remark.
    #[prop(optional)]
    narrative: bool,
) -> impl IntoView {
    view! {
        <p
            id=paragraph.id.clone()
            class=if narrative { "paragraph paragraph--narrative" } else { "paragraph" }
            data-paragraph=""
        >
            {paragraph.text.clone()}
        </p>
    }
}
