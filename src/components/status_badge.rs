use leptos::prelude::*;
use leptos_fluent::move_tr;

use crate::data::Status;

/// Held, announced, or announced but not confirmed: in words, not only colour.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let (class, text) = match status {
        Status::Held => ("status status-held", move_tr!("status-held")),
        Status::Announced => ("status status-announced", move_tr!("status-announced")),
        Status::Unconfirmed => ("status status-unconfirmed", move_tr!("status-unconfirmed")),
    };
    view! { <span class=class>{text}</span> }
}
