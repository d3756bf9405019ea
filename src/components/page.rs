use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::{
    EmbedAttribution, EmbedGenerator, EmbedHeight, LanguageSwitch, LoadErrorView, PageFooter,
    PageHeader, TimelineView,
};
use crate::data;
use crate::state::{PageState, use_lang};

/// The whole page: shell, then the timeline once its data has loaded.
#[component]
pub fn Page() -> impl IntoView {
    let state = PageState::from_location();
    provide_context(state);
    let lang = use_lang();
    state.sync_url(lang);
    sync_document_meta();

    // Relative to `<base href>`, so the build works under any sub-path.
    let timeline =
        LocalResource::new(|| async { data::load("data/events.json").await.map(Arc::new) });
    let retry = move || timeline.refetch();

    view! {
        <a class="skip-link" href="#timeline" on:click=skip_to_timeline>
            {move_tr!("app-skip-link")}
        </a>
        <LanguageSwitch />
        {(!state.embed).then(|| view! { <PageHeader /> })}
        <main id="timeline" tabindex="-1" class:embed=state.embed>
            <Suspense fallback=|| {
                view! { <p class="loading" role="status">{move_tr!("app-loading")}</p> }
            }>
                {move || Suspend::new(async move {
                    match timeline.await {
                        Ok(t) => Either::Left(view! { <TimelineView timeline=t /> }),
                        Err(error) => Either::Right(view! { <LoadErrorView error retry /> }),
                    }
                })}
            </Suspense>
        </main>
        {state.embed.then(|| view! { <EmbedAttribution /> })}
        {(!state.embed).then(|| view! { <EmbedGenerator timeline /> })}
        {(!state.embed).then(|| view! { <PageFooter /> })}
        <EmbedHeight />
    }
}

/// With `<base href>` set, a bare `#timeline` link would load the base URL
/// and lose the query; move focus to the timeline in place instead.
fn skip_to_timeline(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("timeline")
        && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
    {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// Keeps the document title and description in the active language.
fn sync_document_meta() {
    Effect::new(move |_| {
        let document = document();
        document.set_title(&tr!("app-document-title"));
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &tr!("app-meta-description"));
        }
    });
}
