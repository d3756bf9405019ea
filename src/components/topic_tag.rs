use leptos::prelude::*;

use super::localized;
use crate::state::Results;
use crate::timeline::palette;

/// A topic as a tag: its colour and shape (drawn by `style.css` before the
/// name, as no element of its own), then its name.
#[component]
pub fn TopicTag(topic: usize) -> impl IntoView {
    let timeline = Results::from_context().timeline;
    view! {
        <li class="topic" data-topic=palette(topic)>
            {localized(timeline.topics[topic].name.clone())}
        </li>
    }
}
