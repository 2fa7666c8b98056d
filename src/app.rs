//! The root component: the data, the view state and the one page.

use leptos::prelude::*;

use crate::browser;
use crate::data;
use crate::pages::meeting_page::MeetingPage;
use crate::state::provide_meeting;

/// The whole app. There are no path routes on purpose: the page is served as one static
/// file, and everything a shared link must reproduce lives in the query string and the
/// fragment, which work on any static host without rewrite rules.
#[component]
pub fn App() -> impl IntoView {
    view! {
            {match data::minutes() {
                Ok(minutes) => {
                    // The build copies this title into index.html (tools/prerender.mjs).
                    browser::set_title(&format!("{} {}", minutes.body, minutes.title));
                    view! { <Provided minutes=minutes /> }.into_any()
                }
                Err(error) => view! { <DataUnreadable message=error.to_string() /> }.into_any(),
            }}
    }
}

/// The view state, provided to the page below.
#[component]
fn Provided(
    /// The minutes to show.
    minutes: &'static minutes_core::Minutes,
) -> impl IntoView {
    provide_meeting(minutes, browser::nfkc_lower);
    view! { <MeetingPage /> }
}

/// Shown instead of the meeting when the embedded data cannot be read, in both languages:
/// the reader's choice is not known yet.
#[component]
fn DataUnreadable(
    /// What went wrong, in words a reader can pass on.
    message: String,
) -> impl IntoView {
    view! {
        <main class="page page--error">
            <h1>"議事録を表示できません" <span lang="en">"/ The minutes cannot be shown"</span></h1>
            <p role="alert">{message}</p>
        </main>
    }
}
