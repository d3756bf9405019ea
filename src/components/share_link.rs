use leptos::html;
use leptos::prelude::*;

use super::copy_button::{Copied, site_url};
use super::copy_link_button::{CopyLinkButton, select_in};
use super::translated;
use crate::embed::event_link;
use crate::i18n as msg;
use crate::state::PageState;

/// "Copy link": the absolute address of event `id`'s own page in the
/// page's language, never the embedded one. Without a clipboard, the link
/// appears selected in a read-only field.
#[component]
pub fn ShareLink(id: String) -> impl IntoView {
    let state = PageState::from_context();
    let id = StoredValue::new(id);
    let link = move || id.with_value(|id| event_link(&site_url(state), state.lang.get(), id));
    let copied = RwSignal::new(None::<Copied>);
    let field = NodeRef::<html::Input>::new();
    let select = select_in(field);
    view! {
        <div class="share-link">
            <CopyLinkButton text=link field copied />
            <Show when=move || copied.get() == Some(Copied::Selected)>
                <label class="share-field">
                    <span>{translated(msg::share_link_label)}</span>
                    <input type="text" readonly prop:value=link node_ref=field on:focus=move |_| select() />
                </label>
            </Show>
        </div>
    }
}
