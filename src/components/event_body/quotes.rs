use leptos::prelude::*;

use crate::components::{dynamic, localized, tr};
use crate::data::Event;
use crate::i18n as t;
use crate::state::PageState;

/// Words quoted in their original language, with a translation when the
/// page is in the other one.
#[component]
pub fn Quotes(event: Event) -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = state.lang;
    (!event.quotes.is_empty()).then(|| {
        let items = event
            .quotes
            .into_iter()
            .map(|q| {
                let original = q.lang;
                let translation = StoredValue::new(q.translation.clone());
                view! {
                    <figure class="quote">
                        <blockquote lang=original.code()>
                            <p>{q.text.clone()}</p>
                        </blockquote>
                        <Show when=move || lang.get() != original>
                            <p class="translation" lang=original.other().code()>
                                {dynamic(move || translation.with_value(|text| t::detail_quote_translation(lang.get(), text)))}
                            </p>
                        </Show>
                        <figcaption>
                            {localized(q.speaker)}
                            " · "
                            {dynamic(move || t::detail_quote_original(lang.get(), original.code()))}
                        </figcaption>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <section class="quotes">
                <h3>{tr(t::detail_quotes)}</h3>
                {items}
            </section>
        }
    })
}
