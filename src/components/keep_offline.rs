//! "Keep offline": the one body of the site, one body of several, or every body.

use leptos::prelude::*;

use crate::format;
use crate::i18n::Texts;
use crate::state::site::use_site;
use crate::web::browser;

/// What a "keep offline" button keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    /// The one body of the site: everything.
    Series,
    /// Every body of a site of several.
    Everything,
    /// One body (its slug), and what every body shares.
    Body(String),
}

/// "Keep the whole series offline": one button that says beforehand what it stores, then
/// how far it has got.
#[component]
pub fn KeepOffline(
    /// What it keeps.
    keep: Keep,
    /// How many bytes that is.
    bytes: usize,
) -> impl IntoView {
    let language = use_site().language;
    let state = RwSignal::new(None::<browser::Keeping>);
    let body = match &keep {
        Keep::Body(slug) => Some(slug.clone()),
        Keep::Series | Keep::Everything => None,
    };
    let label: fn(&Texts) -> fn(&str) -> String = match keep {
        Keep::Series => |t| t.keep_offline,
        Keep::Everything => |t| t.keep_everything_offline,
        Keep::Body(_) => |t| t.keep_body_offline,
    };
    let done: fn(&Texts) -> &'static str = match keep {
        Keep::Series | Keep::Everything => |t| t.kept_offline,
        Keep::Body(_) => |t| t.kept_body_offline,
    };
    let keeping = body.clone();
    let on_keep = move |_| {
        state.set(Some(browser::Keeping::Step { kept: 0, total: 0 }));
        browser::keep_series(keeping.clone(), move |k| state.set(Some(k)));
    };
    let size = format::size(bytes);
    let offer = size.clone();
    view! {
        <section class="keep-offline" aria-label=move || (label(language.t()))(&offer)>
            <button
                type="button"
                data-keep-offline=body.unwrap_or_default()
                data-bytes=bytes
                disabled=move || matches!(state.get(), Some(browser::Keeping::Step { .. }))
                on:click=on_keep
            >
                {move || (label(language.t()))(&size)}
            </button>
            <p role="status" data-keep-status=move || match state.get() {
                None => "",
                Some(browser::Keeping::Step { .. }) => "keeping",
                Some(browser::Keeping::Done) => "done",
                Some(browser::Keeping::Failed) => "failed",
            }>
                {move || {
                    let t = language.t();
                    match state.get() {
                        None => String::new(),
                        Some(browser::Keeping::Step { kept, total }) => (t.keeping_offline)(kept, total),
                        Some(browser::Keeping::Done) => done(t).to_owned(),
                        Some(browser::Keeping::Failed) => t.keep_offline_failed.to_owned(),
                    }
                }}
            </p>
        </section>
    }
}
