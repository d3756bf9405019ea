//! Dates and dollar amounts in words, as Mexican (es-MX) and US (en-US)
//! readers expect them, identical in the browser and in the prerendered
//! pages: plain integer arithmetic over the messages of
//! `locales/*/formats.ftl`, with no `Intl`, no floats and no date library.

use crate::data::Lang;
use crate::dates::{PartialDate, Precision};
use crate::i18n;

/// A date or a range of dates, never showing a day or month that is not
/// known: es "15 de enero de 2026", "febrero de 2026", "2026",
/// "10–11 de febrero de 2026", "28 de febrero al 2 de marzo de 2026",
/// "octubre de 2009 a enero de 2011", "2018–2019"; en "January 15, 2026",
/// "February 2026", "February 10–11, 2026", "February 28 – March 2, 2026",
/// "October 2009 – January 2011".
///
/// A range whose ends are known to different precisions is shown at the
/// coarser one ("2026-02-28" to "2026-03" is "febrero a marzo de 2026"), and
/// one whose ends are then equal is shown as a single date.
pub fn format_date(lang: Lang, start: PartialDate, end: Option<PartialDate>) -> String {
    let Some(end) = end else { return single(lang, start) };
    let precision = start.precision().min(end.precision());
    let (start, end) = (start.to_precision(precision), end.to_precision(precision));
    if start == end {
        return single(lang, start);
    }
    let year = |d: PartialDate| d.year.to_string();
    let day = |d: PartialDate| d.day.to_string();
    let month = |d: PartialDate| i18n::date_month_name(lang, usize::from(d.month));
    match precision {
        Precision::Year => i18n::date_range_years(lang, &year(start), &year(end)),
        Precision::Month if start.year == end.year => {
            i18n::date_range_months(lang, &month(start), &month(end), &year(start))
        }
        Precision::Month => i18n::date_range_months_years(
            lang,
            &month(start),
            &year(start),
            &month(end),
            &year(end),
        ),
        Precision::Day if start.year == end.year && start.month == end.month => {
            i18n::date_range_days(lang, &day(start), &day(end), &month(start), &year(start))
        }
        Precision::Day if start.year == end.year => i18n::date_range_days_months(
            lang,
            &day(start),
            &month(start),
            &day(end),
            &month(end),
            &year(start),
        ),
        Precision::Day => i18n::date_range_days_years(
            lang,
            &day(start),
            &month(start),
            &year(start),
            &day(end),
            &month(end),
            &year(end),
        ),
    }
}

/// How current the record is: its newest fact and the day it was reviewed.
pub fn format_record_dates(lang: Lang, newest: PartialDate, reviewed: PartialDate) -> String {
    i18n::app_record_dates(
        lang,
        form(newest),
        &single(lang, newest),
        form(reviewed),
        &single(lang, reviewed),
    )
}

/// Where the sources the editors could read stop.
pub fn format_sources_until(lang: Lang, until: PartialDate) -> String {
    i18n::app_sources_until(lang, form(until), &single(lang, until))
}

