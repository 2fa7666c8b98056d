//! The build's renderer (feature `ssr`, run by `src/bin/render.rs`): every page of the
//! site as HTML, made natively from the app's own components, which the browser then
//! hydrates. Each page is Trunk's `index.html` filled with what it must carry before any
//! script runs: the view, the title and description, its JSON data blocks, and a
//! Content-Security-Policy that allows exactly the inline scripts that run.

use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use minutes_core::Minutes;
use minutes_core::series::{Person, Series, SeriesError};
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::build::card::{self, CardError, Cards};
use crate::build::share::{self, NotFoundPage, Remark, SharePage};
use crate::format;
use crate::i18n::Lang;
use crate::series_search;
use crate::site::{
    INDEX_PAGE_MEETINGS, PERSON_PAGE_MEETINGS, PageData, Pager, SITE_DATA_ID, SearchChoices,
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
    /// A preview card could not be drawn.
    Card(CardError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Data(e) => write!(f, "the minutes JSON cannot be shown: {e}"),
            RenderError::Template(what) => write!(f, "index.html (Trunk's output) {what}"),
            RenderError::Series(e) => write!(f, "{e}"),
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
    /// Its content: text, but for the preview cards.
    pub bytes: Vec<u8>,
}

impl SiteFile {
    fn text(path: String, text: String) -> SiteFile {
        SiteFile {
            path,
            bytes: text.into_bytes(),
        }
    }
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

/// The whole site for the minutes `files` (file name and JSON), written into Trunk's
/// `template`: the series index (`index.html`), a page and the JSON download per meeting
/// (`<id>/index.html`, `<id>/<id>.json`), a page per person (`people/<id>/index.html`)
/// and the series search index (`search/`).
///
/// `origin` is where the site is deployed (`https://example.org/minutes/`, ending in `/`),
/// when known: share pages then name their own absolute address (`og:url`, canonical),
/// and the 404 page links to the index by it.
pub fn site(
    template: &str,
    files: &[(String, String)],
    origin: Option<&str>,
    cards: Option<&Cards>,
) -> Result<Vec<SiteFile>, RenderError> {
    let mut meetings = Vec::with_capacity(files.len());
    for (name, json) in files {
        meetings.push(data::parse(json).map_err(|e| in_file(name, RenderError::Data(e)))?);
    }
    let json_of: std::collections::BTreeMap<String, &str> = meetings
        .iter()
        .zip(files)
        .map(|(m, (_, json))| (m.id.clone(), json.as_str()))
        .collect();
    let series = Series::new(meetings).map_err(RenderError::Series)?;
    // The components take `&'static Minutes`, as the browser's parsed-once minutes are;
    // the renderer is a one-shot process, so the series lives as long as it does.
    let series: &'static Series = Box::leak(Box::new(series));
    // The cards are drawn on a thread of their own while the pages render: they take as
    // long as all the pages together.
    std::thread::scope(|scope| {
        let drawing = cards.map(|cards| scope.spawn(move || drawn_cards(cards, series)));
        let mut out = pages(template, series, &json_of, origin, cards.is_some())?;
        if let Some(drawing) = drawing {
            let drawn = drawing
                .join()
                .unwrap_or_else(|_| Err(CardError::Draw("the drawing thread panicked".into())));
            out.extend(drawn.map_err(RenderError::Card)?);
        }
        Ok(out)
    })
}

/// Every meeting's preview card.
fn drawn_cards(cards: &Cards, series: &Series) -> Result<Vec<SiteFile>, CardError> {
    series
        .meetings()
        .iter()
        .map(|minutes| {
            Ok(SiteFile {
                path: card::card_path(&minutes.id),
                bytes: cards.png(minutes)?,
            })
        })
        .collect()
}

/// Every page of the site, and its data files; share pages name their meeting's card
/// when `with_cards`.
fn pages(
    template: &str,
    series: &'static Series,
    json_of: &std::collections::BTreeMap<String, &str>,
    origin: Option<&str>,
    with_cards: bool,
) -> Result<Vec<SiteFile>, RenderError> {
    let body = series.first().body.clone();
    let mut out = Vec::new();
    let mut share_files = Vec::new();
    for minutes in series.meetings() {
        let json = json_of[&minutes.id];
        let data = PageData::Meeting {
            neighbours: series.neighbours(&minutes.id),
        };
        out.push(SiteFile::text(
            data.path(Some(&minutes.id)),
            page(template, &data, Some((minutes, json)), None)?,
        ));
        out.push(SiteFile::text(
            format!("{}/{}", minutes.id, data::download_path(minutes)),
            json.to_owned(),
        ));
        for remark in share::remarks(minutes) {
            share_files.push(SiteFile::text(
                share::share_path(&minutes.id, &remark.id),
                share_page(template, minutes, remark, origin, with_cards),
            ));
        }
    }
    // Neither is kept by "keep the whole series offline" (tools/postbuild.mjs): the 404 page
    // is part of the shell, and a share page only leads to its meeting's.
    share_files.push(SiteFile::text(
        NOT_FOUND_PATH.to_owned(),
        not_found_page(template, origin),
    ));
    for person in series.people() {
        for data in person_pages(&body, person) {
            out.push(SiteFile::text(
                data.path(None),
                page(template, &data, None, None)?,
            ));
        }
    }
    let (meta, shards) = series_search::build(series.meetings());
    out.push(SiteFile::text(
        series_search::META_PATH.to_owned(),
        to_json(&meta),
    ));
    for (n, shard) in shards.iter().enumerate() {
        out.push(SiteFile::text(
            series_search::shard_path(n as u32),
            to_json(shard),
        ));
    }
    let summaries = series.summaries();
    let choices = SearchChoices::of(&summaries);
    let pages = Pager::split(&summaries, INDEX_PAGE_MEETINGS);
    // Keeping the series offline stores every file so far and the index's later pages;
    // the first page is the one that offers it.
    let later_pages: Vec<PageData> = pages
        .iter()
        .map(|&(pager, meetings)| PageData::Index {
            body: body.clone(),
            meetings: meetings.to_vec(),
            total: summaries.len(),
            pager,
            choices: choices.clone(),
            offline_bytes: 0,
        })
        .collect();
    let mut index_files = Vec::with_capacity(later_pages.len());
    for data in later_pages.iter().skip(1) {
        index_files.push(SiteFile::text(
            data.path(None),
            page(template, data, None, None)?,
        ));
    }
    let offline_bytes = out.iter().chain(&index_files).map(|f| f.bytes.len()).sum();
    let mut first_page = later_pages
        .into_iter()
        .next()
        .expect("Pager::split gives a page");
    if let PageData::Index {
        offline_bytes: b, ..
    } = &mut first_page
    {
        *b = offline_bytes;
    }
    out.extend(index_files);
    out.extend(share_files);
    out.push(SiteFile::text(
        first_page.path(None),
        page(template, &first_page, None, Some(&series.first().id))?,
    ));
    Ok(out)
}

/// A person's pages: the remarks of `PERSON_PAGE_MEETINGS` meetings per page, oldest
/// first; their roles and topics on the first page only, which a later page links to.
fn person_pages(body: &str, person: Person) -> Vec<PageData> {
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
            PageData::Person {
                body: body.to_owned(),
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
            }
        })
        .collect()
}

