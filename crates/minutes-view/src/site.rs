//! The site around the meetings: which page this is, the links between pages, and the
//! interface language every page follows.
//!
//! Layout (static files, relative links, so any host and any sub-path serve it):
//! `./` the series index and its search (older meetings on `./page/<n>/`) when the site
//! holds one body; when it holds several, `./` lists them and holds the search over all,
//! and each body's index is `./bodies/<slug>/` (`./bodies/<slug>/page/<n>/`);
//! `./<meeting-id>/` a meeting, `./people/<attendee-id>/` a person across the series
//! (their later remarks on `./people/<attendee-id>/<n>/`). Lists are split over pages of
//! a fixed number of meetings so that no page grows with the series. Each page carries what it shows
//! as JSON in `<script type="application/json" id="site-data">` ([`PageData`]); a meeting
//! page also carries its minutes (`data::ELEMENT_ID`).

use std::collections::BTreeMap;

use minutes_core::series::{
    BodyInfo, MeetingLink, MeetingSummary, Neighbours, Person, PersonName, year_of,
};
use serde::{Deserialize, Serialize};

use crate::route::Route;

/// The id of the page's site data block.
pub const SITE_DATA_ID: &str = "site-data";

/// What a page shows, beyond a meeting's minutes: one struct per kind of page, which the
/// page's component takes whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Externally tagged (`{"meeting": {…}}`): an internally tagged enum is read through
// serde's buffered `Content`, which compiles a second reader of every type inside it into
// the WASM (about 20 KB before wasm-opt, measured with twiggy when a fourth page kind came).
#[serde(rename_all = "snake_case")]
// One value per page, read once: its size does not matter, and boxing would only obscure it.
#[allow(clippy::large_enum_variant)]
pub enum PageData {
    /// The root of a site of several bodies: the bodies, and the search over all.
    Home(HomeData),
    /// A page of a body's index (the root, when the site holds one body).
    Index(IndexData),
    /// A meeting page: its minutes are in their own block.
    Meeting(MeetingData),
    /// A page of a person's page.
    Person(PersonData),
}

/// A body on the site: its entry, how many meetings the site holds of it (none: it is
/// only named, as a predecessor or a parent, and has no index to link to) and its latest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyEntry {
    /// Its entry in `data/bodies.json`.
    pub body: BodyInfo,
    /// Its meetings on the site.
    pub meetings: usize,
    /// Its latest meeting.
    pub latest: Option<MeetingLink>,
}

/// The bodies a page names: each body on the site or named by one that is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bodies {
    /// Whether the site holds several bodies: then each has an index of its own
    /// (`Route::Body`); with one, its index is the root and no page names the body apart.
    pub several: bool,
    /// The entries, in the order of `data/bodies.json`.
    pub entries: Vec<BodyEntry>,
}

impl Bodies {
    /// The entry of the body `slug`.
    pub fn get(&self, slug: &str) -> Option<&BodyEntry> {
        self.entries.iter().find(|e| e.body.slug == slug)
    }

    /// The address of the index of the body `slug`, page `page`: the root's when the site
    /// holds one body.
    pub fn index<'a>(&self, slug: &'a str, page: usize) -> Route<'a> {
        if self.several {
            Route::Body { slug, page }
        } else {
            Route::Index { page }
        }
    }

    /// The link to the index of the body `slug` from a page at `root`, if the site holds
    /// its meetings.
    pub fn href(&self, slug: &str, root: &str) -> Option<String> {
        self.get(slug)
            .filter(|e| e.meetings > 0)
            .map(|_| self.index(slug, 1).href(root))
    }

    /// Only the entries of these bodies (and the bodies they name), for a page that shows
    /// a few.
    pub fn only(&self, slugs: &[&str]) -> Bodies {
        let named = |e: &BodyEntry| {
            slugs.iter().any(|s| {
                *s == e.body.slug
                    || self
                        .get(s)
                        .is_some_and(|o| o.body.related().any(|r| r == e.body.slug))
            })
        };
        Bodies {
            several: self.several,
            entries: self.entries.iter().filter(|e| named(e)).cloned().collect(),
        }
    }
}

/// The root of a site of several bodies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    /// Every body on the site, and those they name.
    pub bodies: Bodies,
    /// How many meetings the site holds.
    pub total: usize,
    /// The series search's choices, over every body.
    pub choices: SearchChoices,
    /// What keeping everything offline stores, in bytes (but the root itself).
    pub offline_bytes: usize,
}

/// A page of a body's index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexData {
    /// The slug of the body whose meetings these are.
    pub body: String,
    /// The bodies this page names.
    pub bodies: Bodies,
    /// This page's meetings, newest first.
    pub meetings: Vec<MeetingSummary>,
    /// How many meetings the body has.
    pub total: usize,
    /// Which page of the index this is.
    pub pager: Pager,
    /// The series search's speaker, topic and year choices, over the whole series, on a
    /// site of one body; with several the search is the root's, and these are empty (not
    /// an `Option`: that would compile a second reader of the choices into the WASM).
    #[serde(default)]
    pub choices: SearchChoices,
    /// What keeping the body offline stores: its pages, minutes and what every body
    /// shares (people, the search index), but the index page itself, in bytes.
    pub offline_bytes: usize,
}

impl IndexData {
    /// The body's entry.
    pub fn entry(&self) -> Option<&BodyEntry> {
        self.bodies.get(&self.body)
    }
}

/// A meeting page, beyond its minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingData {
    /// The meetings either side, in its body.
    pub neighbours: Neighbours,
    /// Its body and those it names.
    pub bodies: Bodies,
}

/// A page of a person's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonData {
    /// The person across every body, with the remarks of this page's meetings only.
    pub person: Person,
    /// Which page of their remarks this is.
    pub pager: Pager,
    /// The bodies they sat in.
    pub bodies: Bodies,
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
    /// The bodies to choose among, on a site of several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<BodyInfo>,
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
            bodies: Vec::new(),
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
            PageData::Home(_) => Route::Index { page: 1 },
            PageData::Index(index) => index.bodies.index(&index.body, index.pager.page),
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
