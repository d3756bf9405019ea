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
        // Tests compare exact text; Spanish and English are both left to
        // right, so Fluent's bidi isolation marks add nothing. NUMBER() is
        // used by results-count-filtered (for build.rs, it makes $total a
        // number). Missing and unused messages are now caught by build.rs
        // and rustc's dead-code lint (src/i18n.rs).
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let _ = bundle.add_builtins();
        },
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
