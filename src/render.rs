//! The build's renderer (feature `ssr`, run by `src/bin/render.rs`): the meeting page as
//! HTML, made natively from the app's own components, which the browser then hydrates.
//! It fills Trunk's `index.html` with what the page must carry before any script runs:
//! the reading view, the title and description, the minutes' JSON data block, and a
//! Content-Security-Policy that allows exactly the inline scripts that run.

use std::fmt;
use std::sync::Arc;

use base64::Engine as _;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use minutes_core::Minutes;
use sha2::{Digest, Sha256};

use crate::app::App;
use crate::data::{self, DataError};
use crate::format;
use crate::i18n::Lang;

/// Why a page could not be rendered.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// The minutes JSON is not minutes this viewer reads.
    Data(DataError),
    /// Trunk's page lacks something the renderer writes into.
    Template(&'static str),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Data(e) => write!(f, "the minutes JSON cannot be shown: {e}"),
            RenderError::Template(what) => write!(f, "index.html (Trunk's output) {what}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// A rendered meeting page.
#[derive(Debug)]
pub struct Page {
    /// Where the minutes JSON is published beside the page (`data::download_path`).
    pub download_path: String,
    /// The whole `index.html`.
    pub html: String,
}

/// The meeting page for the minutes `json`, written into Trunk's `template`. The JSON
/// goes into the page as it is (`<` escaped), so the data block equals the committed file.
/// A page this wrote can be the template again: what it wrote is replaced, never added to.
pub fn meeting_page(template: &str, json: &str) -> Result<Page, RenderError> {
    let template = without_lines(
        template,
        &[
            "<meta http-equiv=\"Content-Security-Policy\"",
            "<meta name=\"description\"",
        ],
    );
    let template = template.as_str();
    let minutes = data::parse(json).map_err(RenderError::Data)?;
    // The components take `&'static Minutes`, as the browser's parsed-once minutes are;
    // the renderer is a one-shot process, so the minutes simply live as long as it does.
    let minutes: &'static Minutes = Box::leak(Box::new(minutes));
    // A server's shared context: Leptos then knows it is not in a browser, and sets up no
    // window listeners (effects do not run natively at all).
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let view = owner.with(|| view! { <App minutes=minutes /> }.to_html());

    let title = format!("{} {}", minutes.body, minutes.title);
    let when = &minutes.date;
    let time = format::time_span(when, Lang::Ja)
        .map(|t| format!(" {t}"))
        .unwrap_or_default();
    let description = format!("{title}（{}{time}）", format::date(when, Lang::Ja));

    let html = replace_between(template, "<title>", "</title>", &escape(&title))
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
    // A data block's text ends at the first "</script": writing every "<" as its JSON
    // escape (it can only occur inside strings) keeps the text from closing the element,
    // and JSON.parse and serde_json read the same string back. Hydration starts at the
    // body's first child, so the view comes first, with nothing before it.
    let block = json.replace('<', "\\u003c");
    let html = format!(
        "{}{view}<script type=\"application/json\" id=\"{}\">{block}</script>\n  {}",
        &html[..open],
        data::ELEMENT_ID,
        &html[close..]
    );
    let html = with_csp(&html)?;
    Ok(Page {
        download_path: data::download_path(minutes),
        html,
    })
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

    const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"ja\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>x</title>\n    <script type=\"module\">import init from './a.js'; init();</script>\n    <script src=\"register-sw.js\" defer></script>\n  </head>\n  <body>\n  </body>\n</html>\n";
    const MINUTES: &str = include_str!("../data/minutes/cshq-001.json");

    #[test]
    fn the_page_carries_the_view_the_title_and_the_json_as_committed() {
        let page = meeting_page(TEMPLATE, MINUTES).unwrap();
        assert_eq!(page.download_path, "cshq-001.json");
        let html = &page.html;
        assert!(html.contains("<title>サイバーセキュリティ戦略本部 第1回会合 議事概要</title>"));
        assert!(html.contains(
            "<meta name=\"description\" content=\"サイバーセキュリティ戦略本部 第1回会合 議事概要（"
        ));
        // Hydration starts at the body's first child: the view's first node.
        assert!(html.contains("<body><p class=\"noscript\">"));
        let minutes = data::parse(MINUTES).unwrap();
        for p in minutes.paragraphs() {
            assert!(html.contains(&format!("id=\"{}\"", p.id)), "{}", p.id);
        }
        let start = html.find("id=\"minutes-data\">").unwrap() + "id=\"minutes-data\">".len();
        let block = &html[start..start + html[start..].find("</script>").unwrap()];
        assert_eq!(block.replace("\\u003c", "<"), MINUTES);
    }

    #[test]
    fn the_policy_hashes_the_scripts_that_run_and_not_the_data() {
        let page = meeting_page(TEMPLATE, MINUTES).unwrap();
        let scripts: Vec<&str> = inline_scripts(&page.html).collect();
        assert_eq!(scripts, ["import init from './a.js'; init();"]);
        let digest = Sha256::digest(scripts[0].as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        let csp_at = page.html.find("Content-Security-Policy").unwrap();
        assert!(
            page.html.find("<script").unwrap() > csp_at,
            "the policy precedes every script"
        );
        assert!(page.html.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
        )));
        assert_eq!(page.html.matches("'sha256-").count(), 1);
    }

    #[test]
    fn rendering_a_rendered_page_again_gives_the_same_page() {
        let once = meeting_page(TEMPLATE, MINUTES).unwrap().html;
        let twice = meeting_page(&once, MINUTES).unwrap().html;
        assert_eq!(once, twice);
    }

    #[test]
    fn json_that_would_close_its_element_stays_inside_it() {
        let sly = MINUTES.replacen(
            "第1回会合",
            "第1回会合</script><script>alert(1)</script>",
            1,
        );
        let page = meeting_page(TEMPLATE, &sly).unwrap();
        assert!(!page.html.contains("<script>alert(1)"));
        assert_eq!(inline_scripts(&page.html).count(), 1);
    }

    #[test]
    fn bad_input_is_named_not_rendered() {
        assert!(matches!(
            meeting_page(TEMPLATE, "{"),
            Err(RenderError::Data(DataError::Malformed(_)))
        ));
        let bare = TEMPLATE.replace("<title>x</title>", "");
        assert_eq!(
            meeting_page(&bare, MINUTES).unwrap_err(),
            RenderError::Template("has no <title>")
        );
    }
}
