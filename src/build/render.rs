//! The build's renderer (feature `ssr`, run by `src/bin/render.rs`): every page of the
//! site as HTML, made natively from the app's own components, which the browser then
//! hydrates. Each page is Trunk's `index.html` filled with what it must carry before any
//! script runs: the view, the title and description, its JSON data blocks, and a
//! Content-Security-Policy that allows exactly the inline scripts that run.

use std::collections::BTreeMap;
use std::fmt;

use leptos::prelude::*;
use minutes_core::Minutes;
use minutes_core::series::{BodyInfo, Collection, Person, SeriesError};

use super::apps::Apps;
use super::meta;
use super::template::{Template, data_block, html_of};
use crate::app::{App, Draw};
use crate::build::card::{CardError, Cards};
use crate::build::share::{self, not_found_page, share_page};
use crate::route::{Offline, Route};
use crate::series_search;
use crate::site::{
    Bodies, BodyEntry, HomeData, INDEX_PAGE_MEETINGS, IndexData, MeetingData, PERSON_PAGE_MEETINGS,
    PageData, Pager, PersonData, SITE_DATA_ID, SearchChoices,
};
use crate::web::data::{self, DataError};

/// Why a page could not be rendered.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// The minutes JSON is not minutes this viewer reads.
    Data(DataError),
    /// Trunk's page lacks something the renderer writes into.
    Template(&'static str),
    /// The minutes files are not one series.
    Series(SeriesError),
    /// The bodies' file (`data/bodies.json`) cannot be read.
    Bodies(String),
    /// A preview card could not be drawn.
    Card(CardError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Data(e) => write!(f, "the minutes JSON cannot be shown: {e}"),
            RenderError::Template(what) => write!(f, "index.html (Trunk's output) {what}"),
            RenderError::Series(e) => write!(f, "{e}"),
            RenderError::Bodies(why) => write!(f, "bodies.json: {why}"),
            RenderError::Card(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// One file of the built site.
#[derive(Debug)]
pub struct SiteFile {
    /// Its path from the site's root (`cshq-001/index.html`).
    pub path: String,
    /// The link to it from the root (`cshq-001/`), as the service worker asks for it.
    pub url: String,
    /// Whether keeping the series offline keeps it.
    pub offline: Offline,
    /// The body it belongs to, for keeping one body offline (`Route::body`).
    pub body: Option<String>,
    /// The site's root: kept with everything, not with one body (`kept_with`).
    pub home: bool,
    /// Its content: text, but for the preview cards.
    pub bytes: Vec<u8>,
}

impl SiteFile {
    fn new(route: Route<'_>, bytes: Vec<u8>) -> SiteFile {
        SiteFile {
            path: route.file(),
            url: route.href(""),
            offline: route.offline(),
            body: route.body().map(str::to_owned),
            home: route == Route::Index { page: 1 },
            bytes,
        }
    }

    fn text(route: Route<'_>, text: String) -> SiteFile {
        SiteFile::new(route, text.into_bytes())
    }
}

/// The list `tools/postbuild.mjs` completes into the service worker's `offline.json`, of
/// everything the renderer wrote, by what keeping the series offline does with it: kept
/// with the series (`files`, each with its link and file), part of the shell (`shell`) or
/// never kept (`never`). What Trunk staged is shell. A file of one body says which
/// (`body`): keeping that body offline keeps it and every file that names no body but the
/// root (`home`), as `kept_with` says.
pub fn offline_list(files: &[SiteFile]) -> SiteFile {
    let of = |kind: Offline| files.iter().filter(move |f| f.offline == kind);
    let paths = |kind: Offline| of(kind).map(|f| f.path.as_str()).collect::<Vec<_>>();
    let list = serde_json::json!({
        "files": of(Offline::Series)
            .map(|f| match (&f.body, f.home) {
                (Some(body), _) => serde_json::json!({ "url": f.url, "file": f.path, "body": body }),
                (None, true) => serde_json::json!({ "url": f.url, "file": f.path, "home": true }),
                (None, false) => serde_json::json!({ "url": f.url, "file": f.path }),
            })
            .collect::<Vec<_>>(),
        "shell": paths(Offline::Shell),
        "never": paths(Offline::Never),
    });
    SiteFile::text(Route::OfflineManifest, list.to_string())
}

/// Why a page could not be rendered, named by the minutes file it came from.
fn in_file(name: &str, e: RenderError) -> RenderError {
    match e {
        RenderError::Data(DataError::Malformed(why)) => {
            RenderError::Data(DataError::Malformed(format!("{name}: {why}")))
        }
        other => other,
    }
}

/// The bodies' file (`data/bodies.json`): each body's entry, and the meeting that links
/// made while the site was one meeting go to.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct BodiesFile {
    /// The bodies, in the order the site lists them.
    pub bodies: Vec<BodyInfo>,
    /// The meeting the site showed when it was one page (`cshq-001`): the root forwards
    /// the links made then (`./#sec-2-…`, `./?speaker=…`) to it. Absent, or not on the
    /// site: the oldest meeting.
    #[serde(default)]
    pub legacy_meeting: Option<String>,
}

impl BodiesFile {
    /// Read the file's JSON.
    pub fn parse(json: &str) -> Result<BodiesFile, RenderError> {
        serde_json::from_str(json).map_err(|e| RenderError::Bodies(e.to_string()))
    }
}

/// What the renderer renders: the meetings by body, each meeting's JSON as committed (by
/// id), the bodies' file.
pub struct Library {
    /// The bodies with their meetings.
    pub collection: Collection,
    /// Each meeting's JSON, by id.
    pub json_of: BTreeMap<String, String>,
    /// The bodies' file.
    pub bodies: BodiesFile,
}

/// The minutes `files` (file name and JSON) shared out among the bodies of `bodies` (the
/// bodies' file), with each meeting's JSON as committed, by meeting id. A damaged file is
/// named, never skipped.
pub fn read_library(bodies: &str, files: &[(String, String)]) -> Result<Library, RenderError> {
    let bodies = BodiesFile::parse(bodies)?;
    let mut meetings = Vec::with_capacity(files.len());
    let mut json_of = BTreeMap::new();
    for (name, json) in files {
        let minutes = data::parse(json).map_err(|e| in_file(name, RenderError::Data(e)))?;
        json_of.insert(minutes.id.clone(), json.clone());
        meetings.push(minutes);
    }
    let collection = Collection::new(&bodies.bodies, meetings).map_err(RenderError::Series)?;
    Ok(Library {
        collection,
        json_of,
        bodies,
    })
}

/// The whole site for a `library`, written into Trunk's `template`: the root
/// (`index.html`: the one body's index, or the list of bodies), each body's index
/// (`bodies/<slug>/`, on a site of several), a page and the JSON download per meeting
/// (`<id>/index.html`, `<id>/<id>.json`), a page per person (`people/<id>/index.html`),
/// the series search index (`search/`) and the list of what keeping the series offline
/// keeps ([`offline_list`]).
///
/// The library is borrowed for the whole run (`'static`): the components take
/// `&'static Minutes`, as the browser's parsed-once minutes are, and the caller, a one-shot
/// process, keeps it for its lifetime.
///
/// `origin` is where the site is deployed (`https://example.org/minutes/`, ending in `/`),
/// when known: share pages then name their own absolute address (`og:url`, canonical),
/// and the 404 page links to the index by it.
pub fn site(
    template: &str,
    apps: &Apps,
    library: &'static Library,
    origin: Option<&str>,
    cards: Option<&Cards>,
) -> Result<Vec<SiteFile>, RenderError> {
    let template = Template::parse(template, apps)?;
    // The cards are drawn on a thread of their own while the pages render: they take as
    // long as all the pages together.
    std::thread::scope(|scope| {
        let drawing = cards.map(|cards| scope.spawn(move || drawn_cards(cards, library)));
        let mut out = pages(&template, apps, library, origin, cards.is_some())?;
        if let Some(drawing) = drawing {
            let drawn = drawing
                .join()
                .unwrap_or_else(|_| Err(CardError::Draw("the drawing thread panicked".into())));
            out.extend(drawn.map_err(RenderError::Card)?);
        }
        out.push(offline_list(&out));
        Ok(out)
    })
}

/// Every meeting's preview card.
fn drawn_cards(cards: &Cards, library: &Library) -> Result<Vec<SiteFile>, CardError> {
    library
        .collection
        .meetings()
        .into_iter()
        .map(|minutes| {
            Ok(SiteFile::new(
                Route::Card {
                    meeting: &minutes.id,
                },
                cards.png(minutes)?,
            ))
        })
        .collect()
}

/// Every body on the site, with those they name (predecessor, successor, parent), in the
/// order of the bodies' file.
fn all_bodies(library: &Library) -> Bodies {
    let c = &library.collection;
    let on_site = |slug: &str| c.body(slug).is_some();
    // With one body no page names another: its predecessor is not on the site.
    let named = |b: &BodyInfo| {
        on_site(&b.slug)
            || c.several()
                && c.bodies()
                    .iter()
                    .any(|(o, _)| o.related().any(|r| r == b.slug))
    };
    Bodies {
        several: c.several(),
        entries: library
            .bodies
            .bodies
            .iter()
            .filter(|b| named(b))
            .map(|b| {
                let series = c.body(&b.slug).map(|(_, s)| s);
                BodyEntry {
                    body: b.clone(),
                    meetings: series.map_or(0, |s| s.meetings().len()),
                    latest: series
                        .and_then(|s| s.meetings().last())
                        .map(minutes_core::series::MeetingLink::of),
                }
            })
            .collect(),
    }
}

/// Every page of the site, and its data files; share pages name their meeting's card
/// when `with_cards`.
fn pages(
    template: &Template,
    apps: &Apps,
    library: &'static Library,
    origin: Option<&str>,
    with_cards: bool,
) -> Result<Vec<SiteFile>, RenderError> {
    let collection = &library.collection;
    let bodies = all_bodies(library);
    // The apps are Trunk's files, written again as they are: listed here so that they are
    // kept with the pages that load them, not with the shell (`Route::AppFile`).
    let mut out: Vec<SiteFile> = apps
        .files()
        .into_iter()
        .map(|(name, bytes)| SiteFile::new(Route::AppFile { name }, bytes.to_vec()))
        .collect();
    let mut share_files = Vec::new();
    for (body, series) in collection.bodies() {
        let named = bodies.only(&[&body.slug]);
        for minutes in series.meetings() {
            let json = library.json_of[&minutes.id].as_str();
            let data = PageData::Meeting(MeetingData {
                neighbours: series.neighbours(&minutes.id),
                bodies: named.clone(),
            });
            out.push(SiteFile::text(
                data.route(Some(&minutes.id)),
                page(template, &data, Some((minutes, json)), None)?,
            ));
            out.push(SiteFile::text(
                Route::MeetingJson { id: &minutes.id },
                json.to_owned(),
            ));
            for remark in share::remarks(minutes) {
                let id = remark.id.clone();
                share_files.push(SiteFile::text(
                    Route::Share {
                        meeting: &minutes.id,
                        remark: &id,
                    },
                    share_page(template, minutes, remark, origin, with_cards),
                ));
            }
        }
    }
    // Neither is kept with the series (`Route::offline`): the 404 page is part of the
    // shell, and a share page only leads to its meeting's.
    share_files.push(SiteFile::text(
        Route::NotFound,
        not_found_page(template, origin),
    ));
    for person in collection.people() {
        let named = bodies.only(&person.bodies());
        for data in person_pages(&named, person) {
            out.push(SiteFile::text(
                data.route(None),
                page(template, &data, None, None)?,
            ));
        }
    }
    let (meta, shards) = series_search::build(&collection.meetings());
    out.push(SiteFile::text(Route::SearchMeta, to_json(&meta)));
    for (n, shard) in shards.iter().enumerate() {
        out.push(SiteFile::text(
            Route::SearchShard { n: n as u32 },
            to_json(shard),
        ));
    }
    let summaries: Vec<Vec<minutes_core::series::MeetingSummary>> = collection
        .bodies()
        .iter()
        .map(|(_, s)| s.summaries())
        .collect();
    let total: usize = summaries.iter().map(Vec::len).sum();
    let mut choices = SearchChoices::of(&summaries.concat());
    if bodies.several {
        choices.bodies = collection.bodies().iter().map(|(b, _)| b.clone()).collect();
    }
    let mut first_pages = Vec::new();
    for ((body, _), summaries) in collection.bodies().iter().zip(&summaries) {
        let named = bodies.only(&[&body.slug]);
        let mut pages = Pager::split(summaries, INDEX_PAGE_MEETINGS)
            .into_iter()
            .map(|(pager, meetings)| {
                PageData::Index(IndexData {
                    body: body.slug.clone(),
                    bodies: named.clone(),
                    meetings: meetings.to_vec(),
                    total: summaries.len(),
                    pager,
                    choices: if bodies.several {
                        SearchChoices::default()
                    } else {
                        choices.clone()
                    },
                    offline_bytes: 0,
                })
            });
        first_pages.push(pages.next().expect("Pager::split gives a page"));
        for data in pages {
            out.push(SiteFile::text(
                data.route(None),
                page(template, &data, None, None)?,
            ));
        }
    }
    // What each offer to keep pages offline will download, said on the page that offers
    // it, which is not counted (the reader has it): every file but the pages that offer.
    // One body: its index is the root, and keeps everything. Several: each body's index
    // keeps the body, the root everything.
    let root = if bodies.several {
        for data in &mut first_pages {
            if let PageData::Index(index) = data {
                index.offline_bytes = kept_bytes(&out, Some(&index.body));
            }
        }
        for data in &first_pages {
            out.push(SiteFile::text(
                data.route(None),
                page(template, data, None, None)?,
            ));
        }
        PageData::Home(HomeData {
            bodies: bodies.clone(),
            total,
            choices,
            offline_bytes: kept_bytes(&out, None),
        })
    } else {
        let mut one = first_pages
            .into_iter()
            .next()
            .expect("a collection has a body");
        if let PageData::Index(index) = &mut one {
            index.offline_bytes = kept_bytes(&out, None);
        }
        one
    };
    let legacy = legacy_target(library);
    out.extend(share_files);
    out.push(SiteFile::text(
        root.route(None),
        page(template, &root, None, legacy)?,
    ));
    Ok(out)
}

/// The bytes of the files in `files` that keeping `body` offline (all, for `None`)
/// stores, as the service worker chooses them from `offline.json` (tools/sw.js): a
/// body's files and those of no body but the root, which is kept only with everything.
fn kept_bytes(files: &[SiteFile], body: Option<&str>) -> usize {
    files
        .iter()
        .filter(|f| f.offline == Offline::Series && kept_with(f, body))
        .map(|f| f.bytes.len())
        .sum()
}

/// Whether keeping `body` (all, for `None`) keeps the file `f`: the one rule of
/// `kept_bytes`, the worker's filter and the test that compares them.
fn kept_with(f: &SiteFile, body: Option<&str>) -> bool {
    match (body, f.body.as_deref()) {
        (None, _) => true,
        (Some(b), Some(own)) => b == own,
        (Some(_), None) => !f.home,
    }
}

/// The meeting links made while the site was one meeting go to: the bodies' file's
/// `legacy_meeting` if the site holds it, none if the file names one the site lacks (then
/// those links are the index's own), the oldest meeting if the file names none.
fn legacy_target(library: &Library) -> Option<&str> {
    let all = library.collection.meetings();
    match library.bodies.legacy_meeting.as_deref() {
        Some(id) => all.iter().find(|m| m.id == id).map(|m| m.id.as_str()),
        None => all.first().map(|m| m.id.as_str()),
    }
}

/// A person's pages: the remarks of `PERSON_PAGE_MEETINGS` meetings per page, oldest
/// first; their roles and topics on the first page only, which a later page links to.
fn person_pages(bodies: &Bodies, person: Person) -> Vec<PageData> {
    let mut meetings: Vec<&str> = person
        .remarks
        .iter()
        .map(|r| r.meeting.id.as_str())
        .collect();
    meetings.dedup();
    Pager::split(&meetings, PERSON_PAGE_MEETINGS)
        .into_iter()
        .map(|(pager, ids)| {
            let first = pager.page == 1;
            PageData::Person(PersonData {
                bodies: bodies.clone(),
                person: Person {
                    remarks: person
                        .remarks
                        .iter()
                        .filter(|r| ids.contains(&r.meeting.id.as_str()))
                        .cloned()
                        .collect(),
                    roles: if first {
                        person.roles.clone()
                    } else {
                        Vec::new()
                    },
                    topics: if first {
                        person.topics.clone()
                    } else {
                        Vec::new()
                    },
                    ..person.clone()
                },
                pager,
            })
        })
        .collect()
}

fn to_json(value: &impl serde::Serialize) -> String {
    // Serialising the index's own types cannot fail: they hold strings and numbers.
    serde_json::to_string(value).unwrap_or_default()
}

/// One page: the view of `data` (and of the minutes, on a meeting page), its title and
/// description, its data blocks and its CSP, written into the template.
fn page(
    template: &Template,
    data: &PageData,
    minutes: Option<(&'static Minutes, &str)>,
    legacy_target: Option<&str>,
) -> Result<String, RenderError> {
    let app_data = data.clone();
    let app = Draw::of(data);
    let view = html_of(|| view! { <App content=(app.view)(app_data, minutes.map(|(m, _)| m)) /> });
    let (title, description) = meta::title_and_description(data, minutes.map(|(m, _)| m))?;
    let mut blocks = String::new();
    if let Some((_, json)) = minutes {
        blocks.push_str(&data_block(data::ELEMENT_ID, json));
    }
    blocks.push_str(&data_block(SITE_DATA_ID, &to_json(data)));
    template.page(data, legacy_target, &title, &description, &view, &blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The site for `files`, as the renderer's binary makes it: the series read, then kept
    /// for the rest of the test run (tests may leak; the library does not).
    fn site(
        template: &str,
        files: &[(String, String)],
        origin: Option<&str>,
        cards: Option<&Cards>,
    ) -> Result<Vec<SiteFile>, RenderError> {
        let library: &'static Library = Box::leak(Box::new(read_library(BODIES, files)?));
        super::site(template, &Apps::sample(), library, origin, cards)
    }
    const BODIES: &str = include_str!("../../data/bodies.json");

    use crate::build::csp::inline_scripts;
    use crate::build::template::LEGACY_MARK;
    use base64::Engine as _;
    use sha2::{Digest, Sha256};

    const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"ja\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>x</title>\n    <link rel=\"stylesheet\" href=\"./main.css\" />\n    <script type=\"module\">import init from './a.js'; init();</script>\n    <script src=\"./register-sw.js\" defer></script>\n  </head>\n  <body>\n  </body>\n</html>\n";
    const MINUTES: &str = include_str!("../../data/minutes/cshq-001.json");

    /// The seed and a second meeting made from it.
    fn files() -> Vec<(String, String)> {
        let second = MINUTES
            .replacen("\"id\": \"cshq-001\"", "\"id\": \"cshq-002\"", 1)
            .replacen("\"meeting_number\": 1,", "\"meeting_number\": 2,", 1)
            .replacen("\"date\": \"2015-02-10", "\"date\": \"2015-05-25", 1);
        assert_ne!(second, MINUTES);
        vec![
            ("cshq-001.json".to_owned(), MINUTES.to_owned()),
            ("cshq-002.json".to_owned(), second),
        ]
    }

    /// The seed as meeting `n` of a series, held in year 2014 + n.
    fn numbered(n: u32) -> (String, String) {
        let json = MINUTES
            .replacen(
                "\"id\": \"cshq-001\"",
                &format!("\"id\": \"cshq-{n:03}\""),
                1,
            )
            .replacen(
                "\"meeting_number\": 1,",
                &format!("\"meeting_number\": {n},"),
                1,
            )
            .replacen(
                "\"date\": \"2015-02-10",
                &format!("\"date\": \"{}-02-10", 2014 + n),
                1,
            );
        (format!("cshq-{n:03}.json"), json)
    }

    fn file<'a>(site: &'a [SiteFile], path: &str) -> &'a str {
        let file = site
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"));
        std::str::from_utf8(&file.bytes).unwrap()
    }

    #[test]
    fn the_offline_list_names_every_page_and_data_file_and_no_preview() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        let list: serde_json::Value =
            serde_json::from_str(file(&site, &Route::OfflineManifest.file())).unwrap();
        let kept: Vec<(&str, &str)> = list["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["url"].as_str().unwrap(), f["file"].as_str().unwrap()))
            .collect();
        // Every file the renderer wrote is either kept with the series, shell or a preview.
        for f in &site {
            let listed = kept.iter().any(|&(_, file)| file == f.path);
            let preview = f.path.contains("/r/") || f.path.ends_with("card.png");
            let own = f.path == "offline.json" || f.path == "404.html";
            assert_eq!(listed, !preview && !own, "{}", f.path);
        }
        for (url, file) in [
            ("./", "index.html"),
            ("cshq-001/", "cshq-001/index.html"),
            ("cshq-002/cshq-002.json", "cshq-002/cshq-002.json"),
            ("people/murai-jun/", "people/murai-jun/index.html"),
            // Both apps: a page is kept with its own.
            ("minutes-viewer-a_bg.wasm", "minutes-viewer-a_bg.wasm"),
            ("minutes-pages-b.js", "minutes-pages-b.js"),
            ("search/meta.json", "search/meta.json"),
        ] {
            assert!(kept.contains(&(url, file)), "{url} {file}");
        }
        assert_eq!(list["shell"], serde_json::json!(["404.html"]));
        let never = list["never"].as_array().unwrap();
        assert!(never.contains(&serde_json::json!("cshq-001/r/sec-1-abe-shinzo/index.html")));
        assert_eq!(never.len() + kept.len() + 2, site.len());
    }

    fn block<'a>(html: &'a str, id: &str) -> &'a str {
        let open = format!("id=\"{id}\">");
        let start = html.find(&open).unwrap() + open.len();
        &html[start..start + html[start..].find("</script>").unwrap()]
    }

    #[test]
    fn long_lists_are_split_over_pages_that_link_to_each_other() {
        let count = INDEX_PAGE_MEETINGS as u32 + 5;
        let files: Vec<_> = (1..=count).map(numbered).collect();
        let site = site(TEMPLATE, &files, None, None).unwrap();
        let index_page = |path: &str| match PageData::parse(block(file(&site, path), SITE_DATA_ID))
        {
            Ok(PageData::Index(IndexData {
                meetings,
                total,
                pager,
                choices,
                ..
            })) => (meetings, total, pager, choices),
            other => panic!("{path}: {other:?}"),
        };
        let (first, total, pager, choices) = index_page("index.html");
        // Keeping the one body offline keeps every page and data file, the index's later
        // pages too, but the index itself.
        let Ok(PageData::Index(IndexData { offline_bytes, .. })) =
            PageData::parse(block(file(&site, "index.html"), SITE_DATA_ID))
        else {
            panic!("the index");
        };
        let all: usize = site
            .iter()
            .filter(|f| f.offline == Offline::Series && f.path != "index.html")
            .map(|f| f.bytes.len())
            .sum();
        assert_eq!(offline_bytes, all);
        assert!(
            site.iter()
                .any(|f| f.path == "page/2/index.html" && f.offline == Offline::Series)
        );
        assert_eq!(
            (total, pager),
            (count as usize, Pager { page: 1, pages: 2 })
        );
        assert_eq!(first.len(), INDEX_PAGE_MEETINGS);
        assert_eq!(first[0].id, format!("cshq-{count:03}"), "newest first");
        assert_eq!(
            choices.years.len(),
            count as usize,
            "the choices cover every page"
        );
        let (second, _, pager, _) = index_page("page/2/index.html");
        assert_eq!(pager, Pager { page: 2, pages: 2 });
        assert_eq!(second.len(), 5);
        assert_eq!(second.last().unwrap().id, "cshq-001");
        let index = file(&site, "index.html");
        assert!(
            index.contains("href=\"page/2/\""),
            "the first page links the second"
        );
        assert!(
            index.contains("location.replace('cshq-001/'"),
            "old links go to the first meeting"
        );
        let page2 = file(&site, "page/2/index.html");
        assert!(
            page2.contains("href=\"../../\""),
            "the second page links the first"
        );
        assert!(
            page2.contains("href=\"../../main.css\""),
            "its head reaches the site's files"
        );
        assert!(page2.contains("href=\"../../cshq-001/\""));
        assert!(!page2.contains(LEGACY_MARK));

        // 村井 speaks in every meeting: his remarks are spread over pages of
        // PERSON_PAGE_MEETINGS meetings, each remark on exactly one page.
        let pages = (count as usize).div_ceil(PERSON_PAGE_MEETINGS);
        let mut seen = Vec::new();
        for n in 1..=pages {
            let path = if n == 1 {
                "people/murai-jun/index.html".to_owned()
            } else {
                format!("people/murai-jun/{n}/index.html")
            };
            let html = file(&site, &path);
            let Ok(PageData::Person(PersonData { person, pager, .. })) =
                PageData::parse(block(html, SITE_DATA_ID))
            else {
                panic!("{path} is not a person page");
            };
            assert_eq!(pager, Pager { page: n, pages });
            let mut meetings: Vec<&str> = person
                .remarks
                .iter()
                .map(|r| r.meeting.id.as_str())
                .collect();
            meetings.dedup();
            assert!(
                meetings.len() <= PERSON_PAGE_MEETINGS,
                "{path}: {} meetings",
                meetings.len()
            );
            if n == 1 {
                assert_eq!(
                    person.roles[0].runs.len(),
                    1,
                    "one run: every meeting attended"
                );
            } else {
                assert!(
                    person.roles.is_empty() && person.topics.is_empty(),
                    "roles and topics on the first page only"
                );
            }
            seen.extend(
                person
                    .remarks
                    .iter()
                    .map(|r| (r.meeting.id.clone(), r.id.clone())),
            );
            if n < pages {
                assert!(
                    html.contains(&format!("href=\"../../../people/murai-jun/{}/\"", n + 1))
                        || html.contains(&format!("href=\"../../people/murai-jun/{}/\"", n + 1)),
                    "{path} links the next page"
                );
            }
        }
        let all = crate::web::data::parse(MINUTES)
            .unwrap()
            .speeches()
            .filter(|(_, s)| s.speaker.as_deref() == Some("murai-jun"))
            .count();
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "no remark on two pages");
        assert_eq!(seen.len(), all * count as usize, "every remark on a page");
        assert!(
            site.iter()
                .all(|f| f.path != format!("people/murai-jun/{}/index.html", pages + 1))
        );
    }

    #[test]
    fn a_meeting_page_carries_its_view_title_json_and_neighbours() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        let html = file(&site, "cshq-001/index.html");
        assert!(html.contains("<title>サイバーセキュリティ戦略本部 第1回会合 議事概要</title>"));
        assert!(html.contains(
            "<meta name=\"description\" content=\"サイバーセキュリティ戦略本部 第1回会合 議事概要（"
        ));
        // The view comes first in the body, its note for readers without JavaScript first of all.
        assert!(html.contains("<body><p data-noscript-note class=\"noscript\">"));
        let minutes = data::parse(MINUTES).unwrap();
        for p in minutes.paragraphs() {
            assert!(html.contains(&format!("id=\"{}\"", p.id)), "{}", p.id);
        }
        assert_eq!(
            block(html, data::ELEMENT_ID).replace("\\u003c", "<"),
            MINUTES
        );
        assert_eq!(file(&site, "cshq-001/cshq-001.json"), MINUTES);
        let PageData::Meeting(MeetingData { neighbours, .. }) =
            PageData::parse(block(html, SITE_DATA_ID)).unwrap()
        else {
            panic!("not a meeting page");
        };
        assert_eq!(neighbours.next.unwrap().id, "cshq-002");
        assert!(neighbours.previous.is_none());
        assert!(
            html.contains("href=\"../cshq-002/\""),
            "the next meeting is linked"
        );
        // One level down, the site's files are one level up.
        assert!(html.contains("href=\"../main.css\""));
        assert!(html.contains("src=\"../register-sw.js\""));
        // It loads the meeting pages' app, and nothing of Trunk's loader or the other app's.
        assert!(html.contains("import init from '../minutes-viewer-a.js'"));
        assert!(html.contains("href=\"../minutes-viewer-a_bg.wasm\""));
        assert!(
            !html.contains("minutes-pages") && !html.contains("'../a.js'"),
            "{html}"
        );
        for other in ["index.html", "people/murai-jun/index.html"] {
            let html = file(&site, other);
            let root = if other == "index.html" {
                "./"
            } else {
                "../../"
            };
            assert!(
                html.contains(&format!("import init from '{root}minutes-pages-b.js'")),
                "{other}"
            );
            assert!(!html.contains("minutes-viewer-a"), "{other}");
        }
    }

    #[test]
    fn the_index_lists_every_meeting_and_forwards_old_links() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        let html = file(&site, "index.html");
        assert!(html.contains("data-meeting=\"cshq-001\""));
        assert!(html.contains("data-meeting=\"cshq-002\""));
        assert!(
            html.find("data-meeting=\"cshq-002\"") < html.find("data-meeting=\"cshq-001\""),
            "newest first"
        );
        assert!(html.contains("href=\"./main.css\""));
        assert!(html.contains("location.replace('cshq-001/'+s+h)"));
        assert!(!html.contains(data::ELEMENT_ID), "no minutes in the index");
        let person = file(&site, "people/murai-jun/index.html");
        assert!(person.contains("data-person-remark"));
        assert!(person.contains("href=\"../../cshq-002/#"));
        assert!(person.contains("href=\"../../main.css\""));
        let meta: series_search::IndexMeta =
            serde_json::from_str(file(&site, &Route::SearchMeta.file())).unwrap();
        assert_eq!(meta.meetings.len(), 2);
        for n in 0..meta.shards {
            let _: series_search::Shard =
                serde_json::from_str(file(&site, &Route::SearchShard { n }.file())).unwrap();
        }
    }

    /// The seed as meeting `n` of the body `slug`, held on `date`.
    fn of_body(slug: &str, n: u32, date: &str) -> (String, String) {
        let id = format!("{slug}-{n:03}");
        let json = MINUTES
            .replacen("\"id\": \"cshq-001\"", &format!("\"id\": \"{id}\""), 1)
            .replacen(
                "\"meeting_number\": 1,",
                &format!("\"meeting_number\": {n},"),
                1,
            )
            .replacen("\"date\": \"2015-02-10", &format!("\"date\": \"{date}"), 1);
        (format!("{id}.json"), json)
    }

    #[test]
    fn several_bodies_get_a_root_that_lists_them_and_an_index_each() {
        let mut files = files();
        files.push(of_body("cshq-2025", 1, "2025-07-25"));
        files.push(of_body("ispc-kihon", 13, "2008-10-14"));
        let site = site(TEMPLATE, &files, None, None).unwrap();
        let root = file(&site, "index.html");
        let Ok(PageData::Home(home)) = PageData::parse(block(root, SITE_DATA_ID)) else {
            panic!("the root lists the bodies");
        };
        assert_eq!(home.total, 4);
        for slug in ["ispc-kihon", "cshq", "cshq-2025"] {
            assert!(
                root.contains(&format!("data-body=\"{slug}\" href=\"bodies/{slug}/\""))
                    || root.contains(&format!("href=\"bodies/{slug}/\" data-body=\"{slug}\"")),
                "{slug}"
            );
        }
        // Named as a predecessor and a parent, with no meetings: no link, no index.
        assert!(root.contains("data-body-name=\"ispc\""));
        assert!(site.iter().all(|f| !f.path.starts_with("bodies/ispc/")));
        assert!(
            root.contains("location.replace('cshq-001/'"),
            "old links still go to the meeting the site once was, not the oldest"
        );
        assert!(
            home.choices.bodies.len() == 3,
            "the search offers the bodies"
        );
        let Ok(PageData::Index(index)) =
            PageData::parse(block(file(&site, "bodies/cshq/index.html"), SITE_DATA_ID))
        else {
            panic!("a body's index");
        };
        let ids: Vec<&str> = index.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            ["cshq-002", "cshq-001"],
            "its own meetings, newest first"
        );
        assert!(index.choices.years.is_empty(), "the search is the root's");
        let new = file(&site, "bodies/cshq-2025/index.html");
        assert!(new.contains("data-meeting-item=\"cshq-2025-001\" data-body=\"cshq-2025\""));
        assert!(new.contains("href=\"../../cshq-2025-001/\""));
        // A meeting's neighbours are its body's; its header links its body's index.
        let first = file(&site, "cshq-2025-001/index.html");
        let Ok(PageData::Meeting(MeetingData { neighbours, .. })) =
            PageData::parse(block(first, SITE_DATA_ID))
        else {
            panic!("a meeting page");
        };
        assert_eq!((neighbours.previous, neighbours.next), (None, None));
        assert!(first.contains("href=\"../bodies/cshq-2025/\" data-index-link"));
        // A person across bodies: a role per body.
        let murai = file(&site, "people/murai-jun/index.html");
        for slug in ["ispc-kihon", "cshq", "cshq-2025"] {
            assert!(
                murai.contains(&format!("data-person-role data-body=\"{slug}\"")),
                "{slug}"
            );
        }
        // Keeping one body offline keeps its files and what the bodies share.
        let list: serde_json::Value =
            serde_json::from_str(file(&site, &Route::OfflineManifest.file())).unwrap();
        let body_of = |file: &str| {
            list["files"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["file"] == file)
                .map(|f| f["body"].clone())
        };
        assert_eq!(
            body_of("cshq-2025-001/index.html"),
            Some("cshq-2025".into())
        );
        assert_eq!(body_of("bodies/cshq/index.html"), Some("cshq".into()));
        assert_eq!(
            body_of("people/murai-jun/index.html"),
            Some(serde_json::Value::Null)
        );
        assert_eq!(body_of("index.html"), Some(serde_json::Value::Null));
        // What each offer says is what the worker's filter over offline.json keeps (but
        // the page offering it).
        let size = |file: &str| site.iter().find(|f| f.path == file).unwrap().bytes.len();
        let kept = |body: Option<&str>| -> usize {
            list["files"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| match (body, f["body"].as_str()) {
                    (None, _) => true,
                    (Some(b), Some(own)) => b == own,
                    (Some(_), None) => f["home"] != true,
                })
                .map(|f| size(f["file"].as_str().unwrap()))
                .sum()
        };
        assert_eq!(
            index.offline_bytes,
            kept(Some("cshq")) - size("bodies/cshq/index.html")
        );
        assert_eq!(home.offline_bytes, kept(None) - size("index.html"));
        assert!(index.offline_bytes < home.offline_bytes);
    }

    #[test]
    fn a_meeting_of_a_body_the_file_lacks_is_refused() {
        let err = site(TEMPLATE, &[of_body("nope", 1, "2020-01-01")], None, None).unwrap_err();
        assert!(err.to_string().contains("data/bodies.json"), "{err}");
        assert!(matches!(
            read_library("{", &files()),
            Err(RenderError::Bodies(_))
        ));
    }

    #[test]
    fn the_policy_hashes_the_scripts_that_run_and_not_the_data() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        // The meeting page: the WASM loader and the script that opens the tools on a wide
        // screen; the index: the loader and the old links' forwarding.
        for (path, count) in [("cshq-001/index.html", 2), ("index.html", 2)] {
            let html = file(&site, path);
            let scripts: Vec<&str> = inline_scripts(html).collect();
            assert_eq!(scripts.len(), count, "{path}");
            let csp_at = html.find("Content-Security-Policy").unwrap();
            assert!(
                html.find("<script").unwrap() > csp_at,
                "the policy precedes every script"
            );
            for s in scripts {
                let hash =
                    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()));
                assert!(html.contains(&format!("'sha256-{hash}'")), "{path}");
            }
            assert_eq!(html.matches("'sha256-").count(), count);
        }
    }

    #[test]
    fn rendering_a_rendered_page_again_gives_the_same_page() {
        let once = site(TEMPLATE, &files(), None, None).unwrap();
        let again = site(file(&once, "index.html"), &files(), None, None).unwrap();
        for (a, b) in once.iter().zip(&again) {
            assert_eq!(a.path, b.path);
            assert_eq!(a.bytes, b.bytes, "{}", a.path);
        }
    }

    #[test]
    fn json_that_would_close_its_element_stays_inside_it() {
        let sly = MINUTES.replacen(
            "第1回会合",
            "第1回会合</script><script>alert(1)</script>",
            1,
        );
        let site = site(TEMPLATE, &[("x.json".to_owned(), sly)], None, None).unwrap();
        for f in site.iter().filter(|f| f.path.ends_with(".html")) {
            assert!(
                !String::from_utf8_lossy(&f.bytes).contains("<script>alert(1)"),
                "{}",
                f.path
            );
        }
        // The WASM loader and the page's own (meeting_page::OPEN_WIDE), no third.
        assert_eq!(
            inline_scripts(file(&site, "cshq-001/index.html")).count(),
            2
        );
    }

    #[test]
    fn bad_input_is_named_not_rendered() {
        let err = site(
            TEMPLATE,
            &[("broken.json".to_owned(), "{".to_owned())],
            None,
            None,
        )
        .unwrap_err();
        assert!(
            matches!(&err, RenderError::Data(DataError::Malformed(why)) if why.starts_with("broken.json")),
            "{err:?}"
        );
        let twice = vec![
            ("a.json".to_owned(), MINUTES.to_owned()),
            ("b.json".to_owned(), MINUTES.to_owned()),
        ];
        assert!(matches!(
            site(TEMPLATE, &twice, None, None),
            Err(RenderError::Series(SeriesError::DuplicateId(_)))
        ));
        assert!(matches!(
            site(TEMPLATE, &[], None, None),
            Err(RenderError::Series(SeriesError::Empty))
        ));
        let bare = TEMPLATE.replace("<title>x</title>", "");
        assert_eq!(
            site(&bare, &files(), None, None).unwrap_err(),
            RenderError::Template("has no <title>")
        );
    }

    #[test]
    fn every_remark_has_a_share_page_that_previews_it_and_the_host_has_a_404() {
        let cards = Cards::new().ok();
        let site = site(
            TEMPLATE,
            &files(),
            Some("https://example.org/minutes/"),
            cards.as_ref(),
        )
        .unwrap();
        let page = file(&site, "cshq-002/r/sec-2-murai-jun/index.html");
        assert!(page.contains(
            "<title>村井 純（慶應義塾大学教授）— サイバーセキュリティ戦略本部 第1回会合（2015年5月25日）</title>"
        ));
        for tag in [
            "og:title",
            "og:description",
            "og:type\" content=\"article",
            "og:locale\" content=\"ja_JP",
            "og:site_name",
        ] {
            assert!(page.contains(&format!("property=\"{tag}")), "{tag}");
        }
        let url = "https://example.org/minutes/cshq-002/r/sec-2-murai-jun/";
        assert!(page.contains(&format!("<meta property=\"og:url\" content=\"{url}\" />")));
        assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\" />")));
        assert!(page.contains("href=\"../../#sec-2-murai-jun\""));
        assert!(page.contains("<script src=\"../../../share.js\" defer></script>"));
        assert!(page.contains("href=\"../../../main.css\""));
        assert!(
            !page.contains("type=\"module\""),
            "a share page runs no app"
        );
        if cards.is_some() {
            assert!(page.contains(
                "<meta property=\"og:image\" content=\"https://example.org/minutes/cshq-002/card.png\" />"
            ));
            assert!(page.contains("content=\"summary_large_image\""));
            let card = site.iter().find(|f| f.path == "cshq-002/card.png").unwrap();
            assert!(card.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        }
        let paragraph = file(&site, "cshq-001/r/sec-2-murai-jun-p1/index.html");
        assert!(paragraph.contains("href=\"../../#sec-2-murai-jun-p1\""));
        let not_found = file(&site, &Route::NotFound.file());
        assert!(not_found.contains("href=\"https://example.org/minutes/\""));
        assert!(not_found.contains("This link names nothing here"));
    }

    #[test]
    fn without_a_known_origin_share_pages_name_no_address() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        let page = file(&site, "cshq-001/r/sec-2-murai-jun/index.html");
        assert!(!page.contains("og:url") && !page.contains("canonical"));
        assert!(!page.contains("og:image") && page.contains("content=\"summary\""));
        assert!(file(&site, &Route::NotFound.file()).contains("href=\"/\""));
    }
}
