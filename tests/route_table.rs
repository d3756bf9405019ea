//! The shared table of addresses that `public/route.js` must read as the
//! app does (src/address.rs): thousands of generated addresses, each with
//! what the app makes of it, written to `target/tmp/route-cases.json` for
//! `end2end/tests/route.spec.ts`, which runs the built route.js over the
//! same table in Chromium.
//!
//! For each address the table says where route.js must move the reader
//! (the page's canonical path, without the old `lang` and `event`
//! parameters, the rest of the query as the browser's `URLSearchParams`
//! writes it), or that it must stay; and what the view is: embedded,
//! waiting for the app (a search or a period), or filtered by topics, an
//! actor or the key moments. `old-links.spec.ts` runs the old links of the
//! same table through nginx with the shipped rules.
//!
//! A second file, `target/tmp/route-more.json`, holds the rest of the
//! table: linked views with the events the app shows (`views.rs`), and the
//! pages, old links and key-moments addresses of the hosts' rules
//! (`hosts.rs`).

#[path = "route_table/hosts.rs"]
mod hosts;
#[path = "route_table/views.rs"]
mod views;

use std::path::Path;
use std::sync::LazyLock;

use cronologia::address::{Address, pairs};
use cronologia::data::Timeline;
use serde_json::{Value, json};

/// The real data, for views and old links that name real ids.
static TIMELINE: LazyLock<Timeline> = LazyLock::new(|| {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/events.json");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    cronologia::data::parse(&text).expect("the real data loads")
});

/// Generated addresses, on top of the hand-picked ones.
const GENERATED: usize = 6_000;

/// The site's base paths: the root, and a sub-path such as GitHub Pages'.
const BASES: [&str; 2] = ["/", "/sub/path/"];

/// Pieces of values, as they appear in an address bar (percent-encoded
/// where the browser would encode them): plain ids, spaces and controls
/// (Rust's and JavaScript's whitespace differ: U+0085, U+FEFF), non-ASCII,
/// surrogate pairs, bytes that are not UTF-8 (lone surrogates, truncated
/// and overlong sequences), malformed escapes, separators, languages,
/// switches and dates (valid, impossible, leap days, other forms).
const PIECES: &[&str] = &[
    "a",
    "x",
    "merida-2007",
    "fentanyl",
    "extradition",
    "sre",
    "marco-rubio",
    "%20",
    "+",
    "%09",
    "%0A",
    "%0D",
    "%01",
    "%1F",
    "%7F",
    "%C2%80",
    "%C2%85",
    "%C2%9F",
    "%C2%A0",
    "%E1%9A%80",
    "%E2%80%8B",
    "%E2%80%A8",
    "%E2%80%AF",
    "%EF%BB%BF",
    "%E3%80%80",
    "%C3%A9",
    "%C3%B1",
    "%E2%82%AC",
    "%F0%9F%98%80",
    "%F0%9F%87%B2%F0%9F%87%BD",
    "e%CC%81",
    "%FF",
    "%FE%FF",
    "%ED%A0%80",
    "%ED%B0%80",
    "%ED%A0%BD%ED%B8%80",
    "%C3",
    "%E2%82",
    "%F0%9F%98",
    "%F4%90%80%80",
    "%C0%AF",
    "%E0%80%AF",
    "%",
    "%4",
    "%ZZ",
    "%%41",
    "%25",
    "%2C",
    ",",
    "%26",
    "%3D",
    "%2F",
    "%3F",
    "%23",
    "!",
    "*",
    "(",
    ")",
    "~",
    ".",
    "_",
    "-",
    "'",
    "%27",
    "%22",
    "%3C",
    "%3E",
    "%5C",
    "EN",
    "en",
    "es",
    "Es",
    "en-US",
    "es_MX",
    "en-",
    "english",
    "e",
    "fr",
    "0",
    "1",
    "false",
    "no",
    "true",
    "FALSE",
    "off",
    "2012",
    "2018-06",
    "2012-06-30",
    "2012-06-31",
    "2000-02-29",
    "1900-02-29",
    "2024-02-29",
    "2023-02-29",
    "0000",
    "9999-12-31",
    "2027",
    "1999",
    "2012-13",
    "2012-00",
    "2012-6",
    "20120",
    "%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%92",
    "-2012",
    "2012-",
    "%202012%20",
    "+2018+",
];

/// Keys of the query: the app's, old ones, encoded ones, others.
const KEYS: &[&str] = &[
    "lang",
    "event",
    "topic",
    "actor",
    "q",
    "from",
    "to",
    "key",
    "embed",
    "childId",
    "%6Cang",
    "%65vent",
    "t%6Fpic",
    "Lang",
    "EVENT",
    "x",
    "",
    "q%20",
    "utm_source",
];

