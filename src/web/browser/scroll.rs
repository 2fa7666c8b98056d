//! Where the reader is on the page: the screen's width, jumps to a fragment or a hit, and
//! holding a jump while the remarks around it are drawn.

/// The breakpoint where the contents sit beside the text (kept equal to `style/main.css`).
pub(crate) const WIDE: &str = "(min-width: 64rem)";

/// Whether the screen is wide enough to show contents and attendees open by default. On a
/// phone they start folded so the first screen shows the meeting, not a list of links.
pub fn is_wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(WIDE).ok().flatten())
        .is_none_or(|m| m.matches())
}

/// Scroll to the element named by the URL fragment, if there is one.
///
/// The browser's own jump to `#id` happens before the app has drawn anything, so a shared
/// permalink would otherwise open at the top.
pub fn scroll_to_fragment() {
    let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) else {
        return;
    };
    if let Some(el) = fragment_target(&hash) {
        bring_into_view(el, Aim::Top);
    }
}

/// The element a fragment (`#id`, as in a URL or a link's `hash`) names, if the page has
/// one, read as the view reads it ([`crate::query::fragment_id`]).
fn fragment_target(hash: &str) -> Option<web_sys::Element> {
    let id = crate::query::fragment_id(hash);
    if id.is_empty() {
        return None;
    }
    web_sys::window()?.document()?.get_element_by_id(&id)
}

/// Where a jump puts its target on the screen.
#[derive(Clone, Copy)]
pub enum Aim {
    /// At the top, below the scroll padding (permalinks, `j`/`k`).
    Top,
    /// In the middle (search hits).
    Center,
}

