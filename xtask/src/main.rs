//! Project tasks, run as `cargo xtask <command>` (an alias in
//! `.cargo/config.toml`). Plain std Rust, so a fresh clone needs nothing
//! but rustup, cargo, node and npm: every other tool is installed here, from
//! source or from npm, and no browser or prebuilt binary is downloaded.

// A command-line tool: printing is its job.
#![allow(clippy::print_stdout)]

mod check_data;
mod schema;
mod serve;
mod setup;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
Usage: cargo xtask <command> [args]

Commands:
  serve [trunk args]     install what is missing, then `trunk serve`
                         (http://127.0.0.1:8080/; e.g. --release, --port 3000)
  test                   install what is missing, then run every check:
                         fmt, clippy (native and wasm), cargo test, check-data,
                         release builds, the budgets and the end-to-end tests
  bench [args]           release build, then the benchmark table: bytes,
                         speed at 67/1,000/5,000 events, memory, Lighthouse
                         (e.g. --runs 9, --no-lighthouse, --budget)
  e2e [playwright args]  only the end-to-end tests, against the builds
                         `cargo xtask test` left (dist/, target/dist-subpath/)
  check-data [PATH]      check the event data (default public/data/events.json)
  schema                 regenerate public/data/events.schema.json from the types
  help                   this text
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let result = match command.as_str() {
        "serve" => serve::run(&rest),
        "test" => test::run(&rest),
        "e2e" => test::e2e(&rest),
        "bench" => test::bench(&rest),
        "check-data" => check_data::run(&rest),
        "schema" => schema::run(&rest),
        "" | "help" | "-h" | "--help" => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
