//! "Copy link" and "copy citation", with a visible confirmation: a pair in each remark's
//! header, and one pair for the paragraphs that moves to the paragraph being read.

use leptos::prelude::*;
use leptos::task::spawn_local;
use minutes_core::{Block, Minutes, Paragraph, Speech};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format::citation;
use crate::i18n::Texts;
use crate::state::use_meeting;
use crate::web::browser;

/// What a pair of copy buttons copies: the permalink of a remark or of one paragraph,
/// and a citation of it.
#[derive(Clone, Copy, PartialEq)]
pub struct Quotable {
    /// The id the permalink points at.
    pub id: &'static str,
    /// The remark, or the one the paragraph belongs to (`None` for the narrative).
    pub speech: Option<&'static Speech>,
    /// The paragraph, when only it is quoted.
    pub paragraph: Option<&'static Paragraph>,
}

impl Quotable {
    /// The paragraph with permalink id `id`, with its remark.
    pub fn paragraph(minutes: &'static Minutes, id: &str) -> Option<Quotable> {
        minutes
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|block| {
                let (speech, p) = match block {
                    Block::Speech(s) => (Some(s), s.paragraphs.iter().find(|p| p.id == id)?),
                    Block::Narrative(p) if p.id == id => (None, p),
                    _ => return None,
                };
                Some(Quotable {
                    id: &p.id,
                    speech,
                    paragraph: Some(p),
                })
            })
    }
}

/// What a pair of buttons last said: which target's link or citation it copied, and how
/// that went.
#[derive(Clone, Copy, PartialEq)]
struct Said {
    id: &'static str,
    citing: bool,
    message: &'static str,
}

/// Two buttons that copy the permalink of `target`, or a citation of it.
#[component]
pub fn CopyButtons(
    /// What to copy (nothing while `None`).
    target: Signal<Option<Quotable>>,
) -> impl IntoView {
    let meeting = use_meeting();
    // What the last copy said, shown in the pressed button for a few seconds; screen
    // readers hear it from the page's one status region (`browser::announce`), not from a
    // live region per paragraph. It names the target it was said of, so a pair that moves
    // to another paragraph starts afresh.
    let said = RwSignal::new(None::<Said>);
    let shown = move |citing: bool| {
        let id = target.with(|q| q.map(|q| q.id));
        said.with(|s| {
            s.filter(|s| s.citing == citing && Some(s.id) == id)
                .map(|s| s.message)
        })
    };
    let copy = move |citing: bool| {
        let Some(q) = target.get_untracked() else {
            return;
        };
        let lang = meeting.language.lang.get_untracked();
        let url = browser::permalink(q.id, lang);
        let (text, done): (_, fn(&Texts) -> &'static str) = if citing {
            let text = citation(meeting.minutes, q.speech, q.paragraph, &url, lang);
            (text, |t| t.copied_citation)
        } else {
            (url, |t| t.copied_link)
        };
        spawn_local(async move {
            let ok = write_clipboard(&text).await;
            let t = meeting.language.lang.get_untracked().texts();
            let message = if ok { done(t) } else { t.copy_failed };
            let now = Said {
                id: q.id,
                citing,
                message,
            };
            said.set(Some(now));
            browser::announce(message);
            // Unless a later copy has said something since.
            set_timeout(
                move || {
                    if said.get_untracked() == Some(now) {
                        said.set(None);
                    }
                },
                std::time::Duration::from_secs(3),
            );
        });
    };
    let of_paragraph = move || target.with(|q| q.is_some_and(|q| q.paragraph.is_some()));
    // The words a button shows are its whole name, so that a reader who says what they
    // see ("click Cite") reaches it (WCAG 2.5.3); what it copies, and of what, is its
    // description, and a tooltip.
    view! {
        <button
            type="button"
            class="copy-button"
            data-copy="link"
            title=move || {
                let t = meeting.t();
                if of_paragraph() { t.copy_link_paragraph } else { t.copy_link_speech }
            }
            on:click=move |_| copy(false)
        >
            {move || shown(false).unwrap_or_else(|| meeting.t().copy_link)}
        </button>
        <button
            type="button"
            class="copy-button"
            data-copy="citation"
            title=move || {
                let t = meeting.t();
                if of_paragraph() { t.copy_citation_paragraph } else { t.copy_citation_speech }
            }
            on:click=move |_| copy(true)
        >
            {move || shown(true).unwrap_or_else(|| meeting.t().copy_citation)}
        </button>
    }
}

/// The copy buttons of the paragraphs: one pair for the page, which moves into the
/// paragraph under the pointer (wide screens) or with the focus (a tap, or Tab: each
/// paragraph is focusable). Beside every paragraph they were three fifths of the page's
/// elements, and a search spent its time taking apart and rebuilding their boxes.
#[component]
pub fn ParagraphCopyButtons() -> impl IntoView {
    let meeting = use_meeting();
    let minutes = meeting.minutes;
    let tools = NodeRef::<leptos::html::Span>::new();
    let target = RwSignal::new(None::<Quotable>);
    let follow = move |e: &web_sys::Event, hovering: bool| {
        let Some(tools) = tools.get_untracked() else {
            return;
        };
        let Some(host) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".paragraph[data-paragraph]").ok().flatten())
        else {
            return;
        };
        if tools.parent_element().as_ref() == Some(&host) {
            return;
        }
        // On a narrow screen the buttons take a line of their own under the paragraph:
        // following the pointer would make the text below jump. And the pointer passing
        // by does not take the buttons from a keyboard user.
        if hovering && (!browser::is_wide_screen() || browser::focus_visible_within(&tools)) {
            return;
        }
        let Some(q) = host
            .get_attribute("data-paragraph")
            .and_then(|id| Quotable::paragraph(minutes, &id))
        else {
            return;
        };
        // The remark holding the pair is drawn in full (main.css), or its box would clip
        // the pair in the margin.
        let speech_of = |el: Option<web_sys::Element>| el?.closest("article.speech").ok()?;
        if let Some(old) = speech_of(tools.parent_element()) {
            let _ = old.remove_attribute("data-pair");
        }
        if let Some(new) = speech_of(Some(host.clone())) {
            let _ = new.set_attribute("data-pair", "");
        }
        let _ = host.append_child(&tools);
        tools.set_hidden(false);
        target.set(Some(q));
    };
    let hover = window_event_listener(leptos::ev::mouseover, move |e| follow(&e, true));
    let focus = window_event_listener(leptos::ev::focusin, move |e| follow(&e, false));
    on_cleanup(move || {
        hover.remove();
        focus.remove();
    });
    view! {
        <span class="copy-buttons copy-buttons--paragraph" data-copy-buttons node_ref=tools hidden>
            <CopyButtons target=target.into() />
        </span>
    }
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}
