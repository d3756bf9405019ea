//! A bilingual, interactive timeline of US–Mexico security cooperation.
//!
//! The plain-Rust modules (`data`, `dates`, `search`, `timeline`,
//! `url_state`) know nothing about the browser and are tested natively. The
//! `app` feature adds the Leptos components that render them.

#![forbid(unsafe_code)]

pub mod data;
pub mod dates;
pub mod embed;
pub mod format;
pub mod search;
pub mod timeline;
pub mod url_state;

/// The messages of `locales/`, compiled to Rust by `build.rs`. They are
/// crate-private so that an unused one is dead code, which fails
/// `clippy -D warnings` in the app build. Without the app nothing shows
/// them, hence the allow there.
#[cfg_attr(not(feature = "app"), allow(dead_code))]
// TEMPORARY: the components still use leptos-fluent, so in the app build too
// nothing calls most messages yet. Remove this line when they call these
// functions; from then on an unused message fails the build.
#[cfg_attr(feature = "app", allow(dead_code))]
mod i18n;

#[cfg(feature = "app")]
mod components;
#[cfg(feature = "app")]
mod intl;
#[cfg(feature = "app")]
mod panic;
#[cfg(feature = "app")]
mod state;

#[cfg(feature = "app")]
pub use app::{App, start};

#[cfg(feature = "app")]
mod app {
    use leptos::prelude::*;

    use crate::components::{I18nProvider, Page};
    use crate::panic::PanicText;

    /// Mounts the app on `<body>`.
    pub fn start() {
        crate::panic::install();
        canonicalise_url();
        leptos::mount::mount_to_body(App);
    }

    /// Rewrites the address to the state the app understood, before anything
    /// reads it: an unknown `?lang=xx` is dropped (so the language comes from
    /// the reader's earlier choice or the browser), as is any other value the
    /// app ignores.
    fn canonicalise_url() {
        let location = window().location();
        let search = location.search().unwrap_or_default();
        let query = crate::url_state::UrlState::parse(&search).to_query();
        if query != search {
            let url = format!(
                "{}{query}{}",
                location.pathname().unwrap_or_default(),
                location.hash().unwrap_or_default()
            );
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }

    /// The whole page, inside the one i18n provider.
    #[component]
    pub fn App() -> impl IntoView {
        view! {
            <I18nProvider>
                <PanicText />
                <Page />
            </I18nProvider>
        }
    }
}

/// Without the `app` feature there is nothing to start; the binary exists
/// only for the browser build.
#[cfg(not(feature = "app"))]
pub fn start() {}
