use leptos::html;
use leptos::prelude::*;

use super::{DataNotice, EventDetail, EventList, FilterPanel, FilterToggle};

/// The timeline: the overview and the filters (a sheet on phones), the
/// list, and the open event.
#[component]
pub fn TimelineView() -> impl IntoView {
    let open = RwSignal::new(false);
    let toggle = NodeRef::<html::Button>::new();
    view! {
        <DataNotice />
        <div class="toolbar">
            <FilterToggle open toggle />
        </div>
        <div class="layout">
            <FilterPanel open toggle />
            <EventList />
            <EventDetail />
        </div>
    }
}
