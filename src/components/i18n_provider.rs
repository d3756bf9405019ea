use leptos::prelude::*;
use leptos_fluent::leptos_fluent;

/// Provides the translations of `locales/` and picks the first language
/// from: `?lang=`, the reader's earlier choice, the browser, then Spanish.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        languages: "./locales/languages.json",
        default_language: "es",
        // Fails the build when a message is missing in a language or unused.
        check_translations: "./src/**/*.rs",
        // Tests compare exact text; Spanish and English are both left to
        // right, so Fluent's bidi isolation marks add nothing.
        customise: |bundle| bundle.set_use_isolating(false),
        sync_html_tag_lang: true,
        initial_language_from_url_param: true,
        url_param: "lang",
        // Only a choice made with the language switch is remembered (see
        // `LanguageSwitch`), not a `?lang=` that came with a link or embed.
        initial_language_from_local_storage: true,
        local_storage_key: "lang",
        initial_language_from_navigator: true,
    }
}
