//! The Leptos components, one per file. They render what `state` and the
//! plain-Rust modules compute, and hold as little logic as they can.

mod copy;
mod data_notice;
mod date_text;
mod embed_attribution;
mod embed_generator;
mod embed_height;
mod event_card;
mod event_detail;
mod event_list;
mod filter_bar;
mod i18n_provider;
mod language_switch;
mod load_error;
mod overview;
mod page;
mod page_footer;
mod page_header;
mod share_link;
mod status_badge;
mod timeline_view;

pub use i18n_provider::I18nProvider;
pub use page::Page;

use data_notice::DataNotice;
use date_text::DateText;
use embed_attribution::EmbedAttribution;
use embed_generator::EmbedGenerator;
use embed_height::EmbedHeight;
use event_card::EventCard;
use event_detail::EventDetail;
use event_list::EventList;
use filter_bar::FilterBar;
use language_switch::LanguageSwitch;
use load_error::LoadErrorView;
use overview::Overview;
use page_footer::PageFooter;
use page_header::PageHeader;
use share_link::ShareLink;
use status_badge::StatusBadge;
use timeline_view::TimelineView;
