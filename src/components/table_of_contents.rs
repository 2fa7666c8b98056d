//! The table of contents: every section, and under it every speaker, as in-page links.

use leptos::prelude::*;

use crate::state::use_meeting;
use crate::web::browser;
use minutes_core::{Block, Minutes};

/// Links to each section and speech. Plain fragment links: they jump without script and
/// keep working when copied.
#[component]
pub fn TableOfContents(
    /// The minutes to list.
    minutes: &'static Minutes,
) -> impl IntoView {
    let meeting = use_meeting();
    view! {
        <nav class="toc" data-toc aria-labelledby="toc-heading" on:click=fold_tools_on_phone>
            <div>
                <h2 id="toc-heading">{meeting.text(|t| t.contents)}</h2>
                <ol>
                    <li>
                        <a href="#attendees">{meeting.text(|t| t.attendees)}</a>
                    </li>
                    {minutes
                        .sections
                        .iter()
                        .map(|section| {
                            let speeches: Vec<_> = section
                                .blocks
                                .iter()
                                .filter_map(|b| match b {
                                    Block::Speech(s) => Some(s),
                                    _ => None,
                                })
                                .collect();
                            // A section that is one speech (the opening address) needs no
                            // sub-list: its title already names the speaker.
                            let sub = (speeches.len() > 1)
                                .then(|| {
                                    view! {
                                        <ol>
                                            {speeches
                                                .into_iter()
                                                .map(|s| {
                                                    let speaker = s
                                                        .speaker
                                                        .as_deref()
                                                        .and_then(|id| minutes.attendee(id));
                                                    let name = move || match speaker {
                                                        Some(a) => meeting.language.lang.get().name(a),
                                                        None => s.designation.clone(),
                                                    };
                                                    view! {
                                                        <li>
                                                            <a href=format!("#{}", s.id)>{name}</a>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ol>
                                    }
                                });
                            view! {
                                <li>
                                    <a href=format!("#{}", section.id) lang="ja">
                                        {format!("({}) {}", section.number, section.title)}
                                    </a>
                                    {sub}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        </nav>
    }
}

/// On a phone the contents live in a fold over the page; once a link is chosen, close the
/// fold so the reader sees where the link went.
fn fold_tools_on_phone(e: leptos::ev::MouseEvent) {
    if browser::is_wide_screen() {
        return;
    }
    let Some(target) = e
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return;
    };
    if target.closest("a").ok().flatten().is_none() {
        return;
    }
    if let Some(details) = target.closest("details").ok().flatten() {
        let _ = details.remove_attribute("open");
    }
}
