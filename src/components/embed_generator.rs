use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use leptos::task::spawn_local;
use leptos_fluent::{I18n, move_tr, tr};

use super::copy::{Copied, copy_text, page_url};
use crate::data::{Lang, LoadError, Timeline};
use crate::embed::{EmbedOptions, Height, INITIAL_HEIGHT};
use crate::intl::format_date;
use crate::state::use_lang;

/// "Embed this timeline": a closed `<details>` on the full page. Opened, it
/// offers the language, starting event, topics and height of an embed, a
/// live preview and the HTML to paste. Nothing inside is built until it is
/// first opened.
#[component]
pub fn EmbedGenerator(timeline: LocalResource<Result<Arc<Timeline>, LoadError>>) -> impl IntoView {
    let opened = RwSignal::new(false);
    let details = NodeRef::<html::Details>::new();
    let on_toggle = move |_| {
        if details.get_untracked().is_some_and(|d| d.open()) {
            opened.set(true);
        }
    };
    view! {
        <aside class="embed-generator" aria-labelledby="embed-heading">
            <details node_ref=details on:toggle=on_toggle>
                <summary id="embed-heading">{move_tr!("embed-heading")}</summary>
                <Show when=move || opened.get()>
                    <p class="embed-intro">{move_tr!("embed-intro")}</p>
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            timeline.await.ok().map(|t| view! { <EmbedForm timeline=t /> })
                        })}
                    </Suspense>
                </Show>
            </details>
        </aside>
    }
}

