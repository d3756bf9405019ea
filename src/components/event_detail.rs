use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{PageState, Results};
use neighbours::Neighbours;
use not_found::NotFound;
use opened::Opened;

mod neighbours;
mod not_found;
mod opened;

/// The open event in full. Escape or the close button closes it and gives
/// focus back to where it was: the element that opened it (a link in the
/// list, or a mark of the overview, which is SVG), or else, when that is
/// gone or hidden, the event's card (which the list always keeps rendered).
#[component]
pub fn EventDetail() -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let heading = NodeRef::<html::H2>::new();
    let return_to = StoredValue::new_local(None::<web_sys::Element>);
    focus_on_open(heading, return_to);

    let close = move || {
        let id = state.event.get_untracked();
        state.event.set(None);
        let card_link =
            || document().get_element_by_id(&format!("event-{}", id?))?.query_selector("a").ok()?;
        if !return_to.get_value().is_some_and(|el| focus(&el))
            && let Some(link) = card_link()
        {
            focus(&link);
        }
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.event.with_untracked(Option::is_some) {
            close();
        }
    });
    on_cleanup(move || handle.remove());

    // A list of at most one panel, keyed by the event's position: opening
    // another event builds its panel afresh instead of patching the one
    // shown, which spares the app the code to patch every part of a panel.
    // An unknown id has no position: its panel reads
    // the id from the state, so it follows from one unknown id to another.
    let position = move || {
        let id = state.event.get()?;
        Some(timeline.position(&id).unwrap_or(NOT_FOUND))
    };
    view! {
        <For each=move || position().into_iter() key=|&index| index let:index>
            {if index == NOT_FOUND {
                Either::Right(view! { <NotFound heading close /> })
            } else {
                Either::Left(view! { <Opened index heading close /> })
            }}
        </For>
    }
}

/// The position of an event whose id is not in the data.
const NOT_FOUND: usize = usize::MAX;

/// Moves focus to the detail's heading when an event opens, remembering
/// where it was; an embed opened on an event leaves focus alone, so that
/// it does not pull its host page to itself.
fn focus_on_open(
    heading: NodeRef<html::H2>,
    return_to: StoredValue<Option<web_sys::Element>, LocalStorage>,
) {
    let state = PageState::from_context();
    Effect::new(move |previous: Option<Option<String>>| {
        let current = state.event.get();
        let first_run = previous.is_none();
        if current.is_some() && previous.as_ref() != Some(&current) && !first_run {
            if previous.as_ref().is_some_and(Option::is_none) {
                // Nothing in particular had focus (the page itself): the
                // event's card takes it back on close.
                let active = document()
                    .active_element()
                    .filter(|el| !matches!(el.tag_name().as_str(), "BODY" | "HTML"));
                return_to.set_value(active);
            }
            // Wait for the panel to render, then move focus to its heading.
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
        current
    });
}

/// Focuses `el`, HTML or SVG; whether it took focus (an element that is
/// hidden, such as a mark in a closed sheet, does not).
fn focus(el: &web_sys::Element) -> bool {
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
    document().active_element().as_ref() == Some(el)
}
