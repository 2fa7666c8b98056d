//! The series index: the meetings, newest first, a page of them at a time, and one search
//! over all of them.

use leptos::prelude::*;
use minutes_core::series::MeetingSummary;

use crate::components::body_links::{BodyName, BodyRelations};
use crate::components::keep_offline::{Keep, KeepOffline};
use crate::components::language_switch::LanguageSwitch;
use crate::components::pager::PagerNav;
use crate::components::series_search_panel::{SeriesSearchPanel, searching};
use crate::format;
use crate::route::Route;
use crate::series_search::SeriesQuery;
use crate::site::IndexData;
use crate::state::site::use_site;

/// The index page: header, search, and the list of meetings.
#[component]
pub fn IndexPage(
    /// What the page shows: the body, this page's meetings, the search's choices (on a
    /// site of one body), what keeping the body offline stores (offered on the first page).
    page: IndexData,
) -> impl IntoView {
    let entry = page.entry().cloned();
    let IndexData {
        body,
        bodies,
        meetings,
        total,
        pager,
        choices,
        offline_bytes,
    } = page;
    let site = use_site();
    let language = site.language;
    let hrefs = (1..=pager.pages)
        .map(|n| bodies.index(&body, n).href(site.root))
        .collect();
    let searching = searching(site.location);
    let several = bodies.several;
    // One body: the page is the site's root, as it was before there were several.
    // One element either way, as printed with one body, named as the site lists it with
    // several (the 2015 and the 2025 本部 print the same name).
    let header_body = view! {
        <p class="meeting-header__body" lang=(!several).then_some("ja")>
            {entry.clone().filter(|_| !several).map(|e| e.body.name)}
            {entry.clone().filter(|_| several).map(|e| view! { <BodyName body=e.body href=None language /> })}
        </p>
    };
    let relations = match entry {
        Some(entry) if several => Some(view! {
            <BodyRelations body=entry.body bodies=bodies.clone() root=site.root language />
            <p class="series-header__search">
                <a href=format!("{}{}", Route::Index { page: 1 }.href(site.root), SeriesQuery { bodies: vec![body.clone()], ..SeriesQuery::default() }.to_query()) data-body-search=body.clone()>
                    {language.text(|t| t.search_this_body)}
                </a>
            </p>
        }),
        _ => None,
    };
    let keep = if several {
        Keep::Body(body.clone())
    } else {
        Keep::Series
    };
    view! {
        <a class="skip-link" href="#meetings">{language.text(|t| t.skip_link)}</a>
        <header class="meeting-header series-header">
            {several.then(|| view! {
                <nav class="series-nav" aria-label=language.text(|t| t.site_nav)>
                    <a href=Route::Index { page: 1 }.href(site.root) data-index-link>{language.text(|t| t.all_bodies)}</a>
                </nav>
            })}
            <LanguageSwitch language=language choose=Callback::new(move |lang| site.choose_lang(lang)) />
            {header_body}
            <h1 class="meeting-header__title">{language.text(|t| t.series_title)}</h1>
            {relations}
        </header>
        <main class="series" id="main">
            {(!several).then(|| view! { <SeriesSearchPanel choices /> })}
            {(pager.page == 1).then(|| view! { <KeepOffline keep bytes=offline_bytes /> })}
            <section class="meeting-list" id="meetings" tabindex="-1" aria-labelledby="meetings-heading" hidden=move || searching.get()>
                <h2 id="meetings-heading">
                    {move || (language.t().meetings_heading)(total)}
                    {move || if pager.pages > 1 { (language.t().page_of)(pager.page, pager.pages) } else { String::new() }}
                </h2>
                <ol class="meeting-list__items">
                    {meetings.into_iter().map(|m| view! { <MeetingItem meeting=m /> }).collect_view()}
                </ol>
                <PagerNav pager hrefs language />
            </section>
        </main>
    }
}

/// One meeting in the list: number, date, kind, remarks, speakers and topics.
#[component]
fn MeetingItem(meeting: MeetingSummary) -> impl IntoView {
    let site = use_site();
    let language = site.language;
    let root = site.root;
    let href = Route::Meeting { id: &meeting.id }.href(root);
    let id = meeting.id.clone();
    let date = StoredValue::new(meeting.date.clone());
    let number = meeting.number;
    let (written, remarks) = (meeting.written, meeting.remarks);
    let speakers = meeting
        .speakers
        .into_iter()
        .map(|p| {
            let href = Route::Person { id: &p.id, page: 1 }.href(root);
            let name = StoredValue::new((p.name, p.latin));
            view! {
                <li>
                    <a href=href data-person=p.id>
                        {move || name.with_value(|(ja, latin)| match (language.lang.get(), latin) {
                            (crate::i18n::Lang::En, Some(latin)) => latin.clone(),
                            _ => ja.clone(),
                        })}
                    </a>
                </li>
            }
        })
        .collect_view();
    let topics = meeting
        .topics
        .into_iter()
        .map(|t| {
            let labels = StoredValue::new((t.ja, t.en));
            view! {
                <li class="topic-tag" data-topic=t.id>
                    {move || labels.with_value(|(ja, en)| match language.lang.get() {
                        crate::i18n::Lang::Ja => ja.clone(),
                        crate::i18n::Lang::En => en.clone(),
                    })}
                    <span class="topic-tag__count">{t.paragraphs}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="meeting-item" data-meeting-item=id data-body=meeting.body data-written=written.then_some("")>
            <h3 class="meeting-item__title">
                <a href=href data-meeting=meeting.id>
                    <span class="meeting-item__number">{move || (language.t().meeting_number)(number)}</span>
                    " "
                    <time datetime=date.with_value(|d| d.date.clone())>
                        {move || date.with_value(|d| format::date(d, language.lang.get()))}
                    </time>
                </a>
            </h3>
            <p class="meeting-item__facts">
                <span class="kind-badge" data-kind=if written { "written" } else { "meeting" }>
                    {move || if written { language.t().kind_written } else { language.t().kind_meeting }}
                </span>
                " "
                <span data-remarks=remarks>
                    {move || if written && remarks == 0 {
                        language.t().no_remarks.to_owned()
                    } else {
                        (language.t().remarks_count)(remarks)
                    }}
                </span>
            </p>
            <ul class="meeting-item__speakers" aria-label=language.text(|t| t.speakers)>{speakers}</ul>
            <ul class="meeting-item__topics" aria-label=language.text(|t| t.topics)>{topics}</ul>
        </li>
    }
}
