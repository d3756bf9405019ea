use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{reactive, translated};
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::{CHUNK, Filter, ListWindow, chapters, key_target};
use chapter_view::ChapterView;

mod chapter_view;

/// How close (in CSS pixels) the end of the list may come to the bottom of
/// the viewport before the next slice is rendered, so that scrolling does
/// not run into the end of what is rendered.
const AUTO_LOAD_MARGIN: f64 = 1500.0;

/// The events that pass the filters: chapters by era, each opening with
/// the era's name and why it matters, then the events by year. Up and
/// Down arrows move between events, Home and End to the first and last.
///
/// A long list is rendered a slice at a time (see [`ListWindow`]): the
/// first chunk at once, more as the reader scrolls near its end, asks for
/// them, or arrows past the last one; everything before printing; and
/// always the open event, wherever it is.
#[component]
pub fn EventList() -> impl IntoView {
    let state = PageState::from_context();
    let loaded = Results::from_context();
    let (shown, timeline) = (loaded.shown, loaded.timeline.clone());
    let Slice { window, set_window } = use_slice(loaded.clone(), state);
    let len = move || shown.with_untracked(Vec::len);

    let list = NodeRef::<html::Ol>::new();
    let sentinel = NodeRef::<html::Div>::new();
    grow_on_scroll_and_print(window, len, set_window, sentinel);

    let groups = Memo::new({
        let timeline = timeline.clone();
        move |_| {
            let w = window.get();
            shown.with(|s| chapters(&timeline, &s[w.start..w.end]))
        }
    });
    let chapter_keys =
        move || groups.with(|g| g.iter().enumerate().map(|(n, c)| (n, c.era)).collect::<Vec<_>>());
    let earlier = move || window.with(|w| w.start.min(CHUNK));
    let more = move || window.with(|w| w.left_after(shown.with(Vec::len)).min(CHUNK));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        move_between_events(&ev, list, window.get_untracked(), len(), set_window);
    };
    let on_click = move |ev: leptos::ev::MouseEvent| open_clicked_event(&ev, state);
    let lang = state.lang;

    view! {
        <section class="events" aria-labelledby="events-heading">
            <h2 id="events-heading" class="visually-hidden">{translated(msg::events_heading)}</h2>
            <Show when=move || shown.with(Vec::is_empty)>
                <div class="empty">
                    <p>{translated(msg::results_empty)}</p>
                    <button type="button" on:click=move |_| state.filter.set(Filter::default())>
                        {translated(msg::filters_clear)}
                    </button>
                </div>
            </Show>
            <Show when=move || { earlier() > 0 }>
                <button
                    type="button"
                    class="list-more"
                    on:click=move |_| set_window(window.get_untracked().earlier(len()))
                >
                    {reactive(move || msg::events_show_earlier(lang.get(), earlier()))}
                </button>
            </Show>
            <ol class="chapters" node_ref=list on:keydown=on_key on:click=on_click>
                <For each=chapter_keys key=|k| *k let:key>
                    <ChapterView position=key.0 groups />
                </For>
            </ol>
            <div node_ref=sentinel>
                <Show when=move || { more() > 0 }>
                    <button
                        type="button"
                        class="list-more"
                        on:click=move |_| set_window(window.get_untracked().more(len()))
                    >
                        {reactive(move || msg::events_show_more(lang.get(), more()))}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// The slice of the shown events that the list renders, and how to ask for
/// another.
#[derive(Clone, Copy)]
struct Slice<F: Fn(ListWindow) + Copy + 'static> {
    window: Memo<ListWindow>,
    set_window: F,
}

