use leptos::prelude::*;

use super::{DateText, translated};
use crate::data::Status;
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::status_on;

/// An event's date and status on one line, and whether it is one of the
/// key moments. The status is in words, not only colour, and is judged on
/// today's date: an announced event whose date has passed reads "not
/// confirmed".
#[component]
pub fn EventMeta(index: usize) -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let event = &timeline.events[index];
    let (start, end, key) = (event.date, event.end, event.key);
    let status = {
        let timeline = timeline.clone();
        move || status_on(&timeline.events[index], state.today.get())
    };
    let badge = move || {
        let lang = state.lang.get();
        match status() {
            Status::Held => ("status status-held", msg::status_held(lang)),
            Status::Announced => ("status status-announced", msg::status_announced(lang)),
            Status::Unconfirmed => ("status status-unconfirmed", msg::status_unconfirmed(lang)),
        }
    };
    let badge_class = {
        let badge = badge.clone();
        move || badge().0
    };
    view! {
        <p class="event-meta">
            <DateText start end />
            <span class=badge_class>{move || badge().1}</span>
            {key.then(|| view! { <span class="key-badge">{translated(msg::event_key_moment)}</span> })}
        </p>
    }
}
