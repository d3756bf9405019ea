//! Dates and amounts formatted by the browser's `Intl`, which already knows
//! both languages' month names and number conventions; shipping our own
//! tables would cost bytes and be less correct.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::data::Lang;
use crate::dates::{PartialDate, Precision};

/// The regional variant used for formatting: Mexican Spanish, US English.
fn locale(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(match lang {
        Lang::Es => "es-MX",
        Lang::En => "en-US",
    }))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// The fields to show for a precision: never a day or month we do not know.
pub fn date_fields(precision: Precision) -> &'static [(&'static str, &'static str)] {
    match precision {
        Precision::Year => &[("year", "numeric"), ("timeZone", "UTC")],
        Precision::Month => &[("year", "numeric"), ("month", "long"), ("timeZone", "UTC")],
        Precision::Day => {
            &[("year", "numeric"), ("month", "long"), ("day", "numeric"), ("timeZone", "UTC")]
        }
    }
}

fn js_date(date: PartialDate) -> Date {
    let d = date.first_day();
    #[allow(clippy::cast_precision_loss)] // milliseconds of real dates fit in f64
    let ms = (d.days_since_epoch() * 86_400_000) as f64;
    Date::new(&JsValue::from_f64(ms))
}

/// "15 de enero de 2026", "January 15, 2026", "febrero de 2026", "2026"; with
/// an end, a range such as "10–11 de febrero de 2026".
pub fn format_date(lang: Lang, start: PartialDate, end: Option<PartialDate>) -> String {
    let format = date_format(lang, start.precision());
    let text = match end {
        Some(end) => format.format_range(&js_date(start), &js_date(end)).ok().map(String::from),
        None => {
            format.format().call1(&JsValue::NULL, &js_date(start)).ok().and_then(|v| v.as_string())
        }
    };
    // Intl is everywhere we run; the ISO form is a readable fallback.
    text.unwrap_or_else(|| start.to_string())
}

thread_local! {
    /// Building an `Intl.DateTimeFormat` costs far more than using one, and a
    /// long list formats thousands of dates: keep one per language and
    /// precision.
    static DATE_FORMATS: RefCell<HashMap<(Lang, Precision), Intl::DateTimeFormat>> =
        RefCell::new(HashMap::new());
}

fn date_format(lang: Lang, precision: Precision) -> Intl::DateTimeFormat {
    DATE_FORMATS.with(|formats| {
        formats
            .borrow_mut()
            .entry((lang, precision))
            .or_insert_with(|| {
                Intl::DateTimeFormat::new(&locale(lang), &options(date_fields(precision)))
            })
            .clone()
    })
}

/// "465 millones de dólares" / "$465 million", as `Intl` writes it.
pub fn format_usd(lang: Lang, amount: u64) -> String {
    let opts = options(&[
        ("style", "currency"),
        ("currency", "USD"),
        ("notation", "compact"),
        ("compactDisplay", "long"),
    ]);
    let format = Intl::NumberFormat::new(&locale(lang), &opts);
    #[allow(clippy::cast_precision_loss)] // amounts are far below 2^52
    let value = JsValue::from_f64(amount as f64);
    format
        .format()
        .call1(&JsValue::NULL, &value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("US$ {amount}"))
}

/// Today's date on the reader's clock, for deciding whether an announced
/// date has passed.
pub fn today() -> PartialDate {
    #[allow(clippy::cast_possible_truncation)] // days since 1970 fit in i64
    let days = (Date::now() / 86_400_000.0).floor() as i64;
    crate::dates::from_days_since_epoch(days)
}
