use leptos::prelude::*;

use crate::components::{TopicCheckbox, translated};
use crate::i18n as msg;
use crate::state::Results;

/// The topics the embed shows (none chosen: all).
#[component]
pub fn TopicsField(topics: RwSignal<Vec<String>>) -> impl IntoView {
    let timeline = Results::from_context().timeline;
    let boxes = timeline
        .topics
        .iter()
        .enumerate()
        .map(|(topic, t)| {
            let id = t.id.to_string();
            let checked = {
                let id = id.clone();
                Signal::derive(move || topics.with(|t| t.contains(&id)))
            };
            let toggle = move || {
                topics.update(|t| {
                    if let Some(i) = t.iter().position(|x| *x == id) {
                        t.remove(i);
                    } else {
                        t.push(id.clone());
                    }
                });
            };
            view! { <TopicCheckbox topic checked on_toggle=toggle /> }
        })
        .collect_view();
    view! {
        <fieldset class="topics embed-topics">
            <legend>{translated(msg::embed_topics)}</legend>
            {boxes}
        </fieldset>
    }
}
