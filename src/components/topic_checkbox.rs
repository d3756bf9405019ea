use leptos::prelude::*;

use super::{localized, until_started};
use crate::state::Results;
use crate::timeline::palette;

/// A topic as a checkbox with its colour and shape, for choosing topics.
#[component]
pub fn TopicCheckbox(
    topic: usize,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: impl Fn() + 'static,
) -> impl IntoView {
    let timeline = Results::from_context().timeline;
    view! {
        <label class="topic-chip" data-topic=palette(topic)>
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                disabled=until_started()
                on:change=move |_| on_toggle()
            />
            <span class="swatch" aria-hidden="true"></span>
            {localized(timeline.topics[topic].name.clone())}
        </label>
    }
}
