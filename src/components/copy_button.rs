use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{translated, until_started};
use crate::data::Lang;
use crate::state::PageState;

/// What became of a copy: the live region announces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Done,
    /// No clipboard here: the text is selected for the reader to copy.
    Selected,
}

/// The words of a copy button, in each language.
#[derive(Clone, Copy)]
pub struct CopyLabels {
    pub button: fn(Lang) -> &'static str,
    pub done: fn(Lang) -> &'static str,
    pub manual: fn(Lang) -> &'static str,
}

/// A button that copies `text()` to the clipboard and says so politely.
/// Without a clipboard (an insecure origin, an old browser, a frame
/// without `allow="clipboard-write"`), `select()` shows and selects the
/// text in a field for the reader to copy; `copied` tells the parent which
/// happened.
#[component]
pub fn CopyButton(
    text: impl Fn() -> String + 'static,
    labels: CopyLabels,
    copied: RwSignal<Option<Copied>>,
    select: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = PageState::from_context();
    let copy = move |_| {
        let text = text();
        copied.set(None);
        // The clipboard may answer after the button is gone (the detail it
        // was in closed): then nothing is left to tell, nor a field to show.
        spawn_local(async move {
            if copy_text(&text).await {
                let _ = copied.try_set(Some(Copied::Done));
            } else if copied.try_set(Some(Copied::Selected)).is_none() {
                request_animation_frame(select);
            }
        });
    };
    let message = move || {
        let lang = state.lang.get();
        copied.get().map(|c| match c {
            Copied::Done => (labels.done)(lang),
            Copied::Selected => (labels.manual)(lang),
        })
    };
    view! {
        <button type="button" on:click=copy disabled=until_started()>
            {translated(labels.button)}
        </button>
        <p class="copy-status" role="status" aria-live="polite">{message}</p>
    }
}

/// Copies `text` with the asynchronous clipboard API; `false` when there is
/// none or it refuses.
async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    available
        && clipboard_allowed()
        && JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Whether the page may write to the clipboard, where the browser says: a
/// frame its host did not allow `clipboard-write` (WordPress's) may not,
/// and Chromium reports a try there as an error.
fn clipboard_allowed() -> bool {
    let document = document();
    let policy = ["permissionsPolicy", "featurePolicy"]
        .into_iter()
        .filter_map(|name| js_sys::Reflect::get(&document, &name.into()).ok())
        .find(JsValue::is_object);
    let Some(policy) = policy else { return true };
    js_sys::Reflect::get(&policy, &"allowsFeature".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&policy, &"clipboard-write".into()).ok())
        .is_none_or(|allowed| allowed.as_bool() != Some(false))
}

/// The site's address, absolute, ending in `/`: the base of every link
/// and embed code the page hands out.
pub fn site_url(state: PageState) -> String {
    format!("{}{}", window().location().origin().unwrap_or_default(), state.base())
}
