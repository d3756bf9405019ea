use leptos::prelude::*;

use super::{Code, EventField, HeightField, LanguageField, PasteLink, Preview, TopicsField};
use crate::components::translated;
use crate::data::Lang;
use crate::embed::{EmbedOptions, Height, INITIAL_HEIGHT};
use crate::i18n as msg;
use crate::state::PageState;

/// The choices, the code and the preview.
#[component]
pub fn EmbedForm() -> impl IntoView {
    let state = PageState::from_context();
    // `None` follows the page's language until the reader picks one.
    let chosen_lang = RwSignal::new(None::<Lang>);
    let event = RwSignal::new(None::<String>);
    let topics = RwSignal::new(Vec::<String>::new());
    let auto = RwSignal::new(true);
    let pixels = RwSignal::new(INITIAL_HEIGHT.to_string());
    let options = Memo::new(move |_| EmbedOptions {
        lang: chosen_lang.get().unwrap_or_else(|| state.lang.get()),
        event: event.get(),
        topics: topics.get(),
        height: if auto.get() {
            Height::Auto
        } else {
            pixels.with(|p| Height::parse_fixed(p)).unwrap_or(Height::Fixed(INITIAL_HEIGHT))
        },
    });
    view! {
        <div class="embed-form">
            <div class="embed-choices">
                <LanguageField chosen=chosen_lang options />
                <EventField event />
                <TopicsField topics />
                <HeightField auto pixels />
            </div>
            <div class="embed-output">
                <PasteLink options />
                <Code options />
                <h3 class="embed-preview-heading">{translated(msg::embed_preview)}</h3>
                <Preview options />
            </div>
        </div>
    }
}
