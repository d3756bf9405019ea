//! The equivalence proof: every generated function, in both languages and
//! with sample arguments, gives exactly what Fluent's own resolver
//! (`fluent-bundle`, with `set_use_isolating(false)`) gives for the same
//! `.ftl` files. Numbers are the one deliberate difference in display:
//! fluent-bundle shows `5000` and we show `5,000`, so the bundle here gets a
//! formatter that adds the separators, the way `Intl.NumberFormat` would.

use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::GENERATED;
use super::support::{push_number, push_u64};
use crate::data::Lang;

/// One generated function, as build.rs lists it.
pub(crate) struct Generated {
    pub id: &'static str,
    pub attr: Option<&'static str>,
    pub params: &'static [Param],
    /// The Spanish message selects on `many`, which fluent-bundle's older
    /// plural data does not have.
    pub many: bool,
    pub render: fn(Lang, &Args) -> String,
}

pub(crate) struct Param {
    pub name: &'static str,
    pub number: bool,
    /// The keys a text variable is compared with.
    pub keys: &'static [&'static str],
}

/// Sample arguments, by parameter position.
pub(crate) struct Args {
    numbers: Vec<usize>,
    texts: Vec<String>,
}

impl Args {
    pub fn number(&self, i: usize) -> usize {
        self.numbers[i]
    }

    pub fn text(&self, i: usize) -> &str {
        &self.texts[i]
    }
}

const NUMBERS: [usize; 16] =
    [0, 1, 2, 3, 5, 11, 21, 100, 101, 999, 1000, 1001, 5000, 21_000, 1_000_000, 2_000_000];

/// Every piece of syntax the compiler supports, from
/// `tests/fixtures/ftl/`, compiled by build.rs like `locales/`.
mod fixture {
    use crate::data::Lang;
    use crate::i18n::{support, tests};

    include!(concat!(env!("OUT_DIR"), "/fixture_messages.rs"));
}

fn bundle(dir: &str, lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang.code().parse().expect("a language tag")]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(separated));
    bundle.add_builtins().expect("NUMBER");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(lang.code());
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("locales").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")) {
        let text = std::fs::read_to_string(&path).expect("readable");
        let resource = FluentResource::try_new(text).expect("parses");
        bundle.add_resource(resource).expect("no id defined twice");
    }
    bundle
}

/// fluent-bundle's own number text, with `,` between thousands.
fn separated<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let text = n.as_string();
    let (int, frac) = text.find('.').map_or((&*text, ""), |d| text.split_at(d));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::from(sign);
    out.push_str(&group(digits));
    out.push_str(frac);
    Some(out)
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every combination of sample values for the parameters.
fn samples(g: &Generated) -> Vec<Args> {
    let choices: Vec<Vec<String>> = g
        .params
        .iter()
        .map(|p| {
            if p.number {
                NUMBERS
                    .iter()
                    .filter(|&&n| !(g.many && n % 1_000_000 == 0 && n != 0))
                    .map(ToString::to_string)
                    .collect()
            } else {
                // Each key, and a value that matches none, naming the
                // parameter so that swapped arguments show.
                let mut values: Vec<String> = p.keys.iter().map(|k| (*k).to_string()).collect();
                values.push(format!("‹{}›", p.name));
                values
            }
        })
        .collect();
    let mut combos: Vec<Vec<String>> = vec![Vec::new()];
    for values in &choices {
        combos = combos
            .iter()
            .flat_map(|c| {
                values.iter().map(move |v| {
                    let mut c = c.clone();
                    c.push(v.clone());
                    c
                })
            })
            .collect();
    }
    combos
        .into_iter()
        .map(|c| Args { numbers: c.iter().map(|v| v.parse().unwrap_or(0)).collect(), texts: c })
        .collect()
}

#[test]
fn every_message_matches_fluent_bundle_in_both_languages() {
    let checked = compare("locales", GENERATED);
    assert!(GENERATED.len() > 50, "only {} messages generated", GENERATED.len());
    assert!(checked > 500, "only {checked} renderings compared");
}

#[test]
fn every_supported_syntax_matches_fluent_bundle() {
    let checked = compare("tests/fixtures/ftl", fixture::GENERATED);
    assert!(fixture::GENERATED.len() > 20, "only {} fixtures", fixture::GENERATED.len());
    assert!(checked > 100, "only {checked} renderings compared");
}