/// A small deterministic generator (xorshift64*), so that the table is the
/// same on every run and a disagreement can be found again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, in_ten: usize) -> bool {
        self.below(10) < in_ten
    }
}

/// A value of a few pieces; sometimes one piece repeated across the 80
/// characters an id keeps (or the 200 of a search), or a long list.
fn value(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => {
            let piece = rng.pick(PIECES);
            let times = [1, 40, 79, 80, 81, 100, 199, 200, 201][rng.below(9)];
            let lead = if rng.chance(5) { rng.pick(&["a", "%20", "%01", "x%20"]) } else { "" };
            format!("{lead}{}", piece.repeat(times))
        }
        1 => {
            let n = [2, 31, 32, 33, 40][rng.below(5)];
            (0..n).map(|_| rng.pick(PIECES).to_string()).collect::<Vec<_>>().join(",")
        }
        _ => (0..=rng.below(4)).map(|_| rng.pick(PIECES)).collect(),
    }
}

/// A path segment for an event id: no raw `/`, `?`, `#` or `\`, and never a
/// dot segment, which the browser would resolve.
fn segment(rng: &mut Rng) -> String {
    let raw = value(rng).replace(['/', '?', '#', '\\'], "-").replace('+', "%2B");
    let dots = raw.to_ascii_lowercase().replace("%2e", ".");
    if dots.is_empty() || dots == "." || dots == ".." { format!("{raw}x") } else { raw }
}

fn path(rng: &mut Rng) -> String {
    let id = segment(rng);
    let shapes = [
        String::new(),
        "index.html".into(),
        "en/".into(),
        "en/index.html".into(),
        "en".into(),
        "%65n/".into(),
        "EN/".into(),
        format!("eventos/{id}/"),
        format!("eventos/{id}/index.html"),
        format!("en/events/{id}/"),
        format!("en/events/{id}/index.html"),
        format!("eventos/{id}"),
        format!("events/{id}/"),
        format!("en/eventos/{id}/"),
        format!("{id}/"),
        "eventos/".into(),
        "eventos//".into(),
        format!("en//events/{id}/"),
        format!("eventos/{id}/more/"),
        format!("eventos/{id}index.html"),
    ];
    // Mostly the pages that exist, whose shapes come first.
    let n = if rng.chance(7) { 11 } else { shapes.len() };
    shapes[rng.below(n)].clone()
}

fn query(rng: &mut Rng) -> String {
    let mut parts = Vec::new();
    for _ in 0..rng.below(6) {
        let key = rng.pick(KEYS);
        let part = match rng.below(10) {
            0 => key.to_string(),
            1 => String::new(),
            // As the browser writes a query: `'` escaped, `&` only between pairs.
            _ => format!("{key}={}", value(rng).replace('&', "%26").replace('\'', "%27")),
        };
        parts.push(part);
    }
    let query = parts.join("&");
    if query.is_empty() { query } else { format!("?{query}") }
}

/// What the app makes of `path` (relative to the base) and `search`, and
/// where route.js must move the reader, as JSON.
fn meaning(base: &str, path: &str, search: &str) -> Value {
    let address = Address::parse(path, search);
    let canonical = address.page.path();
    let old = pairs(search).any(|(key, _)| key == "lang" || key == "event");
    let here = path.strip_suffix("index.html").unwrap_or(path);
    let moves = (canonical != here || old).then(|| {
        let mut rest = form_urlencoded::Serializer::new(String::new());
        rest.extend_pairs(pairs(search).filter(|(key, _)| key != "lang" && key != "event"));
        let rest = rest.finish();
        let target =
            if rest.is_empty() { canonical.clone() } else { format!("{canonical}?{rest}") };
        // The move keeps the meaning: the page it reaches is that page,
        // with the same view, and it is not moved again.
        let (to_path, to_query) = target.split_once('?').unwrap_or((&target, ""));
        let moved = Address::parse(to_path, to_query);
        assert_eq!(moved.page, address.page, "{base}{path}{search} -> {target}");
        assert_eq!(moved.view, address.view, "{base}{path}{search} -> {target}");
        assert_eq!(moved.page.path(), to_path, "{target} would move again");
        format!("{base}{target}")
    });
    let f = &address.view.filter;
    json!({
        "base": base,
        "path": path,
        "search": search,
        "lang": address.page.lang.code(),
        "event": address.page.event,
        "moves": moves,
        "embed": address.view.embed,
        "pending": !f.query.is_empty() || f.from.is_some() || f.to.is_some(),
        "topics": f.topics,
        "actor": f.actor,
        "key": f.key,
    })
}

