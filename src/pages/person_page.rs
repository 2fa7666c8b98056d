//! A person across the series: roles and offices with their meetings, topics, remarks
//! per year, and every remark with its meeting, date and permalink.

use leptos::prelude::*;
use minutes_core::series::MeetingLink;

use crate::components::pager::PagerNav;

use crate::components::body_links::{BodyName, body_name};
use crate::components::language_switch::LanguageSwitch;
use crate::components::meeting_stats::{Bar, BarChart};
use crate::format;
use crate::i18n::Lang;
use crate::route::Route;
use crate::site::PersonData;
use crate::state::site::use_site;

/// The person page.
#[component]
pub fn PersonPage(
    /// What the page shows: the body, the person with this page's remarks, which page of
    /// their remarks this is.
    page: PersonData,
) -> impl IntoView {
    let PersonData {
        person,
        pager,
        bodies,
    } = page;
    let several = bodies.several;
    let site = use_site();
    let language = site.language;
    let root = site.root;
    let name = StoredValue::new(person.name.clone());
    let reading = person.reading.clone();
    let remark_count: usize = person.by_year.iter().map(|y| y.remarks).sum();
    let first_page = Route::Person {
        id: &person.name.id,
        page: 1,
    }
    .href(root);
    let hrefs = (1..=pager.pages)
        .map(|n| {
            Route::Person {
                id: &person.name.id,
                page: n,
            }
            .href(root)
        })
        .collect();
    let topics = StoredValue::new(person.topics.clone());
    let by_year = StoredValue::new(person.by_year.clone());
    let link = move |m: &MeetingLink| {
        let href = Route::Meeting { id: &m.id }.href(root);
        let m = m.clone();
        view! {
            <a href=href data-meeting-link=m.id.clone()>
                {move || {
                    let lang = language.lang.get();
                    format!("{} {}", (lang.texts().meeting_number)(m.number), format::short_date(&m.date, lang))
                }}
            </a>
        }
    };
    // A remark's body, on a site of several: its meeting's number is the body's own.
    let names = StoredValue::new(bodies.clone());
    let body_of = move |slug: String| {
        several.then(|| {
            let attr = slug.clone();
            view! {
                <span class="person-remark__body" data-remark-body=attr>
                    {move || names.with_value(|b| b.get(&slug).map(|e| body_name(&e.body, language.lang.get())).unwrap_or_default())}
                </span>
                " "
            }
        })
    };
    let role_view = move |r: &minutes_core::series::PersonRole| {
        let role = StoredValue::new((r.role.clone(), r.role_en.clone(), r.offices.clone()));
        let attended = r.attended;
        view! {
            <li class="person-role" data-person-role data-body=r.body.clone()>
                <p class="person-role__name">
                    {move || role.with_value(|(ja, en, offices)| {
                        let lang = language.lang.get();
                        let role = match (lang, en) {
                            (Lang::En, Some(en)) => en.clone(),
                            _ => ja.clone(),
                        };
                        let offices: Vec<String> = offices.iter().map(|o| lang.office(&o.name)).collect();
                        if offices.is_empty() { role } else { format!("{role} — {}", offices.join(", ")) }
                    })}
                </p>
                <p class="person-role__meetings">
                    <span>{move || (language.t().meetings_attended)(attended)}</span>
                    " "
                    {r.runs.iter().map(|run| view! {
                        <span class="person-role__run">
                            {link(&run.first)}
                            {(run.meetings > 1).then(|| view! { "–" {link(&run.last)} })}
                        </span>
                        " "
                    }).collect_view()}
                </p>
            </li>
        }
    };
    // Each role under its body, the bodies in the order first sat in: one list on a site
    // of one body, as before.
    let groups = several.then(|| {
        person
            .role_bodies()
            .into_iter()
            .map(|slug| {
                let held = person.roles.iter().filter(|r| r.body == slug).map(role_view).collect_view();
                let title = bodies.get(slug).map(|e| {
                    view! { <h3 class="person-body__name"><BodyName body=e.body.clone() href=bodies.href(slug, root) language /></h3> }
                });
                view! {
                    <li class="person-body" data-person-body=slug.to_owned()>
                        {title}
                        <ul class="person-roles" data-person-roles>{held}</ul>
                    </li>
                }
            })
            .collect_view()
    });
    let held = (!several).then(|| person.roles.iter().map(role_view).collect_view());
    // One list either way: of bodies, each with its roles, or of the one body's roles.
    let roles = view! {
        <ul
            class=if several { "person-bodies" } else { "person-roles" }
            data-person-bodies=several.then_some("")
            data-person-roles=(!several).then_some("")
        >
            {groups}
            {held}
        </ul>
    };
    let remarks = person
        .remarks
        .into_iter()
        .map(|r| {
            let page = Route::Meeting { id: &r.meeting.id }.href(root);
            let in_meeting = format!("{page}#{}", r.id);
            let meeting_id = r.meeting.id.clone();
            view! {
                <li class="person-remark" data-person-remark=r.id.clone() data-meeting=meeting_id.clone() id=format!("{}--{}", meeting_id, r.id)>
                    <p class="person-remark__where">
                        {body_of(r.meeting.body.clone())}
                        {link(&r.meeting)}
                        " "
                        <span lang="ja">{format!("（{}）", r.designation)}</span>
                    </p>
                    {r.paragraphs
                        .into_iter()
                        .map(|p| {
                            let href = format!("{page}#{}", p.id);
                            let pid = p.id.clone();
                            view! {
                                <p class="person-remark__text" lang="ja" data-paragraph=p.id.clone()>
                                    {p.text}
                                    " "
                                    <a href=href class="person-remark__permalink" aria-label=move || format!("{} ({})", language.t().read_in_meeting, pid)>"¶"</a>
                                </p>
                            }
                        })
                        .collect_view()}
                    <p class="person-remark__context" data-remark-context>
                        <a href=in_meeting>{language.text(|t| t.read_in_meeting)}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    let charts = move || {
        let lang = language.lang.get();
        let t = lang.texts();
        let years = by_year.get_value();
        let most = years.iter().map(|y| y.remarks).max().unwrap_or(1).max(1) as f64;
        let year_bars = years
            .iter()
            .map(|y| Bar {
                label: y.year.to_string(),
                length: y.remarks as f64 / most,
                value: y.remarks.to_string(),
                group: None,
            })
            .collect();
        let year_rows = years
            .iter()
            .map(|y| vec![y.year.to_string(), y.remarks.to_string()])
            .collect();
        let topics = topics.get_value();
        let most = topics
            .iter()
            .map(|t| t.paragraphs)
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let label = |t: &minutes_core::series::TopicCount| match lang {
            Lang::Ja => t.ja.clone(),
            Lang::En => t.en.clone(),
        };
        let topic_bars = topics
            .iter()
            .map(|tc| Bar {
                label: label(tc),
                length: tc.paragraphs as f64 / most,
                value: tc.paragraphs.to_string(),
                group: None,
            })
            .collect();
        let topic_rows = topics
            .iter()
            .map(|tc| vec![label(tc), tc.paragraphs.to_string()])
            .collect();
        view! {
            <BarChart key="years" title=t.by_year_title bars=year_bars columns=t.year_columns rows=year_rows />
            <BarChart key="person-topics" title=t.person_topics_title bars=topic_bars columns=t.person_topic_columns rows=topic_rows />
        }
    };
    view! {
        <a class="skip-link" href="#remarks">{language.text(|t| t.skip_link)}</a>
        <header class="meeting-header person-header">
            <nav class="series-nav" aria-label=language.text(|t| t.site_nav)>
                <a href=Route::Index { page: 1 }.href(root) data-index-link>
                    {language.text(if several { |t| t.all_bodies } else { |t| t.all_meetings })}
                </a>
            </nav>
            <LanguageSwitch language=language choose=Callback::new(move |lang| site.choose_lang(lang)) />
            {(!several).then(|| view! {
                <p class="meeting-header__body" lang="ja">{bodies.entries.iter().find(|e| e.meetings > 0).map(|e| e.body.name.clone())}</p>
            })}
            <h1 class="meeting-header__title" data-person=name.with_value(|n| n.id.clone())>
                <span lang="ja">{name.with_value(|n| n.name.clone())}</span>
                {move || name.with_value(|n| match (language.lang.get(), &n.latin) {
                    (Lang::En, Some(latin)) => format!(" ({latin})"),
                    _ => String::new(),
                })}
            </h1>
            {reading.map(|r| view! { <p class="person-header__reading" lang="ja">{r}</p> })}
        </header>
        <main class="person" id="main">
            {if pager.page == 1 {
                view! {
                    <section aria-labelledby="roles-heading">
                        <h2 id="roles-heading">{language.text(|t| t.roles_heading)}</h2>
                        {roles}
                    </section>
                    <section class="stats" aria-label=language.text(|t| t.stats_heading)>{charts}</section>
                }
                    .into_any()
            } else {
                view! {
                    <p class="person-first-page">
                        <a href=first_page data-page-step="first">{language.text(|t| t.person_overview)}</a>
                    </p>
                }
                    .into_any()
            }}
            <section class="person-remarks" id="remarks" tabindex="-1" aria-labelledby="remarks-heading">
                <h2 id="remarks-heading">
                    {move || (language.t().person_remarks)(remark_count)}
                    {move || if pager.pages > 1 { (language.t().page_of)(pager.page, pager.pages) } else { String::new() }}
                </h2>
                <ol class="person-remarks__items">{remarks}</ol>
                <PagerNav pager hrefs language />
            </section>
        </main>
    }
}
