//! The Leptos components, one per file. They render what `state` and the
//! plain-Rust modules compute, and hold as little logic as they can. The
//! same components render the prerendered pages (natively, with `ssr`) and
//! run in the browser (with `hydrate`), which takes those pages over.

mod copy_button;
mod copy_link_button;
mod data_notice;
mod date_text;
mod embed_attribution;
mod embed_generator;
mod event_body;
mod event_card;
mod event_detail;
mod event_list;
mod event_meta;
mod filter_bar;
mod filter_panel;
mod filter_toggle;
mod language_switch;
#[cfg(feature = "hydrate")]
mod load_error_view;
mod no_app_note;
mod overview;
mod page_footer;
mod page_header;
mod people_sent_figure;
mod share_link;
mod timeline_view;
mod topic_checkbox;
mod topic_tag;

pub use embed_attribution::EmbedAttribution;
pub use embed_generator::EmbedGenerator;
pub use language_switch::LanguageSwitch;
#[cfg(feature = "hydrate")]
pub use load_error_view::LoadErrorView;
pub use no_app_note::NoAppNote;
pub use page_footer::PageFooter;
pub use page_header::PageHeader;
pub use timeline_view::TimelineView;

use copy_link_button::CopyLinkButton;
use data_notice::DataNotice;
use date_text::DateText;
use event_body::EventBody;
use event_card::EventCard;
pub(crate) use event_detail::EventDetail;
pub(crate) use event_list::EventList;
use event_meta::EventMeta;
use filter_bar::FilterBar;
use filter_panel::FilterPanel;
use filter_toggle::FilterToggle;
use overview::Overview;
use people_sent_figure::PeopleSentFigure;
use share_link::ShareLink;
use topic_checkbox::TopicCheckbox;
use topic_tag::TopicTag;

/// A message in the page's language, as a view (or attribute value) that
/// follows the language. Every message goes through this one closure type,
/// so the app holds one copy of the code that renders and updates them,
/// not one per message.
pub(crate) fn translated(
    message: fn(crate::data::Lang) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::PageState::from_context().lang;
    move || message(leptos::prelude::Get::get(&lang))
}

/// A value that follows the state, behind one closure type per kind of
/// value (`String`, `bool`…): for a text or attribute computed in its own
/// way, where [`translated`] and [`localized`] do not fit. Leptos compiles the code
/// that renders, takes over and updates a reactive value once per closure
/// type; through this, once per kind of value.
pub(crate) type Reactive<T> = std::sync::Arc<dyn Fn() -> T + Send + Sync>;

pub(crate) fn reactive<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Reactive<T> {
    std::sync::Arc::new(f)
}

/// A text from the data in the page's language, as a view that follows the
/// language. Like [`translated`] for messages, every such text goes through this one
/// closure type, so the app holds one copy of the code that renders,
/// takes over and updates them, not one per place.
pub(crate) fn localized(
    text: crate::data::Text,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = crate::state::PageState::from_context().lang;
    move || text.get(leptos::prelude::Get::get(&lang)).to_string()
}

/// A text of event `index`, picked by `pick`, as [`localized`] (without a
/// copy of the text, which a long list would hold for every card).
pub(crate) fn event_text(
    index: usize,
    pick: fn(&crate::data::Event) -> &crate::data::Text,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = crate::state::PageState::from_context().lang;
    let timeline = crate::state::Results::from_context().timeline;
    move || pick(&timeline.events[index]).get(leptos::prelude::Get::get(&lang)).to_string()
}

/// `disabled` for a control that needs the app: true on the prerendered page
/// until the app has started. One closure type for all of them, as [`translated`].
pub(crate) fn until_started() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let started = crate::state::PageState::from_context().started;
    move || !leptos::prelude::Get::get(&started)
}
