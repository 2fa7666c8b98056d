//! The root of a site of several bodies: one search over all of them, and the bodies,
//! each with its years, its meetings, its latest and the bodies it follows or precedes.

use leptos::prelude::*;

use crate::components::body_links::{BodyName, BodyRelations};
use crate::components::keep_offline::{Keep, KeepOffline};
use crate::components::language_switch::LanguageSwitch;
use crate::components::series_search_panel::{SeriesSearchPanel, searching};
use crate::format;
use crate::route::Route;

use crate::site::{Bodies, BodyEntry, HomeData};
use crate::state::site::use_site;

/// The root: header, search, keeping offline, and the bodies.
#[component]
pub fn HomePage(
    /// What the page shows.
    page: HomeData,
) -> impl IntoView {
    let HomeData {
        bodies,
        total,
        choices,
        offline_bytes,
    } = page;
    let site = use_site();
    let language = site.language;
    let searching = searching(site.location);
    let on_site: Vec<BodyEntry> = bodies
        .entries
        .iter()
        .filter(|e| e.meetings > 0)
        .cloned()
        .collect();
    let count = on_site.len();
    view! {
        <a class="skip-link" href="#bodies">{language.text(|t| t.skip_link)}</a>
        <header class="meeting-header series-header">
            <LanguageSwitch language=language choose=Callback::new(move |lang| site.choose_lang(lang)) />
            <h1 class="meeting-header__title">{language.text(|t| t.site_title)}</h1>
        </header>
        <main class="series" id="main">
            <SeriesSearchPanel choices />
            <KeepOffline keep=Keep::Everything bytes=offline_bytes />
            <section class="body-list" id="bodies" tabindex="-1" aria-labelledby="bodies-heading" hidden=move || searching.get()>
                <h2 id="bodies-heading">{move || (language.t().bodies_heading)(count, total)}</h2>
                <ol class="body-list__items">
                    {on_site.into_iter().map(|entry| view! { <BodyItem entry bodies=bodies.clone() /> }).collect_view()}
                </ol>
            </section>
        </main>
    }
}

/// One body: name and years, meetings, the latest, predecessor and successor.
#[component]
fn BodyItem(entry: BodyEntry, bodies: Bodies) -> impl IntoView {
    let site = use_site();
    let language = site.language;
    let root = site.root;
    let slug = entry.body.slug.clone();
    let href = bodies.href(&slug, root);
    let meetings = entry.meetings;
    let latest = entry.latest.map(|m| {
        let href = Route::Meeting { id: &m.id }.href(root);
        view! {
            " · "
            <span>{language.text(|t| t.latest_meeting)} " "</span>
            <a href=href data-meeting=m.id.clone()>
                {move || {
                    let lang = language.lang.get();
                    format!("{} {}", (lang.texts().meeting_number)(m.number), format::date(&m.date, lang))
                }}
            </a>
        }
    });
    view! {
        <li class="body-item" data-body-item=slug>
            <h3 class="body-item__name"><BodyName body=entry.body.clone() href language /></h3>
            <p class="body-item__facts">
                <span data-body-meetings=meetings>{move || (language.t().body_meetings)(meetings)}</span>
                {latest}
            </p>
            <BodyRelations body=entry.body bodies root language />
        </li>
    }
}
