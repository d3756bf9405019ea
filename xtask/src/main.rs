//! Project tasks, run as `cargo xtask <command>` (an alias in
//! `.cargo/config.toml`). Plain std Rust, so a fresh clone needs nothing
//! but rustup, cargo, node and npm: every other tool is installed here, from
//! source or from npm, and no browser or prebuilt binary is downloaded.

// A command-line tool: printing is its job.
#![allow(clippy::print_stdout)]

mod check_data;
mod deploy_config;
mod fresh;
mod preview;
mod schema;
mod serve;
mod setup;
mod test;
mod trail;

use std::process::ExitCode;

const HELP: &str = "\
Usage: cargo xtask <command> [args]

Commands:
  serve [trunk args]     install what is missing, then `trunk serve`
                         (http://127.0.0.1:8080/; e.g. --release, --port 3000)
  preview [--port N] [--no-build]
                         release build, served by nginx with deploy/nginx/
                         as it will be deployed (http://127.0.0.1:8081/)
  build [trunk args]     install what is missing, then `trunk build --release`
                         (e.g. --public-url /repo/): the README's deploy build
  test                   install what is missing, then run every check:
                         fmt, clippy (native and wasm), cargo test, check-data,
                         actionlint, release builds, a serve with no
                         crates downloaded (an empty CARGO_HOME), the
                         budgets, the end-to-end tests (behind nginx, ports
                         4173-4176 or E2E_PORT and the next three) and a
                         link pasted into a real WordPress (Debian's, on the
                         fourth)
  bench [args]           release build, then the benchmark table behind nginx:
                         bytes, speed at 67/1,000/5,000 events beside
                         TimelineJS and a static list, memory, Lighthouse
                         (e.g. --runs 9, --no-lighthouse, --no-references,
                         --budget)
  e2e [playwright args]  only the end-to-end tests, against the builds
                         `cargo xtask test` left (dist/, target/dist-subpath/)
  fresh-serve            only the check that a first `trunk serve --release`
                         with no crates downloaded answers with the timeline
                         (after a release build, as `cargo xtask test` runs it)
  prerender [args]       render the pages of a built site again, e.g. from other
                         data: --dist DIR --data FILE [--only-home]
                         [--site-url URL] (Trunk runs it after every build)
  check-data [PATH]      check the event data (default public/data/events.json,
                         with its verification trail in verification/)
  schema                 regenerate public/data/events.schema.json from the types
  deploy-config          rewrite the hosts' address rules (deploy/nginx/, deploy/netlify/)
                         from src/address.rs
  help                   this text
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let result = match command.as_str() {
        "serve" => serve::run(&rest),
        "preview" => preview::run(&rest),
        "build" => preview::build(&rest),
        "test" => test::run(&rest),
        "e2e" => test::e2e(&rest),
        "fresh-serve" => fresh::check(),
        "bench" => test::bench(&rest),
        "prerender" => test::prerender(&rest),
        "check-data" => check_data::run(&rest),
        "schema" => schema::run(&rest),
        "deploy-config" => deploy_config::run(&rest),
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
