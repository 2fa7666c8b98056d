//! # minutes-view
//!
//! The viewer's pure logic, used by the app in the browser and by the build-time renderer
//! alike: query strings and links ([`query`]), search and its folding ([`search`],
//! [`nfkc`]), filters ([`filter`]), statistics ([`stats`]), formatting ([`format`]), the
//! two languages ([`i18n`]), exports ([`export`]), the series search's index and matching
//! ([`series_search`]), the site's pages and links ([`site`]) and the page's minutes data
//! ([`data`]).
//!
//! **No Leptos and no web-sys**: the compiler holds the line. The one web crate is js-sys,
//! for NFKC in the browser ([`nfkc`]).

pub mod data;
pub mod export;
pub mod filter;
pub mod format;
pub mod i18n;
pub mod nfkc;
pub mod query;
pub mod route;
pub mod search;
pub mod series_client;
pub mod series_search;
pub mod site;
pub mod stats;
pub mod terms;
