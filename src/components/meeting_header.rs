//! The meeting's title block: body, meeting, date, time and place.

use leptos::prelude::*;
use minutes_core::Minutes;

use crate::format::{date_ja, time_span};

/// The banner at the top of the page.
#[component]
pub fn MeetingHeader(
    /// The minutes whose header to show.
    minutes: &'static Minutes,
) -> impl IntoView {
    let date = &minutes.date;
    view! {
        <header class="meeting-header">
            <p class="meeting-header__body">{minutes.body.clone()}</p>
            <h1 class="meeting-header__title">{minutes.title.clone()}</h1>
            <dl class="meeting-header__facts">
                <div>
                    <dt>"日時"</dt>
                    <dd>
                        <time datetime=date.start.clone().unwrap_or_else(|| date.date.clone())>
                            {date_ja(date)}
                            {time_span(date).map(|t| format!(" {t}"))}
                        </time>
                    </dd>
                </div>
                <div>
                    <dt>"場所"</dt>
                    <dd>{minutes.place.clone()}</dd>
                </div>
            </dl>
        </header>
    }
}