/// A title's page number, on a list split over pages.
fn page_of(pager: &Pager) -> String {
    if pager.pages > 1 {
        (Lang::Ja.texts().page_of)(pager.page, pager.pages)
    } else {
        String::new()
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    // Serialising the index's own types cannot fail: they hold strings and numbers.
    serde_json::to_string(value).unwrap_or_default()
}

/// The marker of the index page's one script of its own, so a rendered page used as the
/// template again loses it before it is added.
const LEGACY_MARK: &str = "<script data-legacy-links>";

/// `template` with a script, first in the head, that sends a link made while the site
/// was one meeting (`/?speaker=…`, `/?q=…`, `/#sec-2-…`) on to that meeting, the first,
/// with its query and fragment, before anything is drawn. A series search says
/// `scope=series`; a bare `?lang=` is the index's own.
fn with_legacy_redirect(template: &str, first: &str) -> String {
    let script = format!(
        "{LEGACY_MARK}(function(){{var s=location.search,h=location.hash;\
         if(/(^|[?&])scope=series(&|$)/.test(s))return;\
         if(h||/(^|[?&])(speaker|topic|section|q)=/.test(s))location.replace('{first}/'+s+h);}})();</script>"
    );
    template.replacen(
        "<meta charset=\"utf-8\" />",
        &format!("<meta charset=\"utf-8\" />\n    {script}"),
        1,
    )
}

/// `html`'s links to the site's files (`="./x"`, `'./x'`) made relative to a page
/// `root` below the site's root. Only the head is rewritten: the body is the view's.
fn with_root(html: &str, root: &str) -> String {
    if root.is_empty() {
        return html.to_owned();
    }
    let end = html.find("</head>").unwrap_or(html.len());
    let head = html[..end]
        .replace("=\"./", &format!("=\"{root}"))
        .replace("'./", &format!("'{root}"));
    format!("{head}{}", &html[end..])
}

/// One page: the view of `data` (and of the minutes, on a meeting page), its title and
/// description, its data blocks and its CSP, written into `template`. A page this wrote
/// can be the template again: what it wrote is replaced, never added to.
fn page(
    template: &str,
    data: &PageData,
    minutes: Option<(&'static Minutes, &str)>,
    legacy_target: Option<&str>,
) -> Result<String, RenderError> {
    let template = without_lines(
        template,
        &[
            "<meta http-equiv=\"Content-Security-Policy\"",
            "<meta name=\"description\"",
            LEGACY_MARK,
        ],
    );
    let template = with_root(&template, data.root());
    let template = match legacy_target {
        Some(first) => with_legacy_redirect(&template, first),
        None => template,
    };
    let app_data = data.clone();
    let view = html_of(|| view! { <App page=app_data minutes=minutes.map(|(m, _)| m) /> });
    let (title, description) = match (data, minutes) {
        (_, Some((minutes, _))) => {
            let title = format!("{} {}", minutes.body, minutes.title);
            let when = &minutes.date;
            let time = format::time_span(when, Lang::Ja)
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            let description = format!("{title}（{}{time}）", format::date(when, Lang::Ja));
            (title, description)
        }
        (
            PageData::Index {
                body, total, pager, ..
            },
            _,
        ) => (
            format!("{body} {}{}", Lang::Ja.texts().series_title, page_of(pager)),
            format!(
                "{body}の{}（{total}件）と全会合の発言の検索",
                Lang::Ja.texts().series_title,
            ),
        ),
        (
            PageData::Person {
                body,
                person,
                pager,
            },
            _,
        ) => (
            format!("{}{} — {body}", person.name.name, page_of(pager)),
            format!(
                "{}の{body}での役職、発言（{}件）とテーマ",
                person.name.name,
                person.by_year.iter().map(|y| y.remarks).sum::<usize>()
            ),
        ),
        (PageData::Meeting { .. }, None) => {
            return Err(RenderError::Template("a meeting page needs its minutes"));
        }
    };

    let html = replace_between(&template, "<title>", "</title>", &escape(&title))
        .ok_or(RenderError::Template("has no <title>"))?
        .replacen(
            "</title>",
            &format!(
                "</title>\n    <meta name=\"description\" content=\"{}\" />",
                escape(&description)
            ),
            1,
        );
    let (open, close) = body_bounds(&html)?;
    // Hydration starts at the body's first child, so the view comes first, with nothing
    // before it.
    let mut blocks = String::new();
    if let Some((_, json)) = minutes {
        blocks.push_str(&data_block(data::ELEMENT_ID, json));
    }
    blocks.push_str(&data_block(SITE_DATA_ID, &to_json(data)));
    let html = format!("{}{view}{blocks}\n  {}", &html[..open], &html[close..]);
    with_csp(&html)
}

/// `view` rendered to HTML under a server's shared context: Leptos then knows it is not
/// in a browser, and sets up no window listeners (effects do not run natively at all).
fn html_of<V: RenderHtml>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| view().to_html())
}

