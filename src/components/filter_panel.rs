use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{FilterBar, Overview, reactive};
use crate::i18n as msg;
use crate::state::{PageState, Results};

/// Where the overview and the filters live. (Rendered here rather than
/// passed in as children, which Leptos would type-erase into an `AnyView`,
/// adding its generic code to the download.) On wide screens it is only a
/// grouping (`display: contents` in `style.css`): its children take their
/// places in the page's grid. On phones and in embeds it is a sheet, closed
/// until the reader asks for it with [`super::FilterToggle`], so that
/// events start on the first screen: a modal dialog that keeps focus
/// inside, closes with Escape or its button, and gives focus back to the
/// toggle. (A native `<dialog>` opened with `showModal()` would not do:
/// Chromium lets Tab leave it for the browser's own controls.)
#[component]
pub fn FilterPanel(open: RwSignal<bool>, toggle: NodeRef<html::Button>) -> impl IntoView {
    let state = PageState::from_context();
    let shown = Results::from_context().shown;
    let panel = NodeRef::<html::Div>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = toggle.get_untracked() {
            let _ = button.focus();
        }
    };
    // Focus moves into the sheet when it opens.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open == Some(false) {
            request_animation_frame(move || {
                if let Some(first) = focusables(panel).first() {
                    let _ = first.focus();
                }
            });
        }
        is_open
    });
    // An event opened from the sheet (a mark of the overview) is shown: the
    // sheet gives way to it.
    Effect::new(move |previous: Option<Option<String>>| {
        let event = state.event.get();
        if previous.is_some_and(|p| p != event) && event.is_some() && open.get_untracked() {
            open.set(false);
        }
        event
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                // The open event's detail closes on Escape too: not this time.
                ev.stop_propagation();
                close();
            }
            "Tab" => keep_focus_inside(&ev, panel),
            _ => {}
        }
    };
    let lang = state.lang;
    view! {
        <div
            id="filter-panel"
            class="filter-panel"
            class:open=move || open.get()
            node_ref=panel
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            aria-labelledby=move || open.get().then_some("filters-heading")
            on:keydown=on_key
        >
            <div class="panel-bar">
                <button type="button" class="panel-close" on:click=move |_| close()>
                    {reactive(move || msg::filters_done(lang.get(), shown.with(Vec::len)))}
                </button>
            </div>
            <Overview />
            <div class="controls">
                <FilterBar />
            </div>
        </div>
    }
}

/// The panel's elements that take focus, in order.
fn focusables(panel: NodeRef<html::Div>) -> Vec<web_sys::HtmlElement> {
    let Some(list) = panel.get_untracked().and_then(|p| {
        p.query_selector_all("button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex='0']").ok()
    }) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect()
}

/// Tab and Shift+Tab wrap around inside the open sheet.
fn keep_focus_inside(ev: &leptos::ev::KeyboardEvent, panel: NodeRef<html::Div>) {
    let items = focusables(panel);
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
    let active = document().active_element();
    let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
    if ev.shift_key() && at(first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && at(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
