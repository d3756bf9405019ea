//! The Rust side of the build: the wasm target, Trunk and wasm-bindgen-cli,
//! at the versions the project pins.

use std::process::Command;

use super::{Result, check_version, command, found, output, read, root, run, step};

/// The Trunk release this project builds with (0.22 needs a newer rustc
/// than the project's minimum).
pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `cargo xtask serve` needs (without `--release`).
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()
}

/// Downloads the crates the builds need, for the browser and for this
/// machine (build scripts, the prerendering), if they are not here yet:
/// Trunk builds offline (see Trunk.toml) and cannot download them itself.
/// Does nothing, without the network, once they are.
pub fn fetch_crates() -> Result {
    step("cargo fetch (the crates the builds need; the first time, a few seconds to a minute)");
    run(command("cargo").args(FETCH_ARGS))
}

/// As Trunk.toml's `pre_build` hook runs it.
pub const FETCH_ARGS: [&str; 5] = ["fetch", "--target", WASM_TARGET, "--target", "host-tuple"];

pub fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed: is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        found(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    step(&format!("installing the rust target {WASM_TARGET} (rustup, under a minute)"));
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

pub fn ensure_trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    let have = output(command("trunk").arg("--version"));
    if have.as_deref() == Some(want.as_str()) {
        found(&want);
        return Ok(());
    }
    if let Some(other) = have {
        println!("    found {other}, but this project builds with {want}");
    }
    step(&format!("installing {want} (cargo install, about 10 minutes on 2 cores)"));
    run(command("cargo").args([
        "install",
        "--locked",
        "--force",
        &format!("trunk@{TRUNK_VERSION}"),
    ]))?;
    check_version(command("trunk").arg("--version"), &want)
}

pub fn ensure_wasm_bindgen() -> Result {
    let version = wasm_bindgen_version()?;
    let want = format!("wasm-bindgen {version}");
    if output(command("wasm-bindgen").arg("--version")).as_deref() == Some(want.as_str()) {
        found(&want);
        return Ok(());
    }
    step(&format!(
        "installing wasm-bindgen-cli {version} (cargo install, about 3 minutes; \
         it must equal the wasm-bindgen in Cargo.lock)"
    ));
    // Not `--locked`: wasm-bindgen-cli's own lock file does not build with
    // this toolchain, while a fresh resolution does.
    run(command("cargo").args(["install", "--force", &format!("wasm-bindgen-cli@{version}")]))?;
    check_version(command("wasm-bindgen").arg("--version"), &want)
}

/// The `wasm-bindgen` version in Cargo.lock, checked against Trunk.toml's
/// `[tools] wasm_bindgen` pin (Trunk refuses any other version).
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = read(&root().join("Cargo.lock"))?;
    let version = locked_version(&lock, "wasm-bindgen")?;
    let trunk_toml = read(&root().join("Trunk.toml"))?;
    let pin = toml_string(&trunk_toml, "tools", "wasm_bindgen")
        .ok_or("Trunk.toml has no `[tools] wasm_bindgen = \"...\"` pin")?;
    if pin != version {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{pin}\" but Cargo.lock has wasm-bindgen {version}: \
             set `wasm_bindgen = \"{version}\"` under [tools] in Trunk.toml"
        ));
    }
    Ok(version)
}

/// The version of package `name` in a Cargo.lock; an error if it is missing
/// or locked at more than one version.
pub fn locked_version(lock: &str, name: &str) -> Result<String> {
    let mut current: Option<&str> = None;
    let mut versions = Vec::new();
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            current = None;
        } else if let Some(value) = line.strip_prefix("name = ") {
            current = Some(value.trim_matches('"'));
        } else if let Some(value) = line.strip_prefix("version = ")
            && current == Some(name)
        {
            versions.push(value.trim_matches('"').to_owned());
        }
    }
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("Cargo.lock has no `{name}` package")),
        many => Err(format!("Cargo.lock has several `{name}` versions: {}", many.join(", "))),
    }
}

/// A string value `key = "..."` in `[section]` of a simple TOML file.
pub fn toml_string(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
            name.trim().clone_into(&mut current);
            continue;
        }
        if current != section {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else { continue };
        if k.trim() == key {
            let v = v.split('#').next().unwrap_or_default().trim();
            return Some(v.trim_matches('"').to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
"#;

    #[test]
    fn reads_a_locked_version() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert!(locked_version(LOCK, "trunk").is_err());
        let twice = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert!(locked_version(&twice, "wasm-bindgen").unwrap_err().contains("several"));
    }

    #[test]
    fn reads_a_pin_from_its_section() {
        let toml = "[build]\nwasm_bindgen = \"no\"\n\n[tools]\n# comment\nwasm_bindgen = \"0.2.130\" # pinned\nwasm_opt = \"version_132\"\n";
        assert_eq!(toml_string(toml, "tools", "wasm_bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(toml_string(toml, "tools", "wasm_opt").as_deref(), Some("version_132"));
        assert_eq!(toml_string(toml, "serve", "port"), None);
    }

    #[test]
    fn trunk_fetches_as_xtask_does() {
        let trunk_toml = read(&root().join("Trunk.toml")).unwrap();
        let args = FETCH_ARGS.map(|arg| format!("{arg:?}")).join(", ");
        let hook =
            format!("stage = \"pre_build\"\ncommand = \"cargo\"\ncommand_arguments = [{args}]");
        assert!(trunk_toml.contains(&hook), "Trunk.toml lacks the hook\n{hook}");
    }

    #[test]
    fn the_pins_agree() {
        wasm_bindgen_version().unwrap();
    }
}
