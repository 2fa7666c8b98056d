//! The minutes, read from the page: the app parses the page's minutes block once, on first
//! use, with the pure crate's [`parse`].

use std::sync::OnceLock;

use minutes_core::Minutes;
pub use minutes_view::data::{DataError, ELEMENT_ID, parse};

/// The page's minutes, parsed once, or why they could not be read.
pub fn minutes() -> Result<&'static Minutes, &'static DataError> {
    static PARSED: OnceLock<Result<Minutes, DataError>> = OnceLock::new();
    PARSED.get_or_init(|| parse(&embedded()?)).as_ref()
}

/// The text of the page's minutes block.
#[cfg(not(test))]
fn embedded() -> Result<String, DataError> {
    crate::web::browser::element_text(ELEMENT_ID).ok_or(DataError::Missing)
}

/// Native unit tests have no page: they read the committed file, which the page carries.
#[cfg(test)]
fn embedded() -> Result<String, DataError> {
    Ok(include_str!("../../data/minutes/cshq-001.json").to_owned())
}
