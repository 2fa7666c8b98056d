//! Reusable view pieces, one noun per file.

pub mod agenda_list;
pub mod attendee_table;
pub mod body_links;
pub mod copy_buttons;
pub mod export_menu;
pub mod filter_panel;
pub mod keep_offline;
pub mod language_switch;
pub mod link_notices;
pub mod meeting_header;
pub mod meeting_stats;
pub mod pager;
pub mod paragraph_view;
pub mod result_summary;
pub mod search_box;
pub mod series_nav;
pub mod series_search_panel;
pub mod speaker_card;
pub mod speech_view;
pub mod table_of_contents;
