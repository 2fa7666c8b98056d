//! The page's address as signals, and the one way to change it. This is all the routing
//! a one-page viewer needs (no path routes, see `app.rs`), in place of a router crate
//! (leptos_router cost about 9 KB of WASM).
//!
//! - `?…` links inside the page change the query string without a reload (a history entry
//!   each); the click is left to the browser when it asks for a new tab or window.
//! - `#…` links are the browser's own: it scrolls, moves focus and adds the entry;
//!   `hashchange` tells the signals.
//! - Back and forward (`popstate`) re-read the address.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current address, split as the view needs it. `Copy`.
#[derive(Clone, Copy)]
pub struct Location {
    address: RwSignal<Address>,
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

fn read() -> Address {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Address::default();
    };
    Address {
        pathname: location.pathname().unwrap_or_default(),
        search: location.search().unwrap_or_default(),
        hash: location.hash().unwrap_or_default(),
    }
}

impl Location {
    /// Follow the browser's address from now on (listeners live as long as the app).
    pub fn follow() -> Location {
        let address = RwSignal::new(read());
        let location = Location {
            address,
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
            hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
            pathname: Memo::new(move |_| address.with(|a| a.pathname.clone())),
        };
        let reread = move || address.set(read());
        let popstate = window_event_listener(leptos::ev::popstate, move |_| reread());
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| reread());
        let click = window_event_listener(leptos::ev::click, move |e| {
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

    /// Show `url` (same page): a new history entry, or with `replace` a rewrite of the
    /// current one. The page does not scroll.
    pub fn go(&self, url: &str, replace: bool) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&null, "", Some(url))
            } else {
                history.push_state_with_url(&null, "", Some(url))
            };
        }
        self.address.set(read());
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
