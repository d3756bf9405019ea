use leptos::prelude::*;

use crate::dates::PartialDate;
use crate::intl::format_date;
use crate::state::use_lang;

/// A date in the active language, to its known precision, in a `<time>`
/// element that machines can read.
#[component]
pub fn DateText(start: PartialDate, end: Option<PartialDate>) -> impl IntoView {
    let lang = use_lang();
    view! { <time datetime=start.to_string()>{move || format_date(lang.get(), start, end)}</time> }
}
