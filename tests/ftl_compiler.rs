//! The Fluent compiler of `build.rs` (`build/ftl.rs`) on small inline
//! sources: the signatures it writes, and the errors it stops the build
//! with. That the code it writes says what Fluent says is checked against
//! fluent-bundle in `src/i18n/tests.rs`.

#[path = "../build/ftl.rs"]
#[allow(dead_code)]
mod ftl;

fn sources(es: &str, en: &str) -> Vec<ftl::Source> {
    vec![
        ftl::Source { lang: "es".into(), path: "locales/es/t.ftl".into(), text: es.into() },
        ftl::Source { lang: "en".into(), path: "locales/en/t.ftl".into(), text: en.into() },
    ]
}

fn code(es: &str, en: &str) -> String {
    match ftl::compile(&sources(es, en)) {
        Ok(output) => output.code,
        Err(errors) => panic!("should compile, got {errors:#?}"),
    }
}

/// The errors, joined, for matching.
fn errors(es: &str, en: &str) -> String {
    match ftl::compile(&sources(es, en)) {
        Ok(_) => panic!("should not compile:\n{es}\n{en}"),
        Err(errors) => errors.join("\n"),
    }
}

fn assert_has(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(haystack.contains(needle), "{needle:?} not in:\n{haystack}");
    }
}

#[test]
fn plain_messages_return_static_text() {
    let code = code("events-heading = Eventos\n", "events-heading = Events\n");
    assert_has(
        &code,
        &[
            "pub(crate) fn events_heading(lang: Lang) -> &'static str {",
            "Lang::Es => \"Eventos\",",
            "Lang::En => \"Events\",",
        ],
    );
}

#[test]
fn variables_are_typed_and_ordered_as_in_spanish() {
    let code = code(
        "results-count-filtered =\n    { $shown ->\n        [0] Ninguno\n       *[other] { $shown }\n    } de { NUMBER($total) } eventos\n\
         app-updated = Datos revisados al { $date }\n\
         overview-range = Periodo: { $from } a { $to }\n",
        "results-count-filtered = { NUMBER($total) } events, { $shown ->\n        [one] one shown\n       *[other] { $shown } shown\n    }\n\
         app-updated = Data checked as of { $date }\n\
         overview-range = Period: { $from } to { $to }\n",
    );
    assert_has(
        &code,
        &[
            "pub(crate) fn results_count_filtered(lang: Lang, shown: usize, total: usize) -> String",
            "pub(crate) fn app_updated(lang: Lang, date: &str) -> String",
            "pub(crate) fn overview_range(lang: Lang, from: &str, to: &str) -> String",
        ],
    );
}

#[test]
fn a_number_in_one_language_is_a_number_in_both() {
    // Spanish only shows $count; English selects on it by plural category.
    let code = code(
        "data-notice-skipped = { $count } eventos omitidos\n",
        "data-notice-skipped =\n    { $count ->\n        [one] One event skipped\n       *[other] { $count } events skipped\n    }\n",
    );
    assert_has(&code, &["fn data_notice_skipped(lang: Lang, count: usize) -> String"]);
}

#[test]
fn attributes_references_and_awkward_names() {
    let code = code(
        "embed-height = Altura\n    .label = Altura en { $unit }\n\
         detail-quote-original = { $lang ->\n        [es] Original en español\n       *[en] Original en inglés\n    }\n\
         detail-kind = { $type } { embed-height.label }\n",
        "embed-height = Height\n    .label = Height in { $unit }\n\
         detail-quote-original = { $lang ->\n        [es] Original in Spanish\n       *[en] Original in English\n    }\n\
         detail-kind = { $type } { embed-height.label }\n",
    );
    assert_has(
        &code,
        &[
            "pub(crate) fn embed_height(lang: Lang) -> &'static str",
            "pub(crate) fn embed_height_label(lang: Lang, unit: &str) -> String",
            "pub(crate) fn detail_quote_original(lang: Lang, lang_: &str) -> String",
            // A referenced message's variables join the referring one's.
            "pub(crate) fn detail_kind(lang: Lang, type_: &str, unit: &str) -> String",
        ],
    );
}

#[test]
fn terms_are_resolved_at_build_time() {
    let code = code(
        "-brand = Cronología\n    .gender = feminine\napp-title = { -brand.gender ->\n    [feminine] La { -brand }\n   *[other] El { -brand }\n}\n",
        "-brand = Timeline\napp-title = The { -brand }\n",
    );
    assert_has(&code, &["Lang::Es => \"La Cronología\",", "Lang::En => \"The Timeline\","]);
}

#[test]
fn a_message_in_one_language_only() {
    let e = errors("app-title = Título\napp-extra = Extra\n", "app-title = Title\n");
    assert_has(
        &e,
        &[
            "locales/es/t.ftl:2: message `app-extra` exists in es but not in en: add it to locales/en/",
        ],
    );
}

#[test]
fn different_variables() {
    let e = errors("app-updated = Datos al { $date }\n", "app-updated = Data as of { $day }\n");
    assert_has(
        &e,
        &[
            "locales/en/t.ftl:1: message `app-updated` uses different variables in es and en",
            "only in es: $date; only in en: $day",
        ],
    );
}

