use leptos::prelude::*;

use super::translated;
use crate::i18n as msg;

/// A discreet note that the filters, search and other interactive features
/// are unavailable: shown (by `style.css`) when JavaScript is off, and by
/// `boot.js` when the WebAssembly cannot run (blocked, missing, an old
/// browser). The timeline itself stays readable: every event has its page.
#[component]
pub fn NoAppNote() -> impl IntoView {
    view! {
        <p class="no-app" role="note">{translated(msg::app_no_app)}</p>
    }
}
