//! The site around the meetings: which page this is, the links between pages, and the
//! interface language every page follows.
//!
//! Layout (static files, relative links, so any host and any sub-path serve it):
//! `./` the series index and its search (older meetings on `./page/<n>/`),
//! `./<meeting-id>/` a meeting, `./people/<attendee-id>/` a person across the series
//! (their later remarks on `./people/<attendee-id>/<n>/`). Lists are split over pages of
//! a fixed number of meetings so that no page grows with the series. Each page carries what it shows
//! as JSON in `<script type="application/json" id="site-data">` ([`PageData`]); a meeting
//! page also carries its minutes (`data::ELEMENT_ID`).

use std::collections::BTreeMap;

use minutes_core::series::{MeetingSummary, Neighbours, Person, PersonName, year_of};
use serde::{Deserialize, Serialize};

use crate::route::Route;

/// The id of the page's site data block.
pub const SITE_DATA_ID: &str = "site-data";

/// What a page shows, beyond a meeting's minutes: one struct per kind of page, which the
/// page's component takes whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "page", rename_all = "snake_case")]
pub enum PageData {
    /// A page of the series index.
    Index(IndexData),
    /// A meeting page: its minutes are in their own block.
    Meeting(MeetingData),
    /// A page of a person's page.
    Person(PersonData),
}

/// A page of the series index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexData {
    /// The body whose meetings these are, as printed.
    pub body: String,
    /// This page's meetings, newest first.
    pub meetings: Vec<MeetingSummary>,
    /// How many meetings the series has.
    pub total: usize,
    /// Which page of the index this is.
    pub pager: Pager,
    /// The series search's speaker, topic and year choices, over the whole series.
    pub choices: SearchChoices,
    /// What keeping the whole series offline stores: every page, minutes and search file
    /// but the index itself, in bytes.
    pub offline_bytes: usize,
}

/// A meeting page, beyond its minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingData {
    /// The meetings either side.
    pub neighbours: Neighbours,
}

/// A page of a person's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonData {
    /// The body, as printed.
    pub body: String,
    /// The person across the series, with the remarks of this page's meetings only.
    pub person: Person,
    /// Which page of their remarks this is.
    pub pager: Pager,
}

/// Meetings one page of the index lists: the real series (about 42) fits on one page.
pub const INDEX_PAGE_MEETINGS: usize = 50;
/// Meetings whose remarks one page of a person shows: a member speaks at length in many
/// of them, so fewer than the index lists.
pub const PERSON_PAGE_MEETINGS: usize = 20;

/// Which page of a list split over pages this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pager {
    /// This page, from 1.
    pub page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
}

impl Pager {
    /// The only page.
    pub const ONE: Pager = Pager { page: 1, pages: 1 };

    /// The pager of each page of `items` split into pages of `per_page`: always one page
    /// at least, if an empty one.
    pub fn split<T>(items: &[T], per_page: usize) -> Vec<(Pager, &[T])> {
        let chunks: Vec<&[T]> = if items.is_empty() {
            vec![items]
        } else {
            items.chunks(per_page).collect()
        };
        let pages = chunks.len();
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, chunk)| (Pager { page: i + 1, pages }, chunk))
            .collect()
    }
}

/// What the series search offers to narrow by, gathered from every meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchChoices {
    /// Everyone who spoke, by id.
    pub speakers: Vec<PersonName>,
    /// Every topic raised, by id: id, Japanese and English labels.
    pub topics: Vec<(String, String, String)>,
    /// The years meetings were held in, oldest first.
    pub years: Vec<u32>,
}

impl SearchChoices {
    /// The choices over `meetings`.
    pub fn of(meetings: &[MeetingSummary]) -> SearchChoices {
        let mut speakers: BTreeMap<&str, &PersonName> = BTreeMap::new();
        let mut topics: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
        for m in meetings {
            for p in &m.speakers {
                speakers.entry(&p.id).or_insert(p);
            }
            for t in &m.topics {
                topics.entry(&t.id).or_insert((&t.ja, &t.en));
            }
        }
        let mut years: Vec<u32> = meetings.iter().map(|m| year_of(&m.date)).collect();
        years.sort_unstable();
        years.dedup();
        SearchChoices {
            speakers: speakers.into_values().cloned().collect(),
            topics: topics
                .into_iter()
                .map(|(id, (ja, en))| (id.to_owned(), ja.to_owned(), en.to_owned()))
                .collect(),
            years,
        }
    }
}

impl PageData {
    /// This page's address; a meeting page's is its minutes' (`minutes_id`).
    pub fn route<'a>(&'a self, minutes_id: Option<&'a str>) -> Route<'a> {
        match self {
            PageData::Index(index) => Route::Index {
                page: index.pager.page,
            },
            PageData::Meeting(_) => Route::Meeting {
                id: minutes_id.unwrap_or_default(),
            },
            PageData::Person(page) => Route::Person {
                id: &page.person.name.id,
                page: page.pager.page,
            },
        }
    }

    /// The way from this page up to the site's root: `""`, `"../"`, `"../../"`...
    pub fn root(&self) -> &'static str {
        self.route(None).root()
    }

    /// The path of this page's file from the site's root.
    pub fn path(&self, minutes_id: Option<&str>) -> String {
        self.route(minutes_id).file()
    }

    /// Parse a page's site data block.
    pub fn parse(json: &str) -> Result<PageData, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}
