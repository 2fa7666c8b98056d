//! # minutes-core
//!
//! The data model of Japanese government meeting minutes (議事概要) and, behind the
//! `convert` feature, the converter that turns their published text into that model.
//!
//! The crate has no web dependency: the viewer uses only [`model`], while the CLI and the
//! tests use the parser natively.
#![deny(missing_docs)]

pub mod model;

pub use model::*;
