//! The search field: as you type, with a hit counter and next/previous.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::state::use_meeting;
use crate::web::browser;

/// Search over every paragraph. Typing updates the URL in place (one history entry per
/// search, not per keystroke); Enter and the arrows move between hits.
#[component]
pub fn SearchBox() -> impl IntoView {
    let meeting = use_meeting();
    let input = NodeRef::<leptos::html::Input>::new();
    let current = RwSignal::new(None::<usize>);
    // The highlights drawn, counted as they were drawn (`Marks::drawn`).
    let hits = meeting.marks.drawn;

    // A new query or filter starts again from no hit selected.
    Effect::new(move |_| {
        meeting.outcome.track();
        if current.get_untracked().is_some() {
            current.set(None);
            browser::clear_current_hit();
        }
    });
    // Back/forward or a shared link changes `q`: show it in the field, unless the field
    // already says it (rewriting the value while typing would break IME composition).
    // Not before the view has caught up with the reader: until then the field holds what
    // they typed before the app ran, which the catch-up reads (`provide_meeting`).
    Effect::new(move |_| {
        if !meeting.started.get() {
            return;
        }
        let q = meeting.state.with(|s| s.q.clone());
        if let Some(el) = input.get()
            && el.value() != q
        {
            el.set_value(&q);
        }
    });

    let apply = move |el: &HtmlInputElement| {
        let q = el.value();
        let mut next = meeting.state.get_untracked();
        let starting = next.q.is_empty();
        next.q = q;
        // The first keystroke of a search adds a history entry; the rest rewrite it.
        meeting.set(next, !starting);
    };
    let step = move |forward: bool| {
        let n = hits.get_untracked();
        if n == 0 {
            return;
        }
        let next = match (current.get_untracked(), forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        current.set(Some(next));
        browser::focus_hit(next);
    };

    view! {
        <div class="search" role="search">
            <label for="search-input" class="search__label">{meeting.text(|t| t.search_label)}</label>
            <div class="search__row">
                <input
                    id="search-input"
                    node_ref=input
                    type="search"
                    autocomplete="off"
                    enterkeyhint="search"
                    placeholder=meeting.text(|t| t.search_placeholder)
                    value=meeting.state.get_untracked().q
                    aria-describedby="search-count"
                    on:input=move |e| {
                        let composing = e
                            .dyn_ref::<web_sys::InputEvent>()
                            .is_some_and(web_sys::InputEvent::is_composing);
                        if !composing {
                            apply(&event_target::<HtmlInputElement>(&e));
                        }
                    }
                    on:compositionend=move |e: ev::CompositionEvent| {
                        apply(&event_target::<HtmlInputElement>(&e))
                    }
                    on:keydown=move |e: ev::KeyboardEvent| {
                        if e.key() == "Enter" {
                            e.prevent_default();
                            step(!e.shift_key());
                        }
                    }
                />
                <button type="button" class="search__step" aria-label=meeting.text(|t| t.previous_hit) on:click=move |_| step(false)>
                    "↑"
                </button>
                <button type="button" class="search__step" aria-label=meeting.text(|t| t.next_hit) on:click=move |_| step(true)>
                    "↓"
                </button>
            </div>
            <p class="search__hint">
                <kbd>"/"</kbd>
                {meeting.text(|t| t.hint_search)}
                <kbd>"j"</kbd>
                {meeting.text(|t| t.hint_and)}
                <kbd>"k"</kbd>
                {meeting.text(|t| t.hint_move)}
                <kbd>"Esc"</kbd>
                {meeting.text(|t| t.hint_clear)}
            </p>
            <p id="search-count" class="search__count" aria-live="polite" data-search-count="">
                {move || {
                    let t = meeting.t();
                    // Only the words searched for are counted: an exclusion alone finds
                    // remarks (the summary says how many) but marks nothing.
                    let words: Vec<String> = meeting.search.with(|s| s.positive().iter().map(|w| w.text.clone()).collect());
                    if words.is_empty() {
                        return String::new();
                    }
                    let total = match (hits.get(), current.get()) {
                        (0, _) => t.no_hits.to_string(),
                        (n, Some(i)) => (t.hit_of)(i + 1, n),
                        (n, None) => (t.hits)(n),
                    };
                    if words.len() < 2 {
                        return total;
                    }
                    let each = meeting.outcome.with(|o| o.word_hits.clone());
                    let each: Vec<(&str, usize)> = words.iter().map(String::as_str).zip(each).collect();
                    format!("{total}{}", (t.word_hits)(&each))
                }}
            </p>
            <p class="search__syntax" data-search-syntax="">{meeting.text(|t| t.search_syntax)}</p>
        </div>
    }
}
