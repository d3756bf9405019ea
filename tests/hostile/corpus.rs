//! A corpus of tricky data files, each with the outcome it must have.

use std::path::Path;

use cronologia::data::{LoadError, check, parse, skipped_events};
use serde_json::Value;

use crate::assert_invariants;
use crate::common::{read, root};

/// What a file of `tests/fixtures/hostile/` must do.
enum Outcome {
    /// Loads, showing exactly these events; every other event is reported.
    Shows(&'static [&'static str]),
    /// Refused as a whole, with this kind of error.
    Refused(fn(&LoadError) -> bool),
}

const MARKUP_IDS: &[&str] = &[
    "markup-1",
    "markup-2",
    "markup-3",
    "markup-4",
    "markup-5",
    "markup-6",
    "markup-7",
    "markup-8",
    "markup-9",
    "odd-characters",
];

/// Every file of the corpus and its outcome (a new file needs a line here).
const CORPUS: &[(&str, Outcome)] = &[
    ("markup-in-text.json", Outcome::Shows(MARKUP_IDS)),
    ("bad-links.json", Outcome::Shows(&["good-link"])),
    ("bad-records.json", Outcome::Shows(&["good-record"])),
    (
        "byte-order-mark.json",
        Outcome::Shows(&[
            "merida-2007",
            "fast-and-furious",
            "call-2026-01-11",
            "ministerial-2026-02",
        ]),
    ),
    (
        "not-an-object.json",
        Outcome::Refused(|e| matches!(e, LoadError::Shape { path, .. } if path == ".")),
    ),
    (
        "header-wrong-type.json",
        Outcome::Refused(|e| matches!(e, LoadError::Shape { path, .. } if path == "title")),
    ),
    // A name of an enum must be a string: a number is a fault of the
    // header's shape, not broken JSON.
    (
        "enum-wrong-type.json",
        Outcome::Refused(
            |e| matches!(e, LoadError::Shape { path, .. } if path == "actors[0].country"),
        ),
    ),
    // The schema allows only the name, not serde's `{"name": null}`.
    (
        "enum-as-object.json",
        Outcome::Shows(&["merida-2007", "fast-and-furious", "call-2026-01-11"]),
    ),
    (
        "html-instead-of-json.json",
        Outcome::Refused(|e| matches!(e, LoadError::Syntax { line: 1, column: 1, .. })),
    ),
    ("lone-surrogate.json", Outcome::Refused(|e| matches!(e, LoadError::Syntax { .. }))),
    ("number-out-of-range.json", Outcome::Refused(|e| matches!(e, LoadError::Syntax { .. }))),
    ("deep-nesting.json", Outcome::Refused(|e| matches!(e, LoadError::Syntax { .. }))),
    ("future-version.json", Outcome::Refused(|e| *e == LoadError::Version(99))),
];

const CORPUS_DIR: &str = "tests/fixtures/hostile";

fn corpus_file(name: &str) -> String {
    read(&format!("{CORPUS_DIR}/{name}"))
}

#[test]
fn every_corpus_file_has_an_outcome() {
    let mut files: Vec<String> = std::fs::read_dir(root().join(CORPUS_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| Path::new(name).extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(name, _)| (*name).to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "tests/fixtures/hostile/ and CORPUS differ");
}

#[test]
fn corpus_files_have_their_outcome() {
    for (name, outcome) in CORPUS {
        let text = corpus_file(name);
        let problems = check(&text);
        match (outcome, parse(&text)) {
            (Outcome::Shows(ids), Ok(timeline)) => {
                let mut shown: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
                shown.sort_unstable();
                let mut expected = ids.to_vec();
                expected.sort_unstable();
                assert_eq!(shown, expected, "{name}: events shown");
                let events = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
                    .unwrap()["events"]
                    .as_array()
                    .unwrap()
                    .len();
                assert_eq!(
                    skipped_events(&timeline.problems),
                    events - ids.len(),
                    "{name}: every event left out is reported"
                );
                assert_eq!(problems, timeline.problems, "{name}: checker and loader agree");
                assert_invariants(&timeline);
            }
            (Outcome::Refused(is_expected), Err(err)) => {
                assert!(is_expected(&err), "{name}: unexpected error {err:?}");
                assert_eq!(problems.len(), 1, "{name}: {problems:?}");
                assert!(!problems[0].to_string().is_empty());
            }
            (_, result) => panic!("{name}: unexpected outcome {result:?}"),
        }
    }
}

/// Markup in the data is kept as it was written: it is text, and the app
/// inserts it as text.
#[test]
fn markup_in_text_is_kept_verbatim() {
    let timeline = parse(&corpus_file("markup-in-text.json")).unwrap();
    let title = |id: &str| timeline.event(id).unwrap().title.en.clone();
    assert_eq!(title("markup-1"), r#"<img src=x onerror="__pwned()">"#);
    assert_eq!(title("markup-2"), "<script>__pwned()</script>");
    assert_eq!(title("markup-3"), r#""><svg onload=__pwned()>"#);
    assert!(title("odd-characters").contains('\u{0}'));
    let source = &timeline.event("odd-characters").unwrap().sources[0].url;
    assert_eq!(source, r#"https://example.org/?q="><svg/onload=__pwned()>&x=<script>"#);
}

#[test]
fn every_link_refused_is_reported_with_its_address() {
    let timeline = parse(&corpus_file("bad-links.json")).unwrap();
    assert_eq!(timeline.problems.len(), 12);
    for problem in &timeline.problems {
        assert!(problem.path.ends_with(".sources[0].url"), "{problem}");
        assert!(problem.message.contains("is not a web address"), "{problem}");
    }
}
