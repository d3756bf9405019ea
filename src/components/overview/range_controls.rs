use std::sync::Arc;

use leptos::prelude::*;

use super::era_buttons::EraButtons;
use crate::components::{translated, until_started};
use crate::i18n as msg;
use crate::timeline::{Period, Scale, zoom};

/// The era buttons, all of the period, and zoom.
#[component]
pub(super) fn RangeControls(
    scale: Arc<Scale>,
    range: Memo<Option<Period>>,
    set_range: impl Fn(Option<Period>) + Copy + 'static,
) -> impl IntoView {
    let disabled = until_started();
    let zoom_by = |narrower: bool| {
        let scale = scale.clone();
        move |_| set_range(zoom(&scale, range.get_untracked(), narrower))
    };
    view! {
        <div class="range-controls" role="group" aria-label=translated(msg::overview_eras_label)>
            <EraButtons scale=scale.clone() range set_range />
            <button type="button" disabled=disabled aria-pressed=move || range.get().is_none().to_string() on:click=move |_| set_range(None)>
                {translated(msg::overview_range_all)}
            </button>
            <button type="button" disabled=disabled on:click=zoom_by(true)>
                {translated(msg::overview_zoom_in)}
            </button>
            <button type="button" disabled=move || disabled() || range.get().is_none() on:click=zoom_by(false)>
                {translated(msg::overview_zoom_out)}
            </button>
        </div>
    }
}
