//! Trunk's `index.html` as the template of every page: read once, its anchors (the
//! charset, the title, the body) checked once, then filled in for each page with its
//! links made relative to the page's depth, its title and description, its app's loader,
//! its view and data blocks. Trunk's own loader is left out: a page loads the app of its
//! kind (`apps.rs`). A page this wrote can be the template again: what it wrote is
//! replaced, never added to.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;

use super::apps::Apps;
use super::csp::with_csp;
use super::render::RenderError;
use crate::app::Draw;
use crate::query::keys;
use crate::site::PageData;

/// What a page adds to the head, which a rendered page given as the template again loses
/// before it is added anew.
const WRITTEN_LINES: [&str; 3] = [
    "<meta http-equiv=\"Content-Security-Policy\"",
    "<meta name=\"description\"",
    LEGACY_MARK,
];

/// The anchors every page is written at, each with what the error says when it is missing.
const ANCHORS: [(&str, &str); 4] = [
    (
        "<meta charset=\"utf-8\" />",
        "has no <meta charset=\"utf-8\" />",
    ),
    ("<title>", "has no <title>"),
    ("</title>", "has no <title>"),
    ("</head>", "has no </head>"),
];

/// Trunk's page, read once, with the loaders of the two apps.
#[derive(Debug, Clone)]
pub struct Template {
    text: String,
    /// The meeting pages' app's loader.
    meeting_loader: String,
    /// The other pages' app's loader.
    pages_loader: String,
}

impl Template {
    /// Reads Trunk's page (or a page this renderer wrote), checking once that it has
    /// everything a page is written into, for pages that load `apps`.
    pub fn parse(html: &str, apps: &Apps) -> Result<Template, RenderError> {
        let text = without_loader(&without_lines(html, &WRITTEN_LINES));
        for (anchor, missing) in ANCHORS {
            if !text.contains(anchor) {
                return Err(RenderError::Template(missing));
            }
        }
        body_bounds(&text)?;
        Ok(Template {
            text,
            meeting_loader: apps.meeting.loader(),
            pages_loader: apps.pages.loader(),
        })
    }

    /// The page of `data`, at its depth below the site's root: `title`, `description`, the
    /// loader of its app last in the head, then the `view` first in the body (hydration
    /// starts at the body's first child) and the data `blocks` after it, under a CSP that
    /// allows the inline scripts it runs; on the index, `legacy_first` names the meeting
    /// that links made for one meeting go to.
    pub fn page(
        &self,
        data: &PageData,
        legacy_first: Option<&str>,
        title: &str,
        description: &str,
        view: &str,
        blocks: &str,
    ) -> Result<String, RenderError> {
        let loader = if Draw::of(data).meetings {
            &self.meeting_loader
        } else {
            &self.pages_loader
        };
        let html = self
            .text
            .replacen("</head>", &format!("  {loader}\n  </head>"), 1);
        let html = with_root(&html, data.root());
        let html = match legacy_first {
            Some(first) => with_legacy_redirect(&html, first),
            None => html,
        };
        let html = replace_between(&html, "<title>", "</title>", &escape(title))
            .ok_or(RenderError::Template("has no <title>"))?
            .replacen(
                "</title>",
                &format!(
                    "</title>\n    <meta name=\"description\" content=\"{}\" />",
                    escape(description)
                ),
                1,
            );
        let (open, close) = body_bounds(&html)?;
        with_csp(&format!(
            "{}{view}{blocks}\n  {}",
            &html[..open],
            &html[close..]
        ))
    }

