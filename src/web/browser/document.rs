//! The document itself: focus, the page's data blocks, announcements, the address, the
//! marks tests wait for, downloads.

/// Whether keyboard focus is in a text field, where letters are typing, not shortcuts.
pub fn typing_in_field() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focus the search field and select its text.
pub fn focus_search() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("search-input"))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Offer `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(el).ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Set `<html lang>`, which screen readers and the browser's fonts and hyphenation follow.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// The text of the element with this id (the minutes' data block), if the page has one.
pub fn element_text(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// The id of the page's one polite status region (in `MeetingPage`).
pub const ANNOUNCER_ID: &str = "announcer";

/// Have screen readers say `message` through the page's status region, once.
pub fn announce(message: &str) {
    if let Some(region) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ANNOUNCER_ID))
    {
        // Cleared first, so the same message twice is announced twice.
        region.set_text_content(None);
        region.set_text_content(Some(message));
    }
}

/// Leave the page as the build rendered it, without the app: styled as for readers without
/// JavaScript (its dead controls hidden), with the note they read (`App`'s `.noscript`)
/// saying instead why the tools are missing: `why`.
pub fn keep_static_page(why: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(head), Some(body)) = (document.head(), document.body()) else {
        return;
    };
    // The style sheet is at the site's root, as the manifest is, whatever the page's depth.
    let href = document
        .query_selector("link[rel=manifest]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("href"))
        .map_or_else(
            || "noscript.css".to_owned(),
            |m| m.replace("manifest.webmanifest", "noscript.css"),
        );
    if let Ok(link) = document.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = head.append_child(&link);
    }
    let note = match document.query_selector("p.noscript").ok().flatten() {
        Some(note) => note,
        None => match document.create_element("p") {
            Ok(note) => {
                note.set_class_name("noscript");
                let _ = body.prepend_with_node_1(&note);
                note
            }
            Err(_) => return,
        },
    };
    let _ = note.set_attribute("role", "alert");
    let _ = note.remove_attribute("lang");
    note.set_text_content(Some(&format!(
        "検索・絞り込み・リンクのコピーは使えません。下の議事概要はそのまま読めます。 / \
         Search, filters and copying links are unavailable; the minutes below read as \
         printed. {why}"
    )));
}

/// The page's address as the browser shows it: path, query string (with its `?`) and
/// fragment (with its `#`), each empty where there is none.
pub fn address() -> (String, String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Default::default();
    };
    (
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

/// What a reader typed into the search field before the app started (the field is in the
/// page from the first paint), if anything.
pub fn typed_search() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id("search-input")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        .map(|input| input.value())
        .filter(|v| !v.trim().is_empty())
}

/// The address to share `id` (a speech or a paragraph) by: its share page beside this
/// meeting page (`<meeting>/r/<id>/`, see `share.rs`), which a link preview reads and
/// which opens exactly `id` here; in English with `?lang=en`, so that it opens in English.
pub fn permalink(id: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let folder = path.trim_end_matches("index.html");
    let slash = if folder.ends_with('/') { "" } else { "/" };
    let query = match lang {
        Lang::Ja => "",
        Lang::En => "?lang=en",
    };
    format!(
        "{origin}{folder}{slash}{}/{id}/{query}",
        crate::route::SHARE_DIR
    )
}

/// Mark the document as run by the app: `<html data-app="ready">`.
pub fn mark_ready() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", "ready");
    }
}
