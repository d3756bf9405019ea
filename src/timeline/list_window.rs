//! The slice of a long list that is rendered, and where the keys move
//! between events.

/// The index among `shown` of the event before or after `current`, for the
/// detail's previous and next; `None` at the ends.
pub fn step(shown: &[usize], current: usize, forward: bool) -> Option<usize> {
    let pos = shown.iter().position(|&i| i == current)?;
    let next = if forward { pos + 1 } else { pos.checked_sub(1)? };
    shown.get(next).copied()
}

/// Which shown event holds the one tab stop of a row (the overview's
/// marks): the open event while it is shown, else the first shown. A
/// hidden item never holds it: it is out of the tab order and of the
/// arrow keys' reach, so nothing in the row could be reached.
pub fn tab_stop(shown: &[usize], open: Option<usize>) -> Option<usize> {
    open.filter(|i| shown.binary_search(i).is_ok()).or_else(|| shown.first().copied())
}

/// Where a key moves focus in a row of `count` items (marks on the
/// overview, cards in the list), from `current`. `back` and `forward` are
/// the keys that step (arrows), Home and End go to the ends.
pub fn key_target(
    key: &str,
    current: Option<usize>,
    count: usize,
    back: &str,
    forward: &str,
) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (key, current) {
        (k, Some(i)) if k == forward => Some((i + 1).min(last)),
        (k, Some(i)) if k == back => Some(i.saturating_sub(1)),
        ("Home", _) => Some(0),
        ("End", _) => Some(last),
        _ => None,
    }
}

/// How many events a long list renders at first, and adds at a time.
/// Building and laying out thousands of cards at once keeps the reader
/// waiting, so a long list shows a slice and grows as the reader scrolls
/// or asks for more; a keystroke in the search box rebuilds at most one
/// slice, so its size is what a keystroke costs.
pub const CHUNK: usize = 8;

/// How many events a slice opened far down a long list (a deep link)
/// shows before the opened one, so that it does not start the list.
const BEFORE_OPENED: usize = CHUNK / 4;

/// Lists up to this long are rendered whole at once, as the real data's
/// is: slicing would save little and change what its readers get.
pub const WHOLE_LIST: usize = 120;

/// The slice of the shown events that the list renders: positions
/// `start..end` in `shown`. The count of results always comes from `shown`
/// itself, never from the slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListWindow {
    pub start: usize,
    pub end: usize,
}

impl ListWindow {
    /// The first chunk of a list of `len` events (all of a short one).
    pub fn first(len: usize) -> Self {
        Self { start: 0, end: if len <= WHOLE_LIST { len } else { CHUNK } }
    }

    /// Everything, for printing.
    pub fn all(len: usize) -> Self {
        Self { start: 0, end: len }
    }

    /// The window to render: the one the reader asked for (`asked`, if it
    /// was asked for these very results), else the first chunk; in either
    /// case grown to hold `open`, the position of the open event, so that
    /// the open event is always in the list and focus can return to it.
    pub fn choose(len: usize, asked: Option<Self>, open: Option<usize>) -> Self {
        let window = asked.map_or_else(|| Self::first(len), |w| w.clamp(len));
        match open {
            Some(pos) => window.including(pos, len),
            None => window,
        }
    }

    /// This window, kept inside a list of `len` events and never empty
    /// while the list is not.
    #[must_use]
    pub fn clamp(self, len: usize) -> Self {
        let end = self.end.min(len);
        let start = self.start.min(end);
        if start == end { Self::first(len) } else { Self { start, end } }
    }

    /// One more chunk after the end.
    #[must_use]
    pub fn more(self, len: usize) -> Self {
        Self { start: self.start, end: (self.end + CHUNK).min(len) }.clamp(len)
    }

    /// One more chunk before the start.
    #[must_use]
    pub fn earlier(self, len: usize) -> Self {
        Self { start: self.start.saturating_sub(CHUNK), end: self.end }.clamp(len)
    }

    pub fn contains(self, pos: usize) -> bool {
        (self.start..self.end).contains(&pos)
    }

    /// A window that holds position `pos` (an opened event): this one grown
    /// by a chunk when `pos` is just outside it (the detail's "next" and
    /// "previous" step one at a time), otherwise a chunk that starts a few
    /// events before it, so that a deep link far down a long list does not
    /// have to render everything above it.
    #[must_use]
    pub fn including(self, pos: usize, len: usize) -> Self {
        if pos >= len || self.contains(pos) {
            return self;
        }
        if pos >= self.end && pos < self.end + CHUNK {
            return Self { start: self.start, end: (self.end + CHUNK).min(len).max(pos + 1) };
        }
        if pos < self.start && pos + CHUNK >= self.start {
            return Self { start: self.start.saturating_sub(CHUNK).min(pos), end: self.end };
        }
        let start = pos.saturating_sub(BEFORE_OPENED);
        Self { start, end: (start + CHUNK).min(len) }
    }

