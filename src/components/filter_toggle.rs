use leptos::html;
use leptos::prelude::*;

use super::{reactive, until_started};
use crate::i18n as msg;
use crate::state::PageState;
use crate::timeline::Filter;

/// The button that opens the filter sheet on phones and in embeds, with the
/// number of filters in use.
#[component]
pub fn FilterToggle(open: RwSignal<bool>, toggle: NodeRef<html::Button>) -> impl IntoView {
    let state = PageState::from_context();
    let active = move || state.filter.with(Filter::active_count);
    view! {
        <button
            type="button"
            class="filter-toggle"
            node_ref=toggle
            aria-expanded=move || open.get().to_string()
            aria-controls="filter-panel"
            disabled=until_started()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {reactive(move || msg::filters_open(state.lang.get(), active()))}
        </button>
    }
}
