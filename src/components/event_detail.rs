use std::sync::Arc;

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wasm_bindgen::JsCast;

use super::{DateText, ShareLink, StatusBadge};
use crate::data::{Lang, Timeline};
use crate::intl::{format_usd, today};
use crate::state::{Loaded, PageState, use_lang};
use crate::timeline::{status_on, step};

/// The open event in full: text, quotes, actors, place and sources. Escape
/// or the close button closes it and returns focus to where it was.
#[component]
pub fn EventDetail() -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let lang = use_lang();
    let heading = NodeRef::<html::H2>::new();
    // Where focus was when the event opened, to give it back on close.
    let return_to = StoredValue::new_local(None::<web_sys::HtmlElement>);

    Effect::new(move |previous: Option<Option<String>>| {
        let current = state.event.get();
        // An embed opened on an event must not pull the host page to it.
        let loading_in_frame = state.embed && previous.is_none();
        if current.is_some() && previous.as_ref() != Some(&current) && !loading_in_frame {
            if previous.as_ref().is_some_and(Option::is_none) {
                let active = document().active_element().and_then(|el| el.dyn_into().ok());
                return_to.set_value(active);
            }
            // Wait for the panel to render, then move focus to its heading.
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
        current
    });

    let close = move || {
        let id = state.event.get_untracked();
        state.event.set(None);
        let back = return_to.get_value().filter(|el| el.is_connected()).or_else(|| {
            let id = id?;
            document()
                .get_element_by_id(&format!("event-{id}"))?
                .query_selector("a")
                .ok()??
                .dyn_into()
                .ok()
        });
        if let Some(el) = back {
            let _ = el.focus();
        }
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.event.with_untracked(Option::is_some) {
            close();
        }
    });
    on_cleanup(move || handle.remove());

    let timeline = loaded.timeline.clone();
    let shown = loaded.shown;
    view! {
        {move || {
            let id = state.event.get()?;
            let timeline = timeline.clone();
            Some(match timeline.entries.iter().position(|e| e.event.id == id) {
                Some(index) => Either::Left(view! {
                    <section class="detail" aria-labelledby="detail-heading">
                        <div class="detail-bar">
                            <button type="button" class="detail-close" on:click=move |_| close()>
                                {move_tr!("detail-close")}
                            </button>
                            <Neighbours index shown=shown />
                        </div>
                        <ShareLink id=id.clone() />
                        <EventBody timeline index lang heading />
                    </section>
                }),
                None => Either::Right(view! {
                    <section class="detail not-found" role="alert">
                        <h2 tabindex="-1" node_ref=heading id="detail-heading">
                            {move || tr!("detail-not-found", { "id" => id.clone() })}
                        </h2>
                        <button type="button" on:click=move |_| close()>
                            {move_tr!("detail-not-found-close")}
                        </button>
                    </section>
                }),
            })
        }}
    }
}

/// Buttons to the previous and next event among those shown.
#[component]
fn Neighbours(index: usize, shown: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let loaded = expect_context::<Loaded>();
    let go = move |forward: bool| {
        let timeline = loaded.timeline.clone();
        move |_| {
            if let Some(next) = shown.with(|s| step(s, index, forward)) {
                state.event.set(Some(timeline.entries[next].event.id.clone()));
            }
        }
    };
    let has = move |forward: bool| move || shown.with(|s| step(s, index, forward).is_none());
    view! {
        <button type="button" on:click=go(false) disabled=has(false)>
            {move_tr!("detail-previous")}
        </button>
        <button type="button" on:click=go(true) disabled=has(true)>
            {move_tr!("detail-next")}
        </button>
    }
}

