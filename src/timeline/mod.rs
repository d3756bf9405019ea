//! What the reader sees of the timeline, computed in plain Rust: which
//! events pass the filters, how they group into chapters and years, which
//! slice of a long list is rendered, where events sit on the overview, how
//! their status reads today, and where the arrow keys go.
//!
//! One module per concern; everything is re-exported here, so callers name
//! `crate::timeline::X` whichever module holds it.

mod chapters;
mod filter;
mod geometry;
mod list_window;
mod search_index;

#[cfg(test)]
mod fixture;

pub use chapters::{Chapter, MAX_FIGURE_ROWS, Tally, chapters, people_sent, status_on};
pub use filter::{Filter, apply};
pub use geometry::{
    Bar, FULL, HEIGHT, MarkPlace, PALETTE, Period, Scale, Span, TICKS_Y, Tick, bars, brush,
    era_colour, era_periods, mark_places, palette, percent, pointer_position, ticks, zoom,
};
pub use list_window::{CHUNK, ListWindow, WHOLE_LIST, key_target, step, tab_stop};
pub use search_index::SearchIndex;
