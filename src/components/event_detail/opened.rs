use leptos::html;
use leptos::prelude::*;

use super::Neighbours;
use crate::components::{EventBody, ShareLink, translated};
use crate::i18n as msg;
use crate::state::Results;

/// The panel of the event at `index` in the timeline.
#[component]
pub fn Opened(
    index: usize,
    heading: NodeRef<html::H2>,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = Results::from_context().timeline.events[index].id.to_string();
    view! {
        <section class="detail" aria-labelledby="detail-heading">
            <div class="detail-bar">
                <button type="button" class="detail-close" on:click=move |_| close()>
                    {translated(msg::detail_close)}
                </button>
                <Neighbours index />
            </div>
            <ShareLink id />
            <EventBody index heading />
        </section>
    }
}
