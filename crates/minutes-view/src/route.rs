//! Every address of the site, in one type: each page's and file's path from the site's root
//! ([`Route::file`]), the link to it from another page ([`Route::href`],
//! [`Route::href_from`]) and the way up from it to the root ([`Route::root`]). The
//! renderer writes the files at these paths, the app and the search client link and fetch
//! by them: no path is spelled out twice.
//!
//! | route | file |
//! |---|---|
//! | `Index { page: 1 }` | `index.html` |
//! | `Index { page: n }` | `page/<n>/index.html` |
//! | `Body { slug, page: 1 }` | `bodies/<slug>/index.html` |
//! | `Body { slug, page: n }` | `bodies/<slug>/page/<n>/index.html` |
//! | `Meeting { id }` | `<id>/index.html` |
//! | `MeetingJson { id }` | `<id>/<id>.json` |
//! | `Person { id, page: 1 }` | `people/<id>/index.html` |
//! | `Person { id, page: n }` | `people/<id>/<n>/index.html` |
//! | `Share { meeting, remark }` | `<meeting>/r/<remark>/index.html` |
//! | `Card { meeting }` | `<meeting>/card.png` |
//! | `SearchMeta` | `search/meta.json` |
//! | `SearchShard { n }` | `search/shard-<n>.json` |
//! | `OfflineManifest` | `offline.json` |
//! | `AppFile { name }` | `<name>`: an app's script or WASM, as Trunk named it |
//! | `NotFound` | `404.html` |

use minutes_core::body_slug;

/// The folder of a meeting's share pages, under the meeting's own.
pub const SHARE_DIR: &str = "r";

/// The way up from a meeting's page to the site's root (`Route::Meeting`'s root), for the
/// links its components write.
pub const MEETING_ROOT: &str = "../";

/// A page or file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// The site's root, page `page` (1 is the first, at the site's root): the one body's
    /// index when the site holds one body, the list of bodies when it holds several.
    Index {
        /// 1-based.
        page: usize,
    },
    /// One body's index on a site of several bodies, page `page`.
    Body {
        /// The body's slug.
        slug: &'a str,
        /// 1-based.
        page: usize,
    },
    /// A meeting's page.
    Meeting {
        /// The meeting's id.
        id: &'a str,
    },
    /// A meeting's minutes JSON, published beside its page.
    MeetingJson {
        /// The meeting's id.
        id: &'a str,
    },
    /// A person's page, page `page` of their remarks.
    Person {
        /// The attendee id.
        id: &'a str,
        /// 1-based.
        page: usize,
    },
    /// A remark's share page.
    Share {
        /// The meeting's id.
        meeting: &'a str,
        /// The speech's or paragraph's id.
        remark: &'a str,
    },
    /// A meeting's preview card.
    Card {
        /// The meeting's id.
        meeting: &'a str,
    },
    /// The series search's table of contents.
    SearchMeta,
    /// One shard of the series search's index.
    SearchShard {
        /// The shard's number.
        n: u32,
    },
    /// The list of files the service worker keeps offline.
    OfflineManifest,
    /// One of an app's two files (`minutes-viewer-<hash>.js`, `…_bg.wasm`): Trunk names
    /// them by their content, at the site's root.
    AppFile {
        /// Its file name.
        name: &'a str,
    },
    /// What the host serves for an address that names nothing.
    NotFound,
}

/// What "keep the whole series offline" does with a file (`offline.json`, the service
/// worker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offline {
    /// Kept from the worker's install on: part of the app, like its own script.
    Shell,
    /// Kept with the series: a page or data file a reader may open offline, and the apps
    /// (a page is kept with the app it loads).
    Series,
    /// Never kept: what link previews fetch (share pages, cards), a hundred a meeting,
    /// which only lead a reader on to the meeting's page; and the manifest itself.
    Never,
}

/// The ways up to the root, by depth.
const UP: [&str; 5] = ["", "../", "../../", "../../../", "../../../../"];

