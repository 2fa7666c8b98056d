//! The minutes, read from the page. The build writes them into index.html as
//! `<template id="minutes-data">`, holding `minutes_core::compact`'s text form
//! (tools/postbuild.mjs runs `minutes --compact`), after the pre-rendered view of the same
//! minutes. So the WASM carries neither the minutes nor a JSON parser. In the compressed
//! page, the template's text is mostly back-references to the pre-rendered text. The
//! minutes are decoded once, on first use.
//!
//! `build.rs` checks the committed JSON when the viewer is compiled, and writes the same
//! text form to `$OUT_DIR` ([`BUILT`]) for tests, which run without the page.

use std::sync::OnceLock;

use minutes_core::Minutes;

/// The id of the `<template>` that holds the minutes in the page.
pub const ELEMENT_ID: &str = "minutes-data";

/// The text form of the committed minutes as the build wrote it. Only tests use it: the
/// app reads the page's copy, so this is not compiled into the WASM.
pub const BUILT: &str = include_str!(concat!(env!("OUT_DIR"), "/minutes-data.txt"));

/// The decoded minutes, or a message saying why they could not be read.
pub fn minutes() -> Result<&'static Minutes, &'static str> {
    static DECODED: OnceLock<Result<Minutes, String>> = OnceLock::new();
    DECODED
        .get_or_init(|| decode(&embedded()?))
        .as_ref()
        .map_err(String::as_str)
}

/// The text form the page holds (taken out of the page: the WASM keeps the minutes).
#[cfg(not(test))]
fn embedded() -> Result<String, String> {
    crate::browser::take_template_text(ELEMENT_ID).ok_or_else(|| {
        "このページには議事録データが含まれていません / This page carries no minutes data."
            .to_owned()
    })
}

/// Native unit tests have no page: they read the build's copy.
#[cfg(test)]
fn embedded() -> Result<String, String> {
    Ok(BUILT.to_owned())
}

/// Decode the text form, turning a failure into a message a reader can pass on.
pub fn decode(text: &str) -> Result<Minutes, String> {
    let minutes = minutes_core::compact::from_text(text).map_err(|e| {
        format!("議事録データを読み込めませんでした（{e}） / The minutes data could not be read.")
    })?;
    if minutes.schema_version != minutes_core::SCHEMA_VERSION {
        return Err(format!(
            "議事録データの形式（版 {0}）はこのビューアー（版 {1}）と合いません / The minutes \
             data is in format version {0}; this viewer reads version {1}.",
            minutes.schema_version,
            minutes_core::SCHEMA_VERSION
        ));
    }
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The text form the build writes holds exactly the committed JSON.
    #[test]
    fn built_minutes_equal_the_committed_json() {
        let json: Minutes =
            serde_json::from_str(include_str!("../data/cshq-001.json")).expect("valid JSON");
        assert_eq!(minutes().expect("built minutes decode"), &json);
    }

    // Guards against damaged page data taking the page down with a panic.
    #[test]
    fn damaged_data_gives_a_message() {
        let half: String = BUILT.chars().take(BUILT.chars().count() / 2).collect();
        let err = decode(&half).unwrap_err();
        assert!(err.contains("読み込めません"), "{err}");
        assert!(decode("").unwrap_err().contains("could not be read"));
    }

    #[test]
    fn wrong_schema_version_gives_a_message() {
        let json = include_str!("../data/cshq-001.json");
        let mut minutes: Minutes = serde_json::from_str(json).expect("valid JSON");
        minutes.schema_version = 999;
        let text = minutes_core::compact::to_text(&minutes_core::compact::encode(&minutes))
            .expect("text form");
        let err = decode(&text).unwrap_err();
        assert!(err.contains("999"), "{err}");
    }
}