/// Where the host looks for the page it serves for an address that names nothing.
pub const NOT_FOUND_PATH: &str = "404.html";

/// The head lines of Trunk's page that a page without the app still needs: the
/// stylesheet and the icon (not the loader, the worker or the manifest).
fn plain_head_links(template: &str, root: &str) -> String {
    let lines: Vec<&str> = template
        .lines()
        .map(str::trim)
        .filter(|l| {
            (l.starts_with("<link rel=\"stylesheet\"") || l.starts_with("<link rel=\"icon\""))
                && !l.contains("noscript")
        })
        .collect();
    // No `</head>` here: `with_root` rewrites all of it.
    with_root(&lines.join("\n    "), root)
}

/// A page with no app: `head` (after the charset, viewport and CSP) and the rendered
/// `view`, with `share.js` from the site's root when `script` is set.
fn plain_page(root: &str, template: &str, head: &str, view: &str, script: bool) -> String {
    let links = plain_head_links(template, root);
    let (script_src, script) = if script {
        (
            " script-src 'self';",
            format!("\n    <script src=\"{root}share.js\" defer></script>"),
        )
    } else {
        (" script-src 'none';", String::new())
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';{script_src} object-src 'none'; base-uri 'none'\" />\n    \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    \
         <meta name=\"color-scheme\" content=\"light dark\" />\n    {head}\n    {links}{script}\n  </head>\n  \
         <body>{view}</body>\n</html>\n"
    )
}

