//! One module per page.

pub mod meeting_page;
