//! Components in a real browser (wasm-bindgen-test, as Leptos's own
//! `examples/counter/tests`): the slice of a long list that is rendered,
//! where focus goes when the open event closes, and the history entries the
//! address bar keeps. `cargo xtask test` runs them in headless Chromium
//! through chromedriver.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use crate::address::Page;
use crate::components::{EventDetail, EventList};
use crate::data::{Id, Lang, Timeline, parse};
use crate::dates::{PartialDate, from_days_since_epoch};
use crate::state::{PageState, Results, Start};
use crate::timeline::CHUNK;

wasm_bindgen_test_configure!(run_in_browser);

/// A timeline of `n` events: the small fixture's first event, repeated
/// with new ids and one day apart.
fn long_timeline(n: usize) -> Timeline {
    let mut timeline = parse(include_str!("../tests/fixtures/small.json")).expect("fixture loads");
    let model = timeline.events[0].clone();
    let first = PartialDate::parse("2007-11-01").expect("a date").days_since_epoch();
    timeline.events = (0..n)
        .map(|i| {
            let mut event = model.clone();
            event.id = Id::new(&format!("e{i:04}")).expect("a valid id");
            event.date = from_days_since_epoch(first + i64::try_from(i).unwrap_or(0));
            event
        })
        .collect();
    timeline
}

/// Mounts the list and the detail, as the app does, in a fresh element of
/// the test page; returns the state that drives them.
fn mount(timeline: Timeline) -> (PageState, web_sys::HtmlElement) {
    let document = document();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let out = Rc::new(Cell::new(None));
    let give = out.clone();
    let timeline = Arc::new(timeline);
    mount_to(root.clone(), move || {
        let start = Start {
            page: Page::home(Lang::Es),
            base: "/".into(),
            today: PartialDate::parse("2026-12-01").unwrap(),
        };
        let state = PageState::new(&start);
        state.started.set(true);
        provide_context(state);
        provide_context(Results::new(timeline, state));
        give.set(Some(state));
        view! {
            <EventList />
            <EventDetail />
        }
    })
    .forget();
    (out.get().expect("mounted"), root)
}

/// After the reactive system and the browser have caught up (effects,
/// then a frame, as focus moves in an animation frame).
async fn settle() {
    leptos::task::tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    leptos::task::tick().await;
}

fn cards(root: &web_sys::HtmlElement) -> u32 {
    root.query_selector_all("li.event").unwrap().length()
}

#[wasm_bindgen_test]
async fn a_long_list_renders_a_slice_that_holds_the_open_event_until_it_closes() {
    let (state, root) = mount(long_timeline(300));
    settle().await;
    assert_eq!(cards(&root), u32::try_from(CHUNK).unwrap());

    // A deep link far down the list: its card is rendered.
    state.event.set(Some("e0250".into()));
    settle().await;
    assert!(root.query_selector("#card-e0250").unwrap().is_some());
    assert!(cards(&root) <= u32::try_from(CHUNK).unwrap());

    // Closed, it stays, so that focus can go back to it.
    state.event.set(None);
    settle().await;
    assert!(root.query_selector("#card-e0250").unwrap().is_some());

    // A new filter starts again from the first slice, and the closed
    // event's card goes.
    state.filter.update(|f| f.query = "merida".into());
    settle().await;
    assert!(root.query_selector("#card-e0250").unwrap().is_none());
    let ids = root.query_selector_all("li.event").unwrap();
    let ids: Vec<String> = (0..ids.length())
        .map(|i| ids.item(i).unwrap().unchecked_into::<web_sys::Element>().id())
        .collect();
    // (The page got shorter, and the end of the list came into view: the
    // next slice may follow at once, as when the reader scrolls there.)
    assert_eq!(ids.first().map(String::as_str), Some("card-e0000"));
    assert!(ids.len() <= 2 * CHUNK, "{ids:?}");
    root.remove();
}

#[wasm_bindgen_test]
async fn closing_an_event_gives_focus_back_to_its_card() {
    let (state, root) = mount(long_timeline(300));
    settle().await;
    let link: web_sys::HtmlElement =
        root.query_selector("#card-e0003 a.event-link").unwrap().unwrap().unchecked_into();
    link.focus().unwrap();
    link.click();
    settle().await;
    assert_eq!(state.event.get_untracked().as_deref(), Some("e0003"));
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "detail-heading", "the detail takes focus");

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    window().dispatch_event(&escape).unwrap();
    settle().await;
    assert_eq!(state.event.get_untracked(), None);
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&link)), "focus is back on the card");

    // Opened by address (no element had focus), far down the list, and
    // closed: focus goes to its card, which is still rendered.
    active.unchecked_into::<web_sys::HtmlElement>().blur().unwrap();
    state.event.set(Some("e0280".into()));
    settle().await;
    let close: web_sys::HtmlElement =
        root.query_selector(".detail-close").unwrap().unwrap().unchecked_into();
    close.click();
    settle().await;
    let active = document().active_element().unwrap();
    let card_link = root.query_selector("#card-e0280 a.event-link").unwrap().unwrap();
    assert!(active.is_same_node(Some(&card_link)), "focus is on the far card");
    root.remove();
}

/// A filter's address waits for the next task; an event opened before then
/// still leaves the filter in the entry it leaves, so that Back returns to
/// the filtered list the reader left.
#[wasm_bindgen_test]
async fn the_entry_left_keeps_its_last_filter() {
    let history = window().history().unwrap();
    let location = window().location();
    let runner = format!("{}{}", location.pathname().unwrap(), location.search().unwrap());
    let state = PageState::new(&Start {
        page: Page::home(Lang::Es),
        base: "/".into(),
        today: PartialDate::parse("2026-12-01").unwrap(),
    });
    // Mounting starts Leptos's executor, which the effects need.
    let (_, root) = mount(long_timeline(3));
    root.remove();
    let owner = Owner::new();
    owner.with(|| crate::browser::sync_address(state));
    leptos::task::tick().await;
    // Typed, and the effects have run, but the task that writes the
    // address has not: the event is opened first.
    state.filter.update(|f| f.query = "zambada".into());
    leptos::task::tick().await;
    state.event.set(Some("e0001".into()));
    leptos::task::tick().await;
    assert!(location.pathname().unwrap().contains("e0001"), "the event's page is pushed");

    let back = js_sys::Promise::new(&mut |resolve, _| window().set_onpopstate(Some(&resolve)));
    history.back().unwrap();
    let _ = wasm_bindgen_futures::JsFuture::from(back).await;
    window().set_onpopstate(None);
    leptos::task::tick().await;
    assert_eq!(location.pathname().unwrap(), "/");
    assert_eq!(location.search().unwrap(), "?q=zambada", "the entry left keeps the filter");
    assert_eq!(state.event.get_untracked(), None, "Back closes the event");

    drop(owner);
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&runner)).unwrap();
}