/// Addresses worth having whatever the generator draws: the bugs found so
/// far and their neighbours, and old links to real pages.
fn picked() -> Vec<(String, String, bool)> {
    let emoji = "%F0%9F%98%80";
    let mut cases: Vec<(String, String, bool)> = [
        ("", ""),
        ("en/", ""),
        ("eventos/merida-2007/", ""),
        ("en/events/merida-2007/", "?topic=fentanyl,extradition&actor=sre&key=1"),
        ("", "?lang=en&lang=fr"),
        ("", "?lang=english"),
        ("eventos/x/", "?event="),
        ("", "?key=1&key=0"),
        ("", "?from=garbage"),
        ("", "?q=%01"),
        ("", "?topic=%20fentanyl,fentanyl"),
        ("eventos/%FF/", ""),
        ("eventos/%ED%A0%80/", ""),
        ("eventos/%EF%BB%BFx/", ""),
        ("eventos/a,b/", ""),
        ("eventos/a!b/", ""),
        ("events/x/", ""),
        // Ids a path cannot hold: the browser resolves them away.
        ("", "?event=."),
        ("en/", "?event=%20..%01"),
    ]
    .into_iter()
    .map(|(p, q)| (p.to_string(), q.to_string(), false))
    .collect();
    // Ids of 81 characters whose 80th is a surrogate pair in UTF-16.
    cases.push((String::new(), format!("?event=a{}", emoji.repeat(80)), false));
    cases.push((String::new(), format!("?lang=en&event={}", emoji.repeat(81)), false));
    cases.push((format!("eventos/a{}/", emoji.repeat(80)), String::new(), false));
    cases.push((format!("eventos/%20%01%20{}/", "x".repeat(80)), String::new(), false));
    cases.extend(hosts::old_links(&TIMELINE));
    cases
}

#[test]
fn route_js_table() {
    let mut rng = Rng(0x0C20_0724_2026_1207);
    let mut cases = Vec::new();
    for base in BASES {
        for (path, search, host_moves) in picked() {
            let mut case = meaning(base, &path, &search);
            case["hostMoves"] = json!(host_moves);
            assert!(!host_moves || !case["moves"].is_null(), "{search} moves");
            cases.push(case);
        }
    }
    for _ in 0..GENERATED {
        let base = rng.pick(&BASES);
        let (path, search) = (path(&mut rng), query(&mut rng));
        cases.push(meaning(base, &path, &search));
    }
    let moved = cases.iter().filter(|c| !c["moves"].is_null()).count();
    let pending = cases.iter().filter(|c| c["pending"] == true).count();
    let filtered =
        cases.iter().filter(|c| c["topics"] != json!([]) || !c["actor"].is_null()).count();
    // The table covers each outcome many times over.
    assert!(moved > 1_000 && cases.len() - moved > 1_000, "{moved} of {} move", cases.len());
    assert!(pending > 500 && filtered > 500, "{pending} pending, {filtered} filtered");
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("route-cases.json");
    std::fs::write(&file, serde_json::to_string(&cases).unwrap()).unwrap();
    eprintln!("{} addresses ({moved} move) written to {}", cases.len(), file.display());
}

#[test]
fn views_pages_and_host_rules_table() {
    let more = json!({
        "views": views::views(&TIMELINE),
        "pages": hosts::pages(&TIMELINE),
        "keyMoments": hosts::key_moments(),
    });
    let count = |name: &str| more[name].as_array().map_or(0, Vec::len);
    // Views that show some events and views that show none, keys on and off.
    let views = more["views"].as_array().unwrap();
    let sizes: Vec<usize> = views.iter().map(|v| v["ids"].as_array().unwrap().len()).collect();
    assert!(sizes.contains(&0) && sizes.iter().filter(|&&n| n > 0).count() > 50);
    let keys = more["keyMoments"].as_array().unwrap();
    assert!(keys.iter().filter(|k| k["key"] == true).count() > 20);
    assert!(keys.iter().filter(|k| k["key"] == false).count() > 20);
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("route-more.json");
    std::fs::write(&file, serde_json::to_string(&more).unwrap()).unwrap();
    eprintln!(
        "{} views, {} pages, {} key-moments addresses written to {}",
        count("views"),
        count("pages"),
        count("keyMoments"),
        file.display()
    );
}
