//! The root component: which page this is, and its state.

use leptos::prelude::*;
use minutes_core::Minutes;

use crate::pages::home_page::HomePage;
use crate::pages::index_page::IndexPage;
use crate::pages::meeting_page::MeetingPage;
use crate::pages::person_page::PersonPage;
use crate::site::PageData;
use crate::state::provide_meeting;
use crate::state::site::provide_site;

/// The whole app, for one page of the site: rendered to HTML by the build (`render`) and
/// hydrated from that HTML in the browser (`mount`). There is no router: each page is its
/// own static file (`site.rs`), and everything a shared link must reproduce within a page
/// lives in the query string and the fragment, which work on any static host without
/// rewrite rules.
#[component]
pub fn App(
    /// What the page shows.
    page: PageData,
    /// A meeting page's minutes (`None` on other pages).
    minutes: Option<&'static Minutes>,
) -> impl IntoView {
    let root = page.root();
    let content = match (page, minutes) {
        (PageData::Meeting(page), Some(minutes)) => {
            provide_meeting(minutes);
            view! { <MeetingPage page /> }.into_any()
        }
        (PageData::Home(page), _) => {
            provide_site(root);
            view! { <HomePage page /> }.into_any()
        }
        (PageData::Index(page), _) => {
            provide_site(root);
            view! { <IndexPage page /> }.into_any()
        }
        (PageData::Person(page), _) => {
            provide_site(root);
            view! { <PersonPage page /> }.into_any()
        }
        // `mount` and the renderer never pair a meeting page with no minutes.
        (PageData::Meeting(_), None) => ().into_any(),
    };
    view! {
        <NoScriptNote />
        {content}
    }
}

/// What readers without JavaScript are told: the page hides it (main.css) and
/// `noscript.css`, which only they load, shows it. Both languages: the reader's choice is
/// not known. When the app cannot run the page (`browser::keep_static_page`) this note
/// says why instead.
#[component]
fn NoScriptNote() -> impl IntoView {
    view! {
        <p class="noscript" data-noscript-note>
            <span lang="ja">"検索・絞り込み・リンクのコピーには JavaScript が必要です。ページの内容は下にすべて表示されています。"</span>
            " "
            <span lang="en">"Search, filters and copying links need JavaScript; everything on this page is below."</span>
        </p>
    }
}
