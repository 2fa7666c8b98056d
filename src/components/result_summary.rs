//! What the current filters show, said in words, and the way out of an empty result.

use leptos::prelude::*;

use crate::state::use_meeting;

/// "n件の発言を表示中" ("Showing n remarks") while filtering; a clear message and a button when nothing matches.
/// One element for as long as the reader filters, whose words follow the results: a
/// keystroke changes a text, not the element (a status region that stays is also one a
/// screen reader announces the changes of).
#[component]
pub fn ResultSummary() -> impl IntoView {
    let meeting = use_meeting();
    let shown = Memo::new(move |_| {
        meeting
            .outcome
            .with(|o| (o.is_empty(), o.speeches_shown, o.matched.len()))
    });
    let empty = Memo::new(move |_| shown.get().0);
    let words = move || {
        let (empty, speeches, matched) = shown.get();
        let t = meeting.t();
        if empty {
            t.nothing_matches.to_string()
        } else if matched > 0 {
            format!(
                "{} {}",
                (t.showing)(speeches),
                (t.matched_paragraphs)(matched)
            )
        } else {
            (t.showing)(speeches)
        }
    };
    let button = move || {
        let t = meeting.t();
        if empty.get() {
            t.clear_show_all
        } else {
            t.clear
        }
    };
    move || {
        meeting.filtered.get().then(|| {
            view! {
                <div
                    class="result-summary"
                    class:result-summary--empty=move || empty.get()
                    role="status"
                    data-result-summary=""
                >
                    <p>{words}</p>
                    <button type="button" class="clear-button" on:click=move |_| meeting.clear()>
                        {button}
                    </button>
                </div>
            }
        })
    }
}
