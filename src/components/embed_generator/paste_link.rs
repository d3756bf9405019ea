use leptos::html;
use leptos::prelude::*;

use crate::components::copy_button::{Copied, site_url};
use crate::components::{CopyLinkButton, translated};
use crate::embed::EmbedOptions;
use crate::i18n as msg;
use crate::state::PageState;

/// The page's link, for a CMS that turns a pasted link into an embed
/// (oEmbed), and when to use it rather than the code.
#[component]
pub fn PasteLink(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = PageState::from_context();
    let link = Memo::new(move |_| options.with(|o| o.link(&site_url(state))));
    let field = NodeRef::<html::Input>::new();
    let copied = RwSignal::new(None::<Copied>);
    view! {
        <label for="embed-link">{translated(msg::embed_link)}</label>
        <input id="embed-link" type="text" readonly spellcheck="false" aria-describedby="embed-link-help" node_ref=field prop:value=move || link.get() />
        <p id="embed-link-help" class="embed-link-help">{translated(msg::embed_link_help)}</p>
        <div class="embed-copy">
            <CopyLinkButton text=move || link.get_untracked() field copied />
        </div>
    }
}
