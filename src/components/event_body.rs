use leptos::html;
use leptos::prelude::*;

use super::{EventMeta, PeopleSentFigure, localized, translated};
use crate::i18n as msg;
use crate::state::{PageState, Results};
use corrections::Corrections;
use facts::Facts;
use quotes::Quotes;
use sources::Sources;

mod corrections;
mod facts;
mod quotes;
mod sources;

/// The text of one event: title, summary, body, caveat, facts, quotes,
/// sources and corrections. Everything from the data is inserted as text.
#[component]
pub fn EventBody(index: usize, heading: NodeRef<html::H2>) -> impl IntoView {
    let state = PageState::from_context();
    let Results { timeline, tally, .. } = Results::from_context();
    let event = &timeline.events[index];
    let (title, summary) = (event.title.clone(), event.summary.clone());
    let lang = state.lang;
    let paragraphs = event.body.clone().map(|body| {
        move || {
            body.get(lang.get())
                .split("\n\n")
                .map(|p| view! { <p>{p.to_string()}</p> })
                .collect_view()
        }
    });
    let caveat = event.caveat.clone().map(|c| {
        view! {
            <aside class="caveat">
                <h3>{translated(msg::detail_caveat)}</h3>
                <p>{localized(c)}</p>
            </aside>
        }
    });
    // Where this event counts people sent, the figure puts it among the
    // others.
    let figure = event
        .people_sent
        .and_then(|_| tally.get_value())
        .map(|tally| view! { <PeopleSentFigure tally current=index /> });
    view! {
        <article class="detail-body">
            <EventMeta index />
            <h2 id="detail-heading" tabindex="-1" node_ref=heading>
                {localized(title)}
            </h2>
            <p class="summary">{localized(summary)}</p>
            {paragraphs}
            {caveat}
            <Facts index />
            {figure}
            <Quotes quotes=event.quotes.clone() />
            <Sources sources=event.sources.clone() />
            <Corrections corrections=event.corrections.clone() />
        </article>
    }
}
