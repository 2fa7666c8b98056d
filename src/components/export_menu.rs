//! Download the current view as JSON, CSV, Markdown or Akoma Ntoso XML.

use leptos::prelude::*;

use crate::browser;
use crate::export::{self, Format};
use crate::state::use_view;

/// One button per format; each downloads what the filters show right now.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let view = use_view();
    let buttons = Format::ALL
        .into_iter()
        .map(|format| {
            let (ext, mime, label) = format.describe();
            let download = move |_| {
                let narrowed = view
                    .outcome
                    .with_untracked(|o| export::narrow(view.minutes, o));
                let suffix = if view.state.with_untracked(|s| s.is_filtered()) {
                    "-filtered"
                } else {
                    ""
                };
                let name = format!("{}{suffix}.{ext}", view.minutes.id);
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
            <h2 id="export-heading" class="filters__heading">{view.text(|t| t.export_heading)}</h2>
            <div class="export__buttons">{buttons}</div>
        </section>
    }
}
