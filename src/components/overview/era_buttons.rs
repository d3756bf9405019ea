use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{localized, until_started};
use crate::state::Results;
use crate::timeline::{Period, Scale, era_colour, era_periods};

/// A button per era that chooses its period, coloured as its band.
#[component]
pub(super) fn EraButtons(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
) -> impl IntoView {
    let timeline = Results::from_context().timeline;
    era_periods(&timeline, &scale)
        .into_iter()
        .map(|(n, period)| {
            let days = Some(period);
            let timeline = timeline.clone();
            view! {
                <button
                    type="button"
                    class="era-button"
                    data-era=era_colour(n)
                    disabled=until_started()
                    aria-pressed=move || (range.get() == days).to_string()
                    on:click=move |_| set_range(days)
                >
                    {localized(timeline.eras[n].name.clone())}
                </button>
            }
        })
        .collect_view()
}
