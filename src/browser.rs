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

/// NFKC by the browser's own `String.prototype.normalize`, so the WASM ships no Unicode
/// tables.
pub fn nfkc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFKC").into()
}

/// Scroll the `n`-th search hit (0-based) into view and mark it as the current one.
/// Returns how many hits the page has.
pub fn focus_hit(n: usize) -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(hits) = document.query_selector_all("mark[data-hit]") else {
        return 0;
    };
    let count = hits.length() as usize;
    for i in 0..hits.length() {
        if let Some(el) = hits
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        {
            if i as usize == n {
                let _ = el.set_attribute("data-current", "");
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            } else {
                let _ = el.remove_attribute("data-current");
            }
        }
    }
    count
}
