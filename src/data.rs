//! The embedded minutes. The JSON is compiled into the WASM, so nothing is fetched at
//! start-up; it is parsed once, on first use.

use std::sync::OnceLock;

use minutes_core::Minutes;

/// The minutes the viewer shows: the converter's output for the seed document.
const MINUTES_JSON: &str = include_str!("../data/cshq-001.json");

/// The parsed minutes, or a message saying why they could not be read.
pub fn minutes() -> Result<&'static Minutes, &'static str> {
    static PARSED: OnceLock<Result<Minutes, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| parse(MINUTES_JSON))
        .as_ref()
        .map_err(String::as_str)
}

/// Parse minutes JSON, turning a failure into a message a reader can act on.
pub fn parse(json: &str) -> Result<Minutes, String> {
    let minutes: Minutes = serde_json::from_str(json).map_err(|e| {
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

    #[test]
    fn embedded_minutes_parse() {
        let m = minutes().expect("embedded JSON must parse");
        assert!(!m.sections.is_empty());
    }

    // Guards against a malformed data file taking the page down with a panic.
    #[test]
    fn malformed_json_gives_a_message() {
        let err = parse("{ not json").unwrap_err();
        assert!(err.contains("読み込めません"), "{err}");
    }

    #[test]
    fn wrong_schema_version_gives_a_message() {
        let mut v: serde_json::Value = serde_json::from_str(MINUTES_JSON).unwrap();
        v["schema_version"] = 999.into();
        let err = parse(&v.to_string()).unwrap_err();
        assert!(err.contains("999"), "{err}");
    }
}
