use leptos::prelude::*;

use super::{DateText, StatusBadge};
use crate::intl::today;
use crate::state::{Loaded, PageState, use_lang};
use crate::timeline::status_on;

/// One event in the list: date, status, title (a link that opens it),
/// summary and topics.
#[component]
pub fn EventCard(index: usize) -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let lang = use_lang();
    let timeline = loaded.timeline.clone();
    let entry = &timeline.entries[index];
    let id = entry.event.id.clone();
    let status = status_on(entry, today());
    let (start, end) = (entry.start, entry.end);
    let heading_id = format!("event-{id}");

    let text = {
        let timeline = timeline.clone();
        move |pick: fn(&crate::data::Event) -> &crate::data::Text| {
            let timeline = timeline.clone();
            move || pick(&timeline.entries[index].event).get(lang.get()).to_string()
        }
    };
    let topics = entry
        .event
        .topics
        .iter()
        .filter_map(|t| timeline.topics.iter().position(|topic| topic.id == *t))
        .map(|n| {
            let timeline = timeline.clone();
            view! {
                <li class="topic" data-topic=n % 8>
                    <span class="swatch" aria-hidden="true"></span>
                    {move || timeline.topics[n].name.get(lang.get()).to_string()}
                </li>
            }
        })
        .collect_view();
    // Printed pages have no detail panel, so each card carries its sources
    // for print only.
    let sources = entry
        .event
        .sources
        .iter()
        .map(|s| view! { <li>{s.publisher.clone()}": "{s.title.clone()}" — "{s.url.clone()}</li> })
        .collect_view();
    let selected = {
        let id = id.clone();
        move || state.event.with(|e| e.as_deref() == Some(id.as_str()))
    };
    let is_current = selected.clone();
    let card_id = format!("card-{id}");
    let labelled_by = heading_id.clone();
    let href = {
        let id = id.clone();
        move || state.href_for_event(&id, lang.get())
    };
    let open = state.open_on_click(id);

    view! {
        <li class="event" class:selected=selected>
            <article aria-labelledby=labelled_by id=card_id>
                <p class="event-meta">
                    <DateText start end />
                    <StatusBadge status />
                </p>
                <h4 id=heading_id>
                    <a class="event-link" href=href on:click=open aria-current=move || is_current().then_some("true")>
                        {text(|e| &e.title)}
                    </a>
                </h4>
                <p class="summary">{text(|e| &e.summary)}</p>
                <ul class="topics">{topics}</ul>
                <ul class="print-sources">{sources}</ul>
            </article>
        </li>
    }
}
