use leptos::prelude::*;

use crate::components::translated;
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::step;

/// Buttons to the previous and next event among those shown.
#[component]
pub fn Neighbours(index: usize) -> impl IntoView {
    let state = PageState::from_context();
    let loaded = Results::from_context();
    let (timeline, shown) = (loaded.timeline, loaded.shown);
    let go = move |forward: bool| {
        let timeline = timeline.clone();
        move |_| {
            if let Some(next) = shown.with(|s| step(s, index, forward)) {
                state.event.set(Some(timeline.events[next].id.to_string()));
            }
        }
    };
    let at_end = move |forward: bool| {
        move || !state.started.get() || shown.with(|s| step(s, index, forward).is_none())
    };
    view! {
        <button type="button" on:click=go(false) disabled=at_end(false)>
            {translated(msg::detail_previous)}
        </button>
        <button type="button" on:click=go(true) disabled=at_end(true)>
            {translated(msg::detail_next)}
        </button>
    }
}
