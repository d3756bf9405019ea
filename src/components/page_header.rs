use leptos::prelude::*;
use leptos_fluent::move_tr;

/// Title, introduction and language switch of the full page.
#[component]
pub fn PageHeader() -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>{move_tr!("app-title")}</h1>
            <div class="intro">
                <p class="lead">{move_tr!("app-intro-lead")}</p>
                <p>{move_tr!("app-intro-why")}</p>
                <p>{move_tr!("app-intro-how")}</p>
            </div>
        </header>
    }
}
