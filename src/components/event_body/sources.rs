use leptos::prelude::*;

use crate::components::{DateText, reactive, translated};
use crate::data::Source;
use crate::i18n as msg;
use crate::state::PageState;

/// The sources, as links to where they were published.
#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    let state = PageState::from_context();
    let lang = state.lang;
    let items = sources
        .into_iter()
        .map(|s| {
            let source_lang = s.lang;
            view! {
                <li>
                    <a href=s.url rel="noopener noreferrer" target="_blank" hreflang=source_lang.code()>
                        {s.title}
                    </a>
                    <span class="source-meta">
                        {reactive(move || msg::detail_source_meta(lang.get(), &s.publisher, source_lang.code()))}
                        {s.date.map(|d| view! { ", " <DateText start=d end=None /> })}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sources">
            <h3>{translated(msg::detail_sources)}</h3>
            <ol>{items}</ol>
        </section>
    }
}
