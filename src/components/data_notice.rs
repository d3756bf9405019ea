use leptos::prelude::*;

use super::dynamic;
use crate::i18n as t;
use crate::state::{Loaded, PageState};

/// A discreet note when some events were left out for data errors; the
/// details go to the console, where editors look.
#[component]
pub fn DataNotice() -> impl IntoView {
    let state = expect_context::<PageState>();
    let timeline = expect_context::<Loaded>().timeline;
    let skipped = crate::data::skipped_events(&timeline.problems);
    (skipped > 0).then(|| {
        view! {
            <p class="data-notice" role="note">
                {dynamic(move || t::data_notice_skipped(state.lang.get(), skipped))}
            </p>
        }
    })
}
