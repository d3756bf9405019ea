//! A panic never leaves a dead page without a word: the hook logs it to the
//! console and puts a translated "something went wrong" message, with a
//! link that reloads the page, at the top of the page.
//!
//! After a panic nothing of the app can be trusted (a signal may be half
//! updated), so the message is built with plain DOM calls, as text, in the
//! language of `<html lang>`, which the app keeps in step. The messages
//! are plain functions compiled from the `.ftl` files: they need no state.

use crate::data::Lang;
use crate::i18n as msg;

/// The `id` of the message, so that it is shown once.
const ID: &str = "panic-message";

/// Installs the hook: the console report, then the message.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the message, once. Every step may fail quietly: a panic inside a
/// panic hook would abort without a word.
fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let Some(body) = document.body() else { return };
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let build = || {
        let alert = document.create_element("div").ok()?;
        alert.set_id(ID);
        alert.set_class_name("panic-message");
        alert.set_attribute("role", "alert").ok()?;
        alert.set_attribute("lang", lang.code()).ok()?;
        let (title, message) = (
            element("h2", msg::app_panic_title(lang))?,
            element("p", msg::app_panic_message(lang))?,
        );
        alert.append_child(&title).ok()?;
        alert.append_child(&message).ok()?;
        // The address without its #fragment, which would only scroll.
        let location = document.location()?;
        let href = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let link = element("a", msg::app_panic_reload(lang))?;
        link.set_attribute("href", &href).ok()?;
        let p = document.create_element("p").ok()?;
        p.append_child(&link).ok()?;
        alert.append_child(&p).ok()?;
        Some(alert)
    };
    if let Some(alert) = build() {
        let _ = body.prepend_with_node_1(&alert);
    }
}

/// Panics on purpose, for the end-to-end test of the message
/// (`end2end/tests/hostile.spec.ts`). Only in builds with the `test-hooks`
/// feature, which the tests build separately: the release that ships has
/// no such export.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("a panic on purpose, from __panicForTests()");
}
