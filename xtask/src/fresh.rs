//! The check that a machine which has never downloaded the crates can serve
//! the app: plain `trunk serve`, with a cargo home that holds only the
//! user's cargo configuration, must answer with the prerendered timeline.
//!
//! It reuses `target/`, so nothing is compiled again (the release build
//! just made by `cargo xtask test`): what it checks is that the crates are
//! fetched before Trunk's offline `cargo build` needs them. Cargo reads
//! every crate's manifest before it decides that the artifacts are fresh,
//! so without the crates that build stops, as on a fresh machine.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use std::{fs, thread};

use crate::setup::{self, Result, step};

/// Long enough for a cold compile on 2 cores, should `target/` be empty.
const DEADLINE: Duration = Duration::from_mins(15);
/// Marks of the prerendered timeline in the home page: the list and a card.
const TIMELINE: [&str; 2] = ["class=\"event-list\"", "id=\"card-"];

pub fn check() -> Result {
    let root = setup::root();
    let home = root.join("target").join("fresh-cargo-home");
    let dist = root.join("target").join("fresh-dist");
    empty_cargo_home(&home)?;
    let port = free_port()?;
    step(&format!(
        "trunk serve --release --port {port} with an empty CARGO_HOME ({}): a fresh machine's first serve",
        home.display()
    ));
    let started = Instant::now();
    let mut cmd = setup::command("trunk");
    cmd.args(["serve", "--release", "--port", &port.to_string(), "--dist"])
        .arg(&dist)
        .env("CARGO_HOME", &home)
        .stdin(Stdio::null());
    // Its own process group, so that stopping it stops the cargo and node
    // processes it started too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut trunk = cmd.spawn().map_err(|err| format!("could not start trunk serve: {err}"))?;
    let answer = first_answer(&mut trunk, port);
    stop(&mut trunk);
    let _ = fs::remove_dir_all(&home);
    let _ = fs::remove_dir_all(&dist);
    let page = answer?;
    if TIMELINE.iter().all(|mark| page.contains(mark)) {
        setup::found(&format!(
            "the timeline, {:.0}s after starting Trunk with no crates",
            started.elapsed().as_secs_f64()
        ));
        Ok(())
    } else {
        let head: String = page.chars().take(300).collect();
        Err(format!(
            "with no crates downloaded, `trunk serve` answers without the timeline \
             (is Trunk.toml's pre_build `cargo fetch` hook there?); it answered:\n{head}"
        ))
    }
}

/// A cargo home with nothing downloaded: only the user's configuration
/// (a registry mirror, say), as on a fresh machine.
fn empty_cargo_home(home: &Path) -> Result {
    let _ = fs::remove_dir_all(home);
    fs::create_dir_all(home).map_err(|err| format!("cannot create {}: {err}", home.display()))?;
    if let Some(real) = setup::cargo_home() {
        for name in ["config.toml", "config"] {
            let from = real.join(name);
            if from.is_file() {
                fs::copy(&from, home.join(name))
                    .map_err(|err| format!("cannot copy {}: {err}", from.display()))?;
            }
        }
    }
    Ok(())
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|err| format!("no free port on 127.0.0.1: {err}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|err| err.to_string())
}

/// Trunk starts its server once the first build is over, whether it
/// failed or not: its first answer is that build's page.
fn first_answer(trunk: &mut Child, port: u16) -> Result<String> {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if let Ok(Some(status)) = trunk.try_wait() {
            return Err(format!("trunk serve exited ({status}) before answering"));
        }
        if let Some(page) = get(port) {
            return Ok(page);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "trunk serve did not answer in {} minutes",
                DEADLINE.as_secs() / 60
            ));
        }
        thread::sleep(Duration::from_millis(500));
    }
}

/// `GET /` over HTTP/1.0: the response, headers and body, if the server
/// listens.
fn get(port: u16) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_mins(1))).ok()?;
    stream.write_all(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    Some(String::from_utf8_lossy(&response).into_owned())
}

/// Stops Trunk and what it started (SIGTERM to its group), then waits.
fn stop(trunk: &mut Child) {
    #[cfg(unix)]
    {
        let group = format!("-{}", trunk.id());
        let _ = std::process::Command::new("kill").args(["-TERM", "--", &group]).status();
    }
    #[cfg(not(unix))]
    let _ = trunk.kill();
    let _ = trunk.wait();
}
