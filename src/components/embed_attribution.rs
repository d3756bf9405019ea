use leptos::prelude::*;
use leptos_fluent::move_tr;

use super::copy::page_url;
use crate::embed::full_page;
use crate::state::{PageState, use_lang};

/// Embedded pages credit the timeline with a link to the full page, in a
/// new tab, with the same language, open event and filters.
#[component]
pub fn EmbedAttribution() -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = use_lang();
    let href = move || {
        let url = full_page(&state.url_with_event(state.event.get(), lang.get()));
        format!("{}{}", page_url(), url.to_query())
    };
    view! {
        <footer class="embed-attribution">
            <a href=href target="_blank" rel="noopener">
                {move_tr!("embed-attribution")}
            </a>
        </footer>
    }
}
