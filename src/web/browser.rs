//! The few things the viewer asks of the browser directly. Each degrades quietly: a
//! missing window or an odd URL leaves the page as it is rather than failing.
//!
//! All of it runs in the browser only: in effects and event handlers, which the
//! build-time renderer never runs, never while a component renders (the page is rendered
//! natively, where there is no window, and hydrated from that first view).

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

/// Whether keyboard focus is in a text field, where letters are typing, not shortcuts.
pub fn typing_in_field() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focus the search field and select its text.
pub fn focus_search() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("search-input"))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Offer `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(el).ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Where the reader's choice of interface language is remembered.
const LANG_KEY: &str = "minutes-viewer.lang";

/// The interface language the reader chose on an earlier visit, if any. Storage may be
/// switched off (private browsing, strict settings): then there is simply no choice.
pub fn stored_lang() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LANG_KEY)
        .ok()?
}

/// Remember the interface language for later visits; without storage, it lasts the page.
pub fn store_lang(code: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, code);
    }
}

/// Set `<html lang>`, which screen readers and the browser's fonts and hyphenation follow.
pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// The text of the element with this id (the minutes' data block), if the page has one.
pub fn element_text(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// The id of the page's one polite status region (in `MeetingPage`).
pub const ANNOUNCER_ID: &str = "announcer";

/// Have screen readers say `message` through the page's status region, once.
pub fn announce(message: &str) {
    if let Some(region) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ANNOUNCER_ID))
    {
        // Cleared first, so the same message twice is announced twice.
        region.set_text_content(None);
        region.set_text_content(Some(message));
    }
}

/// Leave the page as the build rendered it, without the app: styled as for readers without
/// JavaScript (its dead controls hidden), with the note they read (`App`'s `.noscript`)
/// saying instead why the tools are missing: `why`.
pub fn keep_static_page(why: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(head), Some(body)) = (document.head(), document.body()) else {
        return;
    };
    // The style sheet is at the site's root, as the manifest is, whatever the page's depth.
    let href = document
        .query_selector("link[rel=manifest]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("href"))
        .map_or_else(
            || "noscript.css".to_owned(),
            |m| m.replace("manifest.webmanifest", "noscript.css"),
        );
    if let Ok(link) = document.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = head.append_child(&link);
    }
    let note = match document.query_selector("p.noscript").ok().flatten() {
        Some(note) => note,
        None => match document.create_element("p") {
            Ok(note) => {
                note.set_class_name("noscript");
                let _ = body.prepend_with_node_1(&note);
                note
            }
            Err(_) => return,
        },
    };
    let _ = note.set_attribute("role", "alert");
    let _ = note.remove_attribute("lang");
    note.set_text_content(Some(&format!(
        "検索・絞り込み・リンクのコピーは使えません。下の議事概要はそのまま読めます。 / \
         Search, filters and copying links are unavailable; the minutes below read as \
         printed. {why}"
    )));
}

/// The page's address as the browser shows it: path, query string (with its `?`) and
/// fragment (with its `#`), each empty where there is none.
pub fn address() -> (String, String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Default::default();
    };
    (
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

/// What a reader typed into the search field before the app started (the field is in the
/// page from the first paint), if anything.
pub fn typed_search() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id("search-input")
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        .map(|input| input.value())
        .filter(|v| !v.trim().is_empty())
}

/// The address to share `id` (a speech or a paragraph) by: its share page beside this
/// meeting page (`<meeting>/r/<id>/`, see `share.rs`), which a link preview reads and
/// which opens exactly `id` here; in English with `?lang=en`, so that it opens in English.
pub fn permalink(id: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let folder = path.trim_end_matches("index.html");
    let slash = if folder.ends_with('/') { "" } else { "/" };
    let query = match lang {
        Lang::Ja => "",
        Lang::En => "?lang=en",
    };
    format!(
        "{origin}{folder}{slash}{}/{id}/{query}",
        crate::site::SHARE_DIR
    )
}

/// Mark the document as run by the app: `<html data-app="ready">`.
pub fn mark_ready() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// Run `f` once the browser has nothing more urgent to do (`requestIdleCallback`, at most
/// 200 ms away), or in a new task where it has no such call (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(200);
    let function: &js_sys::Function = wasm_bindgen::JsCast::unchecked_ref(&callback);
    if window
        .request_idle_callback_with_options(function, &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(function);
    }
}

/// The text of the file at `url` (relative to the page), or why it could not be had: the
/// network failed, or the server answered with an error.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: the network failed"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("{url}: the download was cut"))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// How far keeping the whole series offline has got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Keeping {
    /// Files kept of all of them.
    Step { kept: usize, total: usize },
    /// All kept.
    Done,
    /// It could not be done (no worker yet, the network failed).
    Failed,
}

/// Ask the service worker to keep every file of the series (`sw.js`, `{keep: 'series'}`),
/// calling `progress` as it goes. `Failed` at once when no worker controls the page.
pub fn keep_series(progress: impl Fn(Keeping) + 'static) {
    use js_sys::Reflect;
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return progress(Keeping::Failed);
    };
    let Some(worker) = container.controller() else {
        return progress(Keeping::Failed);
    };
    let number = |data: &wasm_bindgen::JsValue, key: &str| {
        Reflect::get(data, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .map(|n| n as usize)
    };
    let listener = std::rc::Rc::new(std::cell::RefCell::new(None::<gloo::events::EventListener>));
    let holder = listener.clone();
    *listener.borrow_mut() = Some(gloo::events::EventListener::new(
        &container,
        "message",
        move |e| {
            let Some(data) =
                wasm_bindgen::JsCast::dyn_ref::<web_sys::MessageEvent>(e).map(|e| e.data())
            else {
                return;
            };
            let done = Reflect::get(&data, &"done".into())
                .ok()
                .is_some_and(|v| v.is_truthy());
            let error = Reflect::get(&data, &"error".into())
                .ok()
                .is_some_and(|v| v.is_truthy());
            if error {
                progress(Keeping::Failed);
            } else if done {
                progress(Keeping::Done);
            } else if let (Some(kept), Some(total)) =
                (number(&data, "kept"), number(&data, "total"))
            {
                progress(Keeping::Step { kept, total });
            }
            if done || error {
                // The listener's work is over: drop it (after this call returns).
                let holder = holder.clone();
                leptos::prelude::request_animation_frame(move || drop(holder.borrow_mut().take()));
            }
        },
    ));
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"keep".into(), &"series".into());
    if worker.post_message(&message).is_err() {
        listener.borrow_mut().take();
    }
}
