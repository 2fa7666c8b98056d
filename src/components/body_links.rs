//! A body, as the pages of a site of several bodies name it: its name in the reader's
//! language with its years, linked to its index when the site holds its meetings, and
//! the bodies it follows, precedes or belongs to.

use leptos::prelude::*;
use minutes_core::series::BodyInfo;

use crate::i18n::Lang;
use crate::site::Bodies;
use crate::state::site::Language;

/// A body's name in `lang`: the Japanese is the body's own (as printed).
pub fn body_name(body: &BodyInfo, lang: Lang) -> String {
    match lang {
        Lang::Ja => body.name.clone(),
        Lang::En => body.name_en.clone(),
    }
}

/// The body's name and years, a link to its index (`data-body`) when `href` is given.
#[component]
pub fn BodyName(
    /// The body.
    body: BodyInfo,
    /// Its index, from this page; `None`: the site holds none of its meetings.
    href: Option<String>,
    /// The interface language.
    language: Language,
) -> impl IntoView {
    let years = body.years();
    let slug = body.slug.clone();
    let body = StoredValue::new(body);
    let name = move || body.with_value(|b| body_name(b, language.lang.get()));
    let lang = move || language.lang.get().code();
    // One element either way (an `<a>` without `href` is no link, and is read as text):
    // a second kind of element would be a second view to compile.
    let (linked, named) = match href {
        Some(_) => (Some(slug), None),
        None => (None, Some(slug)),
    };
    view! {
        <a href=href data-body=linked data-body-name=named lang=lang>{name}</a>
        " "
        <span class="body-years">{years}</span>
    }
}

/// 前身 · 後継 · 親会議: the bodies `body` names, linked where the site holds them.
#[component]
pub fn BodyRelations(
    /// The body whose relations to show.
    body: BodyInfo,
    /// The bodies the page knows.
    bodies: Bodies,
    /// The way up to the root.
    root: &'static str,
    /// The interface language.
    language: Language,
) -> impl IntoView {
    let related = [
        (
            body.parent.clone(),
            (|t| t.parent_body) as fn(&crate::i18n::Texts) -> &'static str,
        ),
        (body.predecessor.clone(), |t| t.predecessor),
        (body.successor.clone(), |t| t.successor),
    ];
    let items = related
        .into_iter()
        .filter_map(|(slug, label)| {
            let entry = bodies.get(slug.as_deref()?)?.clone();
            let href = bodies.href(&entry.body.slug, root);
            Some(view! {
                <div>
                    <dt>{language.text(label)}</dt>
                    <dd><BodyName body=entry.body href language /></dd>
                </div>
            })
        })
        .collect::<Vec<_>>();
    (!items.is_empty()).then(|| view! { <dl class="body-relations">{items}</dl> })
}
