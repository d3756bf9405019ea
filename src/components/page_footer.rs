use leptos::prelude::*;

use crate::i18n as t;
use crate::state::PageState;

/// How sources are used, the open data, and the privacy promise.
#[component]
pub fn PageFooter() -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = state.lang;
    let data = move || format!("{}data/events.json", state.base());
    view! {
        <footer class="page-footer">
            <p>{move || t::footer_sources_policy(lang.get())}</p>
            <p>
                <a href=data>{move || t::footer_data(lang.get())}</a>
            </p>
            <p>{move || t::footer_privacy(lang.get())}</p>
        </footer>
    }
}
