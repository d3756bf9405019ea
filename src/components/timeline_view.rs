use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::tr;

use super::{DataNotice, EventDetail, EventList, FilterBar, Overview};
use crate::data::Timeline;
use crate::intl::format_date;
use crate::state::{Loaded, PageState, use_lang};

/// The loaded timeline: overview and filters, the list, and the open event.
#[component]
pub fn TimelineView(timeline: Arc<Timeline>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = use_lang();
    provide_context(Loaded::new(timeline.clone(), state, lang));
    let updated = timeline.updated;
    let updated_text =
        move || tr!("app-updated", { "date" => format_date(lang.get(), updated, None) });

    view! {
        <p class="updated">{updated_text}</p>
        <DataNotice problems=timeline.problems.clone() />
        <Overview />
        <div class="layout">
            <div class="controls">
                <FilterBar />
            </div>
            <EventList />
            <EventDetail />
        </div>
    }
}
