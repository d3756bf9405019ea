use leptos::prelude::*;
use leptos_fluent::move_tr;

use crate::data::Problem;

/// A discreet note when some events were left out for data errors; the
/// details go to the console, where editors look.
#[component]
pub fn DataNotice(problems: Vec<Problem>) -> impl IntoView {
    for problem in &problems {
        leptos::logging::warn!("events.json: {problem}");
    }
    let skipped = crate::data::skipped_events(&problems);
    (skipped > 0).then(|| {
        view! {
            <p class="data-notice" role="note">
                {move_tr!("data-notice-skipped", { "count" => skipped })}
            </p>
        }
    })
}
