//! A page's title and description, what a search result or a tab shows of it.

use minutes_core::Minutes;
use minutes_core::series::once_each;

use super::render::RenderError;
use crate::format;
use crate::i18n::Lang;
use crate::site::{PageData, Pager};

/// The title and description of the page `data` shows (with its minutes, on a meeting
/// page).
pub(super) fn title_and_description(
    data: &PageData,
    minutes: Option<&Minutes>,
) -> Result<(String, String), RenderError> {
    Ok(match (data, minutes) {
        (_, Some(minutes)) => {
            let title = format!("{} {}", minutes.body, minutes.title);
            let when = &minutes.date;
            let time = format::time_span(when, Lang::Ja)
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            let description = format!("{title}（{}{time}）", format::date(when, Lang::Ja));
            (title, description)
        }
        (PageData::Home(home), _) => {
            // Names each once: the 2015 and 2025 本部 share theirs.
            let names = once_each(
                home.bodies
                    .entries
                    .iter()
                    .filter(|e| e.meetings > 0)
                    .map(|e| e.body.name.as_str()),
            );
            (
                Lang::Ja.texts().site_title.to_owned(),
                format!(
                    "{}の議事概要（会合{}件）と全会議体の発言の検索",
                    names.join("・"),
                    home.total
                ),
            )
        }
        (PageData::Index(index), _) => {
            let body = index.entry().map(|e| &e.body);
            // On a site of several bodies the years tell the 2015 and 2025 本部 apart.
            let name = match body {
                Some(b) if index.bodies.several => format!("{}（{}）", b.name, b.years()),
                Some(b) => b.name.clone(),
                None => String::new(),
            };
            (
                format!(
                    "{name} {}{}",
                    Lang::Ja.texts().series_title,
                    page_of(&index.pager)
                ),
                if index.bodies.several {
                    format!(
                        "{name}の{}（{}件）",
                        Lang::Ja.texts().series_title,
                        index.total
                    )
                } else {
                    format!(
                        "{name}の{}（{}件）と全会合の発言の検索",
                        Lang::Ja.texts().series_title,
                        index.total
                    )
                },
            )
        }
        (PageData::Person(page), _) => {
            let sat_in = page.person.bodies();
            let names = once_each(
                page.bodies
                    .entries
                    .iter()
                    .filter(|e| sat_in.contains(&e.body.slug.as_str()))
                    .map(|e| e.body.name.as_str()),
            )
            .join("・");
            (
                format!(
                    "{}{} — {names}",
                    page.person.name.name,
                    page_of(&page.pager),
                ),
                format!(
                    "{}の{names}での役職、発言（{}件）とテーマ",
                    page.person.name.name,
                    page.person.by_year.iter().map(|y| y.remarks).sum::<usize>()
                ),
            )
        }
        (PageData::Meeting(_), None) => {
            return Err(RenderError::Template("a meeting page needs its minutes"));
        }
    })
}

/// A title's page number, on a list split over pages.
fn page_of(pager: &Pager) -> String {
    if pager.pages > 1 {
        (Lang::Ja.texts().page_of)(pager.page, pager.pages)
    } else {
        String::new()
    }
}
