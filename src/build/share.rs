//! Share pages (feature `ssr`): one small static page per speech and per paragraph, at
//! `<meeting-id>/r/<remark-id>/`, for link previews. Chat apps and mail build a preview
//! from a page's Open Graph tags, fetched without JavaScript and without the `#fragment`,
//! so a remark needs a path of its own that carries its speaker and words in its head.
//! With JavaScript, `share.js` sends the reader on to the remark in its meeting page.

use leptos::prelude::*;
use minutes_core::{Block, Minutes, Paragraph};

use super::card;
use super::template::{Template, escape, html_of};
use crate::format;
use crate::i18n::Lang;
use crate::route::Route;

/// About how many characters of a remark a preview quotes.
pub const EXCERPT_CHARS: usize = 120;

/// Where a clause or sentence ends: a cut is made after one of these.
const BOUNDARIES: [char; 6] = ['。', '、', '，', '．', '！', '？'];

/// The first words of `text`, cut at the last sentence or clause boundary within `max`
/// characters (or at `max` when there is none in its second half), with `…` where it was
/// cut. Text that fits is returned whole.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: Vec<char> = text.chars().take(max).collect();
    let cut = head
        .iter()
        .rposition(|c| BOUNDARIES.contains(c))
        .filter(|&at| at + 1 >= max / 2)
        .map_or(max, |at| at + 1);
    let mut out: String = head[..cut].iter().collect();
    out.push('…');
    out
}

/// One shareable remark: a speech, or one paragraph of the minutes.
#[derive(Clone, Debug, PartialEq)]
pub struct Remark {
    /// Its permalink id (a speech's or a paragraph's).
    pub id: String,
    /// Who spoke, as a preview names them: `村井 純（慶應義塾大学教授）`, or how the
    /// minutes name them; `None` for the minutes' own narrative.
    pub speaker: Option<String>,
    /// The paragraphs it quotes, as printed.
    pub paragraphs: Vec<String>,
}

/// Every shareable remark of `minutes`, in printed order: each speech, then each of its
/// paragraphs; each narrative paragraph.
pub fn remarks(minutes: &Minutes) -> Vec<Remark> {
    let mut out = Vec::new();
    let text = |p: &Paragraph| p.text.clone();
    for section in &minutes.sections {
        for block in &section.blocks {
            match block {
                Block::Speech(speech) => {
                    let speaker = Some(format::speaker_named(minutes, speech, Lang::Ja));
                    out.push(Remark {
                        id: speech.id.clone(),
                        speaker: speaker.clone(),
                        paragraphs: speech.paragraphs.iter().map(text).collect(),
                    });
                    out.extend(speech.paragraphs.iter().map(|p| Remark {
                        id: p.id.clone(),
                        speaker: speaker.clone(),
                        paragraphs: vec![text(p)],
                    }));
                }
                Block::Narrative(p) => out.push(Remark {
                    id: p.id.clone(),
                    speaker: None,
                    paragraphs: vec![text(p)],
                }),
                Block::Agenda(_) => {}
            }
        }
    }
    out
}

/// The meeting as a preview names it: `サイバーセキュリティ戦略本部 第1回会合（2015年2月10日）`.
pub fn meeting_line(minutes: &Minutes) -> String {
    let title = minutes
        .title
        .trim_end_matches("議事概要")
        .trim_end_matches(['　', ' ']);
    format!(
        "{} {title}（{}）",
        minutes.body,
        format::short_date(&minutes.date, Lang::Ja)
    )
}

/// A share page's title: `村井 純（慶應義塾大学教授）— <meeting line>`.
pub fn title(minutes: &Minutes, remark: &Remark) -> String {
    match &remark.speaker {
        Some(speaker) => format!("{speaker}— {}", meeting_line(minutes)),
        None => meeting_line(minutes),
    }
}

