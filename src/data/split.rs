//! Splits a document, read in pieces, into its header and its events' JSON
//! texts, one event at a time.
//!
//! The browser reads `events.json` this way (`fetch.rs`) so that the file's
//! text is never whole in the app's memory beside the events made from it:
//! a long timeline's text is large, and wasm memory, once grown, never
//! shrinks. Each event's text is read with `serde_json` and dropped.
//!
//! This is not a JSON parser. It only follows strings and nesting, to find
//! where the top-level `"events"` array and its items begin and end; what
//! it hands on is read by `serde_json`, which finds every fault. A document
//! whose layout it does not expect (a key after `events`, an escaped
//! `"events"` key, no events at all) leaves it not [`Split::clean`], and
//! the caller reads the whole text instead, the exact way.

use std::collections::VecDeque;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Before the events' array: bytes go to the header.
    Header,
    /// Inside the events' array: bytes go to the current event.
    Events,
    /// After it: bytes are only checked to close the document.
    After,
}

#[derive(Debug)]
pub struct Split {
    place: Place,
    /// Open objects and arrays around the current byte.
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The document up to the events' array, its `[` included.
    header: Vec<u8>,
    /// The last string read at the document's top level: a key, when an
    /// array follows it.
    key: Vec<u8>,
    /// The event being read, and those read and not yet taken.
    event: Vec<u8>,
    ready: VecDeque<Vec<u8>>,
    /// How many events were read whole.
    count: usize,
    /// Something after the events' array other than the document's end.
    more_after: bool,
}

impl Default for Split {
    fn default() -> Self {
        Self {
            place: Place::Header,
            depth: 0,
            in_string: false,
            escaped: false,
            header: Vec::new(),
            key: Vec::new(),
            event: Vec::new(),
            ready: VecDeque::new(),
            count: 0,
            more_after: false,
        }
    }
}

impl Split {
    /// Reads the next piece of the document.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.byte(byte);
        }
    }

    fn byte(&mut self, byte: u8) {
        let top = self.place == Place::Header && self.depth == 1;
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
            }
            if top && self.in_string {
                self.key.push(byte);
            }
            return self.keep(byte);
        }
        let between_events = self.place == Place::Events && self.depth == 1;
        match byte {
            b'"' => {
                self.in_string = true;
                if top {
                    self.key.clear();
                }
            }
            b'[' if top && self.key == b"events" => {
                self.header.push(byte);
                self.place = Place::Events;
                return;
            }
            b'{' | b'[' => self.depth += 1,
            b']' if between_events => {
                // `[]` has no event; `[{},]` has an empty last one, which
                // fails to read, as the whole document would.
                if !(self.event.is_empty() && self.count == 0) {
                    self.end_event();
                }
                self.place = Place::After;
                return;
            }
            b',' if between_events => return self.end_event(),
            b' ' | b'\t' | b'\n' | b'\r' if between_events && self.event.is_empty() => return,
            b'}' | b']' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        if self.place == Place::After && !matches!(byte, b'}' | b' ' | b'\t' | b'\n' | b'\r') {
            self.more_after = true;
        }
        self.keep(byte);
    }

    fn keep(&mut self, byte: u8) {
        match self.place {
            Place::Events => self.event.push(byte),
            Place::Header => self.header.push(byte),
            Place::After => {}
        }
    }

    fn end_event(&mut self) {
        self.ready.push_back(std::mem::take(&mut self.event));
        self.count += 1;
    }

    /// The header, once the events' array has begun: the document up to
    /// it, closed as if the array were empty and the last key. `None`
    /// before then, or when it is not UTF-8.
    pub fn header(&self) -> Option<String> {
        if self.place == Place::Header {
            return None;
        }
        let header = std::str::from_utf8(&self.header).ok()?;
        // Editors on Windows may save with a byte-order mark, as in `parse`.
        Some(format!("{}]}}", header.strip_prefix('\u{feff}').unwrap_or(header)))
    }

    /// The next event read whole, as JSON text (`Some("")` when it is not
    /// UTF-8, which then fails to read).
    pub fn next_event(&mut self) -> Option<String> {
        let bytes = self.ready.pop_front()?;
        Some(String::from_utf8(bytes).unwrap_or_default())
    }

    /// Whether the whole document was read as expected: its events' array
    /// ended, nothing but the document's end after it, every event taken.
    pub fn clean(&self) -> bool {
        self.place == Place::After
            && self.depth == 0
            && !self.in_string
            && !self.more_after
            && self.ready.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{parse, parse_parts};

    /// Splits `text` fed in pieces of `size` bytes.
    fn split(text: &str, size: usize) -> (Option<String>, Vec<String>, bool) {
        let mut split = Split::default();
        let mut header = None;
        let mut events = Vec::new();
        for piece in text.as_bytes().chunks(size) {
            split.feed(piece);
            header = header.or_else(|| split.header());
            while let Some(event) = split.next_event() {
                events.push(event);
            }
        }
        (header, events, split.clean())
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_real_data_read_in_pieces_makes_the_same_timeline() {
        for name in ["../../public/data/events.json", "small.json", "broken/unknown-topic.json"] {
            let text = fixture(name);
            let whole = parse(&text).unwrap();
            for size in [1, 7, 4096, text.len()] {
                let (header, events, clean) = split(&text, size);
                assert!(clean, "{name} in pieces of {size}");
                let mut problems_without_line = whole.problems.clone();
                for problem in &mut problems_without_line {
                    problem.line = None;
                }
                let parts = parse_parts(&header.unwrap(), events.into_iter()).unwrap();
                assert_eq!(parts.events, whole.events, "{name} in pieces of {size}");
                assert_eq!(parts.problems, problems_without_line, "{name} in pieces of {size}");
            }
        }
    }

    #[test]
    fn strings_may_hold_brackets_quotes_and_the_word_events() {
        let text = r#"{"a": "events", "b": ["[", "\"]", "\\"], "events": [ {"t": "}],\"events\": [" }, [1, [2]] ,"x\\" ] }"#;
        let (header, events, clean) = split(text, 3);
        assert!(clean);
        assert_eq!(header.unwrap(), r#"{"a": "events", "b": ["[", "\"]", "\\"], "events": []}"#);
        // Space after an item stays with it (JSON allows it there).
        assert_eq!(events, [r#"{"t": "}],\"events\": [" }"#, "[1, [2]] ", r#""x\\" "#]);
    }

    #[test]
    fn an_unexpected_layout_is_not_clean() {
        for text in [
            // A key after the events.
            r#"{"events": [{}], "version": 1}"#,
            // The key written with an escape.
            r#"{"ev\u0065nts": [{}]}"#,
            // No events, or cut short.
            r#"{"version": 1}"#,
            r#"{"events": [{"a": 1}"#,
            r#"{"events": [{"a": "1}]}"#,
        ] {
            assert!(!split(text, 4).2, "{text}");
        }
        assert!(split(r#"{"version": 1, "events": []}"#, 4).2);
        assert!(split(r#"{"events": [], "version": 1}"#, 4).0.is_some());
    }

    #[test]
    fn empty_items_are_handed_on_to_fail() {
        assert_eq!(split(r#"{"events": []}"#, 2).1, Vec::<String>::new());
        assert_eq!(split(r#"{"events": [{},]}"#, 2).1, ["{}", ""]);
        assert_eq!(split(r#"{"events": [ {} , ]}"#, 1).1, ["{} ", ""]);
        assert_eq!(split(r#"{"events": [1 2]}"#, 1).1, ["1 2"]);
        assert_eq!(split(r#"{"events": [,{}]}"#, 2).1, ["", "{}"]);
    }
}
