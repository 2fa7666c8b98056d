//! The series search's data access: what a search downloads, keeps and pages through, with
//! the fetch passed in (the browser's in the app, a table of files in the tests).
//!
//! A first search downloads the table of contents and the shards its grams hash to, then
//! the minutes of the newest meetings that may match, [`STEP`] meetings with results at a
//! time ([`Client::first`]); [`Client::more`] looks further down the same candidates. Each
//! file is downloaded once per page.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

use minutes_core::Minutes;

use crate::route::Route;
use crate::series_search::{
    INDEX_VERSION, IndexMeta, IndexedMeeting, ParagraphHit, Prepared, SeriesQuery, Shard, shard_of,
};

/// How many meetings with results one step shows.
pub const STEP: usize = 5;

/// One meeting's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The meeting, as the table of contents lists it.
    pub meeting: IndexedMeeting,
    /// Its matching paragraphs.
    pub hits: Vec<ParagraphHit>,
}

/// A search's results so far: the meetings shown, the meetings that may match (positions
/// in the series, newest first), and how far down those the search has looked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Meetings with results, newest first.
    pub groups: Vec<Group>,
    /// Every meeting that may match.
    pub candidates: Vec<u32>,
    /// How many of the candidates have been looked at.
    pub looked: usize,
}

impl Results {
    /// Whether candidates are left to look at.
    pub fn has_more(&self) -> bool {
        self.looked < self.candidates.len()
    }
}

/// What the page has downloaded, kept for the next search.
#[derive(Default)]
struct Downloaded {
    meta: Option<Rc<IndexMeta>>,
    shards: BTreeMap<u32, Rc<Shard>>,
    minutes: BTreeMap<String, Rc<Minutes>>,
}

/// The series search's client for a page at `root` below the site's root.
pub struct Client<F> {
    root: String,
    fetch: F,
    downloaded: RefCell<Downloaded>,
}

impl<F, Fut> Client<F>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<String, String>>,
{
    /// A client that downloads with `fetch` (an address in, the text or why not out).
    pub fn new(root: &str, fetch: F) -> Self {
        Client {
            root: root.to_owned(),
            fetch,
            downloaded: RefCell::default(),
        }
    }

    async fn meta(&self) -> Result<Rc<IndexMeta>, String> {
        if let Some(m) = self.downloaded.borrow().meta.clone() {
            return Ok(m);
        }
        let file = Route::SearchMeta.file();
        let text = (self.fetch)(Route::SearchMeta.href(&self.root)).await?;
        let meta: IndexMeta = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
        if meta.version != INDEX_VERSION {
            return Err(format!("{file}: index version {}", meta.version));
        }
        let meta = Rc::new(meta);
        self.downloaded.borrow_mut().meta = Some(meta.clone());
        Ok(meta)
    }

    async fn shard(&self, n: u32) -> Result<Rc<Shard>, String> {
        if let Some(s) = self.downloaded.borrow().shards.get(&n).cloned() {
            return Ok(s);
        }
        let route = Route::SearchShard { n };
        let text = (self.fetch)(route.href(&self.root)).await?;
        let shard: Shard =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", route.file()))?;
        let shard = Rc::new(shard);
        self.downloaded.borrow_mut().shards.insert(n, shard.clone());
        Ok(shard)
    }

    async fn minutes(&self, id: &str) -> Result<Rc<Minutes>, String> {
        if let Some(m) = self.downloaded.borrow().minutes.get(id).cloned() {
            return Ok(m);
        }
        let path = Route::MeetingJson { id }.href(&self.root);
        let text = (self.fetch)(path.clone()).await?;
        let m = crate::data::parse(&text).map_err(|e| format!("{path}: {e}"))?;
        let m = Rc::new(m);
        self.downloaded
            .borrow_mut()
            .minutes
            .insert(id.to_owned(), m.clone());
        Ok(m)
    }

    /// Looks further down `results.candidates` until `STEP` more meetings have results.
    /// The meetings each round may need are fetched at once, not one after another.
    async fn look(
        &self,
        meta: &IndexMeta,
        prepared: &Prepared,
        mut results: Results,
    ) -> Result<Results, String> {
        let target = results.groups.len() + STEP;
        while results.groups.len() < target && results.has_more() {
            let want = target - results.groups.len();
            let end = results.candidates.len().min(results.looked + want);
            let round: Vec<u32> = results.candidates[results.looked..end].to_vec();
            results.looked = end;
            let fetched = futures::future::try_join_all(round.iter().map(|&i| async move {
                let meeting = meta
                    .meetings
                    .get(i as usize)
                    .ok_or_else(|| format!("the index names no meeting {i}"))?;
                self.minutes(&meeting.id).await.map(|m| (meeting, m))
            }))
            .await?;
            for (meeting, m) in fetched {
                let hits = prepared.matches(&m);
                if !hits.is_empty() {
                    results.groups.push(Group {
                        meeting: meeting.clone(),
                        hits,
                    });
                }
            }
        }
        Ok(results)
    }

