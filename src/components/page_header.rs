use leptos::prelude::*;

use crate::address::{Address, Page, View};
use crate::format::format_date;
use crate::i18n as t;
use crate::state::{Loaded, PageState};
use crate::timeline::Filter;

/// The title, a one-line introduction with the rest behind "more", how
/// current the record is, and the way into the key moments. Short on purpose: on a phone, events start on the first screen.
#[component]
pub fn PageHeader() -> impl IntoView {
    let state = expect_context::<PageState>();
    let timeline = expect_context::<Loaded>().timeline;
    let lang = state.lang;
    let updated = timeline.updated;
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
            <h1>{move || t::app_title(lang.get())}</h1>
            <p class="lead">{move || t::app_subtitle(lang.get())}</p>
            <p class="updated">
                {move || t::app_updated(lang.get(), &format_date(lang.get(), updated, None))}
            </p>
            <p class="key-moments-link">
                <a href=key_moments on:click=show_key_moments>{move || t::app_key_moments(lang.get())}</a>
            </p>
            <details class="intro-more">
                <summary>{move || t::app_intro_more(lang.get())}</summary>
                <p>{move || t::app_intro_lead(lang.get())}</p>
                <p>{move || t::app_intro_why(lang.get())}</p>
                <p>{move || t::app_intro_how(lang.get())}</p>
            </details>
        </header>
    }
}
