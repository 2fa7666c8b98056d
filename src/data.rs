//! The embedded minutes. `build.rs` parses `data/cshq-001.json` on the build machine and
//! compiles it in as a string table and a list of words (`minutes_core::compact`), so the
//! WASM carries no JSON parser; they are decoded once, on first use.

use std::sync::OnceLock;

use minutes_core::Minutes;

include!(concat!(env!("OUT_DIR"), "/minutes_data.rs"));

/// The decoded minutes, or a message saying why they could not be read.
pub fn minutes() -> Result<&'static Minutes, &'static str> {
    static DECODED: OnceLock<Result<Minutes, String>> = OnceLock::new();
    DECODED
        .get_or_init(|| decode(&STRINGS, &WORDS))
        .as_ref()
        .map_err(String::as_str)
}

/// Decode compact minutes, turning a failure into a message a reader can pass on.
pub fn decode(strings: &[&str], words: &[u32]) -> Result<Minutes, String> {
    let minutes = minutes_core::compact::decode(strings, words).map_err(|e| {
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

    // The compact form holds exactly the committed JSON.
    #[test]
    fn embedded_minutes_equal_the_committed_json() {
        let json: Minutes =
            serde_json::from_str(include_str!("../data/cshq-001.json")).expect("valid JSON");
        assert_eq!(minutes().expect("embedded minutes decode"), &json);
    }

    // Guards against damaged embedded data taking the page down with a panic.
    #[test]
    fn damaged_data_gives_a_message() {
        let err = decode(&STRINGS, &WORDS[..WORDS.len() / 2]).unwrap_err();
        assert!(err.contains("読み込めません"), "{err}");
    }

    #[test]
    fn wrong_schema_version_gives_a_message() {
        let mut words = WORDS.to_vec();
        words[0] = 999;
        let err = decode(&STRINGS, &words).unwrap_err();
        assert!(err.contains("999"), "{err}");
    }
}
