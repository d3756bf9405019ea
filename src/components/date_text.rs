use leptos::prelude::*;

use super::reactive;
use crate::dates::PartialDate;
use crate::format::format_date;
use crate::state::PageState;

/// A date in the page's language, to its known precision, in a `<time>`
/// element that machines can read.
#[component]
pub fn DateText(start: PartialDate, end: Option<PartialDate>) -> impl IntoView {
    let state = PageState::from_context();
    view! { <time datetime=start.to_string()>{reactive(move || format_date(state.lang.get(), start, end))}</time> }
}