#[test]
fn different_attributes() {
    let e = errors(
        "embed-height = Altura\n    .label = A\n",
        "embed-height = Height\n    .title = H\n",
    );
    assert_has(
        &e,
        &[
            "locales/en/t.ftl:1: message `embed-height` has different attributes",
            ".label",
            ".title",
        ],
    );
}

#[test]
fn references_that_point_nowhere() {
    let e = errors(
        "app-a = { app-missing }\napp-b = { -missing }\napp-c = { app-d.nope }\napp-d = D\n",
        "app-a = A\napp-b = B\napp-c = C\napp-d = D\n",
    );
    assert_has(
        &e,
        &[
            "locales/es/t.ftl:1: in message `app-a`: the message `app-missing` does not exist in locales/es/",
            "locales/es/t.ftl:2: in message `app-b`: the term `-missing` does not exist in locales/es/",
            "locales/es/t.ftl:3: in message `app-c`: the message `app-d` has no attribute `.nope`",
        ],
    );
}

#[test]
fn a_number_in_one_language_and_text_in_the_other() {
    let e = errors(
        "app-count =\n    { $n ->\n        [one] uno\n       *[other] varios\n    }\n",
        "app-count =\n    { $n ->\n        [single] one\n       *[other] several\n    }\n",
    );
    assert_has(
        &e,
        &[
            "locales/en/t.ftl:2: message `app-count` selects on $n with text keys",
            "but locales/es/t.ftl:2 uses it as a number (a select with plural or number keys)",
        ],
    );
}

#[test]
fn unsupported_syntax_says_what_to_do() {
    let e = errors(
        "app-a = { DATETIME($d) }\napp-b = { NUMBER($n, minimumFractionDigits: 2) }\napp-c =\n    { $n ->\n        [one] uno\n        [1] exactamente uno\n       *[other] varios\n    }\napp-d =\n    { $n ->\n        [1.5] uno y medio\n       *[other] varios\n    }\n",
        "app-a = A { $d }\napp-b = B { $n }\napp-c = C { $n }\napp-d = D { $n }\n",
    );
    assert_has(
        &e,
        &[
            "locales/es/t.ftl:1: in message `app-a`: the function DATETIME() is not supported: only NUMBER($var) is; format dates",
            "locales/es/t.ftl:2: in message `app-b`: NUMBER() options are not supported",
            "locales/es/t.ftl:6: in message `app-c`: in the select on $n, [1] comes after [one], which already matches 1: put exact numbers first",
            "locales/es/t.ftl:11: in message `app-d`: the key [1.5] is not supported",
        ],
    );
}

#[test]
fn syntax_errors_and_duplicates() {
    let e = errors("app-a = A\napp-b = { $x\napp-c = C\n", "app-a = A\napp-c = C\n");
    assert_has(
        &e,
        &[
            "locales/es/t.ftl:2: Fluent syntax error (at line 3): Expected a token starting with \"}\"",
        ],
    );
    let e = errors("app-a = A\napp-a = otra\n", "app-a = A\n");
    assert_has(
        &e,
        &["locales/es/t.ftl:2: message `app-a` is defined twice (also at locales/es/t.ftl:1)"],
    );
}

#[test]
fn cycles() {
    let e = errors("app-a = { app-b }\napp-b = { app-a }\n", "app-a = A\napp-b = B\n");
    assert_has(
        &e,
        &[
            "messages refer to each other in a cycle: message `app-a` → message `app-b` → message `app-a`",
        ],
    );
}

#[test]
fn a_term_sees_only_its_own_arguments() {
    let e = errors(
        "-thing = cosa { $n }\napp-a = { -thing }\n",
        "-thing = thing\napp-a = { -thing }\n",
    );
    assert_has(
        &e,
        &[
            "locales/es/t.ftl:1: in message `app-a` → term `-thing`: term `-thing` uses $n, which its reference does not pass",
        ],
    );
}

#[test]
fn names_that_collide() {
    let e = errors(
        "embed-height = A\n    .label = B\nembed-height-label = C\n",
        "embed-height = A\n    .label = B\nembed-height-label = C\n",
    );
    assert_has(&e, &["both become the Rust function `embed_height_label`: rename one"]);
}

#[test]
fn unknown_languages() {
    let mut s = sources("app-a = A\n", "app-a = A\n");
    s.push(ftl::Source {
        lang: "fr".into(),
        path: "locales/fr/t.ftl".into(),
        text: "app-a = A\n".into(),
    });
    let e = ftl::compile(&s).err().expect("an error").join("\n");
    assert_has(&e, &["locales/fr/t.ftl: unknown language `fr`"]);
}

#[test]
fn unused_terms_are_reported() {
    let output =
        ftl::compile(&sources("-old = Viejo\napp-a = A\n", "app-a = A\n")).expect("compiles");
    assert_eq!(output.warnings, ["locales/es/t.ftl:1: term `-old` is never used"]);
}

#[test]
fn numbers_are_grouped_by_thousands() {
    assert_eq!(ftl::group_digits("0"), "0");
    assert_eq!(ftl::group_digits("999"), "999");
    assert_eq!(ftl::group_digits("1000"), "1,000");
    assert_eq!(ftl::group_digits("-1234567.25"), "-1,234,567.25");
}
