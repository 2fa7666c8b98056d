//! NFKC, chosen once for the whole viewer: in the WASM the browser's own
//! `String.prototype.normalize` (through js-sys, so the WASM ships no normalisation
//! tables), natively (the build-time renderer, tests) the `unicode-normalization` crate.
//! The search form's rule around it is the converter's, `minutes_core::fold::search_form`.

/// NFKC by the browser's own `String.prototype.normalize`.
///
/// Single characters are remembered: highlighting folds a paragraph a character at a
/// time (`search::find`) and asks for the same few hundred characters again and again,
/// and a trip to JavaScript and back per character is slow enough to feel in a search.
#[cfg(target_arch = "wasm32")]
pub fn nfkc(text: &str) -> String {
    thread_local! {
        static CHARS: std::cell::RefCell<rustc_hash::FxHashMap<char, String>> =
            std::cell::RefCell::default();
    }
    let normalize = |text: &str| String::from(js_sys::JsString::from(text).normalize("NFKC"));
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => {
            CHARS.with_borrow_mut(|cache| cache.entry(c).or_insert_with(|| normalize(text)).clone())
        }
        _ => normalize(text),
    }
}

/// Outside the browser (the build-time renderer, native tests), NFKC from the
/// `unicode-normalization` crate.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfkc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect()
}
