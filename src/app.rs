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
/// rewrite rules. `content` is the page's own view, drawn by its app: [`MEETING`] or
/// [`PAGES`].
#[component]
pub fn App(content: AnyView) -> impl IntoView {
    view! {
        <NoScriptNote />
        {content}
    }
}

/// One of the two apps: the pages it draws and how. Each has its own WASM, which links only
/// the views its `draw` names: the meeting page's ([`MEETING`], `src/main.rs`) is where
/// readers arrive, and holds nothing of the other pages (bench/RESULTS.md, "Two apps").
#[derive(Clone, Copy)]
pub struct Draw {
    /// Whether it draws meeting pages (and no other).
    pub meetings: bool,
    /// The page's view; given only a page of its kind.
    pub view: fn(PageData, Option<&'static Minutes>) -> AnyView,
}

impl Draw {
    /// The app that draws `page`: what the renderer renders and the page's loader loads.
    pub fn of(page: &PageData) -> Draw {
        if matches!(page, PageData::Meeting(_)) {
            MEETING
        } else {
            PAGES
        }
    }
}

/// The meeting page's app.
pub const MEETING: Draw = Draw {
    meetings: true,
    view: |page, minutes| match (page, minutes) {
        (PageData::Meeting(page), Some(minutes)) => {
            provide_meeting(minutes);
            view! { <MeetingPage page /> }.into_any()
        }
        // `mount` and the renderer never pair a meeting page with no minutes, nor give
        // this app another page.
        _ => ().into_any(),
    },
};

/// The app of every other page: the root, a body's index, a person (`src/bin/pages.rs`).
pub const PAGES: Draw = Draw {
    meetings: false,
    view: |page, _| {
        let root = page.root();
        match page {
            PageData::Home(page) => {
                provide_site(root);
                view! { <HomePage page /> }.into_any()
            }
            PageData::Index(page) => {
                provide_site(root);
                view! { <IndexPage page /> }.into_any()
            }
            PageData::Person(page) => {
                provide_site(root);
                view! { <PersonPage page /> }.into_any()
            }
            PageData::Meeting(_) => ().into_any(),
        }
    },
};

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
