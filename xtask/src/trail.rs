//! The verification trail: for each event, what an independent checker
//! found (`verification/events/<id>.json`, described in
//! `verification/README.md`). Readers never see it; `cargo xtask
//! check-data` holds the data to it, so that no event is published on its
//! writer's word alone.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// The trail's problems for the events of `data` (the text of
/// `events.json`), each a line naming the file and what to do.
pub fn check(dir: &Path, data: &str) -> Vec<String> {
    let Ok(doc) = serde_json::from_str::<Value>(data) else {
        // The data checks report a document that is not JSON.
        return Vec::new();
    };
    let events = doc.get("events").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for event in &events {
        let Some(id) = event.get("id").and_then(Value::as_str) else { continue };
        ids.insert(id.to_owned());
        let checked = event.get("checked").and_then(Value::as_str);
        let file = dir.join(format!("{id}.json"));
        let shown = format!("verification/events/{id}.json");
        let Ok(text) = std::fs::read_to_string(&file) else {
            problems.push(format!(
                "{shown}: missing: event \"{id}\" has no record of an independent check"
            ));
            continue;
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(record) => problems.extend(
                record_problems(&record, id, checked).into_iter().map(|p| format!("{shown}: {p}")),
            ),
            Err(err) => problems.push(format!("{shown}: not valid JSON: {err}")),
        }
    }
    let listed = std::fs::read_dir(dir).into_iter().flatten().flatten();
    for entry in listed {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".json").filter(|id| !ids.contains(*id)) {
            problems.push(format!(
                "verification/events/{name}: there is no event \"{id}\": remove the file, or rename it with its event"
            ));
        }
    }
    problems
}

/// What is wrong with one event's record, if anything.
fn record_problems(record: &Value, id: &str, checked: Option<&str>) -> Vec<String> {
    let text = |key: &str| record.get(key).and_then(Value::as_str).unwrap_or("");
    let mut problems = Vec::new();
    if text("event") != id {
        problems.push(format!("\"event\" must be \"{id}\", the file's event"));
    }
    if text("checker").trim().is_empty() {
        problems.push("\"checker\" must say who checked the event (not its writer)".to_owned());
    }
    if let Some(checked) = checked
        && text("checked") != checked
    {
        problems.push(format!(
            "checked on \"{}\", but the event says \"checked\": \"{checked}\": check the event again, or correct the date",
            text("checked")
        ));
    }
    if text("verdict") != "supported" {
        problems.push(format!(
            "the verdict is \"{}\": fix what the check found, have it checked again, and record \"supported\"",
            text("verdict")
        ));
    }
    let claims = record.get("claims").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    if claims.is_empty() {
        problems.push(
            "no claims: list each claim with the source and the words that support it".to_owned(),
        );
    }
    for (i, claim) in claims.iter().enumerate() {
        let field = |key: &str| claim.get(key).and_then(Value::as_str).unwrap_or("");
        if !matches!(field("verdict"), "supported" | "attributed") {
            problems.push(format!(
                "claims[{i}] is \"{}\": only supported or attributed claims may stand",
                field("verdict")
            ));
        }
        if !field("source").starts_with("http") || field("passage").trim().is_empty() {
            problems
                .push(format!("claims[{i}] needs the source's address and the passage read in it"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(verdict: &str, claim_verdict: &str) -> Value {
        serde_json::json!({
            "event": "a-2026", "checked": "2026-12-07", "checker": "checker B",
            "verdict": verdict,
            "claims": [{ "field": "summary", "claim": "x", "verdict": claim_verdict,
                         "source": "https://example.org/a", "passage": "words read" }]
        })
    }

    #[test]
    fn a_supported_record_of_the_same_day_passes() {
        assert!(
            record_problems(&record("supported", "supported"), "a-2026", Some("2026-12-07"))
                .is_empty()
        );
    }

    #[test]
    fn a_stale_unsupported_or_foreign_record_is_refused() {
        let stale =
            record_problems(&record("supported", "supported"), "a-2026", Some("2026-12-08"));
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert!(stale[0].contains("check the event again"));
        let wrong = record_problems(&record("needs-fix", "wrong"), "a-2026", Some("2026-12-07"));
        assert_eq!(wrong.len(), 2, "{wrong:?}");
        let foreign =
            record_problems(&record("supported", "supported"), "b-2026", Some("2026-12-07"));
        assert_eq!(foreign.len(), 1, "{foreign:?}");
    }

    #[test]
    fn missing_and_orphan_records_are_refused() {
        let dir = std::env::temp_dir().join(format!("trail-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("gone-2020.json"), record("supported", "supported").to_string())
            .unwrap();
        let data = r#"{"events": [{"id": "a-2026", "checked": "2026-12-07"}]}"#;
        let problems = check(&dir, data);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("verification/events/a-2026.json: missing"));
        assert!(problems[1].contains("there is no event \"gone-2020\""));
    }
}
