//! The index's search over every meeting: words, speaker, topic, bodies and years, all in
//! the address (`?scope=series&q=…&body=…`), with results grouped by meeting, newest first.
//!
//! Nothing of the index is in the page: the first search downloads its table of contents
//! and the shards its words need, then the minutes of the newest meetings that may match,
//! a few at a time (`series_search`). Each is downloaded once per page.

use std::rc::Rc;

use leptos::prelude::*;

use crate::components::body_links::body_name;
use crate::format;
use crate::i18n::Lang;
use crate::query::encode;
use crate::route::Route;
use crate::series_client::{Client, Group, Results};
use crate::series_search::{SeriesQuery, is_series_query};
use crate::site::SearchChoices;
use crate::state::site::use_site;
use crate::web::location::Location;

/// Where a search stands.
#[derive(Clone, Default, PartialEq)]
enum Status {
    /// Nothing asked.
    #[default]
    Idle,
    /// Downloading or matching.
    Searching,
    /// Done: the results so far.
    Done(Results),
    /// The index or a meeting could not be downloaded.
    Failed(String),
}

/// Whether the address asks for a series search: then its results take the place of the
/// page's list (the meetings, the bodies), and typing does not lay that list out again at
/// every keystroke.
pub fn searching(location: Location) -> Memo<bool> {
    Memo::new(move |_| {
        location
            .search
            .with(|s| is_series_query(s) && SeriesQuery::parse(s).is_search())
    })
}