/// Renders every generated function with every sample, and the same
/// message through fluent-bundle; returns how many renderings agreed.
fn compare(dir: &str, generated: &[Generated]) -> usize {
    let mut checked = 0;
    for lang in Lang::ALL {
        let bundle = bundle(dir, lang);
        for g in generated {
            let message = bundle.get_message(g.id).unwrap_or_else(|| panic!("{} in bundle", g.id));
            let pattern = match g.attr {
                Some(attr) => message.get_attribute(attr).expect("attribute").value(),
                None => message.value().expect("value"),
            };
            for args in samples(g) {
                let mut fluent_args = FluentArgs::new();
                for (i, p) in g.params.iter().enumerate() {
                    if p.number {
                        fluent_args.set(p.name, args.number(i));
                    } else {
                        fluent_args.set(p.name, args.text(i).to_string());
                    }
                }
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                assert!(errors.is_empty(), "{} ({lang:?}): {errors:?}", g.id);
                let got = (g.render)(lang, &args);
                assert_eq!(
                    got,
                    expected,
                    "{}{} in {lang:?} with {:?}",
                    g.id,
                    g.attr.map(|a| format!(".{a}")).unwrap_or_default(),
                    args.texts
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn signatures_type_and_order_arguments() {
    // Plain text, borrowed.
    let heading: &'static str = super::events_heading(Lang::Es);
    assert_eq!(heading, "Eventos");
    assert_eq!(super::events_heading(Lang::En), "Events");
    // Numbers (a select with plural or number keys, or NUMBER()) in Spanish order.
    assert_eq!(
        super::results_count_filtered(Lang::Es, 3, 5000),
        "3 de 5,000 eventos coinciden con los filtros"
    );
    assert_eq!(
        super::results_count_filtered(Lang::En, 1, 67),
        "1 of 67 events matches the filters"
    );
    assert_eq!(
        super::results_count_filtered(Lang::Es, 0, 67),
        "Ninguno de 67 eventos coincide con los filtros"
    );
    // Text, and a variable named `lang`.
    assert_eq!(super::detail_quote_original(Lang::En, "es"), "Original in Spanish");
    assert_eq!(
        super::detail_not_found(Lang::Es, "x-1"),
        "No encontramos el evento «x-1». Puede que el enlace esté mal escrito o que el evento ya no exista."
    );
}

#[test]
fn plural_categories_follow_cldr() {
    let skipped = |n| super::data_notice_skipped(Lang::Es, n);
    assert_eq!(skipped(1), "Un evento no se muestra porque sus datos tienen errores.");
    assert_eq!(skipped(0), "0 eventos no se muestran porque sus datos tienen errores.");
    assert_eq!(skipped(1000), "1,000 eventos no se muestran porque sus datos tienen errores.");
    assert_eq!(super::events_show_more(Lang::En, 1), "Show 1 more event");
    assert_eq!(super::events_show_more(Lang::En, 21), "Show 21 more events");
    assert_eq!(super::events_show_more(Lang::En, 0), "Show 0 more events");
}

#[test]
fn spanish_many_is_cldr_s_newer_rule() {
    // fluent-bundle's plural data predates Spanish `many`, so the comparison
    // above leaves out multiples of a million for messages that use it.
    let n = |lang, n| fixture::fixture_select_number(lang, n);
    assert_eq!(n(Lang::Es, 1_000_000), "muchísimos (1,000,000)");
    assert_eq!(n(Lang::Es, 3_000_000), "muchísimos (3,000,000)");
    assert_eq!(n(Lang::Es, 1_000_001), "1,000,001 cosas");
    assert_eq!(n(Lang::Es, 0), "cero");
    assert_eq!(n(Lang::Es, 1), "exactamente uno");
    assert_eq!(n(Lang::En, 1_000_000), "1,000,000 things");
}

#[test]
fn each_language_names_itself() {
    assert_eq!(super::language_name(Lang::Es), "Español");
    assert_eq!(super::language_name(Lang::En), "English");
}

#[test]
fn numbers_get_thousands_separators() {
    let shown = |n: u64| {
        let mut s = String::new();
        push_u64(&mut s, n);
        s
    };
    assert_eq!(shown(0), "0");
    assert_eq!(shown(999), "999");
    assert_eq!(shown(1000), "1,000");
    assert_eq!(shown(12_345), "12,345");
    assert_eq!(shown(1_234_567), "1,234,567");
    assert_eq!(shown(u64::MAX), "18,446,744,073,709,551,615");
    let mut s = String::from("n=");
    push_number(&mut s, 100_000);
    assert_eq!(s, "n=100,000");
    assert_eq!(group("1234567"), "1,234,567");
}