/// The text of one event. Everything from the data is inserted as text.
#[component]
fn EventBody(
    timeline: Arc<Timeline>,
    index: usize,
    lang: Signal<Lang>,
    heading: NodeRef<html::H2>,
) -> impl IntoView {
    let entry = &timeline.entries[index];
    let event = entry.event.clone();
    let status = status_on(entry, today());
    let (start, end) = (entry.start, entry.end);
    let l = move || lang.get();

    let paragraphs = |text: Option<crate::data::Text>| {
        text.map(|t| {
            move || {
                t.get(l()).split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()
            }
        })
    };
    let place = event.place.clone().map(|p| {
        view! {
            <div>
                <dt>{move_tr!("detail-place")}</dt>
                <dd>{move || p.get(l()).to_string()}</dd>
            </div>
        }
    });
    let amount = event.amount_usd.map(|a| {
        view! {
            <div>
                <dt>{move_tr!("detail-amount")}</dt>
                <dd>{move || format_usd(l(), a)}</dd>
            </div>
        }
    });
    let actors: Vec<_> = event.actors.iter().filter_map(|id| timeline.actor(id).cloned()).collect();
    let actors = (!actors.is_empty()).then(|| {
        let items = actors
            .into_iter()
            .map(|a| {
                view! {
                    <li>
                        <span class="actor-name">{move || a.name.get(l()).to_string()}</span>
                        ", "
                        <span class="actor-role">{move || a.role.get(l()).to_string()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div>
                <dt>{move_tr!("detail-actors")}</dt>
                <dd><ul class="actors">{items}</ul></dd>
            </div>
        }
    });
    let topics: Vec<_> = event
        .topics
        .iter()
        .filter_map(|t| timeline.topics.iter().position(|topic| topic.id == *t))
        .collect();
    let topics = {
        let timeline = timeline.clone();
        move || {
            topics
                .iter()
                .map(|&n| {
                    view! {
                        <li class="topic" data-topic=n % 8>
                            <span class="swatch" aria-hidden="true"></span>
                            {timeline.topics[n].name.get(l()).to_string()}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let caveat = event.caveat.clone().map(|c| {
        view! {
            <aside class="caveat">
                <h3>{move_tr!("detail-caveat")}</h3>
                <p>{move || c.get(l()).to_string()}</p>
            </aside>
        }
    });
    let quotes = (!event.quotes.is_empty()).then(|| {
        let items = event
            .quotes
            .clone()
            .into_iter()
            .map(|q| {
                let original = q.lang;
                let translated = move || l() != original;
                let translation = q.translation.clone();
                view! {
                    <figure class="quote">
                        <blockquote lang=original.code()>
                            <p>{q.text.clone()}</p>
                        </blockquote>
                        <figcaption>
                            {move || q.speaker.get(l()).to_string()}
                            " · "
                            {move_tr!("detail-quote-original", { "lang" => original.code() })}
                        </figcaption>
                        <Show when=translated>
                            <p class="translation" lang=original.other().code()>
                                {move_tr!("detail-quote-translation")}
                                ": "
                                {translation.clone()}
                            </p>
                        </Show>
                    </figure>
                }
            })
            .collect_view();
        view! {
            <section class="quotes">
                <h3>{move_tr!("detail-quotes")}</h3>
                {items}
            </section>
        }
    });
    let sources = event
        .sources
        .clone()
        .into_iter()
        .map(|s| {
            let date = s.date.as_deref().and_then(|d| crate::dates::PartialDate::parse(d).ok());
            let source_lang = s.lang;
            view! {
                <li>
                    <a href=s.url.clone() rel="noopener noreferrer" target="_blank" hreflang=source_lang.code()>
                        {s.title.clone()}
                    </a>
                    <span class="source-meta">
                        {s.publisher.clone()}
                        {date.map(|d| view! { ", " <DateText start=d end=None /> })}
                        " ("
                        {move_tr!("detail-source-lang", { "lang" => source_lang.code() })}
                        ")"
                    </span>
                </li>
            }
        })
        .collect_view();

    let title = event.title.clone();
    let summary = event.summary.clone();
    view! {
        <article class="detail-body">
            <p class="event-meta">
                <DateText start end />
                <StatusBadge status />
            </p>
            <h2 id="detail-heading" tabindex="-1" node_ref=heading>
                {move || title.get(l()).to_string()}
            </h2>
            <p class="summary">{move || summary.get(l()).to_string()}</p>
            {paragraphs(event.body.clone())}
            {caveat}
            <dl class="facts">
                {place}
                {amount}
                {actors}
                <div>
                    <dt>{move_tr!("detail-topics")}</dt>
                    <dd><ul class="topics">{topics}</ul></dd>
                </div>
            </dl>
            {quotes}
            <section class="sources">
                <h3>{move_tr!("detail-sources")}</h3>
                <ol>{sources}</ol>
            </section>
        </article>
    }
}