    /// The head lines of Trunk's page that a page without the app still needs: the
    /// stylesheet and the icon (not the loader, the worker or the manifest), for `root`.
    pub fn plain_head_links(&self, root: &str) -> String {
        let lines: Vec<&str> = self
            .text
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
}

/// The marker of the index page's one script of its own, so a rendered page used as the
/// template again loses it before it is added.
pub(super) const LEGACY_MARK: &str = "<script data-legacy-links>";

/// `template` with a script, first in the head, that sends a link made while the site
/// was one meeting (`/?speaker=…`, `/?q=…`, `/#sec-2-…`) on to that meeting, the first,
/// with its query and fragment, before anything is drawn. A series search says
/// `scope=series`; a bare `?lang=` is the index's own.
fn with_legacy_redirect(template: &str, first: &str) -> String {
    // The keys come from the query codec, so the script follows them.
    let scope = crate::series_search::series_scope();
    let view = keys::VIEW.join("|");
    let script = format!(
        "{LEGACY_MARK}(function(){{var s=location.search,h=location.hash;\
         if(/(^|[?&]){scope}(&|$)/.test(s))return;\
         if(h||/(^|[?&])({view})=/.test(s))location.replace('{first}/'+s+h);}})();</script>"
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

/// A data block: JSON the page carries and never runs. Its text ends at the first
/// "</script": writing every "<" as its JSON escape (it can only occur inside strings)
/// keeps the text from closing the element, and JSON.parse and serde_json read the same
/// string back.
pub(super) fn data_block(id: &str, json: &str) -> String {
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

/// `text` without Trunk's loader: its module script, on one line or several, and its
/// preloads, which Trunk writes on one line with `</head>` after them; a loader this
/// renderer wrote has the same shape (`apps.rs`).
fn without_loader(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_script = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("<script type=\"module\"") {
            in_script = true;
        }
        if in_script {
            in_script = !line.contains("</script>");
            continue;
        }
        if t.starts_with("<link rel=\"modulepreload\"") {
            // The preloads, each `<link …>`, then whatever followed them on the line.
            let mut rest = t;
            while rest.starts_with("<link ") {
                rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            }
            if !rest.trim().is_empty() {
                out.push_str(&line[..line.len() - t.len()]);
                out.push_str(rest);
            }
            continue;
        }
        out.push_str(line);
    }
    out
}

/// `text` without the lines that start (after indentation) with any of `starts`.
fn without_lines(text: &str, starts: &[&str]) -> String {
    text.split_inclusive('\n')
        .filter(|line| !starts.iter().any(|s| line.trim_start().starts_with(s)))
        .collect()
}

/// Text made safe for an attribute value or element content (`&`, `<`, `>` and `"`
/// escaped), as Leptos escapes attributes.
pub(super) fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// `view` rendered to HTML under a server's shared context: Leptos then knows it is not
/// in a browser, and sets up no window listeners (effects do not run natively at all).
pub(super) fn html_of<V: RenderHtml>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    owner.with(|| view().to_html())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html>\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>x</title>\n  </head>\n  <body>\n  </body>\n</html>\n";

    // A Trunk page that lost an anchor fails once, when it is read, naming the anchor,
    // rather than on some page later.
    #[test]
    fn a_missing_anchor_is_named_when_the_template_is_read() {
        assert!(Template::parse(PAGE, &Apps::sample()).is_ok());
        for (cut, says) in [
            (
                "<meta charset=\"utf-8\" />",
                "has no <meta charset=\"utf-8\" />",
            ),
            ("<title>x</title>", "has no <title>"),
            ("</head>", "has no </head>"),
            ("<body>", "has no <body>"),
            ("</body>", "has no </body>"),
        ] {
            let err = Template::parse(&PAGE.replace(cut, ""), &Apps::sample()).err();
            assert_eq!(err, Some(RenderError::Template(says)), "{cut}");
        }
    }

    // Trunk's loader, over several lines, and its preloads are not carried into pages:
    // each page gets its own app's.
    #[test]
    fn trunk_s_loader_is_left_out() {
        let trunk = PAGE.replace(
            "  </head>",
            "<script src=\"./b.js\" defer></script>\n<script type=\"module\">\nimport init from './a.js';\nawait init();\n</script>\n  <link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a_bg.wasm\"></head>",
        );
        let template = Template::parse(&trunk, &Apps::sample()).unwrap();
        assert!(!template.text.contains("./a.js"), "{}", template.text);
        assert!(!template.text.contains("a_bg.wasm"), "{}", template.text);
        assert!(
            template
                .text
                .contains("<script src=\"./b.js\" defer></script>")
        );
    }

    #[test]
    fn a_page_is_written_at_its_anchors() {
        let write = |template: &Template| {
            template
                .page(
                    &PageData::Home(crate::site::HomeData {
                        bodies: Default::default(),
                        total: 0,
                        choices: Default::default(),
                        offline_bytes: 0,
                    }),
                    None,
                    "T & t",
                    "D",
                    "<main>v</main>",
                    "<script type=\"application/json\" id=\"b\">{}</script>",
                )
                .unwrap()
        };
        let html = write(&Template::parse(PAGE, &Apps::sample()).unwrap());
        assert!(html.contains("<title>T &amp; t</title>"), "{html}");
        assert!(
            html.contains("<meta name=\"description\" content=\"D\" />"),
            "{html}"
        );
        assert!(
            html.contains("<body><main>v</main><script type=\"application/json\""),
            "{html}"
        );
        assert!(html.contains("Content-Security-Policy"), "{html}");
        assert!(
            html.contains("import init from './minutes-pages-b.js'"),
            "{html}"
        );
        assert!(!html.contains("minutes-viewer"), "{html}");
        // Read again as a template, the page loses what it was given: the same page.
        assert_eq!(
            write(&Template::parse(&html, &Apps::sample()).unwrap()),
            html
        );
    }
}
