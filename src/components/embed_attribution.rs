use leptos::prelude::*;

use super::translated;
use crate::address::Address;
use crate::i18n as msg;
use crate::state::PageState;

/// Embedded pages credit the timeline with a link to the full page, in a
/// new tab, with the same language, open event and filters. The full page
/// hides it (see `.embed-attribution` in `style.css`): the embed is the
/// same markup, styled compactly.
#[component]
pub fn EmbedAttribution() -> impl IntoView {
    let state = PageState::from_context();
    let href = move || {
        let address = Address { page: state.page(), view: state.view().outside_frame() };
        format!("{}{}", state.base(), address.href())
    };
    view! {
        <footer class="embed-attribution">
            <a href=href target="_blank" rel="noopener">
                {translated(msg::embed_attribution)}
            </a>
        </footer>
    }
}
