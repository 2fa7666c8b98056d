//! The root component: the view state and the one page.

use leptos::prelude::*;
use minutes_core::Minutes;

use crate::browser;
use crate::pages::meeting_page::MeetingPage;
use crate::state::provide_meeting;

/// The whole app, for one meeting: rendered to HTML by the build (`render`) and hydrated
/// from that HTML in the browser (`mount`). There are no path routes on purpose: the page
/// is served as one static file, and everything a shared link must reproduce lives in the
/// query string and the fragment, which work on any static host without rewrite rules.
#[component]
pub fn App(
    /// The minutes to show.
    minutes: &'static Minutes,
) -> impl IntoView {
    provide_meeting(minutes, browser::nfkc_lower);
    view! {
        <NoScriptNote />
        <MeetingPage />
    }
}

/// What readers without JavaScript are told: the page hides it (main.css) and
/// `noscript.css`, which only they load, shows it. Both languages: the reader's choice is
/// not known. When the app cannot run the page (`browser::keep_static_page`) this note
/// says why instead.
#[component]
fn NoScriptNote() -> impl IntoView {
    view! {
        <p class="noscript">
            <span lang="ja">"検索・絞り込み・リンクのコピーには JavaScript が必要です。議事概要は下にすべて表示されています。"</span>
            " "
            <span lang="en">"Search, filters and copying links need JavaScript; the minutes are all below."</span>
        </p>
    }
}
