//! `cargo xtask serve [trunk args]`: installs what is missing, then runs
//! `trunk serve` (Trunk.toml sets <http://127.0.0.1:8080/>).

use crate::setup::{self, Result};

pub fn run(args: &[String]) -> Result {
    setup::step("checking the build tools");
    setup::ensure_build_tools()?;
    // Only release builds run wasm-opt and terser, which come from the npm
    // packages; every build runs Node (Trunk.toml's minify hook, which does
    // nothing in a debug build).
    if args.iter().any(|arg| arg == "--release") {
        setup::ensure_npm_packages()?;
    } else {
        setup::ensure_node()?;
    }
    setup::fetch_crates()?;
    let mut cmd = setup::command("trunk");
    cmd.arg("serve").args(args);
    let shown: Vec<&str> =
        ["trunk", "serve"].into_iter().chain(args.iter().map(String::as_str)).collect();
    setup::step(&format!("{} (Ctrl-C to stop)", shown.join(" ")));
    setup::exec(&mut cmd)
}
