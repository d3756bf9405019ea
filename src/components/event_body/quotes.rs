use leptos::prelude::*;

use crate::components::{localized, reactive, translated};
use crate::data::Quote;
use crate::i18n as msg;
use crate::state::PageState;

/// Words quoted in their original language, with a translation when the
/// page is in the other one.
#[component]
pub fn Quotes(quotes: Vec<Quote>) -> impl IntoView {
    let state = PageState::from_context();
    let lang = state.lang;
    (!quotes.is_empty()).then(|| {
        let items = quotes
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
                                {reactive(move || translation.with_value(|text| msg::detail_quote_translation(lang.get(), text)))}
                            </p>
                        </Show>
                        <figcaption>
                            {localized(q.speaker)}
                            " · "
                            {reactive(move || msg::detail_quote_original(lang.get(), original.code()))}
                        </figcaption>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <section class="quotes">
                <h3>{translated(msg::detail_quotes)}</h3>
                {items}
            </section>
        }
    })
}
