use leptos::html;
use leptos::prelude::*;

use crate::components::copy_button::{Copied, CopyButton, CopyLabels, site_url};
use crate::components::translated;
use crate::embed::EmbedOptions;
use crate::i18n as msg;
use crate::state::PageState;

/// The HTML to paste, and a button to copy it. The iframe's title is in
/// the embed's language, not the page's.
#[component]
pub fn Code(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = PageState::from_context();
    let snippet = Memo::new(move |_| {
        options.with(|o| o.snippet(&site_url(state), msg::embed_iframe_title(o.lang)))
    });
    let area = NodeRef::<html::Textarea>::new();
    let copied = RwSignal::new(None::<Copied>);
    // `try_`: the field may be gone by the time the clipboard has answered.
    let select = move || {
        if let Some(area) = area.try_get_untracked().flatten() {
            let _ = area.focus();
            area.select();
        }
    };
    let labels = CopyLabels {
        button: msg::embed_copy,
        done: msg::embed_copied,
        manual: msg::embed_copy_manual,
    };
    view! {
        <label for="embed-code">{translated(msg::embed_code)}</label>
        <textarea id="embed-code" readonly rows="6" spellcheck="false" node_ref=area prop:value=move || snippet.get()></textarea>
        <div class="embed-copy">
            <CopyButton text=move || snippet.get_untracked() labels copied select />
        </div>
    }
}