    /// How many events are left after the end of the window.
    pub fn left_after(self, len: usize) -> usize {
        len.saturating_sub(self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_between_shown_events_and_stops_at_the_ends() {
        assert_eq!(step(&[2, 5, 9], 5, true), Some(9));
        assert_eq!(step(&[2, 5, 9], 5, false), Some(2));
        assert_eq!(step(&[2, 5, 9], 9, true), None);
        assert_eq!(step(&[2, 5, 9], 2, false), None);
        assert_eq!(step(&[2, 5, 9], 4, true), None);
    }

    #[test]
    fn the_tab_stop_is_on_a_shown_event() {
        assert_eq!(tab_stop(&[2, 5, 9], Some(5)), Some(5));
        assert_eq!(tab_stop(&[2, 5, 9], None), Some(2));
        // The open event is filtered out (issue 24, 3).
        assert_eq!(tab_stop(&[2, 5, 9], Some(4)), Some(2));
        assert_eq!(tab_stop(&[], Some(4)), None);
    }

    #[test]
    fn keys_move_along_a_row() {
        let go = |key, current| key_target(key, current, 5, "ArrowLeft", "ArrowRight");
        assert_eq!(go("ArrowRight", Some(1)), Some(2));
        assert_eq!(go("ArrowRight", Some(4)), Some(4));
        assert_eq!(go("ArrowLeft", Some(0)), Some(0));
        assert_eq!(go("Home", Some(3)), Some(0));
        assert_eq!(go("End", None), Some(4));
        assert_eq!(go("ArrowRight", None), None);
        assert_eq!(go("Enter", Some(1)), None);
        assert_eq!(key_target("End", None, 0, "a", "b"), None);
    }

    #[test]
    fn the_list_window_starts_with_a_chunk_and_grows() {
        // A list the size of the real data's is rendered at once.
        assert_eq!(ListWindow::first(67), ListWindow { start: 0, end: 67 });
        assert_eq!(ListWindow::first(WHOLE_LIST), ListWindow { start: 0, end: WHOLE_LIST });
        let w = ListWindow::first(5000);
        assert_eq!(w, ListWindow { start: 0, end: CHUNK });
        assert_eq!(w.more(5000), ListWindow { start: 0, end: 2 * CHUNK });
        assert_eq!(w.more(CHUNK + 7), ListWindow { start: 0, end: CHUNK + 7 });
        assert_eq!(w.left_after(5000), 5000 - CHUNK);
        assert_eq!(ListWindow::all(5000), ListWindow { start: 0, end: 5000 });
        assert_eq!(ListWindow::first(0), ListWindow { start: 0, end: 0 });
    }

    #[test]
    fn the_list_window_shrinks_with_the_list_but_never_empties() {
        let w = ListWindow { start: 300, end: 400 };
        assert_eq!(w.clamp(350), ListWindow { start: 300, end: 350 });
        // Fewer results than the window's start: back to the first chunk.
        assert_eq!(w.clamp(20), ListWindow { start: 0, end: 20 });
        assert_eq!(w.earlier(5000), ListWindow { start: 300 - CHUNK, end: 400 });
        let near_top = ListWindow { start: CHUNK / 2, end: 2 * CHUNK };
        assert_eq!(near_top.earlier(5000), ListWindow { start: 0, end: 2 * CHUNK });
    }

    #[test]
    fn the_list_window_reaches_an_opened_event() {
        let w = ListWindow::first(5000);
        // Inside: unchanged.
        assert_eq!(w.including(CHUNK - 1, 5000), w);
        // Just after (the detail's "next"): one chunk more.
        assert_eq!(w.including(CHUNK, 5000), ListWindow { start: 0, end: 2 * CHUNK });
        // Far away (a deep link): a chunk starting a little before it.
        let far = w.including(4000, 5000);
        assert!(far.contains(4000));
        let start = 4000 - BEFORE_OPENED;
        assert!(start < 4000, "the opened event does not start its slice");
        assert_eq!(far, ListWindow { start, end: start + CHUNK });
        // Just before (the detail's "previous"): a chunk earlier.
        let earlier = ListWindow { start: start - CHUNK, end: start + CHUNK };
        assert_eq!(far.including(start - 1, 5000), earlier);
        // Near the end of the list, the window stops there.
        assert_eq!(w.including(4995, 5000), ListWindow { start: 4995 - BEFORE_OPENED, end: 5000 });
        // A position outside the list changes nothing.
        assert_eq!(w.including(5000, 5000), w);
    }

    /// A filter change resets the window to the first chunk, but never
    /// drops the open event: it stays rendered, so focus can go back to it.
    #[test]
    fn the_chosen_window_always_holds_the_open_event() {
        let asked = ListWindow { start: 0, end: 3 * CHUNK };
        assert_eq!(ListWindow::choose(5000, Some(asked), None), asked);
        assert_eq!(ListWindow::choose(5000, None, None), ListWindow::first(5000));
        let w = ListWindow::choose(5000, None, Some(900));
        assert!(w.contains(900), "{w:?}");
        assert!(w.end - w.start <= CHUNK, "{w:?}");
        let next = 250 + CHUNK - 1;
        let w = ListWindow::choose(1000, Some(ListWindow { start: 0, end: 250 }), Some(next));
        assert!(w.contains(next) && w.contains(0), "{w:?}");
        assert_eq!(ListWindow::choose(67, None, Some(66)), ListWindow::first(67));
    }
}
