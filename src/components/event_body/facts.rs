use leptos::prelude::*;

use crate::components::{TopicTag, localized, reactive, translated};
use crate::format::format_usd;
use crate::i18n as msg;
use crate::state::{PageState, Results};

/// One fact of the event: a term and its description. (A function, not a
/// component with children, which Leptos would type-erase.)
fn fact(term: fn(crate::data::Lang) -> &'static str, description: impl IntoView) -> impl IntoView {
    view! {
        <div>
            <dt>{translated(term)}</dt>
            <dd>{description}</dd>
        </div>
    }
}

/// Place, amount, actors and topics of the event at `index`.
#[component]
pub fn Facts(index: usize) -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let event = &timeline.events[index];
    let lang = state.lang;
    let place = event.place.clone().map(|p| fact(msg::detail_place, localized(p)));
    let amount = event
        .amount_usd
        .map(|a| fact(msg::detail_amount, reactive(move || format_usd(lang.get(), a))));
    let actors: Vec<_> = event.actors.iter().filter_map(|id| timeline.actor(id).cloned()).collect();
    let actors = (!actors.is_empty()).then(|| {
        let items = actors
            .into_iter()
            .map(|a| {
                view! {
                    <li>
                        <span class="actor-name">{localized(a.name)}</span>
                        ", "
                        <span class="actor-role">{localized(a.role)}</span>
                    </li>
                }
            })
            .collect_view();
        fact(msg::detail_actors, view! { <ul class="actors">{items}</ul> })
    });
    let topics = event
        .topics
        .iter()
        .filter_map(|t| timeline.topic_index(t))
        .map(|topic| view! { <TopicTag topic /> })
        .collect_view();
    view! {
        <dl class="facts">
            {place}
            {amount}
            {actors}
            {fact(msg::detail_topics, view! { <ul class="topics">{topics}</ul> })}
        </dl>
    }
}
