//! The links between the pages of a list split over pages (the index, a person's
//! remarks): previous, each page by number, next.

use leptos::prelude::*;

use crate::site::Pager;
use crate::state::site::Language;

/// Nothing when the list fits on one page.
#[component]
pub fn PagerNav(
    /// Which page this is.
    pager: Pager,
    /// The link to each page, the first first.
    hrefs: Vec<String>,
    /// The interface language.
    language: Language,
) -> impl IntoView {
    (pager.pages > 1).then(|| {
        // Page n's link is hrefs[n - 1].
        let previous = pager.page.checked_sub(2).and_then(|i| hrefs.get(i)).cloned();
        let next = hrefs.get(pager.page).cloned();
        let pages = hrefs
            .iter()
            .enumerate()
            .map(|(i, href)| {
                let n = i + 1;
                view! {
                    <li>
                        <a
                            href=href.clone()
                            data-page=n
                            aria-current=(n == pager.page).then_some("page")
                            aria-label=move || (language.t().page_number)(n)
                        >
                            {n}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="pager" data-pager aria-label=language.text(|t| t.pager_label)>
                {previous.map(|href| view! {
                    <a class="pager__step" href=href rel="prev" data-page-step="prev">{language.text(|t| t.page_previous)}</a>
                })}
                <ol class="pager__pages">{pages}</ol>
                {next.map(|href| view! {
                    <a class="pager__step" href=href rel="next" data-page-step="next">{language.text(|t| t.page_next)}</a>
                })}
            </nav>
        }
    })
}
