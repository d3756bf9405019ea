use leptos::prelude::*;
use leptos_fluent::{I18n, move_tr};

/// One button per language, each named in its own language (from
/// `locales/languages.json`), switching everything at once without a reload.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let buttons = i18n
        .languages
        .iter()
        .map(|&language| {
            let active = move || i18n.language.get().id == language.id;
            view! {
                <button
                    type="button"
                    lang=language.id
                    aria-pressed=move || if active() { "true" } else { "false" }
                    on:click=move |_| i18n.language.set(language)
                >
                    {language.name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="language-switch" role="group" aria-label=move_tr!("language-switch-label")>
            {buttons}
        </div>
    }
}
