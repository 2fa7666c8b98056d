//! What the current filters show, said in words, and the way out of an empty result.

use leptos::prelude::*;

use crate::state::use_view;

/// "n件の発言を表示中" ("Showing n remarks") while filtering; a clear message and a button when nothing matches.
#[component]
pub fn ResultSummary() -> impl IntoView {
    let view = use_view();
    move || {
        if !view.state.with(|s| s.is_filtered()) {
            return None;
        }
        let (empty, speeches, matched) = view
            .outcome
            .with(|o| (o.is_empty(), o.speeches_shown, o.matched.len()));
        let t = view.t();
        Some(if empty {
            view! {
                <div class="result-summary result-summary--empty" role="status" data-result-summary="">
                    <p>{t.nothing_matches}</p>
                    <button type="button" class="clear-button" on:click=move |_| view.clear()>
                        {t.clear_show_all}
                    </button>
                </div>
            }
            .into_any()
        } else {
            let matched = (matched > 0).then(|| (t.matched_paragraphs)(matched));
            view! {
                <div class="result-summary" role="status" data-result-summary="">
                    <p>{(t.showing)(speeches)} {matched}</p>
                    <button type="button" class="clear-button" on:click=move |_| view.clear()>
                        {t.clear}
                    </button>
                </div>
            }
            .into_any()
        })
    }
}
