//! Where a broken event's JSON breaks, and its id when nothing else of it
//! can be read.

use std::fmt;

use crate::data::LoadError;

/// Reads any JSON as `serde_json::Value` does (`deserialize_any` all the
/// way down), so it finds the same faults, but keeps nothing: the app needs
/// no `Value` tree code for it.
struct JsonCheck;

impl<'de> serde::Deserialize<'de> for JsonCheck {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonCheck)
    }
}

impl<'de> serde::de::Visitor<'de> for JsonCheck {
    type Value = JsonCheck;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<JsonCheck>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<JsonCheck, JsonCheck>()?.is_some() {}
        Ok(self)
    }
}

/// The first fault of the JSON in `event`, a slice of the document `text`,
/// where a parser reading the whole document would report it: its line and
/// column in the document, counted as `serde_json` counts them (lines from
/// 1, columns in bytes from the start of the line).
pub(super) fn json_fault(text: &str, event: &str) -> Option<LoadError> {
    // An event stands two levels deep (the document, its `events`), which
    // counts towards `serde_json`'s nesting limit: wrap it as deep.
    let wrapped = format!("[[{event}]]");
    let err = serde_json::from_str::<JsonCheck>(&wrapped).err()?;
    // Byte `k` of `wrapped` stands at byte `start + k` of the document.
    let start = (event.as_ptr() as usize).saturating_sub(text.as_ptr() as usize + 2);
    let line_start: usize =
        wrapped.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum();
    let index = (start + line_start + err.column()).min(text.len());
    let before = &text.as_bytes()[..index];
    let start_of_line = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + text[..start_of_line].matches('\n').count();
    let column = index - start_of_line;
    let message =
        format!("{} at line {line} column {column}", crate::data::strip_position(&err.to_string()));
    Some(LoadError::Syntax { line, column, message })
}

/// Just the `id` of an event, read even when the rest of it is broken, so
/// that its problems can name the event.
#[derive(serde::Deserialize)]
pub(super) struct IdHint {
    id: Option<String>,
}

impl IdHint {
    /// The id when it is a string; `None` when it is missing or not a string
    /// (or the event is not an object).
    pub(super) fn read(json: &str) -> Option<String> {
        serde_json::from_str::<IdHint>(json).ok()?.id
    }
}