thread_local! {
    /// Counts jumps; a held jump lets go when a newer one starts or the reader acts.
    static JUMPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Scroll `el` into view and hold it there while the remarks around it are drawn.
///
/// Remarks off screen are skipped by the browser until they come near (`content-visibility:
/// auto` in main.css) and count as an estimate of their height until then. A jump lands
/// where the estimates put the target; the remarks then drawn around it take their real
/// height and would push it away. So the remarks around the target are drawn and the jump
/// aimed again at once ([`draw_near_remarks`]), and then aimed again each frame until the
/// target has stayed put for three frames (a second at most), in case the browser draws
/// more of them; it lets go the moment the reader scrolls, presses a key or touches the
/// page.
pub fn bring_into_view(el: web_sys::Element, aim: Aim) {
    stop_holding_on_reader_input();
    let jump = JUMPS.with(|j| j.get().wrapping_add(1));
    JUMPS.with(|j| j.set(jump));
    let top = aim_at(&el, aim);
    hold(el, aim, jump, top, 0, 0);
}

/// Scroll `el` to where `aim` says, draw the remarks that land around it, and aim again
/// while drawing them moves it (a few times at most); where it ended up.
fn aim_at(el: &web_sys::Element, aim: Aim) -> f64 {
    let scroll = || match aim {
        Aim::Top => el.scroll_into_view(),
        Aim::Center => {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    };
    for _ in 0..4 {
        scroll();
        let top = el.get_bounding_client_rect().top();
        if !draw_near_remarks() || (el.get_bounding_client_rect().top() - top).abs() < 1.0 {
            return top;
        }
    }
    el.get_bounding_client_rect().top()
}

/// Draw the remarks that are, or are about to be, on screen, now rather than a frame late.
///
/// Remarks off screen are skipped by the browser (`content-visibility: auto` in main.css),
/// and the browser settles which of them are near the screen only after it has painted a
/// frame: a remark that a search moves up from far below, or a jump lands on, would be
/// painted blank in the first frame and drawn in the next. This lays the page out, marks
/// the shown remarks within half a screen of the visible area `data-near` (which main.css
/// draws in full), and repeats while drawing them brings others near (each drawn remark
/// takes its real height in place of the estimate). The marks of the call before are taken
/// off the remarks no longer near. Reads and writes are kept apart, so each round costs one
/// layout. Whether it marked any remark that was not marked before.
pub fn draw_near_remarks() -> bool {
    thread_local! {
        static NEAR: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(list) = window.document().and_then(|d| {
        d.query_selector_all(".minutes > .section:not([hidden]) > article.speech:not([hidden])")
            .ok()
    }) else {
        return false;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let margin = height / 2.0;
    let shown: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .collect();
    let mut near: Vec<web_sys::Element> = Vec::new();
    let was_near = |el: &web_sys::Element| el.has_attribute("data-near");
    let mut any_new = false;
    // Each round draws what the one before found; a handful is plenty (a round finds
    // nothing new once the remarks on screen are drawn).
    for _ in 0..8 {
        let found: Vec<&web_sys::Element> = shown
            .iter()
            .skip_while(|el| el.get_bounding_client_rect().bottom() < -margin)
            .take_while(|el| el.get_bounding_client_rect().top() <= height + margin)
            .filter(|el| !near.contains(el))
            .collect();
        if found.is_empty() {
            break;
        }
        for el in found {
            if !was_near(el) {
                let _ = el.set_attribute("data-near", "");
                any_new = true;
            }
            near.push(el.clone());
        }
    }
    NEAR.with_borrow_mut(|before| {
        for el in before.iter().filter(|el| !near.contains(el)) {
            let _ = el.remove_attribute("data-near");
        }
        *before = near;
    });
    any_new
}

fn hold(el: web_sys::Element, aim: Aim, jump: u32, top: f64, frames: u32, still: u32) {
    const STILL_FRAMES: u32 = 3;
    const MAX_FRAMES: u32 = 60;
    leptos::prelude::request_animation_frame(move || {
        if JUMPS.with(|j| j.get()) != jump || !el.is_connected() {
            return;
        }
        let now = el.get_bounding_client_rect().top();
        let (top, still) = if (now - top).abs() < 1.0 {
            (top, still + 1)
        } else {
            (aim_at(&el, aim), 0)
        };
        if still < STILL_FRAMES && frames < MAX_FRAMES {
            hold(el, aim, jump, top, frames + 1, still);
        }
    });
}

/// Listen, once, for the reader taking over the scrolling (in the capture phase, so that
/// the key or click that starts a new jump lets go of the old one first).
fn stop_holding_on_reader_input() {
    use gloo::events::{EventListener, EventListenerOptions};
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    for event in ["wheel", "touchstart", "pointerdown", "keydown"] {
        // The listeners last as long as the page.
        EventListener::new_with_options(
            &window,
            event,
            EventListenerOptions::run_in_capture_phase(),
            |_| JUMPS.with(|j| j.set(j.get().wrapping_add(1))),
        )
        .forget();
    }
}

/// The search hits the search box counts and steps through: those in matching
/// paragraphs (`filter::Outcome::hits`), not in ones another filter hides or folds.
const HITS: &str = ".paragraph[data-matched] mark[data-hit]";

/// Scroll the `n`-th search hit (0-based) into view and mark it as the current one.
pub fn focus_hit(n: usize) {
    clear_current_hit();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = document
        .query_selector_all(HITS)
        .ok()
        .and_then(|hits| hits.item(n as u32))
        .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
    else {
        return;
    };
    let _ = el.set_attribute("data-current", "");
    bring_into_view(el, Aim::Center);
}

/// Whether the keyboard focus (`:focus-visible`) is inside `el`.
pub fn focus_visible_within(el: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| el.contains(Some(&a)) && a.matches(":focus-visible").unwrap_or(false))
}

/// Unmark the current search hit, if one is marked.
pub fn clear_current_hit() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("mark[data-current]").ok().flatten())
    {
        let _ = el.remove_attribute("data-current");
    }
}

/// Move focus to the next (`forward`) or previous visible speech, relative to the top of
/// the screen, and bring it into view. Used by the `j`/`k` keys.
pub fn step_speech(forward: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all("article[data-speaker]:not([hidden])") else {
        return;
    };
    let speeches: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .collect();
    // From the focused speech when there is one; otherwise from the screen's top, where a
    // speech counts as "here" within the scroll margin (1rem) plus a little slack.
    let focused = document.active_element().map(|a| a.id());
    let at = focused.and_then(|id| speeches.iter().position(|el| el.id() == id));
    const SLACK: f64 = 24.0;
    let top = |el: &web_sys::HtmlElement| el.get_bounding_client_rect().top();
    let next = match (at, forward) {
        (Some(i), true) => speeches.get(i + 1),
        (Some(i), false) => i.checked_sub(1).and_then(|j| speeches.get(j)),
        (None, true) => speeches.iter().find(|el| top(el) > SLACK),
        (None, false) => speeches.iter().rev().find(|el| top(el) < -SLACK),
    };
    if let Some(el) = next {
        let _ = el.focus();
        bring_into_view(el.clone().into(), Aim::Top);
    }
}
