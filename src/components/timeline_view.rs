use leptos::prelude::*;

use super::{DataNotice, EventDetail, EventList, FilterBar, Overview};

/// The timeline: overview and filters, the list, and the open event.
#[component]
pub fn TimelineView() -> impl IntoView {
    view! {
        <DataNotice />
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
