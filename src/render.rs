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
use minutes_core::series::{Series, SeriesError};
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::data::{self, DataError};
use crate::format;
use crate::i18n::Lang;
use crate::series_search;
use crate::site::{PageData, SITE_DATA_ID};

/// Why a page could not be rendered.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// The minutes JSON is not minutes this viewer reads.
    Data(DataError),
    /// Trunk's page lacks something the renderer writes into.
    Template(&'static str),
    /// The minutes files are not one series.
    Series(SeriesError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Data(e) => write!(f, "the minutes JSON cannot be shown: {e}"),
            RenderError::Template(what) => write!(f, "index.html (Trunk's output) {what}"),
            RenderError::Series(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// One file of the built site.
#[derive(Debug)]
pub struct SiteFile {
    /// Its path from the site's root (`cshq-001/index.html`).
    pub path: String,
    /// Its content.
    pub text: String,
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
pub fn site(template: &str, files: &[(String, String)]) -> Result<Vec<SiteFile>, RenderError> {
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
    let body = series.first().body.clone();
    let mut out = Vec::new();
    for minutes in series.meetings() {
        let json = json_of[&minutes.id];
        let data = PageData::Meeting {
            neighbours: series.neighbours(&minutes.id),
        };
        out.push(SiteFile {
            path: format!("{}/index.html", minutes.id),
            text: page(template, &data, Some((minutes, json)))?,
        });
        out.push(SiteFile {
            path: format!("{}/{}", minutes.id, data::download_path(minutes)),
            text: json.to_owned(),
        });
    }
    for person in series.people() {
        let path = format!("people/{}/index.html", person.name.id);
        let data = PageData::Person {
            body: body.clone(),
            person,
        };
        out.push(SiteFile {
            path,
            text: page(template, &data, None)?,
        });
    }
    let (meta, shards) = series_search::build(series.meetings(), crate::browser::nfkc_lower);
    out.push(SiteFile {
        path: series_search::META_PATH.to_owned(),
        text: to_json(&meta),
    });
    for (n, shard) in shards.iter().enumerate() {
        out.push(SiteFile {
            path: series_search::shard_path(n as u32),
            text: to_json(shard),
        });
    }
    let index = PageData::Index {
        body,
        meetings: series.summaries(),
        offline_bytes: out.iter().map(|f| f.text.len()).sum(),
    };
    out.push(SiteFile {
        path: "index.html".to_owned(),
        text: page(template, &index, None)?,
    });
    Ok(out)
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
) -> Result<String, RenderError> {
    let template = without_lines(
        template,
        &[
            "<meta http-equiv=\"Content-Security-Policy\"",
            "<meta name=\"description\"",
            LEGACY_MARK,
        ],
    );
    let template = match data {
        // The oldest meeting is the one the site was.
        PageData::Index { meetings, .. } => match meetings.last() {
            Some(first) => with_legacy_redirect(&template, &first.id),
            None => template,
        },
        _ => with_root(&template, data.root()),
    };
    // A server's shared context: Leptos then knows it is not in a browser, and sets up no
    // window listeners (effects do not run natively at all).
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let app_data = data.clone();
    let view =
        owner.with(|| view! { <App page=app_data minutes=minutes.map(|(m, _)| m) /> }.to_html());
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
        (PageData::Index { body, meetings, .. }, _) => (
            format!("{body} {}", Lang::Ja.texts().series_title),
            format!(
                "{body}の{}（{}）と全会合の発言の検索",
                Lang::Ja.texts().series_title,
                meetings.len()
            ),
        ),
        (PageData::Person { body, person }, _) => (
            format!("{} — {body}", person.name.name),
            format!(
                "{}の{body}での役職、発言（{}件）とテーマ",
                person.name.name,
                person.remarks.len()
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
    const MINUTES: &str = include_str!("../data/minutes/cshq-001.json");

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

    fn file<'a>(site: &'a [SiteFile], path: &str) -> &'a str {
        &site
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .text
    }

    fn block<'a>(html: &'a str, id: &str) -> &'a str {
        let open = format!("id=\"{id}\">");
        let start = html.find(&open).unwrap() + open.len();
        &html[start..start + html[start..].find("</script>").unwrap()]
    }

    #[test]
    fn a_meeting_page_carries_its_view_title_json_and_neighbours() {
        let site = site(TEMPLATE, &files()).unwrap();
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
        let site = site(TEMPLATE, &files()).unwrap();
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
        let site = site(TEMPLATE, &files()).unwrap();
        for (path, count) in [("cshq-001/index.html", 1), ("index.html", 2)] {
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
        let once = site(TEMPLATE, &files()).unwrap();
        let again = site(file(&once, "index.html"), &files()).unwrap();
        for (a, b) in once.iter().zip(&again) {
            assert_eq!(a.path, b.path);
            assert_eq!(a.text, b.text, "{}", a.path);
        }
    }

    #[test]
    fn json_that_would_close_its_element_stays_inside_it() {
        let sly = MINUTES.replacen(
            "第1回会合",
            "第1回会合</script><script>alert(1)</script>",
            1,
        );
        let site = site(TEMPLATE, &[("x.json".to_owned(), sly)]).unwrap();
        for f in site.iter().filter(|f| f.path.ends_with(".html")) {
            assert!(!f.text.contains("<script>alert(1)"), "{}", f.path);
        }
        assert_eq!(
            inline_scripts(file(&site, "cshq-001/index.html")).count(),
            1
        );
    }

    #[test]
    fn bad_input_is_named_not_rendered() {
        let err = site(TEMPLATE, &[("broken.json".to_owned(), "{".to_owned())]).unwrap_err();
        assert!(
            matches!(&err, RenderError::Data(DataError::Malformed(why)) if why.starts_with("broken.json")),
            "{err:?}"
        );
        let twice = vec![
            ("a.json".to_owned(), MINUTES.to_owned()),
            ("b.json".to_owned(), MINUTES.to_owned()),
        ];
        assert!(matches!(
            site(TEMPLATE, &twice),
            Err(RenderError::Series(SeriesError::DuplicateId(_)))
        ));
        assert!(matches!(
            site(TEMPLATE, &[]),
            Err(RenderError::Series(SeriesError::Empty))
        ));
        let bare = TEMPLATE.replace("<title>x</title>", "");
        assert_eq!(
            site(&bare, &files()).unwrap_err(),
            RenderError::Template("has no <title>")
        );
    }
}
