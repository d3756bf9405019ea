use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use crate::data::{Actor, Lang, Topic};
use crate::search::fold;
use crate::state::{Loaded, PageState, use_lang};
use crate::timeline::Filter;

/// Topics (several at once), an actor, and a search box; the result count
/// is announced to screen readers.
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let lang = use_lang();
    let total = loaded.timeline.entries.len();
    let shown = loaded.shown;

    let on_search = move |ev| {
        let value = event_target_value(&ev);
        state.filter.update(|f| f.query = value);
    };
    let count = move || {
        let n = shown.with(Vec::len);
        if state.filter.with(Filter::is_active) {
            tr!("results-count-filtered", { "shown" => n, "total" => total })
        } else {
            tr!("results-count", { "shown" => n })
        }
    };

    view! {
        <section class="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{move_tr!("filters-heading")}</h2>
            <div class="search">
                <label for="search">{move_tr!("filters-search-label")}</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    placeholder=move_tr!("filters-search-placeholder")
                    prop:value=move || state.filter.with(|f| f.query.clone())
                    on:input=on_search
                />
            </div>
            <fieldset class="topics">
                <legend>{move_tr!("filters-topics")}</legend>
                {topic_choices(&loaded.timeline.topics, state, lang)}
            </fieldset>
            <div class="actor">
                <label for="actor">{move_tr!("filters-actors")}</label>
                {actor_select(loaded.timeline.actors.clone(), state, lang)}
            </div>
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {count}
            </p>
            <Show when=move || state.filter.with(Filter::is_active)>
                <button
                    type="button"
                    class="clear"
                    on:click=move |_| state.filter.set(Filter::default())
                >
                    {move_tr!("filters-clear")}
                </button>
            </Show>
        </section>
    }
}

/// A checkbox per topic, with the topic's colour and shape.
fn topic_choices(topics: &[Topic], state: PageState, lang: Signal<Lang>) -> impl IntoView + use<> {
    topics
        .iter()
        .enumerate()
        .map(|(n, topic)| {
            let id = topic.id.clone();
            let checked = {
                let id = id.clone();
                move || state.filter.with(|f| f.topics.contains(&id))
            };
            let toggle = move |_| {
                state.filter.update(|f| {
                    if let Some(pos) = f.topics.iter().position(|t| *t == id) {
                        f.topics.remove(pos);
                    } else {
                        f.topics.push(id.clone());
                    }
                });
            };
            let name = topic.name.clone();
            view! {
                <label class="topic-chip" data-topic=n % 8>
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    <span class="swatch" aria-hidden="true"></span>
                    {move || name.get(lang.get()).to_string()}
                </label>
            }
        })
        .collect_view()
}

/// One actor at a time, in alphabetical order for the active language.
fn actor_select(actors: Vec<Actor>, state: PageState, lang: Signal<Lang>) -> impl IntoView {
    let options = move || {
        let lang = lang.get();
        let mut sorted = actors.clone();
        sorted.sort_by_cached_key(|a| fold(a.name.get(lang)));
        let selected = state.filter.with(|f| f.actors.first().cloned()).unwrap_or_default();
        sorted
            .into_iter()
            .map(|a| {
                let is_selected = a.id == selected;
                view! {
                    <option value=a.id selected=is_selected>
                        {a.name.get(lang).to_string()}
                    </option>
                }
            })
            .collect_view()
    };
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        state.filter.update(|f| f.actors = if value.is_empty() { vec![] } else { vec![value] });
    };
    view! {
        <select id="actor" on:change=on_change>
            <option value="">{move_tr!("filters-actors-all")}</option>
            {options}
        </select>
    }
}