/// The slice the reader asked for, with the filter it was asked for (a new
/// filter starts again from the first chunk, so that a keystroke never
/// renders more than that), always holding the open event.
fn use_slice(loaded: Results, state: PageState) -> Slice<impl Fn(ListWindow) + Copy + 'static> {
    let (shown, timeline) = (loaded.shown, loaded.timeline.clone());
    let asked = RwSignal::new(None::<(Filter, ListWindow)>);
    let open_position = move || {
        let id = state.event.get()?;
        let index = timeline.position(&id)?;
        shown.with(|s| s.iter().position(|&i| i == index))
    };
    let window = Memo::new(move |_| {
        let len = shown.with(Vec::len);
        let asked = asked.with(|a| {
            a.as_ref().filter(|(f, _)| state.filter.with(|now| now == f)).map(|(_, w)| *w)
        });
        ListWindow::choose(len, asked, open_position())
    });
    let set_window = move |w: ListWindow| asked.set(Some((state.filter.get_untracked(), w)));
    // A slice grown to hold the open event stays so when it closes, so that
    // its card is still there to take focus back.
    Effect::new(move |_| {
        let w = window.get();
        if state.event.with(Option::is_some)
            && asked.with_untracked(|a| a.as_ref().map(|(_, asked)| *asked) != Some(w))
        {
            set_window(w);
        }
    });
    Slice { window, set_window }
}

/// Printed pages carry every event, with its sources; and scrolling near
/// the end of the list (the `sentinel` after it) renders the next slice.
fn grow_on_scroll_and_print(
    window: Memo<ListWindow>,
    len: impl Fn() -> usize + Copy + 'static,
    set_window: impl Fn(ListWindow) + Copy + 'static,
    sentinel: NodeRef<html::Div>,
) {
    let state = PageState::from_context();
    let print = window_event_listener(leptos::ev::beforeprint, move |_| {
        set_window(ListWindow::all(len()));
        state.printing.set(true);
    });
    let printed = window_event_listener(leptos::ev::afterprint, move |_| state.printing.set(false));
    on_cleanup(move || {
        print.remove();
        printed.remove();
    });
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        let w = window.get_untracked();
        if w.end >= len() {
            return;
        }
        let Some(el) = sentinel.get_untracked() else { return };
        let viewport =
            leptos::prelude::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        if el.get_bounding_client_rect().top() < viewport + AUTO_LOAD_MARGIN {
            set_window(w.more(len()));
        }
    });
    on_cleanup(move || scroll.remove());
}

/// A click on an event's title opens the event in place, as
/// [`PageState::open_on_click`] would: one handler for the whole list, so
/// that building a card attaches none.
fn open_clicked_event(ev: &leptos::ev::MouseEvent, state: PageState) {
    let card = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".event-link").ok().flatten())
        .and_then(|link| link.closest("li.event").ok().flatten());
    if let Some(id) =
        card.as_ref().and_then(|card| card.id().strip_prefix("card-").map(str::to_string))
    {
        state.open_if_plain_click(ev, &id);
    }
}

/// Up and Down move focus to the previous or next event's link in this
/// list, Home and End to the first and last of all the events shown; an
/// event outside the rendered slice is rendered first (the slice grows by
/// a chunk, or moves to a far end: [`ListWindow::including`]).
fn move_between_events(
    ev: &leptos::ev::KeyboardEvent,
    list: NodeRef<html::Ol>,
    slice: ListWindow,
    len: usize,
    set_window: impl Fn(ListWindow),
) {
    let links = move || list.get_untracked()?.query_selector_all(".event-link").ok();
    let Some(rendered) = links() else { return };
    let active = document().active_element();
    // Positions among all the events shown, not only those rendered.
    let current = (0..rendered.length())
        .find(|&i| rendered.item(i).is_some_and(|node| node.is_same_node(active.as_deref())))
        .map(|i| slice.start + i as usize);
    let Some(target) = key_target(&ev.key(), current, len, "ArrowUp", "ArrowDown") else {
        return;
    };
    ev.prevent_default();
    let window = slice.including(target, len);
    let focus = move || {
        let link = links()
            .and_then(|l| l.item(u32::try_from(target - window.start).ok()?))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    };
    if window == slice {
        focus();
    } else {
        set_window(window);
        request_animation_frame(focus);
    }
}
