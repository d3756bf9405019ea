use leptos::html;
use leptos::prelude::*;

use super::{DateText, EventMeta, PeopleSentFigure, TopicTag, dynamic, localized, tr};
use crate::data::Event;
use crate::format::format_usd;
use crate::i18n as t;
use crate::state::{Loaded, PageState};

/// The text of one event: title, summary, body, caveat, facts, quotes,
/// sources and corrections. Everything from the data is inserted as text.
#[component]
pub fn EventBody(index: usize, heading: NodeRef<html::H2>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let Loaded { timeline, tally, .. } = expect_context::<Loaded>();
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
                <h3>{tr(t::detail_caveat)}</h3>
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
            <Facts event=event.clone() />
            {figure}
            <Quotes event=event.clone() />
            <Sources event=event.clone() />
            <Corrections event=event.clone() />
        </article>
    }
}

/// One fact of the event: a term and its description. (A function, not a
/// component with children, which Leptos would type-erase.)
fn fact(term: fn(crate::data::Lang) -> &'static str, description: impl IntoView) -> impl IntoView {
    view! {
        <div>
            <dt>{tr(term)}</dt>
            <dd>{description}</dd>
        </div>
    }
}

/// Place, amount, actors and topics.
#[component]
fn Facts(event: Event) -> impl IntoView {
    let state = expect_context::<PageState>();
    let timeline = expect_context::<Loaded>().timeline;
    let lang = state.lang;
    let place = event.place.clone().map(|p| fact(t::detail_place, localized(p)));
    let amount = event
        .amount_usd
        .map(|a| fact(t::detail_amount, dynamic(move || format_usd(lang.get(), a))));
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
        fact(t::detail_actors, view! { <ul class="actors">{items}</ul> })
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
            {fact(t::detail_topics, view! { <ul class="topics">{topics}</ul> })}
        </dl>
    }
}

/// Words quoted in their original language, with a translation when the
/// page is in the other one.
#[component]
fn Quotes(event: Event) -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = state.lang;
    (!event.quotes.is_empty()).then(|| {
        let items = event
            .quotes
            .into_iter()
            .map(|q| {
                let original = q.lang;
                let translation = StoredValue::new(q.translation.clone());
                view! {
                    <figure class="quote">
                        <blockquote lang=original.code()>
                            <p>{q.text.clone()}</p>
                        </blockquote>
                        <Show when=move || lang.get() != original>
                            <p class="translation" lang=original.other().code()>
                                {dynamic(move || translation.with_value(|text| t::detail_quote_translation(lang.get(), text)))}
                            </p>
                        </Show>
                        <figcaption>
                            {localized(q.speaker)}
                            " · "
                            {dynamic(move || t::detail_quote_original(lang.get(), original.code()))}
                        </figcaption>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <section class="quotes">
                <h3>{tr(t::detail_quotes)}</h3>
                {items}
            </section>
        }
    })
}

/// The sources, as links to where they were published.
#[component]
fn Sources(event: Event) -> impl IntoView {
    let state = expect_context::<PageState>();
    let lang = state.lang;
    let items = event
        .sources
        .into_iter()
        .map(|s| {
            let source_lang = s.lang;
            view! {
                <li>
                    <a href=s.url rel="noopener noreferrer" target="_blank" hreflang=source_lang.code()>
                        {s.title}
                    </a>
                    <span class="source-meta">
                        {dynamic(move || t::detail_source_meta(lang.get(), &s.publisher, source_lang.code()))}
                        {s.date.map(|d| view! { ", " <DateText start=d end=None /> })}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sources">
            <h3>{tr(t::detail_sources)}</h3>
            <ol>{items}</ol>
        </section>
    }
}

/// Dated notes of what was corrected, as a newsroom shows them.
#[component]
fn Corrections(event: Event) -> impl IntoView {
    (!event.corrections.is_empty()).then(|| {
        let items = event
            .corrections
            .into_iter()
            .map(|c| {
                view! {
                    <li>
                        <DateText start=c.date end=None />
                        ": "
                        {localized(c.text)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="corrections">
                <h3>{tr(t::detail_corrections)}</h3>
                <ul>{items}</ul>
            </section>
        }
    })
}
