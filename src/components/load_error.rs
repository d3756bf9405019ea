use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use crate::data::LoadError;

/// A specific, translated message for a failed load, with a retry button.
#[component]
pub fn LoadErrorView(
    error: LoadError,
    retry: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    leptos::logging::error!("could not load the timeline data: {error}");
    let message = move || match &error {
        LoadError::Network => tr!("data-error-network"),
        LoadError::Http(status) => tr!("data-error-http", { "status" => status.to_string() }),
        LoadError::Timeout => tr!("data-error-timeout"),
        LoadError::Empty => tr!("data-error-empty"),
        LoadError::TooLarge(_) => tr!("data-error-too-large"),
        LoadError::Syntax { line, column, .. } => {
            tr!("data-error-syntax", { "line" => line.to_string(), "column" => column.to_string() })
        }
        LoadError::Shape { path, .. } => tr!("data-error-shape", { "path" => path.clone() }),
        LoadError::Version(v) => tr!("data-error-version", { "version" => v.to_string() }),
    };
    view! {
        <div class="load-error" role="alert">
            <h2>{move_tr!("data-error-title")}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| retry()>
                {move_tr!("data-error-retry")}
            </button>
        </div>
    }
}
