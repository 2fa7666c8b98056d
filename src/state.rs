//! The view's reactive state, derived from the URL. The page's address is the one
//! source of truth: controls write the URL, and everything else is a `Memo` of it, so back,
//! forward, a reload and a copied address all give the same view.

pub mod marks;
pub mod site;

use leptos::prelude::*;
use minutes_core::Minutes;

use crate::filter::{self, Index, Outcome};
use crate::i18n::{Lang, Texts};
use crate::query::{self, Notice, ViewState, drop_unknown_ids, has_anchor};
use crate::state::marks::Marks;
use crate::terms::Search;
use crate::web::location::Location;
use crate::web::{browser, hydration};
use site::Language;

/// Everything a component needs to read or change the view of the meeting. `Copy`, handed down by
/// context (`provide_meeting`, `use_meeting`).
#[derive(Clone, Copy)]
pub struct MeetingState {
    /// The minutes shown.
    pub minutes: &'static Minutes,
    /// The filters and search, as read from the query string.
    pub state: Memo<ViewState>,
    /// What the link asked for that the page did not understand.
    pub notices: Memo<Vec<Notice>>,
    /// Whether any filter or search is on (what the summary, the clear-all button and the
    /// sections that step aside while filtering read, so a keystroke re-runs none of them).
    pub filtered: Memo<bool>,
    /// What the current state shows.
    pub outcome: Memo<Outcome>,
    /// The search box's words, folded for matching ([`crate::terms`]).
    pub search: Memo<Search>,
    /// Per-element signals following `outcome`, the fragment's target and `search`: what
    /// elements read, so that a change re-runs only the elements it changes.
    pub marks: Marks,
    /// Whether the screen is wide enough for the contents and attendees to start open.
    pub wide: ReadSignal<bool>,
    /// Whether the app runs the page (false in the first view, the one the build
    /// rendered for every reader, with or without JavaScript).
    pub started: ReadSignal<bool>,
    /// The interface language: the link's `lang`, else the reader's remembered choice.
    /// Its `lang` is a signal, not a memo of `state`: nearly every text on the page reads
    /// it, and a memo would have each keystroke's change of `state` check all of those
    /// readers.
    pub language: Language,
    location: Location,
}

/// Create the view state for `minutes` and provide it to the components below.
pub fn provide_meeting(minutes: &'static Minutes) -> MeetingState {
    let location = Location::follow();
    // Built once, and owned by the memo that reads it.
    let index = Index::new(minutes);
    // What the link says, less what these minutes do not have: an unknown id is dropped
    // (with a notice) rather than filtering the meeting down to nothing.
    let parsed = Memo::new(move |_| {
        let (mut state, mut notices) = location.search.with(|s| query::parse(s));
        notices.extend(drop_unknown_ids(minutes, &mut state));
        (state, notices)
    });
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let target = Memo::new(move |_| location.hash.with(|h| query::fragment_id(h)));
    let notices = Memo::new(move |_| {
        let mut notices = parsed.with(|(_, n)| n.clone());
        let target = target.get();
        if !target.is_empty() && !has_anchor(minutes, &target) {
            notices.push(Notice::UnknownTarget(target.chars().take(60).collect()));
        }
        notices
    });
    let outcome =
        Memo::new(move |_| state.with(|s| target.with(|t| filter::evaluate(&index, s, t))));
    let filtered = Memo::new(move |_| state.with(|s| s.is_filtered()));
    let search = Memo::new(move |_| state.with(|s| Search::new(&s.q)));
    let marks = Marks::new(minutes, state, outcome, target, search);
    let language = Language::follow(move || state.with(|s| s.lang));
    let (wide, set_wide) = signal(false);
    let (started, set_started) = signal(false);
    let meeting = MeetingState {
        minutes,
        state,
        notices,
        filtered,
        outcome,
        search,
        marks,
        wide,
        started,
        language,
        location,
    };
    // The first view is the one the build rendered: the bare page, in Japanese, at phone
    // width. Hydration must meet it node for node, so only once the whole page is the
    // app's (its remarks hydrate in slices after the first pass: `hydration`) does the
    // view catch up with this reader: the address they opened, the language they chose,
    // their screen, and anything they typed into the search field before the app ran.
    // What that changes is drawn in microtasks, before the next frame.
    hydration::when_whole(move || {
        location.catch_up();
        language.catch_up();
        set_wide.set(browser::is_wide_screen());
        set_started.set(true);
        if let Some(typed) = browser::typed_search() {
            let mut next = state.get_untracked();
            if next.q.is_empty() {
                next.q = typed;
                meeting.set(next, true);
            }
        }
    });
    provide_context(meeting);
    meeting
}

/// The view state provided by [`provide_meeting`].
pub fn use_meeting() -> MeetingState {
    use_context::<MeetingState>().expect("use_meeting() called outside provide_meeting()")
}

impl MeetingState {
    /// Show `next`. `replace` rewrites the current history entry instead of adding one:
    /// used while typing, so each keystroke does not become a step back.
    pub fn set(&self, next: ViewState, replace: bool) {
        if self.state.with_untracked(|s| *s == next) {
            return;
        }
        let url = format!(
            "{}{}{}",
            self.location.pathname.get_untracked(),
            query::to_query(&next),
            self.location.hash.get_untracked()
        );
        self.location.go(&url, replace);
    }

    /// Change the state with `f` and show the result as a new history entry.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        self.set(next, false);
    }

    /// Clear every filter and the search (a language the link asked for stays).
    pub fn clear(&self) {
        self.set(self.state.get_untracked().cleared(), false);
    }

    /// The interface texts in the current language (tracked: text that calls this
    /// inside a closure follows the switch).
    pub fn t(&self) -> &'static Texts {
        self.language.t()
    }

    /// A piece of interface text that follows the language: `meeting.text(|t| t.close)`.
    /// Every call returns the same closure type, so the code that renders and updates a
    /// text node or attribute is compiled once for all of them, not once per string
    /// (which cost kilobytes of WASM).
    pub fn text(
        self,
        pick: fn(&Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
    }

    /// The reader chose `lang`: remember it, and take any other `lang` out of the address
    /// (replacing the entry) so that a reload keeps the choice.
    pub fn choose_lang(&self, lang: Lang) {
        // Not before the catch-up: the remarks not yet hydrated must meet the page as the
        // build rendered it (`hydration`). Like a tap before the app runs, this one is
        // not answered.
        if !self.started.get_untracked() {
            return;
        }
        self.language.choose(lang);
        let mut next = self.state.get_untracked();
        if next.lang.is_some() {
            next.lang = None;
            self.set(next, true);
        }
    }

    /// This view for one part of the page (a section of the minutes), with the language
    /// relayed through a signal of its own ([`Language::relayed`]).
    pub fn scoped(self) -> MeetingState {
        MeetingState {
            language: self.language.relayed(),
            ..self
        }
    }

    /// The empty view in the current link's language, for the app's own links.
    pub fn base_state(&self) -> ViewState {
        self.state.with_untracked(ViewState::cleared)
    }
}
