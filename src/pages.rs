//! One module per page.

pub mod home_page;
pub mod index_page;
pub mod meeting_page;
pub mod person_page;