/// A remark's share page (`<id>/r/<remark-id>/`): its title, description and Open Graph
/// tags for link previews, and the remark itself for readers.
fn share_page(
    template: &str,
    minutes: &Minutes,
    remark: Remark,
    origin: Option<&str>,
    with_card: bool,
) -> String {
    let title = share::title(minutes, &remark);
    let quote = share::excerpt(&remark.paragraphs.join(""), share::EXCERPT_CHARS);
    let path = share::share_path(&minutes.id, &remark.id);
    let path = path.trim_end_matches("index.html");
    let mut head = vec![
        format!("<title>{}</title>", escape(&title)),
        format!(
            "<meta name=\"description\" content=\"{}\" />",
            escape(&quote)
        ),
        "<meta property=\"og:type\" content=\"article\" />".to_owned(),
        format!(
            "<meta property=\"og:site_name\" content=\"{} {}\" />",
            escape(&minutes.body),
            escape(Lang::Ja.texts().series_title)
        ),
        "<meta property=\"og:locale\" content=\"ja_JP\" />".to_owned(),
        format!(
            "<meta property=\"og:title\" content=\"{}\" />",
            escape(&title)
        ),
        format!(
            "<meta property=\"og:description\" content=\"{}\" />",
            escape(&quote)
        ),
    ];
    let meeting = share::meeting_line(minutes);
    if with_card {
        // Absolute where the origin is known, as Open Graph asks; else from the page,
        // which previewers that resolve relative addresses still follow.
        let image = match origin {
            Some(origin) => format!("{origin}{}", card::card_path(&minutes.id)),
            None => format!("../../../{}", card::card_path(&minutes.id)),
        };
        head.extend([
            format!(
                "<meta property=\"og:image\" content=\"{}\" />",
                escape(&image)
            ),
            "<meta property=\"og:image:type\" content=\"image/png\" />".to_owned(),
            format!(
                "<meta property=\"og:image:width\" content=\"{}\" />",
                card::WIDTH
            ),
            format!(
                "<meta property=\"og:image:height\" content=\"{}\" />",
                card::HEIGHT
            ),
            format!(
                "<meta property=\"og:image:alt\" content=\"{}\" />",
                escape(&meeting)
            ),
            "<meta name=\"twitter:card\" content=\"summary_large_image\" />".to_owned(),
        ]);
    } else {
        head.push("<meta name=\"twitter:card\" content=\"summary\" />".to_owned());
    }
    if let Some(origin) = origin {
        let url = escape(&format!("{origin}{path}"));
        head.push(format!("<meta property=\"og:url\" content=\"{url}\" />"));
        head.push(format!("<link rel=\"canonical\" href=\"{url}\" />"));
    }
    let view = html_of(|| view! { <SharePage meeting remark /> });
    plain_page("../../../", template, &head.join("\n    "), &view, true)
}

/// The page a host serves for an address that names nothing (a share link to a remark
/// that does not exist, say), in both languages, linking to the index: by the site's
/// origin when it is known, else the host's root.
fn not_found_page(template: &str, origin: Option<&str>) -> String {
    // At any depth: the host serves it for every missing address, so its links to the
    // site's files and to the index are from the root it is told, or the host's.
    let root = origin.unwrap_or("/");
    let index = root.to_owned();
    let view = html_of(|| view! { <NotFoundPage index /> });
    plain_page(
        root,
        template,
        "<title>404 — ページが見つかりません / Not found</title>",
        &view,
        false,
    )
}

/// A data block: JSON the page carries and never runs. Its text ends at the first
/// "</script": writing every "<" as its JSON escape (it can only occur inside strings)
/// keeps the text from closing the element, and JSON.parse and serde_json read the same
/// string back.
fn data_block(id: &str, json: &str) -> String {
    let json = json.replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{id}\">{json}</script>")
}

/// `text` with what lies between `start` and `end` replaced by `with`.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let a = text.find(start)? + start.len();
    let b = a + text[a..].find(end)?;
    Some(format!("{}{with}{}", &text[..a], &text[b..]))
}

