use leptos::prelude::*;
use leptos_fluent::move_tr;
use wasm_bindgen::JsCast;

use super::EventCard;
use crate::state::{Loaded, PageState};
use crate::timeline::{Filter, group_by_year};

/// The events that pass the filters, grouped by year, as an ordered list.
/// Up and Down arrows move between events.
#[component]
pub fn EventList() -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let shown = loaded.shown;
    let timeline = loaded.timeline.clone();
    let groups = Memo::new(move |_| shown.with(|s| group_by_year(&timeline, s)));
    let years = move || groups.with(|g| g.iter().map(|(y, _)| *y).collect::<Vec<_>>());
    let events_of = move |year: i32| {
        groups.with(|g| {
            g.iter().find(|(y, _)| *y == year).map(|(_, v)| v.clone()).unwrap_or_default()
        })
    };

    view! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading">{move_tr!("events-heading")}</h2>
            <Show when=move || shown.with(Vec::is_empty)>
                <div class="empty">
                    <p>{move_tr!("results-empty")}</p>
                    <button type="button" on:click=move |_| state.filter.set(Filter::default())>
                        {move_tr!("filters-clear")}
                    </button>
                </div>
            </Show>
            <ol class="years" on:keydown=move_between_events>
                <For each=years key=|year| *year let:year>
                    <li class="year">
                        <h3 class="year-heading">{year}</h3>
                        <ol class="event-list">
                            <For each=move || events_of(year) key=|i| *i let:index>
                                <EventCard index />
                            </For>
                        </ol>
                    </li>
                </For>
            </ol>
        </section>
    }
}

/// Arrow keys move focus to the previous or next event's link.
fn move_between_events(ev: leptos::ev::KeyboardEvent) {
    let forward = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let Ok(links) = document().query_selector_all(".event-list .event-link") else { return };
    let active = document().active_element();
    let current = (0..links.length())
        .find(|&i| links.item(i).is_some_and(|node| node.is_same_node(active.as_deref())));
    let Some(current) = current else { return };
    let next = if forward { current + 1 } else { current.wrapping_sub(1) };
    if let Some(link) = links.item(next).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = link.focus();
    }
}
