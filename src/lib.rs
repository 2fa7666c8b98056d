//! The viewer: a Leptos client-side app that shows one meeting's minutes, embedded at
//! build time. Pages live in `pages/`, reusable pieces in `components/`, and logic that
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
pub mod search;
pub mod state;
pub mod stats;

/// Take over the pre-rendered page and mount the app on `<body>`, then mark the document
/// `data-app="ready"` (what tests and the pre-renderer wait for). If the page's minutes
/// data cannot be read, the pre-rendered minutes stay, as readers without JavaScript see
/// them, under a note saying why the tools are missing: nothing readable is lost.
pub fn mount() {
    console_error_panic_hook_lite();
    match data::minutes() {
        Err(error) if browser::has_prerendered() => browser::keep_prerendered(&error.to_string()),
        _ => {
            browser::take_over_prerendered();
            leptos::mount::mount_to_body(app::App);
        }
    }
    browser::mark_ready();
}

/// Report a panic in the console instead of a bare `unreachable` trap. The release build
/// uses `panic = "abort"`, so this only helps in debug builds and tests.
fn console_error_panic_hook_lite() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}
