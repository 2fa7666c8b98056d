//! Meeting statistics: speaking share per speaker and topics across speeches, drawn as
//! SVG bar charts, each with a table that carries the same numbers as text.

use leptos::prelude::*;

use crate::format::group_key;
use crate::state::use_view;
use crate::stats::{self, percent};

/// Height of one bar row in the charts, in SVG units.
const ROW: f64 = 22.0;
/// Width given to labels on the left of the bars.
const LABEL: f64 = 150.0;
/// Width of the longest bar.
const BAR: f64 = 250.0;

/// The statistics section, folded by default and stepping aside while filtering.
#[component]
pub fn MeetingStats() -> impl IntoView {
    let view = use_view();
    let minutes = view.minutes;
    let speakers = stats::speakers(minutes);
    let topics = stats::topics(minutes);
    let max_share = speakers
        .iter()
        .map(|s| s.share)
        .fold(0.0, f64::max)
        .max(f64::EPSILON);
    let max_topic = topics.iter().map(|t| t.1).max().unwrap_or(1).max(1) as f64;

    let share_bars = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = i as f64 * ROW;
            let w = BAR * s.share / max_share;
            view! {
                <g data-group=group_key(s.attendee.group)>
                    <text x=LABEL - 6.0 y=y + 15.0 text-anchor="end">{s.attendee.name.clone()}</text>
                    <rect x=LABEL y=y + 4.0 width=w height=ROW - 8.0 class="bar" />
                    <text x=LABEL + w + 4.0 y=y + 15.0 class="bar-value">{percent(s.share)}</text>
                </g>
            }
        })
        .collect_view();
    let share_rows = speakers
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row">{s.attendee.name.clone()}</th>
                    <td>{s.speeches}</td>
                    <td>{s.chars}</td>
                    <td>{percent(s.share)}</td>
                </tr>
            }
        })
        .collect_view();
    let topic_bars = topics
        .iter()
        .enumerate()
        .map(|(i, (id, speeches, _))| {
            let label = minutes.topic(id).map(|t| t.ja.clone()).unwrap_or_default();
            let y = i as f64 * ROW;
            let w = BAR * *speeches as f64 / max_topic;
            view! {
                <g>
                    <text x=LABEL - 6.0 y=y + 15.0 text-anchor="end">{label}</text>
                    <rect x=LABEL y=y + 4.0 width=w height=ROW - 8.0 class="bar bar--topic" />
                    <text x=LABEL + w + 4.0 y=y + 15.0 class="bar-value">{format!("{speeches}")}</text>
                </g>
            }
        })
        .collect_view();
    let topic_rows = topics
        .iter()
        .map(|(id, speeches, paragraphs)| {
            let label = minutes.topic(id).map(|t| t.ja.clone()).unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{*speeches}</td>
                    <td>{*paragraphs}</td>
                </tr>
            }
        })
        .collect_view();
    let share_height = speakers.len() as f64 * ROW;
    let topic_height = topics.len() as f64 * ROW;
    let width = LABEL + BAR + 60.0;

    view! {
        <section class="stats" id="stats" aria-labelledby="stats-heading" hidden=move || view.state.with(|s| s.is_filtered())>
            <details>
                <summary>
                    <h2 id="stats-heading">"発言の統計"</h2>
                </summary>
                <h3 id="share-heading">"発言者ごとの発言量（文字数の割合）"</h3>
                <svg
                    class="chart"
                    viewBox=format!("0 0 {width} {share_height}")
                    role="img"
                    aria-labelledby="share-heading"
                    aria-describedby="share-table"
                    data-chart="share"
                >
                    {share_bars}
                </svg>
                <div class="table-scroll">
                    <table id="share-table" data-stats-table="share">
                        <caption class="visually-hidden">"発言者ごとの発言量"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"発言者"</th>
                                <th scope="col">"発言回数"</th>
                                <th scope="col">"文字数"</th>
                                <th scope="col">"割合"</th>
                            </tr>
                        </thead>
                        <tbody>{share_rows}</tbody>
                    </table>
                </div>
                <h3 id="topics-heading">"テーマごとの発言数"</h3>
                <svg
                    class="chart"
                    viewBox=format!("0 0 {width} {topic_height}")
                    role="img"
                    aria-labelledby="topics-heading"
                    aria-describedby="topics-table"
                    data-chart="topics"
                >
                    {topic_bars}
                </svg>
                <div class="table-scroll">
                    <table id="topics-table" data-stats-table="topics">
                        <caption class="visually-hidden">"テーマごとの発言数"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"テーマ"</th>
                                <th scope="col">"発言数"</th>
                                <th scope="col">"段落数"</th>
                            </tr>
                        </thead>
                        <tbody>{topic_rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
