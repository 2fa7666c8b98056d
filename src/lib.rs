//! The viewer: a Leptos app that shows a body's meetings, one page each, with an index
//! and a page per person. The build renders it to HTML
//! natively (`render`, feature `ssr`); the browser hydrates that HTML (`mount`, feature
//! `hydrate`). Pages live in `pages/`, reusable pieces in `components/`, and logic that
//! plain `#[test]`s reach (formatting, look-ups) in `format.rs` and `data.rs`.

pub mod app;
// The pure crate's modules under their old paths, so that `crate::query` and the rest read
// as before in the app's code.
pub use minutes_view::{
    export, filter, format, i18n, nfkc, query, route, search, series_client, series_search, site,
    stats, terms,
};
#[cfg(feature = "ssr")]
pub mod build;
pub mod components;
pub mod pages;
pub mod state;
pub mod web;

/// Hydrate the page the build rendered, then mark the document `data-app="ready"` (what
/// tests wait for). If the page's data cannot be read, the rendered page stays as readers
/// without JavaScript see it, under a note saying why the tools are missing: nothing
/// readable is lost.
///
/// `app` is the app this WASM holds ([`app::MEETING`] or [`app::PAGES`]): a WASM links only
/// the views it names. A page of the other kind (given the wrong loader) stays as it was
/// rendered, under the note.
#[cfg(feature = "hydrate")]
pub fn mount(app: app::Draw) {
    console_error_panic_hook_lite();
    let page = web::browser::element_text(site::SITE_DATA_ID)
        .ok_or_else(|| web::data::DataError::Missing.to_string())
        .and_then(|json| {
            site::PageData::parse(&json).map_err(|e| web::data::DataError::Malformed(e).to_string())
        });
    let minutes = match &page {
        Ok(site::PageData::Meeting(_)) => web::data::minutes().map(Some).map_err(|e| e.to_string()),
        _ => Ok(None),
    };
    let page = page.and_then(|page| {
        if matches!(page, site::PageData::Meeting(_)) == app.meetings {
            Ok(page)
        } else {
            Err(web::data::DataError::WrongApp.to_string())
        }
    });
    match (page, minutes) {
        // Hydrated in a task of its own, after the one that instantiated the WASM and read
        // the page's data: two shorter tasks rather than one long one, so a tap or a key
        // that comes in between is answered sooner (Lighthouse's total blocking time,
        // bench/RESULTS.md "Issue 36"). The page is whole and readable meanwhile.
        (Ok(page), Ok(minutes)) => leptos::prelude::set_timeout(
            move || {
                leptos::mount::hydrate_body(move || {
                    leptos::view! { <app::App content=(app.view)(page, minutes) /> }
                });
                // What the first pass left (a meeting's remarks) hydrates in slices.
                web::hydration::finish(web::browser::mark_ready);
            },
            std::time::Duration::ZERO,
        ),
        (Err(why), _) | (_, Err(why)) => {
            web::browser::keep_static_page(&why);
            web::browser::mark_ready();
        }
    }
}

#[cfg(feature = "hydrate")]
/// Report a panic in the console instead of a bare `unreachable` trap. The release build
/// uses `panic = "abort"`, so this only helps in debug builds and tests.
fn console_error_panic_hook_lite() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
