//! # minutes-core
//!
//! The data model of Japanese government meeting minutes (議事概要) and, behind the
//! `convert` feature, the converter that turns their published text into that model.
//!
//! The crate has no web dependency: the viewer uses the types of [`model`], into which it
//! parses the page's JSON with serde_json, and [`calendar`]; the CLI and the tests use the
//! parser natively.
#![deny(missing_docs)]

pub mod calendar;
pub mod fold;
#[cfg(feature = "convert")]
pub mod input;
pub mod model;
#[cfg(feature = "convert")]
pub mod normalize;
#[cfg(feature = "convert")]
pub mod parse;
#[cfg(feature = "convert")]
pub mod registry;
#[cfg(feature = "convert")]
pub mod schema;
pub mod series;
#[cfg(feature = "convert")]
pub mod suggest;
#[cfg(feature = "convert")]
pub mod topics;

#[cfg(feature = "convert")]
pub use input::{InputError, PdfError, convert, is_pdf};
pub use model::*;
#[cfg(feature = "convert")]
pub use normalize::normalize_for_search;
#[cfg(feature = "convert")]
pub use parse::{Diagnostic, Parsed, Severity, parse, parse_pdf_text};
#[cfg(feature = "convert")]
pub use registry::Registry;
#[cfg(feature = "convert")]
pub use schema::{json_schema, to_json};
