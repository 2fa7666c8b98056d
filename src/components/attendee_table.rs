//! The attendee list as a table: name, role, group.

use leptos::prelude::*;
use minutes_core::Minutes;

use crate::browser;
use crate::format::{group_key, group_label, offices};
use crate::state::use_view;

/// Everyone present, in printed order, with their group.
#[component]
pub fn AttendeeTable(
    /// The minutes whose attendees to list.
    minutes: &'static Minutes,
) -> impl IntoView {
    // While filtering, the list of who attended is not a result: it steps aside so the
    // matching remarks start on the first screen.
    let view = use_view();
    let note = minutes
        .attendees_note
        .as_deref()
        .map(|n| format!("（{n}）"));
    view! {
        <section
            class="attendees"
            id="attendees"
            aria-labelledby="attendees-heading"
            hidden=move || view.state.with(|s| s.is_filtered())
        >
            <details open=browser::is_wide_screen()>
                <summary>
                    <h2 id="attendees-heading">
                        "出席者" {note} <span class="count">{format!("{}名", minutes.attendees.len())}</span>
                    </h2>
                </summary>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"氏名"</th>
                                <th scope="col">"役職・所属"</th>
                                <th scope="col">"区分"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {minutes
                                .attendees
                                .iter()
                                .map(|a| {
                                    view! {
                                        <tr data-attendee=a.id.clone() data-group=group_key(a.group)>
                                            <th scope="row">
                                                {a.name.clone()}
                                                {a.latin.clone().map(|l| view! { <span class="latin" lang="en">{l}</span> })}
                                            </th>
                                            <td>
                                                {a.role.clone()}
                                                {offices(a).map(|o| view! { <span class="offices">{o}</span> })}
                                            </td>
                                            <td>
                                                <span class="group-badge">{group_label(a.group)}</span>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
