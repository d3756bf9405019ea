//! A bilingual, interactive timeline of US–Mexico security cooperation.
//!
//! The plain-Rust modules (`address`, `data`, `dates`, `embed`, `i18n`,
//! `meta`, `oembed`, `search`, `timeline`) know nothing about the browser and are
//! tested natively. The Leptos components render them twice: with the
//! `ssr` feature, natively at build time, into a static page per language
//! and per event (`prerender`); with `hydrate`, in the browser, which takes
//! that page over (`browser`).

#![forbid(unsafe_code)]

pub mod address;
pub mod data;
pub mod dates;
pub mod embed;
pub mod format;
pub mod meta;
pub mod oembed;
pub mod search;
pub mod timeline;

/// The messages of `locales/`, compiled to Rust by `build.rs`. They are
/// crate-private, so that a message no code calls is dead code, which fails
/// `cargo clippy --all-features -- -D warnings` (`cargo xtask test`): the
/// build with both renderings is the one where every message has a caller
/// (the prerendering writes some, the browser alone shows others).
#[cfg_attr(not(all(feature = "ssr", feature = "hydrate")), allow(dead_code))]
mod i18n;

#[cfg(feature = "hydrate")]
mod browser;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
mod components;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod json_ld;
#[cfg(feature = "hydrate")]
mod panic;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "ssr")]
pub mod preview;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod state;
#[cfg(all(test, target_arch = "wasm32", feature = "hydrate"))]
mod web_tests;

#[cfg(feature = "hydrate")]
pub use browser::start;

/// The data file, relative to the site's base: the browser loads it, the
/// prerendering reads it and names it on each page for `boot.js`, and the
/// footer links it.
pub const DATA_FILE: &str = "data/events.json";

#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub use app::App;

#[cfg(any(feature = "ssr", feature = "hydrate"))]
mod app {
    use std::sync::Arc;

    use leptos::prelude::*;

    use crate::components::{
        EmbedAttribution, EmbedGenerator, LanguageSwitch, NoAppNote, PageFooter, PageHeader,
        TimelineView, translated,
    };
    use crate::data::Timeline;
    use crate::i18n as msg;
    use crate::state::{PageState, Results, Start};

    /// The whole page. `start` is what the page's path says, the same for
    /// the prerendered page and the browser's first render. The page's
    /// state is the one in context, if its caller provided one (the browser
    /// does, to take the page over with it), or a new one.
    #[component]
    pub fn App(timeline: Arc<Timeline>, start: Start) -> impl IntoView {
        let state = use_context::<PageState>().unwrap_or_else(|| {
            let state = PageState::new(&start);
            provide_context(state);
            state
        });
        provide_context(Results::new(timeline, state));
        let skip_href = move || format!("{}#timeline", state.href(&state.page()));
        view! {
            <a class="skip-link" href=skip_href on:click=skip_to_timeline>
                {translated(msg::app_skip_link)}
            </a>
            <NoAppNote />
            <LanguageSwitch />
            <PageHeader />
            <main id="timeline" tabindex="-1">
                <TimelineView />
            </main>
            <EmbedAttribution />
            <EmbedGenerator />
            <PageFooter />
        }
    }

    /// Moves focus to the timeline in place: with `<base href>` set, the
    /// browser would otherwise load the link as a new page.
    fn skip_to_timeline(ev: leptos::ev::MouseEvent) {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("timeline")
            && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
        {
            let _ = main.focus();
            main.scroll_into_view();
        }
    }
}
