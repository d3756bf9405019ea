use leptos::prelude::*;

use crate::i18n as t;
use crate::state::PageState;

/// A discreet note that the filters, search and other interactive features
/// are unavailable: shown (by `style.css`) when JavaScript is off, and by
/// `boot.js` when the WebAssembly cannot run (blocked, missing, an old
/// browser). The timeline itself stays readable: every event has its page.
#[component]
pub fn NoAppNote() -> impl IntoView {
    let state = expect_context::<PageState>();
    view! {
        <p class="no-app" role="note">{move || t::app_no_app(state.lang.get())}</p>
    }
}
