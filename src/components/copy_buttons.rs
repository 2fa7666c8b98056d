//! "Copy link" and "copy citation", with a visible confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::i18n::Texts;
use crate::state::use_view;

/// Two buttons that copy the permalink of `id`, or a citation built from it.
#[component]
pub fn CopyButtons(
    /// The id the permalink points at.
    id: &'static str,
    /// The citation for a given permalink URL.
    citation: Callback<String, String>,
    /// Whether `id` is a paragraph (else a whole speech), for screen readers.
    #[prop(optional)]
    paragraph: bool,
) -> impl IntoView {
    let view = use_view();
    // What the last copy said, shown in the pressed button for a few seconds; screen
    // readers hear it from the page's one status region (`browser::announce`), not from a
    // live region per paragraph.
    let link_done = RwSignal::new(None::<&'static str>);
    let cite_done = RwSignal::new(None::<&'static str>);
    let copy = move |text: String,
                     shown: RwSignal<Option<&'static str>>,
                     done: fn(&Texts) -> &'static str| {
        spawn_local(async move {
            let ok = write_clipboard(&text).await;
            let t = view.lang.get_untracked().texts();
            let message = if ok { done(t) } else { t.copy_failed };
            shown.set(Some(message));
            browser::announce(message);
            set_timeout(move || shown.set(None), std::time::Duration::from_secs(3));
        });
    };
    view! {
        <span class="copy-buttons">
            <button
                type="button"
                class="copy-button"
                data-copy="link"
                aria-label=move || {
                    let t = view.t();
                    if paragraph { t.copy_link_paragraph } else { t.copy_link_speech }
                }
                on:click=move |_| copy(permalink(id), link_done, |t| t.copied_link)
            >
                {move || link_done.get().unwrap_or_else(|| view.t().copy_link)}
            </button>
            <button
                type="button"
                class="copy-button"
                data-copy="citation"
                aria-label=move || {
                    let t = view.t();
                    if paragraph { t.copy_citation_paragraph } else { t.copy_citation_speech }
                }
                on:click=move |_| copy(citation.run(permalink(id)), cite_done, |t| t.copied_citation)
            >
                {move || cite_done.get().unwrap_or_else(|| view.t().copy_citation)}
            </button>
        </span>
    }
}

/// The address that opens exactly `id`: this page without filters, and the fragment.
pub fn permalink(id: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    format!("{origin}{path}#{id}")
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}
