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
                    on:click=move |_| {
                        i18n.language.set(language);
                        remember(language.id);
                    }
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

/// Keeps the reader's choice for their next visit. Storage may be refused
/// (a sandboxed iframe, a private window): then the choice lasts this visit.
fn remember(lang: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item("lang", lang);
    }
}