    /// A first search: the table of contents, the shards, then the first meetings with
    /// results.
    pub async fn first(&self, query: SeriesQuery) -> Result<Results, String> {
        let meta = self.meta().await?;
        let prepared = Prepared::new(query, &meta);
        let shards: BTreeMap<u32, Rc<Shard>> = futures::future::try_join_all(
            prepared
                .shards(&meta)
                .into_iter()
                .map(|n| async move { self.shard(n).await.map(|s| (n, s)) }),
        )
        .await?
        .into_iter()
        .collect();
        let candidates = prepared.candidates(&meta, |g| {
            shards.get(&shard_of(g, meta.shards)).and_then(|s| s.get(g))
        });
        let results = Results {
            candidates,
            ..Results::default()
        };
        self.look(&meta, &prepared, results).await
    }

    /// The next step of the same search: `STEP` more meetings with results, after
    /// `results`'.
    pub async fn more(&self, query: SeriesQuery, results: Results) -> Result<Results, String> {
        let meta = self.meta().await?;
        let prepared = Prepared::new(query, &meta);
        self.look(&meta, &prepared, results).await
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::series_search::build;
    use std::cell::Cell;

    /// The seed as `n` meetings, a year apart.
    fn series(n: usize) -> Vec<Minutes> {
        let seed = crate::data::parse(include_str!("../../../data/minutes/cshq-001.json")).unwrap();
        (0..n)
            .map(|k| {
                let mut m = seed.clone();
                m.id = format!("cshq-{:03}", k + 1);
                m.meeting_number = k as u32 + 1;
                m.date.date = format!("{}-02-10", 2015 + k);
                m
            })
            .collect()
    }

    /// The site's search files and minutes, as a fetch would find them from the index.
    fn files(meetings: &[Minutes]) -> BTreeMap<String, String> {
        let (meta, shards) = build(meetings);
        let mut files = BTreeMap::new();
        files.insert(
            Route::SearchMeta.file(),
            serde_json::to_string(&meta).unwrap(),
        );
        for (n, s) in shards.iter().enumerate() {
            files.insert(
                Route::SearchShard { n: n as u32 }.file(),
                serde_json::to_string(s).unwrap(),
            );
        }
        for m in meetings {
            files.insert(
                Route::MeetingJson { id: &m.id }.file(),
                serde_json::to_string(m).unwrap(),
            );
        }
        files
    }

    fn query(q: &str) -> SeriesQuery {
        SeriesQuery {
            q: q.to_owned(),
            ..SeriesQuery::default()
        }
    }

    // Paging, natively: every meeting with results is shown once, newest first, STEP at a
    // time, and each file is downloaded once however many steps and searches.
    #[test]
    fn a_search_pages_through_every_match_downloading_each_file_once() {
        let meetings = series(12);
        let files = files(&meetings);
        let fetched: RefCell<Vec<String>> = RefCell::default();
        let calls = Cell::new(0);
        let client = Client::new("", |path: String| {
            calls.set(calls.get() + 1);
            fetched.borrow_mut().push(path.clone());
            let found = files.get(&path).cloned().ok_or(format!("{path}: 404"));
            async move { found }
        });
        let mut results = futures::executor::block_on(client.first(query("IoT"))).unwrap();
        assert_eq!(results.groups.len(), STEP);
        assert!(results.has_more());
        let mut shown: Vec<String> = results
            .groups
            .iter()
            .map(|g| g.meeting.id.clone())
            .collect();
        while results.has_more() {
            results = futures::executor::block_on(client.more(query("IoT"), results)).unwrap();
            shown = results
                .groups
                .iter()
                .map(|g| g.meeting.id.clone())
                .collect();
        }
        let newest_first: Vec<String> = (1..=12).rev().map(|k| format!("cshq-{k:03}")).collect();
        assert_eq!(shown, newest_first);
        let before = calls.get();
        let again = futures::executor::block_on(client.first(query("IoT"))).unwrap();
        assert_eq!(again.groups.len(), STEP);
        assert_eq!(
            calls.get(),
            before,
            "a second search downloads nothing again"
        );
        let mut paths = fetched.into_inner();
        let all = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), all, "each file once");
    }

    #[test]
    fn a_file_that_cannot_be_had_says_which() {
        let meetings = series(2);
        let mut files = files(&meetings);
        files.remove(&Route::MeetingJson { id: "cshq-002" }.file());
        let client = Client::new("../", |path: String| {
            let found = files
                .get(path.trim_start_matches("../"))
                .cloned()
                .ok_or(format!("{path}: 404"));
            async move { found }
        });
        let err = futures::executor::block_on(client.first(query("IoT"))).unwrap_err();
        assert_eq!(err, "../cshq-002/cshq-002.json: 404");
    }
}
