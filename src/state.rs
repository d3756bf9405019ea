//! The page's reactive state, shared through context.
//!
//! The page is rendered twice from the same components: natively at build
//! time (the prerendered HTML) and in the browser, which takes that markup
//! over. Both renders must produce the same markup, so both start from the
//! same [`Start`]: what the page's path says (language, open event), with
//! no filters. The browser then applies what only it knows (the query's
//! filters, today's date) as ordinary changes of state.

use std::sync::Arc;

use leptos::prelude::*;

use crate::address::{Page, View};
use crate::data::{Lang, Timeline};
use crate::dates::PartialDate;
use crate::timeline::{Filter, SearchIndex, Tally, apply, people_sent};

/// What a page starts with, on the server and in the browser alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub page: Page,
    /// The site's base path, ending in `/`: `/`, or `/repo/` on a sub-path.
    pub base: String,
    /// The day the status of announced events is judged on: the build's
    /// day at first, so that both renders agree; the browser then moves it
    /// to the reader's today.
    pub today: PartialDate,
}

/// What the reader has chosen, and what the page shows.
#[derive(Clone, Copy)]
pub struct PageState {
    pub lang: RwSignal<Lang>,
    /// The open event's id, as the address gives it (it may not exist).
    pub event: RwSignal<Option<String>>,
    pub filter: RwSignal<Filter>,
    pub today: RwSignal<PartialDate>,
    /// The app has taken the page over: the controls that need it work.
    pub started: RwSignal<bool>,
    /// The page is being printed: every event, with its sources.
    pub printing: RwSignal<bool>,
    /// Embedded in another site (`?embed=1`). Only behaviour depends on
    /// it (the compact layout is a style of the same markup), so the
    /// browser may know it before it takes the page over.
    pub embed: StoredValue<bool>,
    /// The id pym.js gives its child frame.
    pub child_id: StoredValue<Option<String>>,
    base: StoredValue<String>,
}

impl PageState {
    /// The page's state, which `App` (or the code that mounts it) provides
    /// to every component. Not `#[track_caller]`, unlike `expect_context`:
    /// a panic names the type anyway, and a source location per call site
    /// would ship for nothing.
    pub fn from_context() -> Self {
        expect_context()
    }

    pub fn new(start: &Start) -> Self {
        Self {
            lang: RwSignal::new(start.page.lang),
            event: RwSignal::new(start.page.event.clone()),
            filter: RwSignal::new(Filter::default()),
            today: RwSignal::new(start.today),
            started: RwSignal::new(false),
            printing: RwSignal::new(false),
            embed: StoredValue::new(false),
            child_id: StoredValue::new(None),
            base: StoredValue::new(start.base.clone()),
        }
    }

    /// The page shown now.
    pub fn page(&self) -> Page {
        Page { lang: self.lang.get(), event: self.event.get() }
    }

    /// The view shown now: filters and modes.
    pub fn view(&self) -> View {
        View {
            filter: self.filter.get(),
            embed: self.embed.get_value(),
            child_id: self.child_id.get_value(),
        }
    }

    /// The site's base path, ending in `/`.
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// The link to a page, from the site's root: a real address that works
    /// without the app, on any static host.
    pub fn href(&self, page: &Page) -> String {
        format!("{}{}", self.base.get_value(), page.path())
    }

    /// The link to event `id`'s page in the page's language, following the
    /// language: what every link to an event shows.
    pub fn event_href(self, id: String) -> impl Fn() -> String + Clone + 'static {
        move || self.href(&Page::event(self.lang.get(), &id))
    }

    /// A click handler for a link to event `id`: a plain click opens it in
    /// place, keeping the filters; new-tab and new-window clicks are left
    /// to the browser.
    pub fn open_on_click(self, id: String) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |ev| self.open_if_plain_click(&ev, &id)
    }

    /// Opens event `id` in place if `ev` is a plain click (see
    /// [`Self::open_on_click`]).
    pub fn open_if_plain_click(self, ev: &leptos::ev::MouseEvent, id: &str) {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        self.event.set(Some(id.to_string()));
    }

    /// Whether event `id` is the open one.
    pub fn is_open(&self, id: &str) -> bool {
        self.event.with(|e| e.as_deref() == Some(id))
    }
}

/// The loaded timeline and what the filters let through.
#[derive(Clone)]
pub struct Results {
    pub timeline: Arc<Timeline>,
    /// Positions in `timeline.events` of the events shown, in order.
    pub shown: Memo<Vec<usize>>,
    pub index: Arc<SearchIndex>,
    /// The people-sent figure, computed once: its era's chapter and each
    /// counted event's detail show it.
    pub tally: StoredValue<Option<Tally>>,
}

impl Results {
    /// The results, which `App` provides to every component (see
    /// [`PageState::from_context`]).
    pub fn from_context() -> Self {
        expect_context()
    }

    pub fn new(timeline: Arc<Timeline>, state: PageState) -> Self {
        let index = Arc::new(SearchIndex::default());
        let (t, search) = (timeline.clone(), index.clone());
        // The filter and language the results were last computed for: when
        // the new filter only narrows it (one more letter typed), only the
        // last results are tested again.
        let last = StoredValue::new(None::<(Filter, Lang)>);
        let shown = Memo::new(move |previous: Option<&Vec<usize>>| {
            let lang = state.lang.get();
            state.filter.with(|filter| {
                let within = last.with_value(|last| match (last, previous) {
                    (Some((before, l)), Some(previous)) if *l == lang && filter.narrows(before) => {
                        Some(previous.clone())
                    }
                    _ => None,
                });
                last.set_value(Some((filter.clone(), lang)));
                apply(&t, &search, filter, lang, within.as_deref())
            })
        });
        let tally = StoredValue::new(people_sent(&timeline));
        Self { timeline, shown, index, tally }
    }
}
