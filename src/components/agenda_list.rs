//! An agenda list such as 【決定事項】.

use leptos::prelude::*;
use minutes_core::Agenda;

use crate::state::use_meeting;

/// The list's heading as printed, and its items.
#[component]
pub fn AgendaList(
    /// The agenda list to show.
    agenda: &'static Agenda,
) -> impl IntoView {
    let meeting = use_meeting();
    let id = agenda.id.as_str();
    let heading_id = format!("{}-heading", agenda.id);
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="agenda"
            id=id
            lang="ja"
            aria-labelledby=labelled_by
            hidden=move || !meeting.marks.visible.get(id)
        >
            <h3 id=heading_id>{format!("【{}】", agenda.heading)}</h3>
            <ul>
                {agenda
                    .items
                    .iter()
                    .map(|item| view! { <li id=item.id.clone()>{item.text.clone()}</li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
