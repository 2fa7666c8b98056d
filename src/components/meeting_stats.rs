//! Meeting statistics: speaking share per speaker and topics across speeches, drawn as
//! SVG bar charts, each with a table that carries the same numbers as text.

use leptos::prelude::*;

use crate::format::group_key;
use crate::state::use_meeting;
use crate::stats::{self, percent};

/// Height of one bar row in the charts, in SVG units.
const ROW: u32 = 22;
/// Width given to labels on the left of the bars.
const LABEL: u32 = 150;
/// Width of the longest bar.
const BAR: u32 = 250;

/// One bar: its label, its length as a share of the longest bar, the value printed after
/// it, and the group it takes its colour from (`None`: the chart's own colour).
pub struct Bar {
    pub label: String,
    pub length: f64,
    pub value: String,
    pub group: Option<&'static str>,
}

/// The statistics section, folded by default and stepping aside while filtering.
#[component]
pub fn MeetingStats() -> impl IntoView {
    let meeting = use_meeting();
    let minutes = meeting.minutes;
    let speakers = stats::speakers(minutes);
    let topics = stats::topics(minutes);
    let max_share = speakers
        .iter()
        .map(|s| s.share)
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let max_topic = topics.iter().map(|t| t.1).max().unwrap_or(1).max(1) as f64;
    // Names and topic labels follow the interface language, so the charts are drawn anew
    // when it changes (the fold around them stays as the reader left it).
    let charts = move || {
        let lang = meeting.language.lang.get();
        let t = lang.texts();
        let topic_label = |id: &str| {
            minutes
                .topic(id)
                .map(|topic| lang.topic(topic))
                .unwrap_or_default()
        };
        let share_bars = speakers
            .iter()
            .map(|s| Bar {
                label: lang.name(s.attendee),
                length: s.share / max_share,
                value: percent(s.share),
                group: Some(group_key(s.attendee.group)),
            })
            .collect();
        let share_rows = speakers
            .iter()
            .map(|s| {
                vec![
                    lang.name(s.attendee),
                    s.speeches.to_string(),
                    s.chars.to_string(),
                    percent(s.share),
                ]
            })
            .collect();
        let topic_bars = topics
            .iter()
            .map(|(id, speeches, _)| Bar {
                label: topic_label(id),
                length: *speeches as f64 / max_topic,
                value: speeches.to_string(),
                group: None,
            })
            .collect();
        let topic_rows = topics
            .iter()
            .map(|(id, speeches, paragraphs)| {
                vec![
                    topic_label(id),
                    speeches.to_string(),
                    paragraphs.to_string(),
                ]
            })
            .collect();
        view! {
            <BarChart
                key="share"
                title=t.share_title
                bars=share_bars
                columns=t.share_columns
                rows=share_rows
            />
            <BarChart
                key="topics"
                title=t.topics_title
                bars=topic_bars
                columns=t.topic_columns
                rows=topic_rows
            />
        }
    };

    view! {
        <section class="stats" id="stats" aria-labelledby="stats-heading" hidden=move || meeting.filtered.get()>
            <details>
                <summary>
                    <h2 id="stats-heading">{meeting.text(|t| t.stats_heading)}</h2>
                </summary>
                {charts}
            </details>
        </section>
    }
}

/// A horizontal bar chart in SVG, and after it a table with the same numbers as text,
/// which the chart names as its description.
#[component]
pub fn BarChart(
    /// Names the chart's ids and its `data-chart` / `data-stats-table` attributes.
    key: &'static str,
    /// The chart's heading, also its accessible name.
    title: &'static str,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
    /// The table's column headings; the first column heads each row.
    columns: &'static [&'static str],
    /// The table's rows, first cell the row's label.
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let heading_id = format!("{key}-heading");
    let table_id = format!("{key}-table");
    // Whole SVG units: integers format without Rust's float formatting in the WASM.
    let height = bars.len() as u32 * ROW;
    let width = LABEL + BAR + 60;
    let bars = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as u32 * ROW;
            let w = (f64::from(BAR) * bar.length).round() as u32;
            let class = if bar.group.is_some() {
                "bar"
            } else {
                "bar bar--topic"
            };
            view! {
                <g data-group=bar.group>
                    <text x=LABEL - 6 y=y + 15 text-anchor="end">{bar.label}</text>
                    <rect x=LABEL y=y + 4 width=w height=ROW - 8 class=class />
                    <text x=LABEL + w + 4 y=y + 15 class="bar-value">{bar.value}</text>
                </g>
            }
        })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut cells = cells.into_iter();
            let head = cells.next().unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{head}</th>
                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id=heading_id.clone()>{title}</h3>
        <svg
            class="chart"
            viewBox=format!("0 0 {width} {height}")
            role="img"
            aria-labelledby=heading_id
            aria-describedby=table_id.clone()
            data-chart=key
        >
            {bars}
        </svg>
        // A table wider than a phone scrolls on its own; keyboard users reach it by Tab.
        <div class="table-scroll" tabindex="0" role="region" aria-label=title>
            <table id=table_id data-stats-table=key>
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr>{columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
