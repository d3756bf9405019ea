use std::sync::Arc;

use leptos::prelude::*;

use crate::state::Results;
use crate::timeline::{HEIGHT, Scale, era_colour, era_periods, percent};

/// Each era as a band. Its name is on its button below the axis, where it
/// is never cut short.
#[component]
pub(super) fn EraBands(scale: Arc<Scale>) -> impl IntoView {
    let timeline = Results::from_context().timeline;
    era_periods(&timeline, &scale)
        .into_iter()
        .map(|(n, period)| {
            let span = scale.span(period);
            view! {
                <rect class="era-band" data-era=era_colour(n) x=percent(span.start()) width=percent(span.width()) y="0" height=HEIGHT></rect>
            }
        })
        .collect_view()
}
