use super::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn messages(name: &str) -> Vec<String> {
    check(&fixture(name)).iter().map(ToString::to_string).collect()
}

#[test]
fn the_real_data_passes_every_check() {
    let text = fixture("../../public/data/events.json");
    let problems = check(&text);
    assert!(
        problems.is_empty(),
        "{}",
        problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
    let timeline = parse(&text).unwrap();
    assert!(timeline.events.len() >= 50, "only {} events", timeline.events.len());
}

#[test]
fn the_small_fixture_loads_sorted() {
    let t = parse(&fixture("small.json")).unwrap();
    assert!(t.problems.is_empty(), "{:?}", t.problems);
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["merida-2007", "fast-and-furious", "call-2026-01-11", "ministerial-2026-02"]);
}

#[test]
fn bad_json_gives_line_and_column() {
    let err = parse(&fixture("broken/bad-json.json")).unwrap_err();
    let LoadError::Syntax { line, column, .. } = err else { panic!("{err:?}") };
    assert_eq!((line, column), (154, 20));
    assert_eq!(
        messages("broken/bad-json.json"),
        ["line 154: line 154, column 20: not valid JSON (EOF while parsing an object)"]
    );
}

/// The problem is reported at the duplicate's own id (line 153, after its
/// event's `{`; issue 24, 11), not at the first event with that id (line
/// 125).
#[test]
fn duplicate_id_is_reported_and_the_second_left_out() {
    assert_eq!(
        messages("broken/duplicate-id.json"),
        [
            "line 153: events[2].id (event \"merida-2007\"): this id is already used by an earlier event; ids must be unique"
        ]
    );
    let text = fixture("broken/duplicate-id.json");
    assert_eq!(
        text.lines().nth(152).map(str::trim),
        Some("\"id\": \"merida-2007\", \"checked\": \"2026-01-20\",")
    );
    let t = parse(&fixture("broken/duplicate-id.json")).unwrap();
    assert_eq!(t.events.len(), 3);
}

