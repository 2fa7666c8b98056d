//! A meeting page's links out: its body's index and the meetings held either side, in
//! its body.

use leptos::prelude::*;
use minutes_core::series::{MeetingLink, Neighbours};

use crate::format;
use crate::route::{MEETING_ROOT as ROOT, Route};
use crate::state::use_meeting;

/// 会合一覧 · ← 前の会合 · 次の会合 →
#[component]
pub fn SeriesNav(
    /// The meetings either side.
    neighbours: Neighbours,
    /// The link to the body's index (the root, on a site of one body).
    index: String,
) -> impl IntoView {
    let meeting = use_meeting();
    let link = move |to: Option<MeetingLink>,
                     rel: &'static str,
                     label: fn(&crate::i18n::Texts) -> &'static str| {
        to.map(|m| {
            let href = Route::Meeting { id: &m.id }.href(ROOT);
            view! {
                <a href=href rel=rel data-neighbour=rel>
                    <span class="series-nav__label">{meeting.text(label)}</span>
                    " "
                    <span class="series-nav__which">
                        {move || {
                            let lang = meeting.language.lang.get();
                            format!("{} {}", (lang.texts().meeting_number)(m.number), format::short_date(&m.date, lang))
                        }}
                    </span>
                </a>
            }
        })
    };
    view! {
        <nav class="series-nav" aria-label=meeting.text(|t| t.site_nav)>
            <a href=index data-index-link>{meeting.text(|t| t.all_meetings)}</a>
            {link(neighbours.previous, "prev", |t| t.previous_meeting)}
            {link(neighbours.next, "next", |t| t.next_meeting)}
        </nav>
    }
}
