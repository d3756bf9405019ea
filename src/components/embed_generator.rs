use leptos::html;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use leptos::tachys::view::{Mountable, Render};

use super::copy_button::{Copied, CopyButton, CopyLabels, site_url};
use super::{TopicCheckbox, tr};
use crate::data::Lang;
use crate::embed::{EmbedOptions, Height, INITIAL_HEIGHT, MAX_FIXED_HEIGHT, MIN_FIXED_HEIGHT};
use crate::format::format_date;
use crate::i18n as t;
use crate::state::{Loaded, PageState};

/// "Embed this timeline": a closed `<details>` on the full page. Opened, it
/// offers the language, starting event, topics and height of an embed, a
/// live preview and the HTML to paste.
///
/// Nothing inside is built until it is first opened, and then it is built
/// straight into the page rather than through a `<Show>`: the prerendered
/// page never holds the form, so the app needs no code to take it over, nor
/// to remove it (once opened, it stays). That keeps about 4 KB (brotli) off
/// every reader's download, for a tool few readers open.
#[component]
pub fn EmbedGenerator() -> impl IntoView {
    let details = NodeRef::<html::Details>::new();
    // The form's signals and effects belong to this component, like those
    // of the rest of the page.
    let owner = Owner::current();
    let opened_once = StoredValue::new(false);
    let on_toggle = move |_| {
        let Some(details) = details.get_untracked().filter(web_sys::HtmlDetailsElement::open)
        else {
            return;
        };
        if opened_once.get_value() {
            return;
        }
        opened_once.set_value(true);
        let build =
            || view! { <p class="embed-intro">{tr(t::embed_intro)}</p> <EmbedForm /> }.build();
        let mut form = match &owner {
            Some(owner) => owner.with(build),
            None => build(),
        };
        form.mount(&details, None);
        // The form stays as long as the page: its state must not be
        // dropped, which would stop its updates.
        std::mem::forget(form);
    };
    view! {
        <aside class="embed-generator" aria-labelledby="embed-heading">
            <details node_ref=details on:toggle=on_toggle>
                <summary id="embed-heading">{tr(t::embed_heading)}</summary>
            </details>
        </aside>
    }
}

/// The choices, the code and the preview.
#[component]
fn EmbedForm() -> impl IntoView {
    let state = expect_context::<PageState>();
    // `None` follows the page's language until the reader picks one.
    let chosen_lang = RwSignal::new(None::<Lang>);
    let event = RwSignal::new(None::<String>);
    let topics = RwSignal::new(Vec::<String>::new());
    let auto = RwSignal::new(true);
    let pixels = RwSignal::new(INITIAL_HEIGHT.to_string());
    let options = Memo::new(move |_| EmbedOptions {
        lang: chosen_lang.get().unwrap_or_else(|| state.lang.get()),
        event: event.get(),
        topics: topics.get(),
        height: if auto.get() {
            Height::Auto
        } else {
            pixels.with(|p| Height::parse_fixed(p)).unwrap_or(Height::Fixed(INITIAL_HEIGHT))
        },
    });
    view! {
        <div class="embed-form">
            <div class="embed-choices">
                <LanguageField chosen=chosen_lang options />
                <EventField event />
                <TopicsField topics />
                <HeightField auto pixels />
            </div>
            <div class="embed-output">
                <PasteLink options />
                <Code options />
                <h3 class="embed-preview-heading">{tr(t::embed_preview)}</h3>
                <Preview options />
            </div>
        </div>
    }
}