/// The search form and its results.
#[component]
pub fn SeriesSearchPanel(
    /// The speaker, topic and year choices.
    choices: SearchChoices,
) -> impl IntoView {
    let site = use_site();
    let language = site.language;
    let location = site.location;
    let root = site.root;
    // The page's one client, so that what a search downloads serves the next.
    let client = StoredValue::new_local(Rc::new(Client::new(root, |url: String| async move {
        crate::web::browser::fetch_text(&url).await
    })));
    let query = Memo::new(move |_| {
        location.search.with(|s| {
            if is_series_query(s) {
                SeriesQuery::parse(s)
            } else {
                SeriesQuery::default()
            }
        })
    });
    // A search is a resource of the address: it runs again when the query changes, and an
    // older run that finishes late is dropped by the resource itself. Each answer says
    // which query it answers.
    let first = LocalResource::new(move || {
        let q = query.get_untracked();
        let client = client.get_value();
        async move {
            if q.is_search() {
                let result = client.first(q.clone()).await;
                Some((q, result))
            } else {
                None
            }
        }
    });
    // The resource is refetched from here, reading the query untracked, rather than
    // tracking the query itself: a memo's change could reach it after another reader had
    // already taken it (reactive_graph 0.2), and the address that catches up just after
    // hydration was missed, so a shared search link stayed "searching". This effect's
    // first run comes after that catch-up.
    Effect::new(move |_| {
        query.track();
        first.refetch();
    });
    // さらに古い会合を表示: the next step of the search shown, with the query it steps.
    let step = Action::new_local(move |(q, results): &(SeriesQuery, Results)| {
        let (q, results) = (q.clone(), results.clone());
        let client = client.get_value();
        async move {
            let result = client.more(q.clone(), results).await;
            (q, result)
        }
    });
    // What is shown, and whether it answers an earlier query while the current one runs:
    // the earlier results then stay (marked busy) until the new ones replace them, so the
    // page neither flickers nor jumps as a reader types. (Leptos' `Transition` keeps
    // earlier children the same way, but a static page is rendered with its fallback,
    // which hydration would have to meet node for node: the search starts only in the
    // browser, so the memo does it.)
    let shown = Memo::new(move |_| {
        let q = query.get();
        if !q.is_search() {
            return (Status::Idle, false);
        }
        let Some(Some((answered, result))) = first.get() else {
            return (Status::Searching, false);
        };
        let current = answered == q;
        match result {
            Ok(results) => {
                let stepped = match step.value().get() {
                    // A later step of the same search, taken from these results.
                    Some((stepped, Ok(further)))
                        if stepped == answered
                            && further.candidates == results.candidates
                            && further.looked > results.looked =>
                    {
                        Ok(further)
                    }
                    Some((stepped, Err(why))) if stepped == answered => Err(why),
                    _ => Ok(results),
                };
                match stepped {
                    Ok(results) => (Status::Done(results), !current),
                    Err(why) if current => (Status::Failed(why), false),
                    Err(_) => (Status::Searching, false),
                }
            }
            Err(why) if current => (Status::Failed(why), false),
            Err(_) => (Status::Searching, false),
        }
    });
    let status = move || shown.with(|(s, _)| s.clone());
    let busy = move || shown.with(|(_, b)| *b);
    let more = move |_| {
        if let (Status::Done(results), false) = shown.get_untracked() {
            step.dispatch_local((query.get_untracked(), results));
        }
    };
    let go = move |next: SeriesQuery, replace: bool| {
        let url = format!("{}{}", location.pathname.get_untracked(), next.to_query());
        location.go(&url, replace);
    };
    let SearchChoices {
        bodies,
        speakers,
        topics,
        years,
    } = choices;
    // Several bodies: one box each, `body=` once per box ticked (none: every body).
    let body_names = StoredValue::new(bodies.clone());
    let body_boxes = (!bodies.is_empty()).then(|| {
        let boxes = bodies
            .into_iter()
            .map(|b| {
                let slug = StoredValue::new(b.slug.clone());
                let years = b.years();
                let body = StoredValue::new(b);
                view! {
                    <label class="series-search__body">
                        <input
                            type="checkbox"
                            name="body"
                            value=slug.get_value()
                            prop:checked=move || query.with(|q| slug.with_value(|s| q.bodies.contains(s)))
                            on:change=move |e| {
                                let mut next = query.get_untracked();
                                next.toggle_body(slug.get_value(), event_target_checked(&e));
                                go(next, false);
                            }
                        />
                        " "
                        <span lang=move || language.lang.get().code()>{move || body.with_value(|b| body_name(b, language.lang.get()))}</span>
                        " "
                        <span class="body-years">{years}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="series-search__bodies" data-series-filter="body">
                <legend>{language.text(|t| t.body_filter)}</legend>
                {boxes}
            </fieldset>
        }
    });
    let speaker_options = speakers
        .into_iter()
        .map(|p| {
            let id = p.id;
            let names = StoredValue::new((p.name, p.latin));
            view! {
                <option value=id.clone() selected=move || query.with(|q| q.speaker.as_deref() == Some(id.as_str()))>
                    {move || names.with_value(|(ja, latin)| match (language.lang.get(), latin) {
                        (Lang::En, Some(l)) => l.clone(),
                        _ => ja.clone(),
                    })}
                </option>
            }
        })
        .collect_view();
    let topic_options = topics
        .into_iter()
        .map(|(id, ja, en)| {
            let labels = StoredValue::new((ja, en));
            view! {
                <option value=id.clone() selected=move || query.with(|q| q.topic.as_deref() == Some(id.as_str()))>
                    {move || labels.with_value(|(ja, en)| if language.lang.get() == Lang::Ja { ja.clone() } else { en.clone() })}
                </option>
            }
        })
        .collect_view();
    let year_options = move |pick: fn(&SeriesQuery) -> Option<u32>| {
        years
            .iter()
            .map(|&y| {
                view! {
                    <option value=y.to_string() selected=move || query.with(|q| pick(q) == Some(y))>{y.to_string()}</option>
                }
            })
            .collect_view()
    };
    let from_options = year_options(|q| q.from);
    let to_options = year_options(|q| q.to);

    let on_select = move |apply: fn(&mut SeriesQuery, String)| {
        move |e: leptos::ev::Event| {
            let mut next = query.get_untracked();
            apply(&mut next, event_target_value(&e));
            go(next, false);
        }
    };

    view! {
        <section class="series-search" id="series-search" aria-labelledby="series-search-heading">
            <h2 id="series-search-heading">{language.text(|t| t.series_search_heading)}</h2>
            <form class="series-search__form" role="search" on:submit=|e| e.prevent_default()>
                <label class="series-search__field">
                    <span>{language.text(|t| t.series_search_label)}</span>
                    <input
                        type="search"
                        id="series-search-input"
                        autocomplete="off"
                        enterkeyhint="search"
                        placeholder=language.text(|t| t.series_search_placeholder)
                        prop:value=move || query.with(|q| q.q.clone())
                        on:input=move |e| {
                            let mut next = query.get_untracked();
                            next.q = event_target_value(&e);
                            go(next, true);
                        }
                    />
                </label>
                <p class="series-search__syntax search__syntax" data-search-syntax="">{language.text(|t| t.search_syntax)}</p>
                {body_boxes}
                <label>
                    <span>{language.text(|t| t.speakers)}</span>
                    <select data-series-filter="speaker" on:change=on_select(|q, v| q.speaker = (!v.is_empty()).then_some(v))>
                        <option value="">{language.text(|t| t.any_speaker)}</option>
                        {speaker_options}
                    </select>
                </label>
                <label>
                    <span>{language.text(|t| t.topics)}</span>
                    <select data-series-filter="topic" on:change=on_select(|q, v| q.topic = (!v.is_empty()).then_some(v))>
                        <option value="">{language.text(|t| t.any_topic)}</option>
                        {topic_options}
                    </select>
                </label>
                <label>
                    <span>{language.text(|t| t.year_from)}</span>
                    <select data-series-filter="from" on:change=on_select(|q, v| q.from = v.parse().ok())>
                        <option value="">{language.text(|t| t.any_year)}</option>
                        {from_options}
                    </select>
                </label>
                <label>
                    <span>{language.text(|t| t.year_to)}</span>
                    <select data-series-filter="to" on:change=on_select(|q, v| q.to = v.parse().ok())>
                        <option value="">{language.text(|t| t.any_year)}</option>
                        {to_options}
                    </select>
                </label>
            </form>
            <div
                class="series-results"
                aria-live="polite"
                aria-busy=move || busy().then_some("true")
                data-series-status=move || match status() {
                    _ if busy() => "searching",
                    Status::Idle => "idle",
                    Status::Searching => "searching",
                    Status::Done(_) => "done",
                    Status::Failed(_) => "failed",
                }
            >
                {move || {
                    let t = language.t();
                    let lang = language.lang.get();
                    match status() {
                        Status::Idle => ().into_any(),
                        Status::Searching => view! { <p class="series-results__summary">{t.searching}</p> }.into_any(),
                        Status::Failed(why) => view! {
                            <p class="series-results__summary" role="alert" data-series-error>{t.search_failed} " (" {why} ")"</p>
                        }.into_any(),
                        Status::Done(results) => {
                            let q = query.get_untracked().q;
                            let exhausted = !results.has_more();
                            let Results { groups, candidates, looked } = results;
                            let summary = if groups.is_empty() && exhausted {
                                t.series_no_results.to_owned()
                            } else if exhausted {
                                (t.series_results)(groups.len(), groups.len())
                            } else {
                                (t.series_results)(groups.len(), groups.len() + candidates.len() - looked)
                            };
                            view! {
                                <p class="series-results__summary" data-series-summary>{summary}</p>
                                <ol class="series-results__groups">
                                    {groups.into_iter().map(|g| {
                                        let body = body_names.with_value(|b| b.iter().find(|b| b.slug == g.meeting.body).map(|b| body_name(b, lang)));
                                        view! { <ResultGroup group=g q=q.clone() lang=lang body /> }
                                    }).collect_view()}
                                </ol>
                                {(!exhausted).then(|| view! {
                                    <button type="button" class="series-results__more" data-series-more on:click=more>
                                        {t.show_more_meetings}
                                    </button>
                                })}
                            }.into_any()
                        }
                    }
                }}
            </div>
        </section>
    }
}

/// One meeting's matching paragraphs, each linking to its permalink in the meeting.
#[component]
fn ResultGroup(
    group: Group,
    q: String,
    lang: Lang,
    /// Its body's name, on a site of several.
    body: Option<String>,
) -> impl IntoView {
    let site = use_site();
    let t = lang.texts();
    let m = &group.meeting;
    let hits: usize = group.hits.iter().map(|h| h.hits.len()).sum();
    let page = Route::Meeting { id: &m.id }.href(site.root);
    let search = if q.trim().is_empty() {
        String::new()
    } else {
        format!("?q={}", encode(&q))
    };
    let heading = format!(
        "{} {}",
        (t.meeting_number)(m.number),
        format::date(&m.date, lang)
    );
    let paragraphs = group.hits.len();
    let id = m.id.clone();
    view! {
        <li class="series-group" data-series-group=id.clone() data-body=m.body.clone()>
            <h3>
                {body.map(|name| view! { <span class="series-group__body" lang=lang.code()>{name}</span> " " })}
                <a href=page.clone()>{heading}</a>
                " "
                <span class="series-group__count" data-series-count=paragraphs>{(t.meeting_hits)(paragraphs, hits)}</span>
            </h3>
            <ul>
                {group
                    .hits
                    .into_iter()
                    .map(|h| {
                        let href = format!("{page}{search}#{}", h.id);
                        view! {
                            <li data-series-result data-meeting=id.clone() data-paragraph=h.id.clone()>
                                <a href=href lang="ja">{marked(&h.text, &h.hits)}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}

/// `text` with the byte ranges `hits` marked.
fn marked(text: &str, hits: &[(usize, usize)]) -> impl IntoView + use<> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(a, b) in hits {
        if a < at || b > text.len() {
            continue;
        }
        out.push(
            view! { {text[at..a].to_owned()} <mark>{text[a..b].to_owned()}</mark> }.into_any(),
        );
        at = b;
    }
    out.push(text[at..].to_owned().into_any());
    out
}
