use leptos::prelude::*;

use super::tr;
use crate::i18n as t;
use crate::state::PageState;

/// How sources are used, the open data, and the privacy promise.
#[component]
pub fn PageFooter() -> impl IntoView {
    let state = expect_context::<PageState>();
    let data = move || format!("{}{}", state.base(), crate::DATA_FILE);
    view! {
        <footer class="page-footer">
            <p>{tr(t::footer_sources_policy)}</p>
            <p>
                <a href=data>{tr(t::footer_data)}</a>
            </p>
            <p>{tr(t::footer_privacy)}</p>
        </footer>
    }
}
