use leptos::prelude::*;

use crate::components::translated;
use crate::format::format_date;
use crate::i18n as msg;
use crate::state::{PageState, Results};

/// The event open when the embed loads, if any.
#[component]
pub fn EventField(event: RwSignal<Option<String>>) -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let choices = move || {
        let lang = state.lang.get();
        timeline
            .events
            .iter()
            .map(|e| {
                let label = msg::embed_event_option(
                    lang,
                    &format_date(lang, e.date, e.end),
                    e.title.get(lang),
                );
                let id = e.id.to_string();
                let selected = event.with_untracked(|x| x.as_deref() == Some(id.as_str()));
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="embed-field">
            <label for="embed-event">{translated(msg::embed_event)}</label>
            <select
                id="embed-event"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    event.set((!id.is_empty()).then_some(id));
                }
            >
                <option value="">{translated(msg::embed_event_none)}</option>
                {choices}
            </select>
        </div>
    }
}