/// A date's precision as the messages select on it: Spanish writes "el"
/// before a day but not before a month or a year.
fn form(date: PartialDate) -> &'static str {
    match date.precision() {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn single(lang: Lang, date: PartialDate) -> String {
    let year = date.year.to_string();
    match date.precision() {
        Precision::Year => year,
        Precision::Month => {
            i18n::date_month(lang, &i18n::date_month_name(lang, usize::from(date.month)), &year)
        }
        Precision::Day => i18n::date_day(
            lang,
            &date.day.to_string(),
            &i18n::date_month_name(lang, usize::from(date.month)),
            &year,
        ),
    }
}

/// An amount in US dollars as each country's press writes it.
///
/// - es: "1 dólar", "90,500 dólares", "90 mil dólares", "465 millones de
///   dólares", "1.5 millones de dólares", "mil 600 millones de dólares",
///   "2 mil 500 millones de dólares".
/// - en: "$90,000", "$465 million", "$1.5 million", "$1.6 billion".
///
/// Rounding, always half up, on exact integers:
/// - below a million, both languages show every dollar (Spanish words only
///   round thousands: "90 mil dólares", but "90,500 dólares");
/// - from a million, both round to a tenth of a million ("$1.25 million" is
///   "$1.3 million"), and drop a zero tenth ("$2 million");
/// - from a thousand million, English rounds to a tenth of a billion
///   ("$1.63 billion" is "$1.6 billion"), Spanish to a whole million ("mil
///   630 millones de dólares"), as each press does;
/// - an amount that rounds up to the next unit takes it: $999,960,000 is
///   "$1 billion", "mil millones de dólares".
pub fn format_usd(lang: Lang, amount: u64) -> String {
    if amount < 1_000_000 {
        if lang == Lang::Es && amount >= 1000 && amount.is_multiple_of(1000) {
            return i18n::money_usd_thousands(lang, count(amount / 1000));
        }
        return i18n::money_usd(lang, count(amount));
    }
    let tenths_of_millions = round(amount, 100_000);
    if tenths_of_millions < 10_000 {
        return tenths(
            tenths_of_millions,
            |n| i18n::money_usd_millions(lang, count(n)),
            |t| i18n::money_usd_millions_decimal(lang, t),
        );
    }
    match lang {
        Lang::En => {
            let text = tenths(round(amount, 100_000_000), |n| decimal(n, 0), str::to_string);
            i18n::money_usd_billions(lang, &text)
        }
        Lang::Es => {
            let millions = round(amount, 1_000_000);
            i18n::money_usd_thousand_millions(lang, count(millions / 1000), count(millions % 1000))
        }
    }
}

/// `amount / unit`, rounded half up, without overflow.
fn round(amount: u64, unit: u64) -> u64 {
    amount / unit + u64::from(amount % unit >= unit / 2)
}

/// Calls `whole` with a whole number of units, or `decimal` with the text of
/// a number of tenths that is not whole ("1.5").
fn tenths<T>(tenths: u64, whole: impl Fn(u64) -> T, decimal_text: impl Fn(&str) -> T) -> T {
    if tenths.is_multiple_of(10) {
        whole(tenths / 10)
    } else {
        decimal_text(&decimal(tenths / 10, tenths % 10))
    }
}

/// "1,234.5" from 1234 and 5; "1,234" when `tenth` is 0.
fn decimal(whole: u64, tenth: u64) -> String {
    let mut text = String::new();
    i18n::support::push_u64(&mut text, whole);
    if tenth != 0 {
        text.push('.');
        text.push(char::from(b'0' + u8::try_from(tenth % 10).unwrap_or(0)));
    }
    text
}

/// A count for a message's number parameter; amounts beyond `usize` (only
/// on 32-bit targets, past 4,294,967,295 thousand millions) saturate.
fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn both(start: &str, end: Option<&str>) -> (String, String) {
        let (start, end) = (d(start), end.map(d));
        (format_date(Lang::Es, start, end), format_date(Lang::En, start, end))
    }

    fn pair(es: &str, en: &str) -> (String, String) {
        (es.to_string(), en.to_string())
    }

    #[test]
    fn single_dates_at_each_precision() {
        assert_eq!(both("2026-01-15", None), pair("15 de enero de 2026", "January 15, 2026"));
        assert_eq!(both("2026-02", None), pair("febrero de 2026", "February 2026"));
        assert_eq!(both("2026", None), pair("2026", "2026"));
        assert_eq!(both("2026-03-15", None), pair("15 de marzo de 2026", "March 15, 2026"));
        assert_eq!(both("2021-10-08", None), pair("8 de octubre de 2021", "October 8, 2021"));
        assert_eq!(both("2024-02-29", None), pair("29 de febrero de 2024", "February 29, 2024"));
        assert_eq!(both("2007-12-01", None), pair("1 de diciembre de 2007", "December 1, 2007"));
    }

    #[test]
    fn every_month_has_its_name() {
        let es = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        let en = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        for (m, (es, en)) in es.iter().zip(en).enumerate() {
            let date = PartialDate { year: 2020, month: u8::try_from(m + 1).unwrap(), day: 0 };
            assert_eq!(format_date(Lang::Es, date, None), format!("{es} de 2020"));
            assert_eq!(format_date(Lang::En, date, None), format!("{en} 2020"));
        }
    }

    #[test]
    fn day_ranges() {
        assert_eq!(
            both("2026-02-10", Some("2026-02-11")),
            pair("10–11 de febrero de 2026", "February 10–11, 2026")
        );
        assert_eq!(
            both("2026-02-28", Some("2026-03-02")),
            pair("28 de febrero al 2 de marzo de 2026", "February 28 – March 2, 2026")
        );
        assert_eq!(
            both("2025-12-30", Some("2026-01-02")),
            pair(
                "30 de diciembre de 2025 al 2 de enero de 2026",
                "December 30, 2025 – January 2, 2026"
            )
        );
        // Leap day at either end.
        assert_eq!(
            both("2024-02-28", Some("2024-02-29")),
            pair("28–29 de febrero de 2024", "February 28–29, 2024")
        );
        assert_eq!(
            both("2024-02-29", Some("2024-03-01")),
            pair("29 de febrero al 1 de marzo de 2024", "February 29 – March 1, 2024")
        );
    }

    #[test]
    fn month_and_year_ranges() {
        assert_eq!(
            both("2009-10", Some("2011-01")),
            pair("octubre de 2009 a enero de 2011", "October 2009 – January 2011")
        );
        assert_eq!(
            both("2026-02", Some("2026-03")),
            pair("febrero a marzo de 2026", "February – March 2026")
        );
        assert_eq!(both("2018", Some("2019")), pair("2018–2019", "2018–2019"));
    }

    #[test]
    fn mixed_precisions_fall_back_to_the_coarser() {
        // A day and a month: months.
        assert_eq!(
            both("2026-02-28", Some("2026-03")),
            pair("febrero a marzo de 2026", "February – March 2026")
        );
        // A month and a day of another year: months across years.
        assert_eq!(
            both("2025-12", Some("2026-01-02")),
            pair("diciembre de 2025 a enero de 2026", "December 2025 – January 2026")
        );
        // A year and a day: years.
        assert_eq!(both("2018", Some("2019-05-01")), pair("2018–2019", "2018–2019"));
        // Equal once coarsened: one date, not "febrero a febrero".
        assert_eq!(both("2026-02-10", Some("2026-02")), pair("febrero de 2026", "February 2026"));
        assert_eq!(both("2026", Some("2026-07-04")), pair("2026", "2026"));
        // An end equal to the start.
        assert_eq!(
            both("2026-01-15", Some("2026-01-15")),
            pair("15 de enero de 2026", "January 15, 2026")
        );
    }

    #[test]
    fn end_to_end_expectations_hold() {
        // end2end/tests/timeline.spec.ts
        let range =
            |lang, from, to| (format_date(lang, d(from), None), format_date(lang, d(to), None));
        let (from, to) = range(Lang::En, "2021-10-08", "2025-01-19");
        assert_eq!(
            format!("Period: {from} to {to}"),
            "Period: October 8, 2021 to January 19, 2025"
        );
        assert_eq!(
            format_record_dates(Lang::Es, d("2026-03-07"), d("2026-12-01")),
            "Hechos hasta el 7 de marzo de 2026 · revisado el 1 de diciembre de 2026"
        );
    }

    #[test]
    fn record_dates_at_each_precision() {
        let both = |newest, reviewed| {
            pair(
                &format_record_dates(Lang::Es, d(newest), d(reviewed)),
                &format_record_dates(Lang::En, d(newest), d(reviewed)),
            )
        };
        assert_eq!(
            both("2026-07-01", "2026-12-07"),
            pair(
                "Hechos hasta el 1 de julio de 2026 · revisado el 7 de diciembre de 2026",
                "Events through July 1, 2026 · reviewed on December 7, 2026"
            )
        );
        assert_eq!(
            both("2026-07", "2026-12"),
            pair(
                "Hechos hasta julio de 2026 · revisado en diciembre de 2026",
                "Events through July 2026 · reviewed in December 2026"
            )
        );
        assert_eq!(
            (
                format_sources_until(Lang::Es, d("2026-07")),
                format_sources_until(Lang::En, d("2026-07"))
            ),
            pair(
                "Las fuentes de prensa consultadas llegan hasta julio de 2026; lo ocurrido después no está registrado aquí.",
                "The press sources consulted run through July 2026; later events are not recorded here."
            )
        );
    }

    fn usd(amount: u64) -> (String, String) {
        (format_usd(Lang::Es, amount), format_usd(Lang::En, amount))
    }

    #[test]
    fn press_style_amounts() {
        assert_eq!(usd(465_000_000), pair("465 millones de dólares", "$465 million"));
        assert_eq!(usd(1_600_000_000), pair("mil 600 millones de dólares", "$1.6 billion"));
        assert_eq!(usd(2_500_000_000), pair("2 mil 500 millones de dólares", "$2.5 billion"));
        assert_eq!(usd(90_000), pair("90 mil dólares", "$90,000"));
        assert_eq!(usd(197_000_000), pair("197 millones de dólares", "$197 million"));
    }

    #[test]
    fn small_amounts_are_exact() {
        assert_eq!(usd(0), pair("0 dólares", "$0"));
        assert_eq!(usd(1), pair("1 dólar", "$1"));
        assert_eq!(usd(2), pair("2 dólares", "$2"));
        assert_eq!(usd(999), pair("999 dólares", "$999"));
        assert_eq!(usd(1000), pair("mil dólares", "$1,000"));
        assert_eq!(usd(90_500), pair("90,500 dólares", "$90,500"));
        assert_eq!(usd(999_999), pair("999,999 dólares", "$999,999"));
    }

    #[test]
    fn millions_round_to_a_tenth() {
        assert_eq!(usd(1_000_000), pair("1 millón de dólares", "$1 million"));
        assert_eq!(usd(1_500_000), pair("1.5 millones de dólares", "$1.5 million"));
        assert_eq!(usd(1_049_999), pair("1 millón de dólares", "$1 million"));
        assert_eq!(usd(1_050_000), pair("1.1 millones de dólares", "$1.1 million"));
        assert_eq!(usd(1_960_000), pair("2 millones de dólares", "$2 million"));
        assert_eq!(usd(465_340_000), pair("465.3 millones de dólares", "$465.3 million"));
        assert_eq!(usd(999_949_999), pair("999.9 millones de dólares", "$999.9 million"));
    }

    #[test]
    fn thousands_of_millions_by_each_press() {
        // Rounds up into the next unit.
        assert_eq!(usd(999_950_000), pair("mil millones de dólares", "$1 billion"));
        assert_eq!(usd(1_000_000_000), pair("mil millones de dólares", "$1 billion"));
        assert_eq!(usd(1_634_000_000), pair("mil 634 millones de dólares", "$1.6 billion"));
        assert_eq!(usd(1_650_000_000), pair("mil 650 millones de dólares", "$1.7 billion"));
        assert_eq!(usd(2_000_000_000), pair("2 mil millones de dólares", "$2 billion"));
        assert_eq!(usd(2_001_000_000), pair("2 mil 1 millones de dólares", "$2 billion"));
        assert_eq!(usd(1_999_600_000), pair("2 mil millones de dólares", "$2 billion"));
        assert_eq!(
            usd(12_345_000_000_000),
            pair("12,345 mil millones de dólares", "$12,345 billion")
        );
        // No overflow at the top.
        assert_eq!(format_usd(Lang::En, u64::MAX), "$18,446,744,073.7 billion");
    }
}
