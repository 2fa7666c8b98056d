//! The series index: the meetings, newest first, a page of them at a time, and one search
//! over all of them.

use leptos::prelude::*;
use minutes_core::series::MeetingSummary;

use crate::components::language_switch::LanguageSwitch;
use crate::components::pager::PagerNav;
use crate::components::series_search_panel::SeriesSearchPanel;
use crate::format;
use crate::route::Route;
use crate::series_search::{SeriesQuery, is_series_query};
use crate::site::IndexData;
use crate::state::site::use_site;
use crate::web::browser;

/// The index page: header, search, and the list of meetings.
#[component]
pub fn IndexPage(
    /// What the page shows: the body, this page's meetings, the search's choices, what
    /// keeping the series offline stores (offered on the first page).
    page: IndexData,
) -> impl IntoView {
    let IndexData {
        body,
        meetings,
        total,
        pager,
        choices,
        offline_bytes,
    } = page;
    let site = use_site();
    let language = site.language;
    let hrefs = (1..=pager.pages)
        .map(|n| Route::Index { page: n }.href(site.root))
        .collect();
    // A search's results take the list's place: the page is then the results alone, and
    // typing does not lay out fifty meetings below them again at every keystroke.
    let searching = Memo::new(move |_| {
        site.location
            .search
            .with(|s| is_series_query(s) && SeriesQuery::parse(s).is_search())
    });
    view! {
        <a class="skip-link" href="#meetings">{language.text(|t| t.skip_link)}</a>
        <header class="meeting-header series-header">
            <LanguageSwitch language=language choose=Callback::new(move |lang| site.choose_lang(lang)) />
            <p class="meeting-header__body" lang="ja">{body}</p>
            <h1 class="meeting-header__title">{language.text(|t| t.series_title)}</h1>
        </header>
        <main class="series" id="main">
            <SeriesSearchPanel choices />
            {(pager.page == 1).then(|| view! { <KeepOffline bytes=offline_bytes /> })}
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
        <li class="meeting-item" data-meeting-item=id data-written=written.then_some("")>
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

/// "Keep the whole series offline": one button that says beforehand what it stores, then
/// how far it has got.
#[component]
fn KeepOffline(bytes: usize) -> impl IntoView {
    let language = use_site().language;
    let state = RwSignal::new(None::<browser::Keeping>);
    let keep = move |_| {
        state.set(Some(browser::Keeping::Step { kept: 0, total: 0 }));
        browser::keep_series(move |k| state.set(Some(k)));
    };
    let size = format::size(bytes);
    view! {
        <section class="keep-offline" aria-label=language.text(|t| t.kept_offline)>
            <button
                type="button"
                data-keep-offline
                data-bytes=bytes
                disabled=move || matches!(state.get(), Some(browser::Keeping::Step { .. }))
                on:click=keep
            >
                {move || (language.t().keep_offline)(&size)}
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
                        Some(browser::Keeping::Done) => t.kept_offline.to_owned(),
                        Some(browser::Keeping::Failed) => t.keep_offline_failed.to_owned(),
                    }
                }}
            </p>
        </section>
    }
}
