//! Download the current view as JSON, CSV, Markdown or Akoma Ntoso XML, or the whole
//! minutes as the JSON file published beside the page.

use leptos::prelude::*;

use crate::export::{self, Format};
use crate::route::Route;
use crate::state::use_meeting;
use crate::web::browser;

/// One button per format; each downloads what the filters show right now.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let meeting = use_meeting();
    let buttons = Format::ALL
        .into_iter()
        .map(|format| {
            let (ext, mime, label) = format.describe();
            let download = move |_| {
                let narrowed = meeting
                    .outcome
                    .with_untracked(|o| export::narrow(meeting.minutes, o));
                let suffix = if meeting.state.with_untracked(|s| s.is_filtered()) {
                    "-filtered"
                } else {
                    ""
                };
                let name = format!("{}{suffix}.{ext}", meeting.minutes.id);
                browser::download(&name, mime, &export::write(&narrowed, format));
            };
            view! {
                <button type="button" class="clear-button" data-export=ext on:click=download>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading" class="filters__heading">{meeting.text(|t| t.export_heading)}</h2>
            <div class="export__buttons">{buttons}</div>
            <p class="export__data">
                <a href=Route::MeetingJson { id: &meeting.minutes.id }.href_from(&Route::Meeting { id: &meeting.minutes.id }) download data-download="minutes">
                    {meeting.text(|t| t.data_download)}
                </a>
            </p>
        </section>
    }
}
