//! The page's reactive state, shared through context, and its mirror in
//! the URL query.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_fluent::I18n;

use crate::data::{Lang, Timeline};
use crate::timeline::{Filter, SearchIndex, apply};
use crate::url_state::UrlState;

/// What the reader has chosen: the open event and the filters. The language
/// lives in leptos-fluent's context; everything else is derived.
#[derive(Clone, Copy)]
pub struct PageState {
    pub event: RwSignal<Option<String>>,
    pub filter: RwSignal<Filter>,
    /// Embedded in another site (`?embed=1`): no page shell.
    pub embed: bool,
    pub child_id: StoredValue<Option<String>>,
}

impl PageState {
    /// Reads the state from the page's URL.
    pub fn from_location() -> Self {
        let url = UrlState::parse(&location_search());
        Self {
            event: RwSignal::new(url.event),
            filter: RwSignal::new(url.filter),
            embed: url.embed,
            child_id: StoredValue::new(url.child_id),
        }
    }

    /// The URL state for the current choices, with `event` in place of the
    /// open one.
    pub fn url_with_event(&self, event: Option<String>, lang: Lang) -> UrlState {
        UrlState {
            lang: Some(lang),
            event,
            filter: self.filter.get(),
            embed: self.embed,
            child_id: self.child_id.get_value(),
        }
    }

    /// A link (relative to the page) that opens `id` with the current filters.
    pub fn href_for_event(&self, id: &str, lang: Lang) -> String {
        format!("{}{}", location_path(), self.url_with_event(Some(id.to_string()), lang).to_query())
    }

    /// A click handler for a link to event `id`: a plain click opens it in
    /// place, while new-tab and new-window clicks are left to the browser.
    pub fn open_on_click(self, id: String) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            self.event.set(Some(id.clone()));
        }
    }

    /// Keeps the URL in step with the state, and the state with the URL when
    /// the reader goes back or forward. Opening or closing an event adds a
    /// history entry; filters and language replace the current one, so Back
    /// does not replay every keystroke.
    pub fn sync_url(self, lang: Signal<Lang>) {
        Effect::new(move |previous_event: Option<Option<String>>| {
            let event = self.event.get();
            let query = self.url_with_event(event.clone(), lang.get()).to_query();
            if query != location_search() {
                let url = format!("{}{}", location_path(), query);
                let push = previous_event.is_some_and(|prev| prev != event);
                if let Ok(history) = window().history() {
                    let result = if push {
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                    } else {
                        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                    };
                    if result.is_err() {
                        // A sandboxed frame may refuse; the page still works.
                        leptos::logging::warn!("could not update the address bar");
                    }
                }
            }
            event
        });
        let i18n = expect_context::<I18n>();
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let url = UrlState::parse(&location_search());
            self.event.set(url.event);
            self.filter.set(url.filter);
            if let Some(lang) = url.lang {
                set_language(i18n, lang);
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// The loaded timeline and what the filters let through.
#[derive(Clone)]
pub struct Loaded {
    pub timeline: Arc<Timeline>,
    /// Indices into `timeline.entries`, in order.
    pub shown: Memo<Vec<usize>>,
}

impl Loaded {
    pub fn new(timeline: Arc<Timeline>, state: PageState, lang: Signal<Lang>) -> Self {
        let index = Arc::new(SearchIndex::default());
        let t = timeline.clone();
        let search = index.clone();
        let shown = Memo::new(move |_| state.filter.with(|f| apply(&t, &search, f, lang.get())));
        // Fold the search texts of the active language once the first
        // events are painted (a timeout queued from an animation frame runs
        // after that frame), so that neither the first paint nor the first
        // keystroke waits for them.
        let t = timeline.clone();
        request_animation_frame(move || {
            set_timeout(move || index.prepare(&t, lang.get_untracked()), Duration::ZERO);
        });
        Self { timeline, shown }
    }
}

/// The active language, as a signal.
pub fn use_lang() -> Signal<Lang> {
    let i18n = expect_context::<I18n>();
    Signal::derive(move || Lang::from_code(i18n.language.get().id).unwrap_or(Lang::Es))
}

pub fn set_language(i18n: I18n, lang: Lang) {
    if let Some(language) = i18n.languages.iter().find(|l| l.id == lang.code()) {
        i18n.language.set(language);
    }
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

fn location_path() -> String {
    window().location().pathname().unwrap_or_default()
}
