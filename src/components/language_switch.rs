//! 日本語 | English, on every page.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::site::Language;

/// One button per language. Each names its language in that language; the pressed one is
/// the interface's. Choosing is remembered for the next visit (`choose`).
#[component]
pub fn LanguageSwitch(
    /// The page's language.
    language: Language,
    /// What choosing a language does on this page.
    choose: Callback<Lang>,
) -> impl IntoView {
    view! {
        <div class="language-switch" role="group" aria-label=language.text(|t| t.language)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            data-lang=lang.code()
                            aria-pressed=move || (language.lang.get() == lang).to_string()
                            on:click=move |_| choose.run(lang)
                        >
                            {lang.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
