//! A page's title and description, what a search result or a tab shows of it.

use minutes_core::Minutes;

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
        (PageData::Index(index), _) => (
            format!(
                "{} {}{}",
                index.body,
                Lang::Ja.texts().series_title,
                page_of(&index.pager)
            ),
            format!(
                "{}の{}（{}件）と全会合の発言の検索",
                index.body,
                Lang::Ja.texts().series_title,
                index.total
            ),
        ),
        (PageData::Person(page), _) => (
            format!(
                "{}{} — {}",
                page.person.name.name,
                page_of(&page.pager),
                page.body
            ),
            format!(
                "{}の{}での役職、発言（{}件）とテーマ",
                page.person.name.name,
                page.body,
                page.person.by_year.iter().map(|y| y.remarks).sum::<usize>()
            ),
        ),
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
