use leptos::prelude::*;
use leptos_fluent::move_tr;

/// How sources are used, the open data, and the privacy promise.
#[component]
pub fn PageFooter() -> impl IntoView {
    view! {
        <footer class="page-footer">
            <p>{move_tr!("footer-sources-policy")}</p>
            <p>
                <a href="data/events.json">{move_tr!("footer-data")}</a>
            </p>
            <p>{move_tr!("footer-privacy")}</p>
        </footer>
    }
}
