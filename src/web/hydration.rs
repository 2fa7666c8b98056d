//! Hydration in slices. A meeting page's first pass hydrates only its frame (the elements
//! that hold the header, the tools and the proceedings); what they hold hydrates in later
//! tasks, a few views per task ([`later`], [`finish`]): the header, the search field, the
//! tools, the attendees, each section's heading and each remark. In one task, hydrating
//! a meeting of 14 remarks kept the page from answering a tap for about 60 ms on a
//! laptop, 240 ms at the 4× slower CPU Lighthouse simulates for a phone (its total
//! blocking time; bench/RESULTS.md, "Hydration in slices"). The page is whole and
//! readable meanwhile: it is the one the build rendered.
//!
//! Until the last slice, nothing may change what the page shows: a view hydrated after a
//! change would meet a page that no longer matches it. So the view's catch-up with the
//! reader (the address they opened, their language, what they typed) waits for the last
//! slice ([`when_whole`]), and until then the address holds still (`Location::go` does
//! nothing before `Location::catch_up`, as a tap before the app runs does nothing).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

type Job = Box<dyn FnOnce()>;

/// A view built on demand: a child of an element, hydrated in a slice of its own.
pub type Child = Box<dyn FnOnce() -> AnyView>;

/// The [`Child`] that `view` builds.
pub fn child<V: IntoAny + 'static>(view: impl FnOnce() -> V + 'static) -> Child {
    Box::new(move || view().into_any())
}

thread_local! {
    static SLICES: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static WHOLE: RefCell<Vec<Job>> = const { RefCell::new(Vec::new()) };
    static NEXT: RefCell<Option<Job>> = const { RefCell::new(None) };
    static CHANNEL: RefCell<Option<web_sys::MessageChannel>> = const { RefCell::new(None) };
    static IN_SLICE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How long one task hydrates before it lets the browser in: 8 ms here is 32 ms at
/// Lighthouse's 4× slower CPU, under the 50 ms from which a task counts as blocking.
const BUDGET_MS: f64 = 8.0;

/// Whether the page is being hydrated: in its first pass, or in a slice (false in the
/// build's render). A view hydrated in a slice may leave children for later in turn.
fn hydrating() -> bool {
    IN_SLICE.get() || Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

/// The inner HTML of an element (`host`) whose children hydrate later.
///
/// - In the build's render: the children's HTML, as they would be rendered in place.
/// - While the page hydrates: none. The element keeps what the build rendered, and each
///   child is queued to hydrate in a slice of its own ([`finish`]), under the reactive
///   owner of the caller.
/// - Drawn in the browser with no page to hydrate (the component tests): none, and the
///   children are built into the element once it exists.
///
/// An element's children that its view leaves out are not walked by hydration, where a
/// view that renders nothing still takes a place in the page (a `<!>`): so the children
/// are the element's inner HTML, never hydrated as such (`inner_html` is not set again
/// from the page's first view).
pub fn later<E>(host: NodeRef<E>, children: Vec<Child>) -> String
where
    E: ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    if cfg!(feature = "ssr") {
        return children
            .into_iter()
            .map(|child| child())
            .collect::<Vec<_>>()
            .to_html();
    }
    if !hydrating() {
        let mut children = Some(children);
        Effect::new(move |_| {
            let Some(host) = element(host) else {
                return;
            };
            for child in children.take().into_iter().flatten() {
                let mut state = child().build();
                state.mount(&host, None);
                // It lives as long as its element.
                std::mem::forget(state);
            }
        });
        return String::new();
    }
    let owner = Owner::current();
    // Where the next child is: the children are hydrated in order, each starting where
    // the one before ended, as the children of an element are in one pass.
    let place: Rc<RefCell<Option<(Cursor, PositionState)>>> = Rc::default();
    SLICES.with_borrow_mut(|slices| {
        for child in children {
            let (place, owner) = (place.clone(), owner.clone());
            slices.push_back(Box::new(move || {
                let mut place = place.borrow_mut();
                if place.is_none() {
                    let Some(host) = element(host) else {
                        return;
                    };
                    *place = Some((Cursor::new(host), PositionState::new(Position::FirstChild)));
                }
                let Some((cursor, position)) = place.as_ref() else {
                    return;
                };
                let hydrate = || child().hydrate::<true>(cursor, position);
                let state = match &owner {
                    Some(owner) => owner.with(hydrate),
                    None => hydrate(),
                };
                // It lives as long as the page, as the first pass's views do (whose owner
                // `hydrate_body` forgets).
                std::mem::forget(state);
            }));
        }
    });
    String::new()
}

/// The element `host` names, once the view has it.
fn element<E>(host: NodeRef<E>) -> Option<web_sys::Element>
where
    E: ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    host.get_untracked()
        .map(wasm_bindgen::JsCast::unchecked_into)
}

/// Run `job` once the whole page is hydrated: after the last slice, or in an effect where
/// there is no first pass.
pub fn when_whole(job: impl FnOnce() + 'static) {
    if hydrating() {
        WHOLE.with_borrow_mut(|whole| whole.push(Box::new(job)));
    } else {
        let mut job = Some(job);
        Effect::new(move |_| {
            if let Some(job) = job.take() {
                job();
            }
        });
    }
}

/// After the first pass: hydrate what [`later`] left, each task for at most
/// [`BUDGET_MS`], then run what waits for the whole page ([`when_whole`]), then `done`.
pub fn finish(done: impl FnOnce() + 'static) {
    if SLICES.with_borrow(VecDeque::is_empty) {
        whole(Box::new(done));
    } else {
        // The first slice in a task of its own: the first pass has had its time.
        next_task(Box::new(move || slices(Box::new(done))));
    }
}

fn slices(done: Job) {
    let start = now();
    while let Some(slice) = SLICES.with_borrow_mut(VecDeque::pop_front) {
        IN_SLICE.set(true);
        slice();
        IN_SLICE.set(false);
        if now() - start >= BUDGET_MS && SLICES.with_borrow(|s| !s.is_empty()) {
            return next_task(Box::new(move || slices(done)));
        }
    }
    whole(done);
}

fn whole(done: Job) {
    for job in WHOLE.take() {
        job();
    }
    done();
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Run `job` in a new task, at once: a message the page posts to itself. (A zero timeout
/// would do, but nested five deep the browser holds each for 4 ms.)
fn next_task(job: Job) {
    use wasm_bindgen::JsCast;
    NEXT.set(Some(job));
    let posted = CHANNEL.with_borrow_mut(|channel| {
        if channel.is_none() {
            let created = web_sys::MessageChannel::new().ok()?;
            let run = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(run_next);
            created
                .port1()
                .set_onmessage(Some(run.as_ref().unchecked_ref()));
            // The listener lasts as long as the page.
            run.forget();
            *channel = Some(created);
        }
        channel
            .as_ref()?
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .ok()
    });
    if posted.is_none() {
        set_timeout(run_next, std::time::Duration::ZERO);
    }
}

/// Run the job [`next_task`] left, if it is still there.
fn run_next() {
    if let Some(job) = NEXT.take() {
        job();
    }
}