/// The embed's language; each named in its own language.
#[component]
fn LanguageField(chosen: RwSignal<Option<Lang>>, options: Memo<EmbedOptions>) -> impl IntoView {
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            let selected = move || options.with(|o| o.lang == lang);
            view! {
                <option value=lang.code() lang=lang.code() prop:selected=selected>{t::language_name(lang)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="embed-field">
            <label for="embed-lang">{tr(t::embed_language)}</label>
            <select id="embed-lang" on:change=move |ev| chosen.set(Lang::from_code(&event_target_value(&ev)))>
                {choices}
            </select>
        </div>
    }
}

/// The event open when the embed loads, if any.
#[component]
fn EventField(event: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let timeline = expect_context::<Loaded>().timeline;
    let choices = move || {
        let lang = state.lang.get();
        timeline
            .events
            .iter()
            .map(|e| {
                let label = t::embed_event_option(
                    lang,
                    &format_date(lang, e.date, e.end),
                    e.title.get(lang),
                );
                let id = e.id.to_string();
                let selected = event.with_untracked(|x| x.as_deref() == Some(id.as_str()));
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="embed-field">
            <label for="embed-event">{tr(t::embed_event)}</label>
            <select
                id="embed-event"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    event.set((!id.is_empty()).then_some(id));
                }
            >
                <option value="">{tr(t::embed_event_none)}</option>
                {choices}
            </select>
        </div>
    }
}

/// The topics the embed shows (none chosen: all).
#[component]
fn TopicsField(topics: RwSignal<Vec<String>>) -> impl IntoView {
    let timeline = expect_context::<Loaded>().timeline;
    let boxes = timeline
        .topics
        .iter()
        .enumerate()
        .map(|(topic, t)| {
            let id = t.id.to_string();
            let checked = {
                let id = id.clone();
                Signal::derive(move || topics.with(|t| t.contains(&id)))
            };
            let toggle = move || {
                topics.update(|t| {
                    if let Some(i) = t.iter().position(|x| *x == id) {
                        t.remove(i);
                    } else {
                        t.push(id.clone());
                    }
                });
            };
            view! { <TopicCheckbox topic checked on_toggle=toggle /> }
        })
        .collect_view();
    view! {
        <fieldset class="topics embed-topics">
            <legend>{tr(t::embed_topics)}</legend>
            {boxes}
        </fieldset>
    }
}

/// Automatic height (with `embed.js`) or a fixed number of pixels.
#[component]
fn HeightField(auto: RwSignal<bool>, pixels: RwSignal<String>) -> impl IntoView {
    view! {
        <fieldset class="embed-height">
            <legend>{tr(t::embed_height)}</legend>
            <label>
                <input type="radio" name="embed-height" prop:checked=move || auto.get() on:change=move |_| auto.set(true) />
                {tr(t::embed_height_auto)}
            </label>
            <label>
                <input type="radio" name="embed-height" prop:checked=move || !auto.get() on:change=move |_| auto.set(false) />
                {tr(t::embed_height_fixed)}
            </label>
            <label class="embed-pixels">
                {tr(t::embed_height_pixels)}
                <input
                    type="number"
                    inputmode="numeric"
                    min=MIN_FIXED_HEIGHT
                    max=MAX_FIXED_HEIGHT
                    step="10"
                    disabled=move || auto.get()
                    prop:value=move || pixels.get()
                    on:input=move |ev| pixels.set(event_target_value(&ev))
                />
            </label>
        </fieldset>
    }
}

/// The page's link, for a CMS that turns a pasted link into an embed
/// (oEmbed), and when to use it rather than the code.
#[component]
fn PasteLink(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let link = Memo::new(move |_| options.with(|o| o.link(&site_url(state))));
    let field = NodeRef::<html::Input>::new();
    let copied = RwSignal::new(None::<Copied>);
    let select = move || {
        if let Some(input) = field.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    };
    let labels = CopyLabels {
        button: t::share_copy_link,
        done: t::share_copied,
        manual: t::share_copy_manual,
    };
    view! {
        <label for="embed-link">{tr(t::embed_link)}</label>
        <input id="embed-link" type="text" readonly spellcheck="false" aria-describedby="embed-link-help" node_ref=field prop:value=move || link.get() />
        <p id="embed-link-help" class="embed-link-help">{tr(t::embed_link_help)}</p>
        <div class="embed-copy">
            <CopyButton text=move || link.get_untracked() labels copied select />
        </div>
    }
}

/// The HTML to paste, and a button to copy it. The iframe's title is in
/// the embed's language, not the page's.
#[component]
fn Code(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let snippet = Memo::new(move |_| {
        options.with(|o| o.snippet(&site_url(state), t::embed_iframe_title(o.lang)))
    });
    let area = NodeRef::<html::Textarea>::new();
    let copied = RwSignal::new(None::<Copied>);
    let select = move || {
        if let Some(area) = area.get_untracked() {
            let _ = area.focus();
            area.select();
        }
    };
    let labels =
        CopyLabels { button: t::embed_copy, done: t::embed_copied, manual: t::embed_copy_manual };
    view! {
        <label for="embed-code">{tr(t::embed_code)}</label>
        <textarea id="embed-code" readonly rows="6" spellcheck="false" node_ref=area prop:value=move || snippet.get()></textarea>
        <div class="embed-copy">
            <CopyButton text=move || snippet.get_untracked() labels copied select />
        </div>
    }
}

/// The embed as readers will see it.
#[component]
fn Preview(options: Memo<EmbedOptions>) -> impl IntoView {
    let state = expect_context::<PageState>();
    // `loading` is not among Leptos's iframe attributes.
    view! {
        <iframe
            class="embed-preview"
            src=move || options.with(|o| o.src(&site_url(state)))
            title=move || options.with(|o| t::embed_iframe_title(o.lang))
            height=move || options.with(|o| o.height.pixels())
            allow="clipboard-write"
        ></iframe>
    }
    .attr("loading", "lazy")
}
