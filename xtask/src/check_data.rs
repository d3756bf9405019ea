//! `cargo xtask check-data [PATH]`: every problem in the event data, with
//! the same checks the app uses to leave a broken event out; for the
//! repository's own data, also its verification trail (`trail.rs`).

use std::path::{Path, PathBuf};

use crate::setup::{self, Result};

pub const DEFAULT_PATH: &str = "public/data/events.json";

pub fn run(args: &[String]) -> Result {
    match args {
        [] => check_with_trail(&setup::root().join(DEFAULT_PATH)),
        [path] if !path.starts_with('-') => check_file(&PathBuf::from(path)),
        _ => Err("usage: cargo xtask check-data [PATH]".to_owned()),
    }
}

/// The repository's data: its checks, then the record of who verified each
/// event (a file elsewhere has no trail of its own).
fn check_with_trail(path: &Path) -> Result {
    check_file(path)?;
    let text = std::fs::read_to_string(path).map_err(|err| err.to_string())?;
    let problems = crate::trail::check(&setup::root().join("verification/events"), &text);
    for problem in &problems {
        println!("{problem}");
    }
    match problems.len() {
        0 => {
            println!("verification/: ok, every event checked by someone other than its writer");
            Ok(())
        }
        n => Err(format!("verification/: {n} problem(s) in the verification trail")),
    }
}

/// Prints every problem in the file and a one-line summary; an error if
/// there is any problem.
pub fn check_file(path: &Path) -> Result {
    let shown = path.strip_prefix(setup::root()).unwrap_or(path).display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|err| format!("cannot read {shown}: {err}"))?;
    let problems = cronologia::data::check(&text);
    for problem in &problems {
        println!("{shown}: {problem}");
    }
    let events = count_events(&text);
    match problems.len() {
        0 => {
            println!("{shown}: ok, {events} events, no problems");
            Ok(())
        }
        1 => Err(format!("{shown}: 1 problem ({events} events)")),
        n => Err(format!("{shown}: {n} problems ({events} events)")),
    }
}

fn count_events(text: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|doc| doc.get("events")?.as_array().map(Vec::len))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        setup::root().join("tests/fixtures").join(name)
    }

    #[test]
    fn a_good_file_passes() {
        check_file(&fixture("small.json")).unwrap();
    }

    #[test]
    fn a_broken_file_fails_with_a_count() {
        let err = check_file(&fixture("broken/many-faults.json")).unwrap_err();
        assert_eq!(err, "tests/fixtures/broken/many-faults.json: 5 problems (4 events)");
        let err = check_file(&fixture("broken/february-30.json")).unwrap_err();
        assert_eq!(err, "tests/fixtures/broken/february-30.json: 1 problem (4 events)");
    }
}
