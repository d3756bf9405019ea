use leptos::html;
use leptos::prelude::*;

use crate::components::{reactive, translated};
use crate::i18n as msg;
use crate::state::PageState;

/// The panel for an id that is not in the data (a mistyped or outdated link).
#[component]
pub fn NotFound(
    heading: NodeRef<html::H2>,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = PageState::from_context();
    let text = reactive(move || {
        let id = state.event.get().unwrap_or_default();
        msg::detail_not_found(state.lang.get(), &id)
    });
    view! {
        <section class="detail not-found" role="alert">
            <h2 tabindex="-1" node_ref=heading id="detail-heading">
                {text}
            </h2>
            <button type="button" on:click=move |_| close()>
                {translated(msg::detail_not_found_close)}
            </button>
        </section>
    }
}
