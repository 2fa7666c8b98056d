//! The build-time renderer (feature `ssr`): every page of the site rendered natively from
//! the app's components, its share pages and their preview cards.

pub mod apps;
pub mod card;
mod csp;
mod meta;
pub mod render;
pub mod share;
pub mod template;
