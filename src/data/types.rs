//! The serde types of `events.json`, each value checked as it is read.

use serde::{Deserialize, Serialize};

use super::validate;
use crate::dates::PartialDate;

/// The two languages of the product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Reads a language code, ignoring case and region ("en-US" is English).
    pub fn from_code(code: &str) -> Option<Self> {
        let base = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match base.as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }
}

/// A readable, stable identifier: lowercase ASCII words and digits joined
/// by single hyphens, such as `merida-2007`. Checked when read, so that
/// every id in a [`Timeline`] is one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// The id, if `s` is a valid one.
    pub fn new(s: &str) -> Option<Self> {
        validate::is_slug(s).then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if validate::is_slug(&s) {
            Ok(Self(s))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "\"{s}\" is not a valid id: use lowercase letters a-z, digits and single hyphens, at most 64 characters"
            )))
        }
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A readable, stable slug: lowercase letters and digits joined by single hyphens, e.g. `merida-2007`. Never reuse or rename one: links use it.",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 64
        })
    }
}

/// Dates are written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the form is the
/// precision. Checked when read.
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        PartialDate::parse(&s).map_err(|err| {
            serde::de::Error::custom(format_args!("\"{s}\" is not a valid date: {err}"))
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date to the precision known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.",
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"
        })
    }
}

/// A text written in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub es: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => &self.es,
            Lang::En => &self.en,
        }
    }
}

/// A period of the relationship: a band on the overview, a chapter of the
/// list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: Id,
    /// First day.
    pub start: PartialDate,
    /// Last day, inclusive; absent while the era goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub name: Text,
    pub summary: Text,
}

impl Era {
    /// Whether `date` (its first day) falls inside the era.
    pub fn contains(&self, date: PartialDate) -> bool {
        date.first_day() >= self.start.first_day()
            && self.end.is_none_or(|end| date.first_day() <= end.last_day())
    }
}

/// A subject events are filed under; an event may have several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Id,
    pub name: Text,
}

/// Which side an actor belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Country {
    Mx,
    Us,
    Other,
}

/// Reads an enum written as one of its names, in the order of `values`.
/// By hand, because serde's derive adds to the browser's build, for each
/// such enum, code for ways of writing it that `events.json` does not use
/// (`{"held": null}`, a variant's number), and that the schema refuses.
/// An unknown name gets the derive's error. A value that is not a string
/// gets "expected a string", where the derive's error ("expected value")
/// read like broken JSON.
fn read_name<'de, D, T>(d: D, names: &'static [&'static str], values: &[T]) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Copy,
{
    let name = String::deserialize(d)?;
    match names.iter().position(|n| *n == name) {
        Some(i) => Ok(values[i]),
        None => Err(serde::de::Error::unknown_variant(&name, names)),
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_name(d, &["es", "en"], &Lang::ALL)
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_name(d, &["mx", "us", "other"], &[Country::Mx, Country::Us, Country::Other])
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let values = [Status::Held, Status::Announced, Status::Unconfirmed];
        read_name(d, &["held", "announced", "unconfirmed"], &values)
    }
}

/// A person or an institution that takes part in events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Id,
    pub country: Country,
    pub name: Text,
    pub role: Text,
}

/// Whether an event took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It took place, and the sources say so.
    Held,
    /// Announced or scheduled for a date still ahead.
    Announced,
    /// Announced, but no source shows that it took place.
    Unconfirmed,
}

/// Words quoted in their original language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Verbatim, in the original language.
    pub text: String,
    /// The original language.
    pub lang: Lang,
    /// The quote in the other language.
    pub translation: String,
    pub speaker: Text,
}

/// A published source for an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An `http` or `https` address.
    #[cfg_attr(any(test, feature = "schema"), schemars(regex(pattern = r"^https?://")))]
    pub url: String,
    pub publisher: String,
    /// The headline or title as published.
    pub title: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The language the source is written in.
    pub lang: Lang,
    /// The primary text of an official act (a ruling, a treaty, a statement)
    /// on a host that is not a government's. Sources on `.gov`, `.gob.mx`
    /// and `.mil` hosts count as primary without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
}

/// A dated note of what was corrected in an event, shown with it as a
/// newsroom shows its corrections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The day of the correction, `YYYY-MM-DD`.
    pub date: PartialDate,
    /// What was wrong and what is right.
    pub text: Text,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Used in the event's page address; never reuse or rename one.
    pub id: Id,
    /// The form is the precision: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: PartialDate,
    /// Last day of an event that spans days, in the same form as `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub status: Status,
    /// The era the event belongs to; its date must lie inside it.
    pub era: Id,
    /// Topic ids, at least one.
    pub topics: Vec<Id>,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    pub title: Text,
    pub summary: Text,
    /// Longer context; paragraphs separated by a blank line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Text>,
    /// Where sources disagree or a fact is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<Text>,
    /// U.S. funds for Mexico only, in dollars (never a total that includes
    /// other countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_usd: Option<u64>,
    /// How many people Mexico handed over to U.S. authorities in this
    /// event, for a group sent at once (a transfer or an extradition).
    /// These events make the transfers figure, so the count must be the
    /// one the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_sent: Option<u32>,
    /// One of the milestones that tell the story ("key moments").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    /// An official act (an agreement, an order, a designation, a ruling, a
    /// joint statement): it must cite at least one primary source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub official: bool,
    /// Corrections made to this event, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// The day the event was last verified against its sources, by someone
    /// other than its writer (`verification/<id>.json` holds what they
    /// found). Required by the checks; optional here only so that a missing
    /// one gets a clear message rather than a parse error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// At least one.
    pub sources: Vec<Source>,
}

impl Event {
    /// The last day the event may cover: used for ranges and for deciding
    /// whether an announced date has passed.
    pub fn last_day(&self) -> PartialDate {
        self.end.unwrap_or(self.date).last_day()
    }
}

/// The whole `events.json` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Lets editors' tools find the JSON Schema.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version; this build reads version 1.
    pub version: u32,
    /// The day the record as a whole was last reviewed: no event's
    /// `checked` day may come after it.
    pub updated: PartialDate,
    /// How far the sources the editors could read reach, when that is
    /// earlier than `updated`: the page says so, so that readers do not take
    /// the months in between for months without events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_until: Option<PartialDate>,
    pub title: Text,
    pub eras: Vec<Era>,
    pub topics: Vec<Topic>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
}
