//! What the browser remembers between visits: the reader's choice of language.

/// Where the reader's choice of interface language is remembered.
const LANG_KEY: &str = "minutes-viewer.lang";

/// The interface language the reader chose on an earlier visit, if any. Storage may be
/// switched off (private browsing, strict settings): then there is simply no choice.
pub fn stored_lang() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LANG_KEY)
        .ok()?
}

/// Remember the interface language for later visits; without storage, it lasts the page.
pub fn store_lang(code: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, code);
    }
}
