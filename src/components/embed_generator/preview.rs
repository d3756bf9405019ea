use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;

use crate::components::copy_button::site_url;
use crate::embed::EmbedOptions;
use crate::i18n as msg;
use crate::state::PageState;

/// The embed as readers will see it.
#[component]
pub fn Preview(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = PageState::from_context();
    // `loading` is not among Leptos's iframe attributes.
    view! {
        <iframe
            class="embed-preview"
            src=move || options.with(|o| o.src(&site_url(state)))
            title=move || options.with(|o| msg::embed_iframe_title(o.lang))
            height=move || options.with(|o| o.height.pixels())
            allow="clipboard-write"
        ></iframe>
    }
    .attr("loading", "lazy")
}
