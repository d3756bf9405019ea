//! Node.js and `end2end/`'s npm packages (Playwright, binaryen's wasm-opt).

use std::process::Command;

use super::rust_tools::toml_string;
use super::{Result, command, end2end, found, modified, output, read, root, run, step};

const MIN_NODE_MAJOR: u32 = 20;

/// Installs `end2end/`'s npm packages when `node_modules` is missing or
/// older than `package.json` or the lock file, then checks `wasm-opt`.
pub fn ensure_npm_packages() -> Result {
    ensure_node()?;
    let dir = end2end();
    let lock = dir.join("package-lock.json");
    let installed = modified(&dir.join("node_modules").join(".package-lock.json"));
    let wanted = [modified(&dir.join("package.json")), modified(&lock)].into_iter().flatten().max();
    let fresh = matches!((installed, wanted), (Some(have), Some(want)) if have >= want);
    if fresh {
        found("npm packages in end2end/node_modules");
    } else {
        let (how, args): (&str, &[&str]) = if lock.exists() {
            ("npm ci", &["ci", "--no-audit", "--no-fund"])
        } else {
            ("npm install", &["install", "--no-audit", "--no-fund"])
        };
        step(&format!(
            "installing the npm packages of end2end/ ({how}: Playwright, axe-core, \
             binaryen's wasm-opt, terser, Lighthouse; about a minute)"
        ));
        run(command("npm")
            .args(args)
            .current_dir(&dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    }
    let trunk_toml = read(&root().join("Trunk.toml"))?;
    let pin = toml_string(&trunk_toml, "tools", "wasm_opt")
        .ok_or("Trunk.toml has no `[tools] wasm_opt = \"...\"` pin")?;
    let have = output(command("wasm-opt").arg("--version")).unwrap_or_default();
    if !have.contains(&format!("({pin})")) {
        return Err(format!(
            "wasm-opt on the tools' PATH reports `{have}`, but Trunk.toml pins {pin}: \
             check the binaryen version in end2end/package.json"
        ));
    }
    found(&have);
    Ok(())
}

/// Node.js 20 or newer, which the npm tools, the end-to-end tests and
/// Trunk.toml's minify hook run on.
pub fn ensure_node() -> Result {
    let version = output(Command::new("node").arg("--version")).ok_or(
        "node is not installed: install Node.js 20 or newer (e.g. `apt-get install nodejs npm`)",
    )?;
    let major =
        version.trim_start_matches('v').split('.').next().and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(major) if major >= MIN_NODE_MAJOR => Ok(()),
        _ => Err(format!("node {version} is too old: the end-to-end tests need {MIN_NODE_MAJOR}+")),
    }
}
