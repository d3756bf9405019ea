use leptos::html;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

use super::translated;
use crate::i18n as msg;
use code::Code;
use embed_form::EmbedForm;
use event_field::EventField;
use height_field::HeightField;
use language_field::LanguageField;
use paste_link::PasteLink;
use preview::Preview;
use topics_field::TopicsField;

mod code;
mod embed_form;
mod event_field;
mod height_field;
mod language_field;
mod paste_link;
mod preview;
mod topics_field;

/// "Embed this timeline": a closed `<details>` on the full page. Opened, it
/// offers the language, starting event, topics and height of an embed, a
/// live preview and the HTML to paste.
///
/// Nothing inside is built until it is first opened, and then it is built
/// straight into the page rather than through a `<Show>`: the prerendered
/// page never holds the form, so the app needs no code to take it over, nor
/// to remove it (once opened, it stays). That keeps the form's code off
/// every reader's download, for a tool few readers open.
#[component]
pub fn EmbedGenerator() -> impl IntoView {
    let details = NodeRef::<html::Details>::new();
    // The form's signals and effects belong to this component, like those
    // of the rest of the page.
    let owner = Owner::current();
    let opened_once = StoredValue::new(false);
    let on_toggle = move |_| {
        let Some(details) = details.get_untracked().filter(web_sys::HtmlDetailsElement::open)
        else {
            return;
        };
        if opened_once.get_value() {
            return;
        }
        opened_once.set_value(true);
        let build = || {
            view! { <p class="embed-intro">{translated(msg::embed_intro)}</p> <EmbedForm /> }
                .build()
        };
        let mut form = match &owner {
            Some(owner) => owner.with(build),
            None => build(),
        };
        form.mount(&details, None);
        // The form stays as long as the page: its state must not be
        // dropped, which would stop its updates.
        std::mem::forget(form);
    };
    view! {
        <aside class="embed-generator" aria-labelledby="embed-heading">
            <details node_ref=details on:toggle=on_toggle>
                <summary id="embed-heading">{translated(msg::embed_heading)}</summary>
            </details>
        </aside>
    }
}
