//! The minutes as the page carries them. The build writes the committed minutes JSON into
//! index.html as `<script type="application/json" id="minutes-data">` (a data block: the
//! browser never runs it), and the app parses it with [`parse`]; the same file is
//! published beside the page for download (`route::Route::MeetingJson`).

use std::fmt;

use minutes_core::Minutes;

/// The id of the `<script type="application/json">` that holds the minutes in the page.
pub const ELEMENT_ID: &str = "minutes-data";

/// Why the page's minutes could not be read. The app branches on it only to keep the
/// pre-rendered minutes readable; its words are for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The page has no minutes block.
    Missing,
    /// The block is not minutes JSON (damaged, cut short, another shape).
    Malformed(String),
    /// The minutes are in a format version this viewer does not read.
    Version {
        /// The version the data says it is in.
        found: u32,
        /// The version this viewer reads.
        expected: u32,
    },
    /// The page loaded the app of another kind of page (a meeting page the other pages'
    /// app, or the reverse): a build that mixed its files.
    WrongApp,
}

impl fmt::Display for DataError {
    /// In both languages: the reader's choice of language is not known yet.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Missing => write!(
                f,
                "このページには議事録データが含まれていません / This page carries no minutes data."
            ),
            DataError::Malformed(why) => write!(
                f,
                "議事録データを読み込めませんでした（{why}） / The minutes data could not be read."
            ),
            DataError::WrongApp => write!(
                f,
                "このページに合わないプログラムが読み込まれました / This page loaded the program of \
                 another kind of page."
            ),
            DataError::Version { found, expected } => write!(
                f,
                "議事録データの形式（版 {found}）はこのビューアー（版 {expected}）と合いません / \
                 The minutes data is in format version {found}; this viewer reads version \
                 {expected}."
            ),
        }
    }
}

impl std::error::Error for DataError {}

/// The committed minutes, which the page carries: what native tests of this crate read.
#[cfg(test)]
pub(crate) fn minutes() -> Result<&'static Minutes, &'static DataError> {
    use std::sync::OnceLock;
    static PARSED: OnceLock<Result<Minutes, DataError>> = OnceLock::new();
    PARSED
        .get_or_init(|| parse(include_str!("../../../data/minutes/cshq-001.json")))
        .as_ref()
}

/// Parse minutes JSON, checking that it is in the format version this viewer reads.
pub fn parse(json: &str) -> Result<Minutes, DataError> {
    // The version is read first, on its own: minutes of another version may not have
    // this version's shape, and "another version" says more than a missing field.
    #[derive(serde::Deserialize)]
    struct Versioned {
        schema_version: u32,
    }
    let expected = minutes_core::SCHEMA_VERSION;
    let found = serde_json::from_str::<Versioned>(json)
        .map_err(|e| DataError::Malformed(e.to_string()))?
        .schema_version;
    if found != expected {
        return Err(DataError::Version { found, expected });
    }
    serde_json::from_str(json).map_err(|e| DataError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMITTED: &str = include_str!("../../../data/minutes/cshq-001.json");

    #[test]
    fn the_committed_minutes_parse() {
        let minutes = minutes().expect("the committed minutes parse");
        assert_eq!(minutes.id, "cshq-001");
        assert!(minutes.speeches().count() > 0);
    }

    // Guards against damaged page data taking the page down with a panic.
    #[test]
    fn damaged_data_gives_a_message() {
        let half: String = COMMITTED
            .chars()
            .take(COMMITTED.chars().count() / 2)
            .collect();
        let only_version = format!("{{\"schema_version\": {}}}", minutes_core::SCHEMA_VERSION);
        for damaged in [half.as_str(), "", "null", only_version.as_str()] {
            let err = parse(damaged).unwrap_err();
            assert!(
                matches!(err, DataError::Malformed(_)),
                "{damaged:.20}: {err:?}"
            );
            assert!(err.to_string().contains("読み込めません"), "{err}");
            assert!(err.to_string().contains("could not be read"), "{err}");
        }
    }

    #[test]
    fn another_schema_version_gives_a_message() {
        let current = format!("\"schema_version\": {},", minutes_core::SCHEMA_VERSION);
        let other = COMMITTED.replacen(&current, "\"schema_version\": 999,", 1);
        assert_ne!(
            other, COMMITTED,
            "the committed file starts with its version"
        );
        let err = parse(&other).unwrap_err();
        assert_eq!(
            err,
            DataError::Version {
                found: 999,
                expected: minutes_core::SCHEMA_VERSION
            }
        );
        assert!(err.to_string().contains("999"), "{err}");
    }
}
