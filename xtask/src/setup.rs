//! Finding, checking and installing the tools: the wasm target, Trunk,
//! wasm-bindgen-cli, the npm packages (Playwright and binaryen's wasm-opt),
//! the system's Chromium, nginx with its brotli modules, Python's feedparser,
//! and Debian's WordPress, PHP and MariaDB for the test of a pasted link.
//!
//! This file holds what every task uses to run the tools (paths, `PATH`,
//! running commands); the tools themselves are checked and installed by
//! concern: `rust_tools` (the wasm target, Trunk, wasm-bindgen), `node`
//! (Node.js and the npm packages) and `debian` (the system's packages).

mod debian;
mod node;
mod rust_tools;

pub use debian::{
    CHROMEDRIVER, ensure_chromium, ensure_feedparser, ensure_nginx, ensure_wordpress, is_root,
};
pub use node::{ensure_node, ensure_npm_packages};
pub use rust_tools::{WASM_TARGET, ensure_build_tools, fetch_crates};

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}

pub fn end2end() -> PathBuf {
    root().join("end2end")
}

/// Announces a step.
pub fn step(what: &str) {
    println!("==> {what}");
}

/// Reports something found in place, under the step that looked for it.
pub fn found(what: &str) {
    println!("    ok: {what}");
}

/// `PATH` for every tool run from here: the npm tools first (binaryen's
/// `wasm-opt`, which Trunk must find before any system one, and
/// `playwright`), then cargo's bin directory (where `cargo install` puts
/// Trunk and wasm-bindgen, even if it is not on the user's `PATH` yet).
fn tool_path() -> OsString {
    let mut dirs = vec![end2end().join("node_modules").join(".bin")];
    if let Some(cargo_bin) = cargo_home().map(|home| home.join("bin")) {
        dirs.push(cargo_bin);
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_else(|_| std::env::var_os("PATH").unwrap_or_default())
}

pub fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
}

/// A command run in the workspace root with the tools' `PATH` (which also
/// decides where `program` is looked up).
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root()).env("PATH", tool_path());
    cmd
}

/// Runs a command to the end, its output going straight to the terminal.
pub fn run(cmd: &mut Command) -> Result {
    let shown = show(cmd);
    let status = cmd.status().map_err(|err| format!("could not start `{shown}`: {err}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{shown}` exited with {status}")) }
}

/// Hands the terminal over to `cmd` (a server the reader stops with
/// Ctrl-C): on Unix the xtask becomes it, so the signal reaches it and what
/// it started; only returns on failure.
#[cfg(unix)]
pub fn exec(cmd: &mut Command) -> Result {
    use std::os::unix::process::CommandExt;
    let shown = show(cmd);
    Err(format!("could not start `{shown}`: {}", cmd.exec()))
}

#[cfg(not(unix))]
pub fn exec(cmd: &mut Command) -> Result {
    run(cmd)
}

/// The trimmed standard output of a command, or `None` if it cannot run or
/// fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).stdin(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn show(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}

/// What `cargo xtask test` and `cargo xtask bench` need (the test also
/// needs [`ensure_wordpress`]).
pub fn ensure_all() -> Result {
    ensure_build_tools()?;
    ensure_npm_packages()?;
    ensure_chromium()?;
    ensure_nginx()?;
    ensure_feedparser()
}

fn check_version(cmd: &mut Command, want: &str) -> Result {
    match output(cmd) {
        Some(have) if have == want => Ok(()),
        have => Err(format!(
            "after installing, `{}` reports {:?}, not `{want}`",
            show(cmd),
            have.unwrap_or_default()
        )),
    }
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|meta| meta.modified()).ok()
}
