//! The meeting's title block: body, meeting, date, time and place, the published original
//! (出典) when the minutes name it, and the switch between the Japanese and English
//! interface, with links to the series index and the meetings either side.

use leptos::prelude::*;
use minutes_core::Minutes;
use minutes_core::series::Neighbours;

use crate::components::body_links::BodyName;
use crate::components::language_switch::LanguageSwitch;
use crate::components::series_nav::SeriesNav;
use crate::format::{date, source_url, time_span};
use crate::route::MEETING_ROOT as ROOT;
use crate::site::Bodies;
use crate::state::use_meeting;
use crate::web::hydration;

/// The banner at the top of the page. The title is the document's own, so it stays in
/// Japanese (and says so with `lang`) whatever the interface language.
#[component]
pub fn MeetingHeader(
    /// The minutes whose header to show.
    minutes: &'static Minutes,
    /// The meetings either side, linked from the header (none given: only the index).
    #[prop(optional)]
    neighbours: Neighbours,
    /// Its body and those it names (none given: a site of one body).
    #[prop(optional)]
    bodies: Bodies,
) -> impl IntoView {
    let meeting = use_meeting();
    let when = &minutes.date;
    // Hydrated after the page's first pass (`hydration`), as one slice.
    let host = NodeRef::new();
    let inner = hydration::later(
        host,
        vec![hydration::child(move || {
            // On a site of several bodies the body is named as the site lists it, with its
            // years, and links to its index: the 2015 and the 2025 本部 print the same name.
            let listed = bodies.get(minutes.body_slug()).filter(|_| bodies.several);
            view! {
                <SeriesNav neighbours=neighbours index=bodies.index(minutes.body_slug(), 1).href(ROOT) />
                <LanguageSwitch language=meeting.language choose=Callback::new(move |lang| meeting.choose_lang(lang)) />
                <p class="meeting-header__body" lang=listed.is_none().then_some("ja")>
                    {listed.is_none().then(|| minutes.body.clone())}
                    {listed.map(|entry| view! {
                        <BodyName body=entry.body.clone() href=bodies.href(&entry.body.slug, ROOT) language=meeting.language />
                    })}
                </p>
                <h1 class="meeting-header__title" lang="ja">{minutes.title.clone()}</h1>
                <dl class="meeting-header__facts" data-meeting-facts>
                    <div>
                        <dt>{meeting.text(|t| t.date)}</dt>
                        <dd>
                            <time datetime=when.start.clone().unwrap_or_else(|| when.date.clone())>
                                {move || {
                                    let lang = meeting.language.lang.get();
                                    let span = time_span(when, lang).map(|t| format!(" {t}")).unwrap_or_default();
                                    format!("{}{span}", date(when, lang))
                                }}
                            </time>
                        </dd>
                    </div>
                    <div>
                        <dt>{meeting.text(|t| t.place)}</dt>
                        <dd lang="ja">{minutes.place.clone()}</dd>
                    </div>
                    {source_url(minutes).map(|url| view! {
                        <div>
                            <dt>{meeting.text(|t| t.source)}</dt>
                            <dd>
                                <a href=url.to_owned() rel="noopener" data-source>{url.to_owned()}</a>
                            </dd>
                        </div>
                    })}
                </dl>
            }
        })],
    );
    view! { <header class="meeting-header" data-meeting-header node_ref=host inner_html=inner></header> }
}
