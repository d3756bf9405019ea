//! Writes the prerendered pages into a built site (see `cronologia::prerender`).
//!
//! Run by Trunk after each build (a `post_build` hook in `Trunk.toml`, which
//! sets `TRUNK_STAGING_DIR` and `TRUNK_PUBLIC_URL`), and by the benchmark:
//!
//!     prerender [--dist DIR] [--data FILE] [--public-url /path/]
//!               [--site-url https://example.org/path/] [--only-home]
//!
//! The site's public address comes from `--site-url` or `SITE_URL`; it is
//! written into canonical links, link previews and the sitemap.

// A command-line tool: printing is its job.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use cronologia::data::{fingerprint, parse};
use cronologia::dates::{PartialDate, day_of_unix_seconds};
use cronologia::prerender::{Pages, Prerender, Site};

/// Where sites are served while developing: `trunk serve`'s address.
const LOCAL_SITE: &str = "http://127.0.0.1:8080";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dist =
        std::env::var_os("TRUNK_STAGING_DIR").map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let mut data = None;
    let mut base = std::env::var("TRUNK_PUBLIC_URL").ok();
    let mut site_url = std::env::var("SITE_URL").ok().filter(|s| !s.is_empty());
    let mut pages = Pages::All;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--dist" => dist = PathBuf::from(value()?),
            "--data" => data = Some(PathBuf::from(value()?)),
            "--public-url" => base = Some(value()?),
            "--site-url" => site_url = Some(value()?),
            "--only-home" => pages = Pages::Homes,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let data = data.unwrap_or_else(|| dist.join(cronologia::DATA_FILE));
    let shell = dist.join("shell.html");
    if !shell.is_file() {
        // The page Trunk built is the template of every page: keep it.
        let built = std::fs::read_to_string(dist.join("index.html"))
            .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
        std::fs::write(&shell, cronologia::prerender::shell(&built))
            .map_err(|e| format!("{}: {e}", shell.display()))?;
    }
    let template =
        std::fs::read_to_string(&shell).map_err(|e| format!("{}: {e}", shell.display()))?;
    let base = slashed(&base.unwrap_or_else(|| "/".into()));
    let site_url = slashed(&site_url.unwrap_or_else(|| {
        println!(
            "prerender: SITE_URL is not set; canonical links and sitemap.xml use {LOCAL_SITE}{base}"
        );
        format!("{LOCAL_SITE}{base}")
    }));
    let text = std::fs::read_to_string(&data).map_err(|e| format!("{}: {e}", data.display()))?;
    let timeline = parse(&text).map_err(|e| format!("{}: {e}", data.display()))?;
    // The same warning the app gives, for the same events left out.
    for problem in &timeline.problems {
        println!("warning: {}: {problem} (left out of the pages)", data.display());
    }
    let prerender = Prerender {
        template: &template,
        timeline: Arc::new(timeline),
        fingerprint: fingerprint(&text),
        site: Site { base, url: site_url },
        today: today(),
    };
    let written = prerender.write(&dist, pages).map_err(|e| format!("{}: {e}", dist.display()))?;
    println!("prerender: {} pages in {}", written.len(), dist.display());
    Ok(())
}

fn slashed(path: &str) -> String {
    if path.ends_with('/') { path.to_string() } else { format!("{path}/") }
}

fn today() -> PartialDate {
    let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    day_of_unix_seconds(clock.map_or(0, |d| d.as_secs()))
}
