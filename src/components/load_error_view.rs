use leptos::prelude::*;

use crate::data::{Lang, LoadError};
use crate::i18n as msg;

/// A specific, translated message for data that could not be loaded, with a
/// retry button. The page's content stays readable around it: it was
/// prerendered, only its interactive features wait for the data.
#[component]
pub fn LoadErrorView(lang: Lang, error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    let message = match &error {
        LoadError::Network => msg::data_error_network(lang).to_string(),
        LoadError::Http(status) => msg::data_error_http(lang, &status.to_string()),
        LoadError::Timeout => msg::data_error_timeout(lang).to_string(),
        LoadError::Empty => msg::data_error_empty(lang).to_string(),
        LoadError::TooLarge(_) => msg::data_error_too_large(lang).to_string(),
        LoadError::Syntax { line, column, .. } => {
            msg::data_error_syntax(lang, &line.to_string(), &column.to_string())
        }
        LoadError::Shape { .. } => msg::data_error_shape(lang).to_string(),
        LoadError::Version(v) => msg::data_error_version(lang, &v.to_string()),
    };
    view! {
        <div class="load-error" role="alert" lang=lang.code()>
            <h2>{msg::data_error_title(lang)}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| retry()>
                {msg::data_error_retry(lang)}
            </button>
        </div>
    }
}
