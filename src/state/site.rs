//! The state every page shares: the address and the interface language, by context.

use leptos::prelude::*;

use crate::i18n::{Lang, Texts};
use crate::web::browser;
use crate::web::location::Location;

/// The interface language: the link's `lang`, else the reader's remembered choice, else
/// Japanese. `Copy`. The first view (the one the build rendered) is always Japanese;
/// [`Language::catch_up`], run once the page is hydrated, brings in the reader's choice.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown. A signal written by one effect, not a memo: nearly every text
    /// reads it (see `MeetingState::lang`).
    pub lang: ReadSignal<Lang>,
    choice: RwSignal<Option<Lang>>,
}

impl Language {
    /// Follow `from_link` (the address's `lang`) and the reader's choice; `<html lang>`
    /// follows the result.
    pub fn follow(from_link: impl Fn() -> Option<Lang> + Send + Sync + 'static) -> Language {
        let choice = RwSignal::new(None);
        let lang = relay(move || from_link().or(choice.get()).unwrap_or_default());
        Effect::new(move |_| browser::set_document_lang(lang.get().code()));
        Language { lang, choice }
    }

    /// The same language through a signal of its own, for one part of the page: every
    /// text follows the language, and a signal keeps its readers in order, so each reader
    /// that comes or goes (a fold button, a reason) or re-runs (a language switch) costs
    /// time in proportion to how many readers the signal has; one signal for a whole
    /// meeting made both grow with the square of its length.
    pub fn relayed(self) -> Language {
        let page = self.lang;
        Language {
            lang: relay(move || page.get()),
            ..self
        }
    }

    /// Bring in the choice the reader made on an earlier visit.
    pub fn catch_up(&self) {
        self.choice
            .set(browser::stored_lang().as_deref().and_then(Lang::parse));
    }

    /// The reader chose `lang`: remember it for the next visit.
    pub fn choose(&self, lang: Lang) {
        browser::store_lang(lang.code());
        self.choice.set(Some(lang));
    }

    /// The interface texts in the current language (tracked).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    /// A piece of interface text that follows the language (see `MeetingState::text`).
    pub fn text(
        self,
        pick: fn(&Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
    }
}

/// A signal that follows `source`, written only when its value changes: its readers
/// re-run on a change of language, not on every change of what `source` reads.
fn relay(source: impl Fn() -> Lang + Send + Sync + 'static) -> ReadSignal<Lang> {
    let (lang, set_lang) = signal(untrack(&source));
    Effect::new(move |_| {
        let now = source();
        if lang.get_untracked() != now {
            set_lang.set(now);
        }
    });
    lang
}

/// What the index and person pages share: the address and the language. `Copy`, by
/// context ([`provide_site`], [`use_site`]).
#[derive(Clone, Copy)]
pub struct SiteState {
    /// The address.
    pub location: Location,
    /// The interface language.
    pub language: Language,
    /// The way up to the site's root from this page.
    pub root: &'static str,
}

/// Create the state of an index or person page and provide it to the components below.
pub fn provide_site(root: &'static str) -> SiteState {
    let location = Location::follow();
    let link_lang = Memo::new(move |_| {
        location
            .search
            .with(|s| crate::series_search::SeriesQuery::parse(s).lang)
    });
    let language = Language::follow(move || link_lang.get());
    let site = SiteState {
        location,
        language,
        root,
    };
    // As on a meeting page: the first view is the rendered one; the reader's address and
    // language come in once the page is hydrated.
    Effect::new(move |_| {
        location.catch_up();
        language.catch_up();
    });
    provide_context(site);
    site
}

/// The state provided by [`provide_site`].
pub fn use_site() -> SiteState {
    use_context::<SiteState>().expect("use_site() called outside provide_site()")
}

impl SiteState {
    /// The reader chose `lang`: remember it, and take `lang` out of the address so that
    /// a reload keeps the choice.
    pub fn choose_lang(&self, lang: Lang) {
        self.language.choose(lang);
        let search = self.location.search.get_untracked();
        let mut query = crate::series_search::SeriesQuery::parse(&search);
        if query.lang.take().is_some() {
            let url = format!(
                "{}{}{}",
                self.location.pathname.get_untracked(),
                query.to_query(),
                self.location.hash.get_untracked()
            );
            self.location.go(&url, true);
        }
    }
}
