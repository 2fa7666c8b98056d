//! The viewer: a Leptos app that shows one meeting's minutes. The build renders it to HTML
//! natively (`render`, feature `ssr`); the browser hydrates that HTML (`mount`, feature
//! `hydrate`). Pages live in `pages/`, reusable pieces in `components/`, and logic that
//! plain `#[test]`s reach (formatting, look-ups) in `format.rs` and `data.rs`.

pub mod app;
pub mod browser;
pub mod components;
pub mod data;
pub mod export;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod location;
pub mod marks;
pub mod pages;
pub mod query;
#[cfg(feature = "ssr")]
pub mod render;
pub mod search;
pub mod state;
pub mod stats;

/// Hydrate the page the build rendered, then mark the document `data-app="ready"` (what
/// tests wait for). If the page's minutes data cannot be read, the rendered minutes stay
/// as readers without JavaScript see them, under a note saying why the tools are missing:
/// nothing readable is lost.
#[cfg(feature = "hydrate")]
pub fn mount() {
    console_error_panic_hook_lite();
    match data::minutes() {
        Ok(minutes) => {
            leptos::mount::hydrate_body(move || leptos::view! { <app::App minutes=minutes /> })
        }
        Err(error) => browser::keep_static_page(&error.to_string()),
    }
    browser::mark_ready();
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
