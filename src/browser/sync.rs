//! Keeping the address bar and the document's head in step with the
//! state, and the state with the address on Back and Forward.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::current_address;
use super::take_over::set_if_changed;
use crate::address::Page;
use crate::data::Lang;
use crate::meta::{Tag, head};
use crate::state::{PageState, Results};

/// Keeps the address bar in step with the state, and the state with the
/// address when the reader goes back or forward. Opening an event or
/// switching language moves to another page's address, as a new history
/// entry; filters replace the current one, so Back does not replay every
/// keystroke.
///
/// A filter's address is written in the next task, not with the results:
/// writing it costs the browser up to 2 ms the first time, and the reader
/// is waiting for the results, not for the address bar. Only the latest
/// address waits (`pending`), so a burst of keystrokes writes one. Before a
/// move to another page is written, a waiting address is written first, so
/// that the entry left behind keeps its last filters; after Back or
/// Forward, none is written over the entry reached.
pub(crate) fn sync_address(state: PageState) {
    let address = move || format!("{}{}", state.href(&state.page()), state.view().query());
    let pending = StoredValue::new(None::<String>);
    let flush = move || {
        if let Some(href) = pending.try_update_value(Option::take).flatten() {
            write_address(&href, false);
        }
    };
    // The first time, the page is compared with the address bar's: the
    // reader may have moved to another page as the app took over.
    let loaded = current_address(&state.base()).1.page;
    Effect::new(move |previous: Option<Page>| {
        let page = state.page();
        let moved = *previous.as_ref().unwrap_or(&loaded) != page;
        if moved {
            flush();
            write_address(&address(), true);
        } else {
            pending.set_value(Some(address()));
            set_timeout(flush, std::time::Duration::ZERO);
        }
        page
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        pending.set_value(None);
        let (_, address) = current_address(&state.base());
        set_if_changed(state.lang, address.page.lang);
        set_if_changed(state.event, address.page.event);
        set_if_changed(state.filter, address.view.filter);
    });
    on_cleanup(move || handle.remove());
}

/// Puts `href` in the address bar, as a new history entry (`push`) or in
/// place of the current one, unless it is there already (as after Back).
/// A frame sandboxed without `allow-same-origin` (WordPress's) has an
/// opaque origin, where the browser refuses to rewrite the address: there
/// the state lives in the page alone.
fn write_address(href: &str, push: bool) {
    if window().origin() == "null" {
        return;
    }
    let Ok(history) = window().history() else { return };
    let location = window().location();
    let now = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if href == now {
        return;
    }
    let result = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(href))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(href))
    };
    if result.is_err() {
        // A sandboxed frame may refuse; the page still works.
        leptos::logging::warn!("could not update the address bar");
    }
}

/// Keeps the document's head (title, `<html lang>` and every tag of
/// `meta::head`) the prerendered head of the page shown, and of the
/// key-moments view when it is on. Crawlers read each page's own
/// prerendered head; this keeps the live one the same for what reads it
/// after a move (a reader's share menu, an extension, a bookmark).
///
/// A new `<html lang>` makes the browser restyle the whole page and shape
/// every text again for the new locale, on top of drawing the new texts.
/// So after a switch it is set once the frame with the new texts has been
/// drawn, as the search texts are folded (see `prepare_search`). Meanwhile
/// the live regions, which announce the switch's new counts, carry their
/// language themselves.
pub(super) fn sync_head(state: PageState) {
    let timeline = Results::from_context().timeline;
    // It reads the whole filter, so it runs again at each keystroke too,
    // and returns at once unless the page or the key-moments view changed.
    Effect::new(move |previous: Option<(Page, bool)>| {
        let shown = (state.page(), state.filter.with(|f| f.key));
        if previous.as_ref() == Some(&shown) {
            return shown;
        }
        let (page, key_moments) = &shown;
        let site = format!("{}{}", window().location().origin().unwrap_or_default(), state.base());
        let head = head(&timeline, page, *key_moments, &site);
        let document = document();
        if document.title() != head.title {
            document.set_title(&head.title);
        }
        let lang = page.lang;
        if previous.is_some_and(|(before, _)| before.lang != lang) {
            request_animation_frame(move || {
                set_timeout(move || set_document_lang(lang), std::time::Duration::ZERO);
            });
        } else {
            set_document_lang(lang);
        }
        apply_tags(&document, &head.tags);
        shown
    });
}

/// Finds each tag in the document's head by its key, or adds it, and
/// sets the attributes that differ.
fn apply_tags(document: &web_sys::Document, tags: &[Tag]) {
    let Some(parent) = document.head() else { return };
    for tag in tags {
        let found = document.query_selector(&tag.selector()).ok().flatten();
        let Some(el) = found.or_else(|| {
            let el = document.create_element(tag.element).ok()?;
            parent.append_child(&el).ok()?;
            Some(el)
        }) else {
            continue;
        };
        for (name, value) in &tag.attrs {
            if el.get_attribute(name).as_deref() != Some(value.as_str()) {
                let _ = el.set_attribute(name, value);
            }
        }
    }
}

/// Sets `<html lang>`, unless it is set already (as on the page first shown).
fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element()
        && html.get_attribute("lang").as_deref() != Some(lang.code())
    {
        let _ = html.set_attribute("lang", lang.code());
    }
}
