//! Helpers for the copy buttons (share a link, copy the embed code).

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What became of a copy: the live regions announce it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Done,
    /// No clipboard here: the text is selected for the reader to copy.
    Selected,
}

/// The app's page, absolute, without query or fragment: the base of every
/// link or embed code the page hands out.
pub fn page_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Copies `text` with the asynchronous clipboard API. `false` when there is
/// none (an insecure origin, an old browser) or it refuses (a frame without
/// `allow="clipboard-write"`, a page without focus): callers then select
/// the text in a field instead.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    available && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
