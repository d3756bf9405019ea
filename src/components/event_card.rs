use leptos::prelude::*;

use super::{EventMeta, TopicTag, event_text};
use crate::state::{PageState, Results};

/// One event in the list: date and status, the title as a link to the
/// event's own page (opened in place when the app runs, by the list's one
/// click handler), the summary and the topics.
///
/// The card carries its topics, actors and key-moment mark as data
/// attributes: before the app starts, `route.js` filters a linked view by
/// them with a style rule, so that the reader never sees the unfiltered
/// list first.
#[component]
pub fn EventCard(index: usize) -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let event = &timeline.events[index];
    let id = event.id.to_string();
    let heading_id = format!("event-{id}");
    let topics: Vec<usize> = event.topics.iter().filter_map(|t| timeline.topic_index(t)).collect();
    // Printed pages have no detail panel, so each card carries its sources
    // when printing: rendered only then, they cost the page no bytes.
    let sources = event
        .sources
        .iter()
        .map(|s| (s.publisher.clone(), s.title.clone(), s.url.clone()))
        .collect::<Vec<_>>();
    let print_sources = move || {
        state.printing.get().then(|| {
            let items = sources
                .iter()
                .map(|(publisher, title, url)| {
                    view! { <li>{publisher.clone()}": "{title.clone()}" — "{url.clone()}</li> }
                })
                .collect_view();
            view! { <ul class="print-sources">{items}</ul> }
        })
    };
    let selected = {
        let id = id.clone();
        move || state.is_open(&id)
    };
    let current = {
        let selected = selected.clone();
        move || selected().then_some("true")
    };
    let href = state.event_href(id.clone());
    let data_topics =
        event.topics.iter().map(crate::data::Id::as_str).collect::<Vec<_>>().join(" ");
    let data_actors =
        event.actors.iter().map(crate::data::Id::as_str).collect::<Vec<_>>().join(" ");
    let card_id = format!("card-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <li
            class="event"
            class:selected=selected
            class:key=event.key
            data-topics=data_topics
            data-actors=data_actors
            id=card_id
        >
            <article aria-labelledby=labelled_by>
                <EventMeta index />
                <h5 id=heading_id>
                    <a class="event-link" href=href aria-current=current>
                        {event_text(index, |e| &e.title)}
                    </a>
                </h5>
                <p class="summary">{event_text(index, |e| &e.summary)}</p>
                <ul class="topics">
                    {topics.into_iter().map(|topic| view! { <TopicTag topic /> }).collect_view()}
                </ul>
                {print_sources}
            </article>
        </li>
    }
}