/// The choices, the preview and the code.
#[component]
fn EmbedForm(timeline: Arc<Timeline>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let page_lang = use_lang();
    // `None` follows the page's language until the reader picks one.
    let chosen_lang = RwSignal::new(None::<Lang>);
    let lang = move || chosen_lang.get().unwrap_or_else(|| page_lang.get());
    let event = RwSignal::new(None::<String>);
    let topics = RwSignal::new(Vec::<String>::new());
    let auto = RwSignal::new(true);
    let pixels = RwSignal::new(INITIAL_HEIGHT.to_string());
    let options = Memo::new(move |_| EmbedOptions {
        lang: lang(),
        event: event.get(),
        topics: topics.get(),
        height: if auto.get() {
            Height::Auto
        } else {
            pixels.with(|p| Height::parse_fixed(p)).unwrap_or(Height::Fixed(INITIAL_HEIGHT))
        },
    });
    // The iframe's title is in the embed's language, not the page's.
    let in_lang = Lang::ALL.map(|l| {
        let language = i18n.languages.iter().copied().find(|x| x.id == l.code());
        I18n::new(
            RwSignal::new(language.unwrap_or(i18n.language.get_untracked())),
            i18n.languages,
            i18n.translations,
        )
    });
    let title = move |l: Lang| {
        let chosen = in_lang[usize::from(l == Lang::En)];
        tr!(chosen, "embed-iframe-title")
    };
    let src = Memo::new(move |_| options.with(|o| o.src(&page_url())));
    let snippet = Memo::new(move |_| options.with(|o| o.snippet(&page_url(), &title(o.lang))));

    let language_options = i18n
        .languages
        .iter()
        .map(|language| {
            let selected = move || lang().code() == language.id;
            view! {
                <option value=language.id lang=language.id selected=selected>{language.name}</option>
            }
        })
        .collect_view();
    let event_options = {
        let timeline = timeline.clone();
        move || {
            let l = page_lang.get();
            timeline
                .entries
                .iter()
                .map(|e| {
                    let label = tr!("embed-event-option", {
                        "date" => format_date(l, e.start, e.end),
                        "title" => e.event.title.get(l).to_string(),
                    });
                    let id = e.event.id.clone();
                    let selected = event.with_untracked(|x| x.as_deref() == Some(id.as_str()));
                    view! { <option value=id selected=selected>{label}</option> }
                })
                .collect_view()
        }
    };
    let topic_boxes = timeline
        .topics
        .iter()
        .enumerate()
        .map(|(n, topic)| {
            let id = topic.id.clone();
            let name = topic.name.clone();
            let checked = {
                let id = id.clone();
                move || topics.with(|t| t.contains(&id))
            };
            let toggle = move |_| {
                topics.update(|t| {
                    if let Some(i) = t.iter().position(|x| *x == id) {
                        t.remove(i);
                    } else {
                        t.push(id.clone());
                    }
                });
            };
            view! {
                <label class="topic-chip" data-topic=n % 8>
                    <input type="checkbox" prop:checked=checked on:change=toggle />
                    <span class="swatch" aria-hidden="true"></span>
                    {move || name.get(page_lang.get()).to_string()}
                </label>
            }
        })
        .collect_view();

    let code = NodeRef::<html::Textarea>::new();
    let copied = RwSignal::new(None::<Copied>);
    let copy = move |_| {
        let text = snippet.get_untracked();
        copied.set(None);
        spawn_local(async move {
            if copy_text(&text).await {
                copied.set(Some(Copied::Done));
            } else {
                if let Some(area) = code.get_untracked() {
                    let _ = area.focus();
                    area.select();
                }
                copied.set(Some(Copied::Selected));
            }
        });
    };
    let message = move || match copied.get() {
        Some(Copied::Done) => Some(move_tr!("embed-copied")),
        Some(Copied::Selected) => Some(move_tr!("embed-copy-manual")),
        None => None,
    };

    // `loading` is not among Leptos's iframe attributes.
    let preview = view! {
        <iframe
            class="embed-preview"
            src=move || src.get()
            title=move || title(lang())
            height=move || options.with(|o| o.height.pixels())
            allow="clipboard-write"
        ></iframe>
    }
    .attr("loading", "lazy");

    view! {
        <div class="embed-form">
            <div class="embed-choices">
                <div class="embed-field">
                    <label for="embed-lang">{move_tr!("embed-language")}</label>
                    <select id="embed-lang" on:change=move |ev| chosen_lang.set(Lang::from_code(&event_target_value(&ev)))>
                        {language_options}
                    </select>
                </div>
                <div class="embed-field">
                    <label for="embed-event">{move_tr!("embed-event")}</label>
                    <select id="embed-event" on:change=move |ev| {
                        let id = event_target_value(&ev);
                        event.set((!id.is_empty()).then_some(id));
                    }>
                        <option value="">{move_tr!("embed-event-none")}</option>
                        {event_options}
                    </select>
                </div>
                <fieldset class="topics embed-topics">
                    <legend>{move_tr!("embed-topics")}</legend>
                    {topic_boxes}
                </fieldset>
                <fieldset class="embed-height">
                    <legend>{move_tr!("embed-height")}</legend>
                    <label>
                        <input type="radio" name="embed-height" prop:checked=move || auto.get() on:change=move |_| auto.set(true) />
                        {move_tr!("embed-height-auto")}
                    </label>
                    <label>
                        <input type="radio" name="embed-height" prop:checked=move || !auto.get() on:change=move |_| auto.set(false) />
                        {move_tr!("embed-height-fixed")}
                    </label>
                    <label class="embed-pixels">
                        {move_tr!("embed-height-pixels")}
                        <input
                            type="number"
                            inputmode="numeric"
                            min=crate::embed::MIN_FIXED_HEIGHT
                            max=crate::embed::MAX_FIXED_HEIGHT
                            step="10"
                            disabled=move || auto.get()
                            prop:value=move || pixels.get()
                            on:input=move |ev| pixels.set(event_target_value(&ev))
                        />
                    </label>
                </fieldset>
            </div>
            <div class="embed-output">
                <label for="embed-code">{move_tr!("embed-code")}</label>
                <textarea id="embed-code" readonly rows="6" spellcheck="false" node_ref=code prop:value=move || snippet.get()></textarea>
                <div class="embed-copy">
                    <button type="button" on:click=copy>{move_tr!("embed-copy")}</button>
                    <p class="copy-status" role="status" aria-live="polite">{message}</p>
                </div>
                <h3 class="embed-preview-heading">{move_tr!("embed-preview")}</h3>
                {preview}
            </div>
        </div>
    }
}
