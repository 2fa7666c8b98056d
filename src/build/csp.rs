//! The Content-Security-Policy of a page: strict, with the inline scripts that run allowed
//! by their hash.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use super::render::RenderError;

/// `html` with a strict Content-Security-Policy `<meta>` right after the charset, before
/// any script it governs. Inline scripts that run (Trunk's WASM loader) are allowed by
/// their hash; a data block (`type="application/json"`) is never run, so it is not
/// hashed, and a script with the minutes' text could not run either.
pub(super) fn with_csp(html: &str) -> Result<String, RenderError> {
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
pub(super) fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
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
