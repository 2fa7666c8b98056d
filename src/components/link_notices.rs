//! What a shared link asked for that the page did not understand.

use leptos::prelude::*;

use crate::query::Notice;
use crate::state::use_meeting;

/// A note listing each part of the link that was ignored. The meeting is shown anyway;
/// nothing a link says can stop the page from working.
#[component]
pub fn LinkNotices() -> impl IntoView {
    let meeting = use_meeting();
    // The notices the reader closed: a new link, with notices of its own, shows the note
    // again.
    let dismissed = RwSignal::new(None::<Vec<Notice>>);
    move || {
        let notices = meeting.notices.get();
        let t = meeting.t();
        (!notices.is_empty() && dismissed.with(|d| d.as_ref() != Some(&notices))).then(|| {
            view! {
                <div class="link-notices" role="status" data-link-notices="">
                    <p class="link-notices__title">{t.notices_title}</p>
                    <ul>
                        {notices.into_iter().map(|n| view! { <li>{n.message(t)}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="clear-button" on:click=move |_| dismissed.set(Some(meeting.notices.get_untracked()))>
                        {t.close}
                    </button>
                </div>
            }
        })
    }
}
