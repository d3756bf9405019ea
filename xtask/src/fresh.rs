//! The check that a machine which has never downloaded the crates can serve
//! the app: plain `trunk serve`, with cargo's registry empty (no index, no
//! downloaded crate), must answer with the prerendered timeline.
//!
//! The registry is emptied for Trunk alone, by mounting an empty directory
//! over it in a mount namespace of its own (`unshare`): everything else
//! keeps the real one. Another `CARGO_HOME` would do as well, but cargo
//! fingerprints each crate by its path, so the whole app would compile
//! again; at the same path, the artifacts `cargo xtask test` has just built
//! stay fresh once the crates are downloaded again. What is checked is the
//! first build's order: the crates are fetched before Trunk's offline
//! `cargo build`, which reads every crate's manifest before anything else.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
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
    let registry =
        setup::cargo_home().ok_or("no cargo home: set CARGO_HOME or HOME")?.join("registry");
    let empty = root.join("target").join("fresh-registry");
    let dist = root.join("target").join("fresh-dist");
    let _ = fs::remove_dir_all(&empty);
    for dir in [&registry, &empty] {
        fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    let port = free_port()?.to_string();
    step(&format!(
        "trunk serve --release --port {port}, with {} empty (a mount namespace of its own): a fresh machine's first serve",
        registry.display()
    ));
    let started = Instant::now();
    // unshare's own: as root a mount namespace; otherwise a user namespace
    // too, in which the user may mount.
    let mut cmd = setup::command("unshare");
    if !setup::is_root() {
        cmd.arg("--map-root-user");
    }
    cmd.args(["--mount", "--propagation", "private", "--", "sh", "-c"])
        .arg(r#"mount --bind "$1" "$2" && shift 2 && exec "$@""#)
        .arg("sh")
        .arg(&empty)
        .arg(&registry)
        .args(["trunk", "serve", "--release", "--port", &port, "--dist"])
        .arg(&dist)
        .stdin(Stdio::null());
    // Its own process group, so that stopping it stops the cargo and node
    // processes it started too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut trunk = cmd.spawn().map_err(|err| {
        format!("could not start unshare (util-linux), which empties the registry for Trunk: {err}")
    })?;
    let answer = first_answer(&mut trunk, port.parse().unwrap_or_default());
    stop(&mut trunk);
    let _ = fs::remove_dir_all(&empty);
    let _ = fs::remove_dir_all(&dist);
    let page = answer?;
    if TIMELINE.iter().all(|mark| page.contains(mark)) {
        setup::found(&format!(
            "the timeline, {:.0}s after starting Trunk with an empty registry",
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
