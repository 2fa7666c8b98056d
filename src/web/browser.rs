//! The few things the viewer asks of the browser directly. Each degrades quietly: a
//! missing window or an odd URL leaves the page as it is rather than failing.
//!
//! All of it runs in the browser only: in effects and event handlers, which the
//! build-time renderer never runs, never while a component renders (the page is rendered
//! natively, where there is no window, and hydrated from that first view).

mod document;
mod scroll;
mod storage;
mod tasks;

pub use scroll::{
    Aim, bring_into_view, clear_current_hit, draw_near_remarks, focus_hit, focus_visible_within,
    is_wide_screen, scroll_to_fragment, step_speech,
};
// The breakpoint, which a test of the meeting page checks its inline script against.
pub use document::{
    ANNOUNCER_ID, address, announce, download, element_text, focus_search, keep_static_page,
    mark_ready, permalink, set_document_lang, typed_search, typing_in_field,
};
#[cfg(test)]
pub(crate) use scroll::WIDE;
pub use storage::{store_lang, stored_lang};
pub use tasks::{Keeping, fetch_text, keep_series, when_idle};
