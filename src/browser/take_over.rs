//! Taking the page over: what only the browser knows, applied once the
//! page is the app's, and what keeps it in step from then on.

use leptos::prelude::*;

use super::frame::{follow_links_through_wordpress, report_height};
use super::sync::{sync_address, sync_head};
use super::{search_box_value, today};
use crate::address::{Address, Page, View};
use crate::data::Lang;
use crate::embed::wordpress_secret;
use crate::state::{PageState, Results};

/// Applies, once the page is the app's, what only the browser knows: the
/// address's filters and modes, the reader's today; enables the controls;
/// and keeps the address, the document and an embedding frame in step from
/// then on. Called by `run` once the page is rendered.
pub(super) fn take_over(state: PageState, address: Address) {
    let Address { page, view: View { filter, embed, child_id } } = address;
    state.embed.set_value(embed);
    state.child_id.set_value(child_id);
    let first = Page { lang: state.lang.get_untracked(), event: state.event.get_untracked() };
    // After the first render (the hydration), in a task of its own, as
    // ordinary state changes. The page looks the same until then: a linked
    // view's list stays filtered by route.js's style rule, or hidden.
    let owner = Owner::current();
    set_timeout(
        move || {
            let Some(owner) = owner else { return };
            owner.with(|| apply_and_follow(state, &first, page, filter));
        },
        std::time::Duration::ZERO,
    );
}

/// What `take_over` does once the page is the app's. The page's handlers
/// are the app's from the hydration on, a task before this: a language or
/// an event the reader chose since (the `first` page is what it rendered)
/// is theirs, and wins over the address, as does text they typed.
fn apply_and_follow(
    state: PageState,
    first: &Page,
    page: Page,
    mut filter: crate::timeline::Filter,
) {
    if let Some(typed) = search_box_value().filter(|q| !q.is_empty()) {
        filter.query = typed;
    }
    // Only what differs from the prerendered page: a signal set to its own
    // value still reruns everything that reads it, and the browser would
    // repaint every text of the page.
    if state.lang.get_untracked() == first.lang {
        set_if_changed(state.lang, page.lang);
    }
    if state.event.with_untracked(|event| *event == first.event) {
        set_if_changed(state.event, page.event);
    }
    set_if_changed(state.filter, filter);
    set_if_changed(state.today, today());
    state.started.set(true);
    sync_address(state);
    sync_head(state);
    if state.embed.get_value() {
        // WordPress's secret is in the fragment the frame was loaded with.
        let secret = wordpress_secret(&window().location().hash().unwrap_or_default());
        if let Some(secret) = &secret {
            follow_links_through_wordpress(state, secret.clone());
        }
        report_height(state.child_id.get_value(), secret);
    }
    prepare_search(state);
    mark_started();
}

pub(super) fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|now| *now != value) {
        signal.set(value);
    }
}

/// Tells `route.js`'s styles that the app runs: the view is the app's now,
/// so the style rules that filtered the prerendered list go, and the tests
/// and the benchmark can wait for `data-app="ready"`.
fn mark_started() {
    let document = document();
    let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &js_sys::Array::new());
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("view-pending");
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Folds the search texts of the page's language after the first paint
/// (a timeout queued from an animation frame runs after that frame), so
/// that neither the first paint nor the first keystroke waits for them.
fn prepare_search(state: PageState) {
    let loaded = Results::from_context();
    Effect::new(move |_| {
        let lang: Lang = state.lang.get();
        let (index, timeline) = (loaded.index.clone(), loaded.timeline.clone());
        request_animation_frame(move || {
            set_timeout(move || index.prepare(&timeline, lang), std::time::Duration::ZERO);
        });
    });
}
