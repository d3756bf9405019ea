use std::sync::Arc;

use leptos::prelude::*;

use crate::state::Results;
use crate::timeline::{Scale, bars, percent};

/// Bars of events per year among those shown; taller when `dense`, where
/// they replace the marks.
#[component]
pub(super) fn Density(scale: Arc<Scale>, dense: bool) -> impl IntoView {
    let loaded = Results::from_context();
    let (timeline, shown) = (loaded.timeline, loaded.shown);
    move || {
        shown
            .with(|s| bars(&timeline, s, &scale, dense))
            .into_iter()
            .map(|bar| {
                view! {
                    <rect class="bar" x=percent(bar.span.start()) width=percent(bar.span.width()) y=bar.y height=bar.height></rect>
                }
            })
            .collect_view()
    }
}
