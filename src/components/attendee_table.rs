//! The attendee list as a table: name, role, group.

use leptos::prelude::*;
use minutes_core::Minutes;
use minutes_core::series::is_placeholder_id;

use crate::format::{group_key, offices};
use crate::i18n::Lang;
use crate::route::{MEETING_ROOT, Route};
use crate::state::use_meeting;

/// Everyone present, in printed order, with their group.
#[component]
pub fn AttendeeTable(
    /// The minutes whose attendees to list.
    minutes: &'static Minutes,
) -> impl IntoView {
    // While filtering, the list of who attended is not a result: it steps aside so the
    // matching remarks start on the first screen.
    let meeting = use_meeting();
    let note = minutes
        .attendees_note
        .as_deref()
        .map(|n| format!("（{n}）"));
    view! {
        <section
            class="attendees"
            data-attendees
            id="attendees"
            aria-labelledby="attendees-heading"
            hidden=move || meeting.filtered.get()
        >
            <details open=move || meeting.wide.get()>
                <summary>
                    <h2 id="attendees-heading">
                        {meeting.text(|t| t.attendees)}
                        <span lang="ja">{note}</span>
                        " "
                        <span class="count">{move || (meeting.t().people)(minutes.attendees.len())}</span>
                    </h2>
                </summary>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{meeting.text(|t| t.col_name)}</th>
                                <th scope="col">{meeting.text(|t| t.col_role)}</th>
                                <th scope="col">{meeting.text(|t| t.col_group)}</th>
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
                                                {move || {
                                                let name = match (meeting.language.lang.get(), a.latin.clone()) {
                                                    // Both scripts, the interface's first: a reader
                                                    // can quote either.
                                                    (Lang::En, Some(latin)) => view! {
                                                        {latin}
                                                        <span class="alt-name" lang="ja">{a.name.clone()}</span>
                                                    }.into_any(),
                                                    (_, latin) => view! {
                                                        <span lang="ja">{a.name.clone()}</span>
                                                        {latin.map(|l| view! { <span class="alt-name" lang="en">{l}</span> })}
                                                    }.into_any(),
                                                };
                                                // The name leads to the person across the series;
                                                // a made-up id has no page.
                                                if is_placeholder_id(&a.id) {
                                                    name
                                                } else {
                                                    view! { <a href=Route::Person { id: &a.id, page: 1 }.href(MEETING_ROOT) data-person-link=a.id.clone()>{name}</a> }.into_any()
                                                }
                                                }}
                                            </th>
                                            <td>
                                                {move || {
                                                    let lang = meeting.language.lang.get();
                                                    view! {
                                                        <span lang=lang.code()>{lang.role(a)}</span>
                                                        {offices(a, lang).map(|o| view! { <span class="offices">{o}</span> })}
                                                    }
                                                }}
                                            </td>
                                            <td>
                                                <span class="group-badge" data-group-badge>{move || meeting.language.lang.get().group(a.group)}</span>
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
