//! What the current filters show, said in words, and the way out of an empty result.

use leptos::prelude::*;

use crate::state::use_view;

/// "n件の発言を表示中" while filtering; a clear message and a button when nothing matches.
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
        Some(if empty {
            view! {
                <div class="result-summary result-summary--empty" role="status" data-result-summary="">
                    <p>"条件に合う発言はありません。"</p>
                    <button type="button" class="clear-button" on:click=move |_| view.clear()>
                        "条件を解除して全体を表示"
                    </button>
                </div>
            }
            .into_any()
        } else {
            let matched = (matched > 0).then(|| format!("（該当する段落 {matched}件）"));
            view! {
                <div class="result-summary" role="status" data-result-summary="">
                    <p>{format!("{speeches}件の発言を表示中")} {matched}</p>
                    <button type="button" class="clear-button" on:click=move |_| view.clear()>
                        "条件を解除"
                    </button>
                </div>
            }
            .into_any()
        })
    }
}
