use leptos::prelude::*;

use crate::components::{DateText, localized, translated};
use crate::data::Event;
use crate::i18n as msg;

/// Dated notes of what was corrected, as a newsroom shows them.
#[component]
pub fn Corrections(event: Event) -> impl IntoView {
    (!event.corrections.is_empty()).then(|| {
        let items = event
            .corrections
            .into_iter()
            .map(|c| {
                view! {
                    <li>
                        <DateText start=c.date end=None />
                        ": "
                        {localized(c.text)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="corrections">
                <h3>{translated(msg::detail_corrections)}</h3>
                <ul>{items}</ul>
            </section>
        }
    })
}