/// The body of a share page: the meeting, the speaker, the remark's full text and a link to
/// it in its meeting page (two levels up), readable without JavaScript.
#[component]
pub fn SharePage(meeting: String, remark: Remark) -> impl IntoView {
    let in_context = format!("../../#{}", remark.id);
    view! {
        <main class="share" data-share=remark.id.clone()>
            <p class="share__meeting">
                <a href="../../" data-share-meeting>{meeting}</a>
            </p>
            <article class="share__remark">
                {remark.speaker.map(|s| view! { <h1 class="share__speaker">{s}</h1> })}
                <blockquote class="share__quote" lang="ja">
                    {remark.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                </blockquote>
                <p class="share__context">
                    <a href=in_context data-share-target>
                        <BothLanguages ja="会議録の中で読む" en="Read it in the minutes" />
                    </a>
                </p>
            </article>
        </main>
    }
}

/// The host's page for an address that names nothing (`404.html`), linking to `index`.
/// Both languages at once: it runs no app, so there is no switch.
#[component]
pub fn NotFoundPage(index: String) -> impl IntoView {
    view! {
        <main class="share" data-not-found>
            <h1>
                <span lang="ja">"このリンクが指すものはここにありません"</span>
                <br />
                <span lang="en">"This link names nothing here"</span>
            </h1>
            <p>
                <a href=index data-index-link>
                    <BothLanguages ja="会合一覧へ" en="All meetings" />
                </a>
            </p>
        </main>
    }
}

/// One phrase in Japanese and in English, for pages with no language switch.
#[component]
fn BothLanguages(ja: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <span lang="ja">{ja}</span>
        " · "
        <span lang="en">{en}</span>
    }
}

/// A page with no app: `head` (after the charset, viewport and CSP) and the rendered
/// `view`, with `share.js` from the site's root when `script` is set.
fn plain_page(root: &str, template: &Template, head: &str, view: &str, script: bool) -> String {
    let links = template.plain_head_links(root);
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
pub(super) fn share_page(
    template: &Template,
    minutes: &Minutes,
    remark: Remark,
    origin: Option<&str>,
    with_card: bool,
) -> String {
    let title = title(minutes, &remark);
    let quote = excerpt(&remark.paragraphs.join(""), EXCERPT_CHARS);
    // The page's address from the site's root: its folder.
    let path = Route::Share {
        meeting: &minutes.id,
        remark: &remark.id,
    }
    .href("");
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
    let meeting = meeting_line(minutes);
    if with_card {
        // Absolute where the origin is known, as Open Graph asks; else from the page,
        // which previewers that resolve relative addresses still follow.
        let image = match origin {
            Some(origin) => format!(
                "{origin}{}",
                Route::Card {
                    meeting: &minutes.id
                }
                .file()
            ),
            None => format!(
                "../../../{}",
                Route::Card {
                    meeting: &minutes.id
                }
                .file()
            ),
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
pub(super) fn not_found_page(template: &Template, origin: Option<&str>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_remark_is_cut_after_its_last_clause_within_the_limit() {
        let text = format!(
            "{}。{}、{}",
            "あ".repeat(70),
            "い".repeat(30),
            "う".repeat(40)
        );
        let cut = excerpt(&text, EXCERPT_CHARS);
        assert_eq!(cut, format!("{}。{}、…", "あ".repeat(70), "い".repeat(30)));
    }

    #[test]
    fn a_remark_that_fits_is_quoted_whole_without_an_ellipsis() {
        assert_eq!(excerpt(" 短い発言。 ", EXCERPT_CHARS), "短い発言。");
    }

    #[test]
    fn text_with_no_boundary_early_enough_is_cut_at_the_limit() {
        let text = format!("あ、{}", "い".repeat(200));
        assert_eq!(excerpt(&text, 10), format!("あ、{}…", "い".repeat(8)));
    }

    #[test]
    fn every_speech_and_paragraph_of_the_seed_is_shareable_with_its_speaker() {
        let minutes: Minutes =
            serde_json::from_str(include_str!("../../data/minutes/cshq-001.json")).unwrap();
        let remarks = remarks(&minutes);
        let speeches: Vec<_> = minutes.speeches().collect();
        let paragraphs = minutes.paragraphs().count();
        assert_eq!(remarks.len(), speeches.len() + paragraphs);
        let murai = remarks
            .iter()
            .find(|r| r.id.contains("murai-jun") && !r.id.contains("-p"))
            .unwrap();
        assert_eq!(
            murai.speaker.as_deref(),
            Some("村井 純（慶應義塾大学教授）")
        );
        assert_eq!(
            title(&minutes, murai),
            "村井 純（慶應義塾大学教授）— サイバーセキュリティ戦略本部 第1回会合（2015年2月10日）"
        );
    }
}
