//! The few things the viewer asks of the browser directly. Each degrades quietly: a
//! missing window or an odd URL leaves the page as it is rather than failing.

/// The breakpoint where the contents sit beside the text (kept equal to `style/main.css`).
const WIDE: &str = "(min-width: 64rem)";

/// Whether the screen is wide enough to show contents and attendees open by default. On a
/// phone they start folded so the first screen shows the meeting, not a list of links.
pub fn is_wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(WIDE).ok().flatten())
        .is_none_or(|m| m.matches())
}

/// Scroll to the element named by the URL fragment, if there is one.
///
/// The browser's own jump to `#id` happens before the app has drawn anything, so a shared
/// permalink would otherwise open at the top.
pub fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let Some(raw) = hash.strip_prefix('#').filter(|h| !h.is_empty()) else {
        return;
    };
    // A hand-typed or mangled fragment may be percent-encoded or not decodable at all;
    // either way an unknown id just leaves the page at the top.
    let id = js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_string());
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
        el.scroll_into_view();
    }
}
