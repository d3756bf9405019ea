use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::move_tr;

use super::copy::{Copied, copy_text, page_url};
use crate::embed::event_link;
use crate::state::use_lang;

/// "Copy link": the full page's absolute link to event `id`, in the active
/// language, never the embedded one. Without a clipboard, the link appears
/// selected in a read-only field. The outcome is announced politely.
#[component]
pub fn ShareLink(id: String) -> impl IntoView {
    let lang = use_lang();
    let id = StoredValue::new(id);
    let link = move || id.with_value(|id| event_link(&page_url(), lang.get(), id));
    let copied = RwSignal::new(None::<Copied>);
    let field = NodeRef::<html::Input>::new();
    let select_field = move || {
        if let Some(input) = field.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    };
    let copy = move |_| {
        let text = link();
        copied.set(None);
        spawn_local(async move {
            if copy_text(&text).await {
                copied.set(Some(Copied::Done));
            } else {
                copied.set(Some(Copied::Selected));
                request_animation_frame(select_field);
            }
        });
    };
    let message = move || match copied.get() {
        Some(Copied::Done) => Some(move_tr!("share-copied")),
        Some(Copied::Selected) => Some(move_tr!("share-copy-manual")),
        None => None,
    };
    view! {
        <div class="share-link">
            <button type="button" on:click=copy>{move_tr!("share-copy-link")}</button>
            <Show when=move || copied.get() == Some(Copied::Selected)>
                <label class="share-field">
                    <span>{move_tr!("share-link-label")}</span>
                    <input type="text" readonly prop:value=link node_ref=field on:focus=move |_| select_field() />
                </label>
            </Show>
            <p class="copy-status" role="status" aria-live="polite">{message}</p>
        </div>
    }
}
