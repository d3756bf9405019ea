use leptos::prelude::*;

use super::translated;
use crate::i18n as msg;
use crate::state::PageState;

/// How sources are used, the open data, and the privacy promise.
#[component]
pub fn PageFooter() -> impl IntoView {
    let state = PageState::from_context();
    let data = move || format!("{}{}", state.base(), crate::DATA_FILE);
    view! {
        <footer class="page-footer">
            <p>{translated(msg::footer_sources_policy)}</p>
            <p>
                <a href=data>{translated(msg::footer_data)}</a>
            </p>
            <p>{translated(msg::footer_privacy)}</p>
        </footer>
    }
}
