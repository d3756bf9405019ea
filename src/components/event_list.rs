use leptos::html;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use wasm_bindgen::JsCast;

use super::EventCard;
use crate::state::{Loaded, PageState};
use crate::timeline::{CHUNK, Filter, ListWindow, group_by_year};

/// How close (in CSS pixels) the end of the list may come to the bottom of
/// the viewport before the next slice is rendered, so that scrolling does
/// not run into the end of what is rendered.
const AUTO_LOAD_MARGIN: f64 = 1500.0;

/// The events that pass the filters, grouped by year, as an ordered list.
/// Up and Down arrows move between events.
///
/// A long list is rendered a slice at a time (see [`ListWindow`]): the
/// first chunk at once, more as the reader scrolls near its end, asks for
/// them, or arrows past the last one; everything before printing; and
/// always the open event, wherever it is.
#[component]
pub fn EventList() -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let shown = loaded.shown;
    let timeline = loaded.timeline.clone();

    // The slice the reader has asked for, with the filters it was asked
    // for: new filters start again from the first chunk, so a keystroke
    // never renders more than that.
    let position_of = {
        let timeline = timeline.clone();
        move |id: &str| {
            shown.with_untracked(|s| s.iter().position(|&i| timeline.entries[i].event.id == id))
        }
    };
    let asked = RwSignal::new({
        // A deep link's event is in the very first render.
        let len = shown.with_untracked(Vec::len);
        let opened = state.event.with_untracked(|e| e.as_deref().and_then(&position_of));
        opened.map(|pos| (state.filter.get_untracked(), ListWindow::first(len).including(pos, len)))
    });
    let slice = Memo::new(move |_| {
        let len = shown.with(Vec::len);
        asked.with(|asked| {
            state.filter.with(|filter| match asked {
                Some((asked_for, w)) if asked_for == filter => w.clamp(len),
                _ => ListWindow::first(len),
            })
        })
    });
    let set_window = move |w: ListWindow| asked.set(Some((state.filter.get_untracked(), w)));
    let len = move || shown.with_untracked(Vec::len);

    // The open event (from the detail's next and previous, or the back
    // button) is always in the list, so that focus can return to it.
    Effect::new(move |_| {
        let Some(pos) = state.event.with(|e| e.as_deref().and_then(&position_of)) else { return };
        let w = slice.get_untracked();
        if !w.contains(pos) {
            set_window(w.including(pos, len()));
        }
    });

    let sentinel = NodeRef::<html::Div>::new();
    grow_on_scroll_and_print(slice, len, set_window, sentinel);

    let groups = Memo::new(move |_| {
        let w = slice.get();
        shown.with(|s| group_by_year(&timeline, &s[w.start..w.end]))
    });
    let years = move || groups.with(|g| g.iter().map(|(y, _)| *y).collect::<Vec<_>>());
    let events_of = move |year: i32| {
        groups.with(|g| {
            g.iter().find(|(y, _)| *y == year).map(|(_, v)| v.clone()).unwrap_or_default()
        })
    };
    let earlier = move || slice.with(|w| w.start.min(CHUNK));
    let more = move || slice.with(|w| w.left_after(shown.with(Vec::len)).min(CHUNK));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        move_between_events(&ev, slice.get_untracked(), len(), set_window);
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
            <Show when=move || { earlier() > 0 }>
                <button
                    type="button"
                    class="list-more"
                    on:click=move |_| set_window(slice.get_untracked().earlier(len()))
                >
                    {move_tr!("events-show-earlier", { "count" => earlier() })}
                </button>
            </Show>
            <ol class="years" on:keydown=on_key>
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
            <div node_ref=sentinel>
                <Show when=move || { more() > 0 }>
                    <button
                        type="button"
                        class="list-more"
                        on:click=move |_| set_window(slice.get_untracked().more(len()))
                    >
                        {move_tr!("events-show-more", { "count" => more() })}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// Printed pages carry every event, with its sources; and scrolling near
/// the end of the list (the `sentinel` after it) renders the next slice.
fn grow_on_scroll_and_print(
    slice: Memo<ListWindow>,
    len: impl Fn() -> usize + Copy + 'static,
    set_window: impl Fn(ListWindow) + Copy + 'static,
    sentinel: NodeRef<html::Div>,
) {
    let print = window_event_listener(leptos::ev::beforeprint, move |_| {
        set_window(ListWindow::all(len()));
    });
    on_cleanup(move || print.remove());
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let w = slice.get_untracked();
        if w.end >= len() {
            return;
        }
        let Some(el) = sentinel.get_untracked() else { return };
        let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        if el.get_bounding_client_rect().top() < viewport + AUTO_LOAD_MARGIN {
            set_window(w.more(len()));
        }
    });
    on_cleanup(move || scroll.remove());
}

/// Arrow keys move focus to the previous or next event's link; past either
/// end of the rendered slice, the slice grows first.
fn move_between_events(
    ev: &leptos::ev::KeyboardEvent,
    slice: ListWindow,
    len: usize,
    set_window: impl Fn(ListWindow),
) {
    let forward = match ev.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    let links = || document().query_selector_all(".event-list .event-link").ok();
    let Some(rendered) = links() else { return };
    let active = document().active_element();
    let current = (0..rendered.length())
        .find(|&i| rendered.item(i).is_some_and(|node| node.is_same_node(active.as_deref())));
    let Some(current) = current else { return };
    let focus = move |n: u32| {
        let link =
            links().and_then(|l| l.item(n)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    };
    let last = rendered.length().saturating_sub(1);
    if forward && current == last && slice.end < len {
        // The next event is not rendered yet: render it, then move there.
        ev.prevent_default();
        set_window(slice.more(len));
        request_animation_frame(move || focus(current + 1));
    } else if !forward && current == 0 && slice.start > 0 {
        let grown = slice.earlier(len);
        let added = u32::try_from(slice.start - grown.start).unwrap_or(0);
        ev.prevent_default();
        set_window(grown);
        request_animation_frame(move || focus(added.saturating_sub(1)));
    } else if forward && current < last {
        ev.prevent_default();
        focus(current + 1);
    } else if !forward && current > 0 {
        ev.prevent_default();
        focus(current - 1);
    }
}
