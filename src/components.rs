//! Reusable view pieces, one noun per file.

pub mod agenda_list;
pub mod attendee_table;
pub mod meeting_header;
pub mod paragraph_view;
pub mod speech_view;
pub mod table_of_contents;