impl Route<'_> {
    /// Its file, from the site's root.
    pub fn file(&self) -> String {
        match *self {
            Route::Index { page } if page > 1 => format!("page/{page}/index.html"),
            Route::Index { .. } => "index.html".to_owned(),
            Route::Body { slug, page } if page > 1 => {
                format!("bodies/{slug}/page/{page}/index.html")
            }
            Route::Body { slug, .. } => format!("bodies/{slug}/index.html"),
            Route::Meeting { id } => format!("{id}/index.html"),
            Route::MeetingJson { id } => format!("{id}/{id}.json"),
            Route::Person { id, page } if page > 1 => format!("people/{id}/{page}/index.html"),
            Route::Person { id, .. } => format!("people/{id}/index.html"),
            Route::Share { meeting, remark } => {
                format!("{meeting}/{SHARE_DIR}/{remark}/index.html")
            }
            Route::Card { meeting } => format!("{meeting}/card.png"),
            Route::SearchMeta => "search/meta.json".to_owned(),
            Route::SearchShard { n } => format!("search/shard-{n}.json"),
            Route::OfflineManifest => "offline.json".to_owned(),
            Route::AppFile { name } => name.to_owned(),
            Route::NotFound => "404.html".to_owned(),
        }
    }

    /// Whether keeping the series offline keeps it.
    pub fn offline(&self) -> Offline {
        match self {
            Route::Index { .. }
            | Route::Body { .. }
            | Route::Meeting { .. }
            | Route::MeetingJson { .. }
            | Route::Person { .. }
            | Route::SearchMeta
            | Route::SearchShard { .. }
            | Route::AppFile { .. } => Offline::Series,
            Route::NotFound => Offline::Shell,
            Route::Share { .. } | Route::Card { .. } | Route::OfflineManifest => Offline::Never,
        }
    }

    /// The body whose files it is among, for keeping one body offline: a meeting's, its
    /// data and previews by the meeting's id, a body's index; `None` for what every body
    /// shares (the root, people, the search index).
    pub fn body(&self) -> Option<&str> {
        match *self {
            Route::Meeting { id } | Route::MeetingJson { id } => Some(body_slug(id)),
            Route::Share { meeting, .. } | Route::Card { meeting } => Some(body_slug(meeting)),
            Route::Body { slug, .. } => Some(slug),
            _ => None,
        }
    }

    /// The way up from this page to the site's root: `""`, `"../"`, `"../../"`...
    pub fn root(&self) -> &'static str {
        let depth = self.file().matches('/').count();
        UP[depth.min(UP.len() - 1)]
    }

    /// The link to it from a page whose way up to the root is `root`: a page by its folder
    /// (`people/murai-jun/`), a file by its name; the index from the root is `./`.
    pub fn href(&self, root: &str) -> String {
        let file = self.file();
        match file.strip_suffix("index.html") {
            Some("") if root.is_empty() => "./".to_owned(),
            Some(folder) => format!("{root}{folder}"),
            None => format!("{root}{file}"),
        }
    }

    /// The link to it from `page`: relative to the page's folder when it lies inside it
    /// (a meeting's JSON and share pages from the meeting's page), else by way of the root.
    pub fn href_from(&self, page: &Route<'_>) -> String {
        let from = page.file();
        let folder = from.strip_suffix("index.html").unwrap_or_default();
        let target = self.href("");
        match target.strip_prefix(folder) {
            Some(inside) if !folder.is_empty() && !inside.is_empty() => inside.to_owned(),
            _ => self.href(page.root()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_roots_and_links() {
        let meeting = Route::Meeting { id: "cshq-001" };
        assert_eq!(meeting.file(), "cshq-001/index.html");
        assert_eq!(meeting.root(), "../");
        assert_eq!(meeting.root(), MEETING_ROOT);
        assert_eq!(meeting.href("../"), "../cshq-001/");
        assert_eq!(Route::Index { page: 1 }.href(""), "./");
        assert_eq!(Route::Index { page: 1 }.href("../"), "../");
        assert_eq!(Route::Index { page: 2 }.href(""), "page/2/");
        assert_eq!(Route::Index { page: 2 }.root(), "../../");
        let person = Route::Person {
            id: "murai-jun",
            page: 1,
        };
        assert_eq!(person.href("../"), "../people/murai-jun/");
        assert_eq!(person.root(), "../../");
        assert_eq!(
            Route::Person {
                id: "murai-jun",
                page: 3
            }
            .root(),
            "../../../"
        );
        let share = Route::Share {
            meeting: "cshq-001",
            remark: "sec-2-murai-jun-p3",
        };
        assert_eq!(share.file(), "cshq-001/r/sec-2-murai-jun-p3/index.html");
        assert_eq!(share.root(), "../../../");
        assert_eq!(
            Route::Card {
                meeting: "cshq-001"
            }
            .file(),
            "cshq-001/card.png"
        );
        assert_eq!(Route::SearchShard { n: 7 }.file(), "search/shard-7.json");
        let body = Route::Body {
            slug: "cshq-2025",
            page: 1,
        };
        assert_eq!(body.file(), "bodies/cshq-2025/index.html");
        assert_eq!(body.href("../"), "../bodies/cshq-2025/");
        assert_eq!(body.root(), "../../");
        let later = Route::Body {
            slug: "cshq",
            page: 2,
        };
        assert_eq!(later.file(), "bodies/cshq/page/2/index.html");
        assert_eq!(later.root(), "../../../../");
        assert_eq!(Route::Index { page: 1 }.href_from(&later), "../../../../");
    }

    #[test]
    fn a_body_owns_its_index_meetings_and_their_files() {
        assert_eq!(
            Route::Meeting {
                id: "cshq-2025-001"
            }
            .body(),
            Some("cshq-2025")
        );
        assert_eq!(Route::MeetingJson { id: "cshq-001" }.body(), Some("cshq"));
        assert_eq!(
            Route::Body {
                slug: "ispc-kihon",
                page: 3
            }
            .body(),
            Some("ispc-kihon")
        );
        assert_eq!(Route::Index { page: 1 }.body(), None);
        assert_eq!(
            Route::Person {
                id: "murai-jun",
                page: 1
            }
            .body(),
            None
        );
        assert_eq!(Route::SearchMeta.body(), None);
    }

    #[test]
    fn the_series_is_its_pages_and_data_not_its_previews() {
        let kept = |r: Route<'_>| r.offline();
        assert_eq!(kept(Route::Index { page: 3 }), Offline::Series);
        assert_eq!(kept(Route::MeetingJson { id: "cshq-001" }), Offline::Series);
        assert_eq!(kept(Route::SearchShard { n: 0 }), Offline::Series);
        assert_eq!(
            kept(Route::Share {
                meeting: "cshq-001",
                remark: "sec-2"
            }),
            Offline::Never
        );
        assert_eq!(
            kept(Route::Card {
                meeting: "cshq-001"
            }),
            Offline::Never
        );
        assert_eq!(kept(Route::NotFound), Offline::Shell);
    }

    #[test]
    fn links_from_a_meeting_page_stay_in_its_folder() {
        let meeting = Route::Meeting { id: "cshq-001" };
        assert_eq!(
            Route::MeetingJson { id: "cshq-001" }.href_from(&meeting),
            "cshq-001.json"
        );
        assert_eq!(
            Route::Share {
                meeting: "cshq-001",
                remark: "sec-2"
            }
            .href_from(&meeting),
            "r/sec-2/"
        );
        assert_eq!(Route::Index { page: 1 }.href_from(&meeting), "../");
        assert_eq!(
            Route::Person {
                id: "murai-jun",
                page: 1
            }
            .href_from(&meeting),
            "../people/murai-jun/"
        );
        assert_eq!(
            Route::SearchMeta.href_from(&Route::Index { page: 1 }),
            "search/meta.json"
        );
    }
}