/// The id's own line, found in the event's text: the event's own `id`,
/// not one inside a nested object or a string.
#[test]
fn an_id_is_found_at_its_own_level() {
    use validate::key_offset;
    let json = r#"{ "quotes": [{ "id": 1 }], "text": "\"id\": x", "s": { "id": 2 }, "id" : "a" }"#;
    assert_eq!(key_offset(json, "id").map(|at| &json[at..]), Some(r#""id" : "a" }"#));
    assert_eq!(key_offset(r#"{ "x": "id", "y": ["id"] }"#, "id"), None);
    assert_eq!(key_offset(r#"{ "x": "unterminated \"#, "id"), None);
    // A badly written id is reported at its line too.
    let found = edited(
        "\"id\": \"fast-and-furious\", \"checked\": \"2026-01-20\", \"date\"",
        "\"id\":\n \"Fast\", \"checked\": \"2026-01-20\", \"date\"",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("line 43: events[2].id"), "{found:#?}");
}

#[test]
fn impossible_date_is_reported() {
    assert_eq!(
        messages("broken/february-30.json"),
        [
            "line 181: events[3].date (event \"call-2026-01-11\"): \"2026-02-30\" is not a valid date: 2026-02 has 28 days, so day 30 does not exist"
        ]
    );
}

#[test]
fn missing_english_summary_is_reported_with_its_path() {
    assert_eq!(
        messages("broken/missing-english-summary.json"),
        ["line 125: events[1].summary (event \"merida-2007\"): missing field `en`"]
    );
}

#[test]
fn javascript_source_url_is_refused() {
    assert_eq!(
        messages("broken/javascript-url.json"),
        [
            "line 181: events[3].sources[0].url (event \"call-2026-01-11\"): \"javascript:alert(1)\" is not a web address: sources must start with http:// or https://"
        ]
    );
}

#[test]
fn unknown_topic_is_reported() {
    assert_eq!(
        messages("broken/unknown-topic.json"),
        [
            "line 152: events[2].topics[1] (event \"fast-and-furious\"): there is no topic \"smuggling\""
        ]
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let found = messages("broken/many-faults.json");
    let expected = [
        "events[0].status (event \"ministerial-2026-02\"): the event is \"announced\"",
        "events[0].title.en (event \"ministerial-2026-02\"): the English text is empty",
        "events[1].actors[0] (event \"merida-2007\"): there is no actor \"nobody\"",
        "events[3].end (event \"call-2026-01-11\"): the end must come after the date",
        "events[3].sources[0].url (event \"call-2026-01-11\"): \"data:text/html,hi\" is not a web address",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(found.contains(expected), "{found}\n  should contain\n{expected}");
    }
    // The app still shows the one good event.
    let t = parse(&fixture("broken/many-faults.json")).unwrap();
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["fast-and-furious"]);
}

#[test]
fn whole_document_faults() {
    assert_eq!(parse(""), Err(LoadError::Empty));
    assert_eq!(parse("  \n"), Err(LoadError::Empty));
    assert_eq!(
        parse("[1, 2]").unwrap_err().to_string(),
        "at .: the document must be a JSON object with version, updated, title, eras, topics, actors and events"
    );
    assert!(matches!(parse(r#"{"version": 1}"#), Err(LoadError::Shape { .. })));
    let v2 = fixture("small.json").replacen("\"version\": 1", "\"version\": 2", 1);
    assert_eq!(parse(&v2), Err(LoadError::Version(2)));
    let huge = format!("{}{}", fixture("small.json"), " ".repeat(MAX_BYTES));
    assert!(matches!(parse(&huge), Err(LoadError::TooLarge(_))));
}

#[test]
fn web_urls() {
    use validate::is_web_url;
    assert!(is_web_url("https://www.gob.mx/sre/prensa"));
    assert!(is_web_url("http://example.org"));
    assert!(is_web_url("HTTPS://EXAMPLE.ORG/x"));
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "https://",
        "//example.org",
        "ftp://x.org",
        " javascript:x",
        "https://a b.org",
        "vbscript:x",
    ] {
        assert!(!is_web_url(bad), "{bad}");
    }
}

#[test]
fn slugs() {
    use validate::is_slug;
    assert!(is_slug("merida-2007"));
    for bad in ["", "Merida", "a--b", "-a", "a-", "á", "a_b", &"a".repeat(65)] {
        assert!(!is_slug(bad), "{bad}");
    }
}

#[test]
fn the_published_schema_matches_the_types() {
    let published = fixture("../../public/data/events.schema.json");
    assert!(
        published == json_schema(),
        "public/data/events.schema.json is out of date: run `cargo xtask schema`"
    );
}

/// Events are read one by one from their own text, yet a fault of the JSON
/// found only then (a number out of range) still refuses the document, at
/// the line and column a parser reading the whole text gives.
#[test]
fn json_fault_inside_an_event_refuses_the_document_where_a_parser_would() {
    for name in ["hostile/number-out-of-range.json", "hostile/deep-nesting.json"] {
        let text = fixture(name);
        let whole = serde_json::from_str::<serde_json::Value>(&text).unwrap_err();
        let expected = LoadError::Syntax {
            line: whole.line(),
            column: whole.column(),
            message: whole.to_string(),
        };
        assert_eq!(parse(&text), Err(expected), "{name}");
    }
    // The same fault on a later line of an event.
    let text =
        fixture("small.json").replacen("\"amount_usd\": 1400000000", "\"amount_usd\": 1e999", 1);
    let whole = serde_json::from_str::<serde_json::Value>(&text).unwrap_err();
    let Err(LoadError::Syntax { line, column, .. }) = parse(&text) else { panic!("not refused") };
    assert_eq!((line, column), (whole.line(), whole.column()));
}

/// `small.json` with one edit, and the messages of its problems.
fn edited(from: &str, to: &str) -> Vec<String> {
    let text = fixture("small.json");
    assert!(text.contains(from), "small.json has no {from}");
    check(&text.replacen(from, to, 1)).iter().map(ToString::to_string).collect()
}

#[test]
fn a_source_on_a_staging_host_is_refused() {
    let found = edited("https://example.org/d", "https://digital-stage.newsnationnow.com/x");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("events[3].sources[0].url"), "{}", found[0]);
    assert!(found[0].contains("staging"), "{}", found[0]);
    assert_eq!(edited("https://example.org/d", "http://127.0.0.1:8080/d").len(), 1);
    assert!(edited("https://example.org/d", "https://www.devex.com/news").is_empty());
    // A CMS's editing front end is not the outlet's public address.
    let front = edited("https://example.org/d", "https://front.newsweekespanol.com/nacional/x");
    assert_eq!(front.len(), 1, "{front:#?}");
    assert!(
        front[0].contains("\"front.newsweekespanol.com\" looks like a staging"),
        "{}",
        front[0]
    );
    assert!(edited("https://example.org/d", "https://www.frontera.info/x").is_empty());
}

#[test]
fn every_event_is_checked_on_a_day_up_to_the_review() {
    let id = "\"id\": \"merida-2007\", \"checked\": \"2026-01-20\",";
    let missing = edited(id, "\"id\": \"merida-2007\",");
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert!(
        missing[0].contains(
            "events[1].checked (event \"merida-2007\"): the event has no \"checked\" day"
        ),
        "{}",
        missing[0]
    );
    let late = edited(id, "\"id\": \"merida-2007\", \"checked\": \"2026-01-21\",");
    assert_eq!(late.len(), 1, "{late:#?}");
    assert!(late[0].contains("checked on 2026-01-21, after the record's review day (2026-01-20)"));
    let vague = edited(id, "\"id\": \"merida-2007\", \"checked\": \"2026-01\",");
    assert!(vague[0].contains("YYYY-MM-DD"), "{vague:#?}");
    // Checked on the day of the review itself is fine.
    assert!(edited(id, "\"id\": \"merida-2007\", \"checked\": \"2026-01-20\",").is_empty());
}

#[test]
fn the_newest_fact_is_the_newest_event_not_announced() {
    // small.json's newest event, the ministerial of 2026-02, is announced.
    let timeline = parse(&fixture("small.json")).unwrap();
    assert_eq!(timeline.newest_fact().map(|d| d.to_string()).as_deref(), Some("2026-01-11"));
}

#[test]
fn the_sources_cannot_reach_past_the_review() {
    let header = "\"updated\": \"2026-01-20\",";
    assert!(
        edited(header, "\"updated\": \"2026-01-20\", \"sources_until\": \"2026-01\",").is_empty()
    );
    let late = edited(header, "\"updated\": \"2026-01-20\", \"sources_until\": \"2026-02\",");
    assert_eq!(late.len(), 1, "{late:#?}");
    assert!(late[0].starts_with("sources_until: the sources cannot reach past"), "{}", late[0]);
}

#[test]
fn a_source_dated_after_the_check_is_refused() {
    let found = edited("\"date\": \"2026-01-12\"", "\"date\": \"2026-01-21\"");
    assert_eq!(
        found,
        [
            "line 50: events[3].sources[0].date (event \"call-2026-01-11\"): the source is dated 2026-01-21, after the day the data was checked (2026-01-20): correct the date or \"updated\""
        ]
    );
    // The day of the check itself is fine.
    assert!(edited("\"date\": \"2026-01-12\"", "\"date\": \"2026-01-20\"").is_empty());
}

/// Data checked "in January 2026" may hold anything dated in January 2026
/// (issue 24, 9); a month or year checked is judged by its last day, an
/// announcement by its first.
#[test]
fn a_month_or_year_of_the_check_covers_its_days() {
    for updated in ["2026-01", "2026"] {
        let found = edited("\"updated\": \"2026-01-20\"", &format!("\"updated\": \"{updated}\""));
        assert!(found.is_empty(), "{updated}: {found:#?}");
    }
    let text = fixture("small.json").replacen(
        "\"updated\": \"2026-01-20\"",
        "\"updated\": \"2026-01\"",
        1,
    );
    assert_eq!(parse(&text).unwrap().events.len(), 4);
    // Still refused: a source dated after the month, an announcement whose
    // month had passed before the month of the check.
    let late = text.replacen("\"date\": \"2026-01-12\"", "\"date\": \"2026-02-01\"", 1);
    assert_eq!(check(&late).len(), 1, "{:#?}", check(&late));
    let passed = text.replacen("\"updated\": \"2026-01\"", "\"updated\": \"2026-03\"", 1);
    let found: Vec<String> = check(&passed).iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("events[0].status (event \"ministerial-2026-02\")"), "{found:#?}");
}

#[test]
fn an_official_act_needs_a_primary_source() {
    let official = "\"amount_usd\": 1400000000, \"official\": true";
    let found = edited("\"amount_usd\": 1400000000", official);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("events[1].sources (event \"merida-2007\"): an official act needs at least one primary source"), "{}", found[0]);
    // A government host is primary; so is a source marked as such.
    let text = fixture("small.json").replacen("\"amount_usd\": 1400000000", official, 1);
    let on_gov = text.replacen(
        "https://example.org/b",
        "https://2001-2009.state.gov/r/pa/prs/ps/2007/oct/93817.htm",
        1,
    );
    assert!(check(&on_gov).is_empty());
    let marked =
        text.replacen("\"lang\": \"en\" } ]", "\"lang\": \"en\", \"primary\": true } ]", 1);
    assert!(check(&marked).is_empty(), "{:?}", check(&marked));
}

#[test]
fn corrections_are_dated_by_the_day_up_to_the_check() {
    let correction = |date: &str| {
        format!(
            "\"amount_usd\": 1400000000, \"corrections\": [{{ \"date\": \"{date}\", \"text\": {{ \"es\": \"Se corrigió la fecha.\", \"en\": \"The date was corrected.\" }} }}]"
        )
    };
    assert!(edited("\"amount_usd\": 1400000000", &correction("2026-01-20")).is_empty());
    let late = edited("\"amount_usd\": 1400000000", &correction("2026-02-01"));
    assert_eq!(late.len(), 1, "{late:#?}");
    assert!(late[0].contains("events[1].corrections[0].date"), "{}", late[0]);
    let vague = edited("\"amount_usd\": 1400000000", &correction("2026-01"));
    assert!(vague[0].contains("dated to the day"), "{vague:#?}");
    let empty = edited(
        "\"amount_usd\": 1400000000",
        "\"amount_usd\": 1400000000, \"corrections\": [{ \"date\": \"2026-01-02\", \"text\": { \"es\": \"\", \"en\": \"x\" } }]",
    );
    assert!(empty[0].contains("corrections[0].text.es"), "{empty:#?}");
}

#[test]
fn key_moments_are_read() {
    let text = fixture("small.json").replacen(
        "\"amount_usd\": 1400000000",
        "\"amount_usd\": 1400000000, \"key\": true",
        1,
    );
    let t = parse(&text).unwrap();
    let keys: Vec<&str> = t.events.iter().filter(|e| e.key).map(|e| e.id.as_str()).collect();
    assert_eq!(keys, ["merida-2007"]);
}

#[test]
fn hosts_are_read_from_web_addresses() {
    use validate::web_host;
    assert_eq!(web_host("https://User@WWW.State.GOV:443/x?y").as_deref(), Some("www.state.gov"));
    assert_eq!(web_host("http://gob.mx").as_deref(), Some("gob.mx"));
    assert_eq!(web_host("javascript:x"), None);
}

#[test]
fn a_count_of_people_sent_is_read_and_zero_is_refused() {
    let with = |n: &str| format!("\"amount_usd\": 1400000000, \"people_sent\": {n}");
    let text = fixture("small.json").replacen("\"amount_usd\": 1400000000", &with("29"), 1);
    let t = parse(&text).unwrap();
    let sent: Vec<_> = t.events.iter().filter_map(|e| e.people_sent).collect();
    assert_eq!(sent, [29]);
    let found = edited("\"amount_usd\": 1400000000", &with("0"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("events[1].people_sent (event \"merida-2007\")"), "{}", found[0]);
    // A negative count is not a count: the event is left out, with its line.
    assert!(!edited("\"amount_usd\": 1400000000", &with("-3")).is_empty());
}

/// The events taken out of the document and given one at a time, each as
/// its own JSON text, as the browser reads them (`fetch.rs`, `split.rs`).
/// Here `serde_json::Value` does the taking out.
fn in_parts(text: &str) -> Result<Timeline, LoadError> {
    let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
    let events = doc["events"].take();
    doc["events"] = serde_json::json!([]);
    let events = events.as_array().unwrap().iter().map(ToString::to_string).collect::<Vec<_>>();
    parse_parts(&doc.to_string(), events.into_iter())
}

#[test]
fn the_events_given_one_at_a_time_make_the_same_timeline() {
    for name in ["../../public/data/events.json", "small.json"] {
        let text = fixture(name);
        assert_eq!(in_parts(&text).unwrap(), parse(&text).unwrap(), "{name}");
    }
}

/// Given one at a time, events have no line; everything else about their
/// problems is the same.
#[test]
fn problems_of_events_given_one_at_a_time_have_no_line() {
    for name in ["broken/duplicate-id.json", "broken/unknown-topic.json"] {
        let text = fixture(name);
        let whole = parse(&text).unwrap();
        let parts = in_parts(&text).unwrap();
        assert_eq!(parts.events, whole.events, "{name}");
        assert!(!parts.problems.is_empty(), "{name}");
        let without_line = |p: &Problem| Problem { line: None, ..p.clone() };
        assert_eq!(
            parts.problems,
            whole.problems.iter().map(without_line).collect::<Vec<_>>(),
            "{name}"
        );
    }
    assert_eq!(
        in_parts(&fixture("small.json").replace("\"version\": 1", "\"version\": 2")),
        Err(LoadError::Version(2))
    );
}

#[test]
fn named_enums_read_every_name_of_the_schema() {
    /// The names a schema allows: its `enum` lists and `const` values.
    fn names(schema: &serde_json::Value, out: &mut Vec<String>) {
        match schema {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("enum", serde_json::Value::Array(items)) => {
                            out.extend(items.iter().filter_map(|i| i.as_str().map(String::from)));
                        }
                        ("const", serde_json::Value::String(name)) => out.push(name.clone()),
                        _ => names(value, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| names(i, out)),
            _ => {}
        }
    }
    /// Every name the schema of `T` allows reads as a value that serde
    /// writes back as that name.
    fn round_trip<T>()
    where
        T: schemars::JsonSchema + serde::Serialize + serde::de::DeserializeOwned,
    {
        let mut all = Vec::new();
        names(schemars::schema_for!(T).as_value(), &mut all);
        assert!(!all.is_empty(), "no names in the schema of {}", T::schema_name());
        for name in all {
            let json = serde_json::to_string(&name).unwrap();
            let value: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
        }
    }
    round_trip::<Lang>();
    round_trip::<Country>();
    round_trip::<Status>();
    let err = serde_json::from_str::<Status>(r#""Held""#).unwrap_err().to_string();
    assert_eq!(err, "unknown variant `Held`, expected one of `held`, `announced`, `unconfirmed`");
    let err = serde_json::from_str::<Lang>("3").unwrap_err().to_string();
    assert_eq!(err, "invalid type: integer `3`, expected a string at line 1 column 1");
}
