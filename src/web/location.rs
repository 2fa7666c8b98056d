//! The page's address as signals, and the one way to change it. This is all the routing
//! a one-page viewer needs (no path routes, see `app.rs`).
//!
//! - `?…` links inside the page change the query string without a reload (a history entry
//!   each); the click is left to the browser when it asks for a new tab or window.
//! - `#…` links are the browser's own: it scrolls, moves focus and adds the entry;
//!   `hashchange` tells the signals.
//! - Back and forward (`popstate`) re-read the address.
//! - Nothing changes it before the view has caught up with it ([`Location::catch_up`]).
//! - The app's own changes ([`Location::go`]) reach the signals at once and the browser's
//!   history once the browser is idle after the next paint: a keystroke's results are not
//!   kept waiting for `history.replaceState` (slow in Chromium), nor is the next
//!   keystroke, and the writes made before it become one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::browser;

/// The current address, split as the view needs it. `Copy`.
#[derive(Clone, Copy)]
pub struct Location {
    address: RwSignal<Address>,
    /// A history write waiting for the browser to be idle: the URL, and whether it adds an
    /// entry.
    pending: StoredValue<Option<(String, bool)>>,
    /// Whether the view has caught up with the address ([`Location::catch_up`]). Until
    /// then the address holds still: the parts of a page not yet hydrated must meet it as
    /// the build rendered it (`hydration`).
    live: StoredValue<bool>,
    /// The query string, with its `?` (or empty).
    pub search: Memo<String>,
    /// The fragment, with its `#` (or empty).
    pub hash: Memo<String>,
    /// The path, for building addresses on the same page.
    pub pathname: Memo<String>,
}

#[derive(Clone, Default, PartialEq)]
struct Address {
    pathname: String,
    search: String,
    hash: String,
}

impl Address {
    /// The parts of a same-page address `path?query#fragment`, as `window.location` gives
    /// them once the address is shown (the app writes queries already percent-encoded).
    fn of(url: &str) -> Address {
        let (rest, hash) = match url.find('#') {
            Some(i) => (&url[..i], &url[i..]),
            None => (url, ""),
        };
        let (pathname, search) = match rest.find('?') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        Address {
            pathname: pathname.to_owned(),
            // The browser drops a bare `?` and `#`.
            search: if search == "?" { "" } else { search }.to_owned(),
            hash: if hash == "#" { "" } else { hash }.to_owned(),
        }
    }
}

fn read() -> Address {
    let (pathname, search, hash) = browser::address();
    Address {
        pathname,
        search,
        hash,
    }
}

impl Location {
    /// Follow the browser's address (listeners live as long as the app). It starts as the
    /// bare page, the view the build rendered, which hydration must meet node for node;
    /// [`Location::catch_up`] then reads the address the reader opened.
    pub fn follow() -> Location {
        let address = RwSignal::new(Address::default());
        let pending = StoredValue::new(None);
        let live = StoredValue::new(false);
        let location = Location {
            address,
            pending,
            live,
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
            hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
            pathname: Memo::new(move |_| address.with(|a| a.pathname.clone())),
        };
        // The browser moved (back, forward, a `#…` link): its address wins over a write
        // still waiting.
        let reread = move || {
            pending.set_value(None);
            if live.get_value() {
                location.catch_up();
            }
        };
        let popstate = window_event_listener(leptos::ev::popstate, move |_| reread());
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| reread());
        let click = window_event_listener(leptos::ev::click, move |e| {
            // Before the catch-up, the browser follows the link: a new page, as without
            // the app.
            if !live.get_value() {
                return;
            }
            if let Some(href) = query_link(&e) {
                e.prevent_default();
                location.go(&href, false);
            }
        });
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
            click.remove();
        });
        location
    }

    /// Read the browser's address: once the page is hydrated, and after that whenever
    /// the browser moves.
    pub fn catch_up(&self) {
        self.live.set_value(true);
        self.address.set(read());
    }

    /// Show `url` (same page): a new history entry, or with `replace` a rewrite of the
    /// current one. The page does not scroll. The view follows at once; the browser's
    /// address once it is idle after the next paint (several calls before that make one
    /// entry, a new one if any of them asked for it).
    pub fn go(&self, url: &str, replace: bool) {
        // Not before the catch-up (see `live`): like a tap before the app runs, this
        // change is not made. (What was typed into the search field is not lost: the
        // catch-up reads it.)
        if !self.live.get_value() {
            return;
        }
        let waiting = self
            .pending
            .with_value(|p| p.as_ref().map(|(_, push)| *push));
        let push = !replace || waiting == Some(true);
        self.pending.set_value(Some((url.to_owned(), push)));
        self.address.set(Address::of(url));
        if waiting.is_none() {
            let pending = self.pending;
            request_animation_frame(move || browser::when_idle(move || write_history(pending)));
        }
    }
}

/// Write the waiting address into the browser's history, if one is still waiting.
fn write_history(pending: StoredValue<Option<(String, bool)>>) {
    let Some((url, push)) = pending.try_update_value(Option::take).flatten() else {
        return;
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
    }
}

/// The `href` of a plain left click on an in-page `?…` link, which the app follows
/// itself; `None` for anything the browser should handle (other links, modifier keys,
/// other buttons, a `target`, a click already handled).
fn query_link(e: &web_sys::MouseEvent) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let anchor = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if anchor.has_attribute("target") || anchor.has_attribute("download") {
        return None;
    }
    anchor.get_attribute("href").filter(|h| h.starts_with('?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_splits_as_the_browser_splits_it() {
        let a = Address::of("/minutes/?q=%E3%83%AD%E3%82%B0&lang=en#p-3-2");
        assert_eq!(a.pathname, "/minutes/");
        assert_eq!(a.search, "?q=%E3%83%AD%E3%82%B0&lang=en");
        assert_eq!(a.hash, "#p-3-2");
        let b = Address::of("/#x?y");
        assert_eq!(
            (b.pathname.as_str(), b.search.as_str(), b.hash.as_str()),
            ("/", "", "#x?y")
        );
        let c = Address::of("/?#");
        assert_eq!(
            (c.pathname.as_str(), c.search.as_str(), c.hash.as_str()),
            ("/", "", "")
        );
    }
}
