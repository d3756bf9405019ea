use leptos::prelude::*;

use super::{TopicCheckbox, translated, until_started};
use crate::data::Lang;
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::Filter;
use actor_select::ActorSelect;

mod actor_select;

/// The search box, key moments, topics (several at once) and one actor;
/// the result count is announced to screen readers. Until the app has
/// started, the controls are disabled: without it they could do nothing.
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = PageState::from_context();
    let loaded = Results::from_context();
    let total = loaded.timeline.events.len();
    let shown = loaded.shown;
    let lang = state.lang;
    let disabled = until_started();

    let count = move || {
        let n = shown.with(Vec::len);
        if state.filter.with(Filter::is_active) {
            msg::results_count_filtered(lang.get(), n, total)
        } else {
            msg::results_count(lang.get(), n)
        }
    };
    let topics = (0..loaded.timeline.topics.len())
        .map(|topic| {
            let id = loaded.timeline.topics[topic].id.to_string();
            let checked = {
                let id = id.clone();
                Signal::derive(move || state.filter.with(|f| f.topics.contains(&id)))
            };
            view! {
                <TopicCheckbox topic checked on_toggle=move || state.filter.update(|f| f.toggle_topic(&id)) />
            }
        })
        .collect_view();

    view! {
        <section class="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{translated(msg::filters_heading)}</h2>
            <div class="search">
                <label for="search">{translated(msg::filters_search_label)}</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    placeholder=translated(msg::filters_search_placeholder)
                    disabled=disabled
                    // Left alone until the app has started, so that the
                    // hydration keeps what the reader typed; the app takes
                    // it then (`browser::take_over::apply_and_follow`).
                    prop:value=move || state.started.get().then(|| state.filter.with(|f| f.query.clone()))
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.filter.update(|f| f.query = value);
                    }
                />
            </div>
            <label class="key-toggle">
                <input
                    type="checkbox"
                    disabled=disabled
                    prop:checked=move || state.filter.with(|f| f.key)
                    on:change=move |_| state.filter.update(|f| f.key = !f.key)
                />
                {translated(msg::filters_key_moments)}
            </label>
            <fieldset class="topics">
                <legend>{translated(msg::filters_topics)}</legend>
                {topics}
            </fieldset>
            <div class="actor">
                <label for="actor">{translated(msg::filters_actors)}</label>
                <ActorSelect />
            </div>
            // Its own `lang`: it announces the count at once after a language
            // switch, before `<html lang>` follows (see `browser::sync::sync_head`).
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true" lang=translated(Lang::code)>
                {count}
            </p>
            <Show when=move || state.filter.with(Filter::is_active)>
                <button type="button" class="clear" on:click=move |_| state.filter.set(Filter::default())>
                    {translated(msg::filters_clear)}
                </button>
            </Show>
        </section>
    }
}
