//! The browser side: load the data, take over the prerendered page
//! (`take_over`), and from then on keep the address bar and the document's
//! head (`sync`) and an embedding page's frame height (`frame`) in step
//! with the state.
//!
//! The page arrives complete (see `prerender`): readable, with working
//! links, before any of this runs. Taking it over means hydrating it, so
//! that every element the reader sees stays the same node, with its focus,
//! scroll position and typed text; only when the data differs from what
//! the page was built from (an editor changed it without a rebuild) is the
//! page rendered afresh.

mod frame;
mod sync;
mod take_over;

use std::sync::Arc;

use leptos::mount::{hydrate_from, mount_to};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::address::{Address, Page};
use crate::components::LoadErrorView;
use crate::data::{self, Lang};
use crate::dates::{PartialDate, day_of_unix_millis};
use crate::state::{PageState, Start};
use crate::{App, DATA_FILE, panic};
#[cfg(all(test, target_arch = "wasm32"))]
pub(crate) use sync::sync_address;
use take_over::take_over;

/// Starts the app: called by `main` once the WebAssembly is running.
pub fn start() {
    panic::install();
    // The data loads before anything is mounted (which sets up Leptos's
    // executor), so this first future runs on wasm-bindgen's own.
    wasm_bindgen_futures::spawn_local(load_and_start());
}

async fn load_and_start() {
    let Some(root) = document().get_element_by_id("app") else { return };
    let root: web_sys::HtmlElement = root.unchecked_into();
    match data::load(DATA_FILE).await {
        Ok((timeline, fingerprint)) => {
            // Reading the data and taking the page over are separate tasks,
            // so that neither holds the page for the time of both.
            next_task().await;
            run(root, Arc::new(timeline), &fingerprint);
        }
        Err(error) => show_load_error(error),
    }
}

/// Resolves in a later task, letting the browser handle input and paint
/// in between. Written here rather than taken from gloo-timers, whose
/// future costs the wasm more than these lines.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The site's base path (`<base href>`, written by Trunk), ending in `/`.
fn base() -> String {
    document()
        .query_selector("base")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("href"))
        .filter(|href| href.starts_with('/') && href.ends_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// The address in the address bar, relative to the base.
fn current_address(base: &str) -> (String, Address) {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_default();
    let path = pathname.strip_prefix(base).unwrap_or_default().to_string();
    let address = Address::parse(&path, &location.search().unwrap_or_default());
    (path, address)
}

fn run(root: web_sys::HtmlElement, timeline: Arc<data::Timeline>, fingerprint: &str) {
    for problem in &timeline.problems {
        leptos::logging::warn!("events.json: {problem}");
    }
    let base = base();
    let (path, mut address) = current_address(&base);
    // The page as prerendered: its path, the build's day.
    let built_on = root.get_attribute("data-today").and_then(|d| PartialDate::parse(&d).ok());
    let prerendered = root.get_attribute("data-fingerprint").as_deref() == Some(fingerprint)
        && root.first_element_child().is_some();
    if prerendered {
        // Hydration leaves the search box as it is, with what the reader
        // typed before the app started (or types until it has): the app
        // takes that text when it applies the address (`apply_and_follow`).
        let start =
            Start { page: Page::from_path(&path), base, today: built_on.unwrap_or_else(today) };
        hydrate_from(root, move || app(timeline, start, address)).forget();
    } else {
        // A new page replaces the prerendered one, and its box: the text
        // typed in the old box is carried over.
        if let Some(typed) = search_box_value().filter(|q| !q.is_empty()) {
            address.view.filter.query = typed;
        }
        root.set_inner_html("");
        let start = Start { page: address.page.clone(), base, today: today() };
        mount_to(root, move || app(timeline, start, address)).forget();
    }
}

/// `App` with the page's state, which then takes the page over with the
/// full `address` (filters, modes) once it is rendered.
fn app(timeline: Arc<data::Timeline>, start: Start, address: Address) -> impl IntoView {
    let state = PageState::new(&start);
    provide_context(state);
    let app = view! { <App timeline start /> };
    take_over(state, address);
    app
}

fn search_box_value() -> Option<String> {
    let input = document().get_element_by_id("search")?;
    Some(input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Today's date on the reader's clock, for deciding whether an announced
/// date has passed.
fn today() -> PartialDate {
    day_of_unix_millis(js_sys::Date::now())
}

/// The data could not be loaded: the prerendered page stays readable, and
/// a translated message with a retry button says why its interactive
/// features are missing.
fn show_load_error(error: data::LoadError) {
    leptos::logging::error!("could not load the timeline data: {error}");
    let document = document();
    // A linked view the app was to show (a search, a period) cannot be
    // shown: the whole list is, rather than none.
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("view-pending");
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let Ok(slot) = document.create_element("div") else { return };
    slot.set_class_name("load-error-slot");
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&slot);
    }
    let slot: web_sys::HtmlElement = slot.unchecked_into();
    let remove = slot.clone();
    let retry = move || {
        remove.remove();
        wasm_bindgen_futures::spawn_local(load_and_start());
    };
    mount_to(slot, move || view! { <LoadErrorView lang error retry /> }).forget();
}
