use leptos::prelude::*;

use super::reactive;
use crate::i18n as msg;
use crate::state::{PageState, Results};

/// A discreet note when some events were left out for data errors; the
/// details go to the console, where editors look.
#[component]
pub fn DataNotice() -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let skipped = crate::data::skipped_events(&timeline.problems);
    (skipped > 0).then(|| {
        view! {
            <p class="data-notice" role="note">
                {reactive(move || msg::data_notice_skipped(state.lang.get(), skipped))}
            </p>
        }
    })
}
