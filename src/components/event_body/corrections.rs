use leptos::prelude::*;

use crate::components::{DateText, localized, translated};
use crate::data::Correction;
use crate::i18n as msg;

/// Dated notes of what was corrected, as a newsroom shows them.
#[component]
pub fn Corrections(corrections: Vec<Correction>) -> impl IntoView {
    (!corrections.is_empty()).then(|| {
        let items = corrections
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