/// Where the body's content goes: just after `<body>`, up to `</body>`. The renderer
/// writes all of it: whatever is there is replaced.
fn body_bounds(html: &str) -> Result<(usize, usize), RenderError> {
    let open = html
        .find("<body>")
        .ok_or(RenderError::Template("has no <body>"))?
        + "<body>".len();
    let close = html
        .rfind("</body>")
        .ok_or(RenderError::Template("has no </body>"))?;
    if close < open {
        return Err(RenderError::Template("has </body> before <body>"));
    }
    Ok((open, close))
}

/// `text` without the lines that start (after indentation) with any of `starts`.
fn without_lines(text: &str, starts: &[&str]) -> String {
    text.split_inclusive('\n')
        .filter(|line| !starts.iter().any(|s| line.trim_start().starts_with(s)))
        .collect()
}

/// `html` with a strict Content-Security-Policy `<meta>` right after the charset, before
/// any script it governs. Inline scripts that run (Trunk's WASM loader) are allowed by
/// their hash; a data block (`type="application/json"`) is never run, so it is not
/// hashed, and a script with the minutes' text could not run either.
fn with_csp(html: &str) -> Result<String, RenderError> {
    let hashes: Vec<String> = inline_scripts(html)
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let csp = [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" "))
            .trim_end()
            .to_owned(),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "connect-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'none'".to_owned(),
    ]
    .join("; ");
    const CHARSET: &str = "<meta charset=\"utf-8\" />";
    let at = html
        .find(CHARSET)
        .ok_or(RenderError::Template("has no <meta charset=\"utf-8\" />"))?
        + CHARSET.len();
    Ok(format!(
        "{}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />{}",
        &html[..at],
        &html[at..]
    ))
}

/// The text of every inline `<script>` the browser runs: not one with `src`, not a data
/// block.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(|(at, _)| {
        let rest = &html[at..];
        let tag_end = rest.find('>')?;
        let tag = &rest[..tag_end];
        if tag.contains(" src=") || tag.contains("type=\"application/json\"") {
            return None;
        }
        let body = &rest[tag_end + 1..];
        Some(&body[..body.find("</script>")?])
    })
}

/// Text made safe for an attribute value or element content (`&`, `<`, `>` and `"`
/// escaped), as Leptos escapes attributes.
fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            Ok(PageData::Index {
                meetings,
                total,
                pager,
                choices,
                ..
            }) => (meetings, total, pager, choices),
            other => panic!("{path}: {other:?}"),
        };
        let (first, total, pager, choices) = index_page("index.html");
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
            let Ok(PageData::Person { person, pager, .. }) =
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
        assert!(html.contains("<body><p class=\"noscript\">"));
        let minutes = data::parse(MINUTES).unwrap();
        for p in minutes.paragraphs() {
            assert!(html.contains(&format!("id=\"{}\"", p.id)), "{}", p.id);
        }
        assert_eq!(
            block(html, data::ELEMENT_ID).replace("\\u003c", "<"),
            MINUTES
        );
        assert_eq!(file(&site, "cshq-001/cshq-001.json"), MINUTES);
        let PageData::Meeting { neighbours } = PageData::parse(block(html, SITE_DATA_ID)).unwrap()
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
        assert!(html.contains("import init from '../a.js'"));
        assert!(html.contains("src=\"../register-sw.js\""));
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
            serde_json::from_str(file(&site, series_search::META_PATH)).unwrap();
        assert_eq!(meta.meetings.len(), 2);
        for n in 0..meta.shards {
            let _: series_search::Shard =
                serde_json::from_str(file(&site, &series_search::shard_path(n))).unwrap();
        }
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
        let not_found = file(&site, NOT_FOUND_PATH);
        assert!(not_found.contains("href=\"https://example.org/minutes/\""));
        assert!(not_found.contains("This link names nothing here"));
    }

    #[test]
    fn without_a_known_origin_share_pages_name_no_address() {
        let site = site(TEMPLATE, &files(), None, None).unwrap();
        let page = file(&site, "cshq-001/r/sec-2-murai-jun/index.html");
        assert!(!page.contains("og:url") && !page.contains("canonical"));
        assert!(!page.contains("og:image") && page.contains("content=\"summary\""));
        assert!(file(&site, NOT_FOUND_PATH).contains("href=\"/\""));
    }
}
