use leptos::prelude::*;

use super::{reactive, translated};
use crate::address::{Address, Page, View};
use crate::format::{format_record_dates, format_sources_until};
use crate::i18n as msg;
use crate::state::{PageState, Results};
use crate::timeline::Filter;

/// The title, a one-line introduction with the rest behind "more", how
/// current the record is (its newest fact, its last review, and where the
/// sources read stop), and the way into the key moments. Short on purpose: on a phone, events start on the first screen.
#[component]
pub fn PageHeader() -> impl IntoView {
    let state = PageState::from_context();
    let timeline = Results::from_context().timeline;
    let lang = state.lang;
    let reviewed = timeline.updated;
    let newest = timeline.newest_fact().unwrap_or(reviewed);
    let sources_until = timeline.sources_until;
    let key_moments = move || {
        let view = View { filter: Filter { key: true, ..Filter::default() }, ..View::default() };
        let address = Address { page: Page::home(lang.get()), view };
        format!("{}{}", state.base(), address.href())
    };
    let show_key_moments = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        state.filter.set(Filter { key: true, ..Filter::default() });
        if let Some(list) = document().get_element_by_id("events-heading") {
            list.scroll_into_view();
        }
    };
    view! {
        <header class="page-header">
            <h1>{translated(msg::app_title)}</h1>
            <p class="lead">{translated(msg::app_subtitle)}</p>
            <p class="updated">{reactive(move || format_record_dates(lang.get(), newest, reviewed))}</p>
            {sources_until.map(|until| view! {
                <p class="sources-until">{reactive(move || format_sources_until(lang.get(), until))}</p>
            })}
            <p class="key-moments-link">
                <a href=key_moments on:click=show_key_moments>{translated(msg::app_key_moments)}</a>
            </p>
            <details class="intro-more">
                <summary>{translated(msg::app_intro_more)}</summary>
                <p>{translated(msg::app_intro_lead)}</p>
                <p>{translated(msg::app_intro_why)}</p>
                <p>{translated(msg::app_intro_how)}</p>
            </details>
        </header>
    }
}
