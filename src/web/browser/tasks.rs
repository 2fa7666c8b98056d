//! Work the browser does later or over the network: idle callbacks, fetches, and keeping
//! the series offline through the service worker.

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

/// Ask the service worker to keep every file of the series (`sw.js`, `{keep: 'series'}`), or
/// of one body and what every body shares (`{keep: 'series', body}`),
/// calling `progress` as it goes. `Failed` at once when no worker controls the page.
pub fn keep_series(body: Option<String>, progress: impl Fn(Keeping) + 'static) {
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
    if let Some(body) = body {
        let _ = Reflect::set(&message, &"body".into(), &body.into());
    }
    if worker.post_message(&message).is_err() {
        listener.borrow_mut().take();
    }
}
