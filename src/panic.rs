//! A panic never leaves a dead page without a word: the hook logs it to the
//! console and puts a translated "something went wrong" message, with a
//! link that reloads the page, at the top of the page.
//!
//! After a panic nothing of the app can be trusted (a signal may be half
//! updated, the i18n context mid-borrow), so the message is built with plain
//! DOM calls, as text, from strings that [`PanicText`] copies out of the
//! Fluent bundles while the app is healthy: the copy in the language of
//! `<html lang>` (which leptos-fluent keeps in step) is used.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_fluent::{I18n, tr};
use wasm_bindgen::prelude::wasm_bindgen;

/// The `id` of the message, so that it is shown once.
const ID: &str = "panic-message";

#[derive(Clone)]
struct Texts {
    lang: String,
    title: String,
    message: String,
    reload: String,
}

thread_local! {
    /// One copy per language seen, the latest last.
    static TEXTS: RefCell<Vec<Texts>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook: the console report, then the message.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Keeps the copy of the message in the active language. Rendered first
/// inside the i18n provider, so the copy exists before anything else runs.
#[component]
pub fn PanicText() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let store = move || {
        let texts = Texts {
            lang: i18n.language.get().id.to_string(),
            title: tr!("app-panic-title"),
            message: tr!("app-panic-message"),
            reload: tr!("app-panic-reload"),
        };
        TEXTS.with(|all| {
            if let Ok(mut all) = all.try_borrow_mut() {
                all.retain(|t| t.lang != texts.lang);
                all.push(texts);
            }
        });
    };
    untrack(store);
    // Again whenever the language changes.
    Effect::new(move |_| store());
}

/// Shows the message, once. Every step may fail quietly: a panic inside a
/// panic hook would abort without a word.
fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let lang = document.document_element().and_then(|html| html.get_attribute("lang"));
    let texts = TEXTS.try_with(|all| {
        let all = all.try_borrow().ok()?;
        all.iter().find(|t| Some(&t.lang) == lang.as_ref()).or(all.last()).cloned()
    });
    // Before the i18n provider starts there is no text to show; the
    // console has the report.
    let (Ok(Some(texts)), Some(body)) = (texts, document.body()) else { return };
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
        alert.set_attribute("lang", &texts.lang).ok()?;
        let (title, message) = (element("h2", &texts.title)?, element("p", &texts.message)?);
        alert.append_child(&title).ok()?;
        alert.append_child(&message).ok()?;
        // The address without its #fragment, which would only scroll.
        let location = document.location()?;
        let href = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let link = element("a", &texts.reload)?;
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
/// (`end2end/tests/hostile.spec.ts`). Readers cannot reach it: no link,
/// parameter or control calls it; only script already running in the page
/// can, as `window.wasmBindings.__panicForTests()`.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("a panic on purpose, from __panicForTests()");
}
