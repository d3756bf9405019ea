//! Finding, checking and installing the tools: the wasm target, Trunk,
//! wasm-bindgen-cli, the npm packages (Playwright and binaryen's wasm-opt),
//! the system's Chromium, nginx with its brotli modules, Python's feedparser,
//! and Debian's WordPress, PHP and MariaDB for the test of a pasted link.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The Trunk release this project builds with (0.22 needs a newer rustc
/// than the project's minimum).
pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH`
/// overrides it here and in `end2end/playwright.config.ts`.
const CHROMIUM_DEFAULT: &str = "/usr/bin/chromium";
/// Where Debian's `nginx` package puts the server; `NGINX_PATH` overrides it
/// here and in `end2end/nginx.mjs`.
const NGINX_DEFAULT: &str = "/usr/sbin/nginx";
/// Where Debian's brotli modules for nginx are; `NGINX_MODULES` overrides it.
const NGINX_MODULES_DEFAULT: &str = "/usr/lib/nginx/modules";
/// The modules `end2end/nginx.mjs` loads, from these Debian packages.
const NGINX_MODULES: [(&str, &str); 2] = [
    ("ngx_http_brotli_filter_module.so", "libnginx-mod-http-brotli-filter"),
    ("ngx_http_brotli_static_module.so", "libnginx-mod-http-brotli-static"),
];
const MIN_NODE_MAJOR: u32 = 20;

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

/// What `cargo xtask test` and `cargo xtask bench` need (the test also
/// needs [`ensure_wordpress`]).
pub fn ensure_all() -> Result {
    ensure_build_tools()?;
    ensure_npm_packages()?;
    ensure_chromium()?;
    ensure_nginx()?;
    ensure_feedparser()
}

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

pub fn chromium_path() -> PathBuf {
    std::env::var_os("CHROMIUM_PATH").map_or_else(|| PathBuf::from(CHROMIUM_DEFAULT), PathBuf::from)
}

/// The end-to-end tests use the system's Chromium (Debian's `chromium`
/// package), never a downloaded one.
pub fn ensure_chromium() -> Result {
    let path = chromium_path();
    if path.is_file() {
        found(&format!("chromium at {}", path.display()));
        return ensure_chromedriver();
    }
    if std::env::var_os("CHROMIUM_PATH").is_some() {
        return Err(format!("CHROMIUM_PATH is set to {}, which does not exist", path.display()));
    }
    if !is_root() {
        return Err(format!(
            "chromium is not installed (looked for {CHROMIUM_DEFAULT}); install it with\n\n    \
             sudo apt-get update && sudo apt-get install -y chromium\n\n\
             or point CHROMIUM_PATH at a Chromium binary"
        ));
    }
    step(
        "installing chromium (apt-get update && apt-get install -y chromium chromium-driver, a few minutes)",
    );
    apt_install(&["chromium", "chromium-driver"])?;
    if path.is_file() {
        ensure_chromedriver()
    } else {
        Err(format!("apt-get installed chromium, but {CHROMIUM_DEFAULT} is still missing"))
    }
}

/// Where Debian's `chromium-driver` puts the driver that runs the
/// components' browser tests (`src/web_tests.rs`).
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Chromium's `WebDriver`, installed from the same distribution.
fn ensure_chromedriver() -> Result {
    if Path::new(CHROMEDRIVER).is_file() {
        found(&format!("chromedriver at {CHROMEDRIVER}"));
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "chromedriver is not installed (looked for {CHROMEDRIVER}); install it with\n\n    \
             sudo apt-get update && sudo apt-get install -y chromium-driver"
        ));
    }
    step("installing chromium-driver (apt-get install -y chromium-driver)");
    apt_install(&["chromium-driver"])
}

/// Python's `feedparser` (Debian's `python3-feedparser`, for Debian's own
/// Python, whatever `python3` is first on the PATH), which reads the built
/// Atom feeds in the end-to-end tests (`end2end/feedcheck.py`).
pub fn ensure_feedparser() -> Result {
    let found_it = || {
        Command::new("/usr/bin/python3")
            .args(["-c", "import feedparser"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if found_it() {
        found("python3-feedparser");
        return Ok(());
    }
    if !is_root() {
        return Err("Python's feedparser is not installed; install it with\n\n    \
             sudo apt-get update && sudo apt-get install -y python3-feedparser"
            .to_owned());
    }
    step("installing python3-feedparser (apt-get install -y python3-feedparser)");
    apt_install(&["python3-feedparser"])?;
    if found_it() {
        Ok(())
    } else {
        Err("apt-get installed python3-feedparser, but python3 cannot import it".to_owned())
    }
}

pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

fn apt_install(packages: &[&str]) -> Result {
    run(Command::new("apt-get").arg("update").stdin(Stdio::null()))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null()))
}

/// The Debian packages of nginx and its brotli modules that are missing.
fn nginx_missing() -> Vec<&'static str> {
    let nginx =
        std::env::var_os("NGINX_PATH").map_or_else(|| PathBuf::from(NGINX_DEFAULT), PathBuf::from);
    let modules = std::env::var_os("NGINX_MODULES")
        .map_or_else(|| PathBuf::from(NGINX_MODULES_DEFAULT), PathBuf::from);
    let mut missing = Vec::new();
    if !nginx.is_file() {
        missing.push("nginx");
    }
    for (file, package) in NGINX_MODULES {
        if !modules.join(file).is_file() {
            missing.push(package);
        }
    }
    missing
}

/// The end-to-end tests, the benchmark and `cargo xtask preview` serve the
/// builds with Debian's nginx and its brotli modules, configured by
/// `deploy/nginx/` (see `end2end/nginx.mjs`).
pub fn ensure_nginx() -> Result {
    let missing = nginx_missing();
    if missing.is_empty() {
        found("nginx with the brotli modules");
        return Ok(());
    }
    let packages = "nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static";
    if !is_root() {
        return Err(format!(
            "{} not installed; install nginx and its brotli modules with\n\n    \
             sudo apt-get update && sudo apt-get install -y {packages}\n\n\
             (or point NGINX_PATH and NGINX_MODULES at them)",
            missing.join(", ")
        ));
    }
    step(&format!("installing nginx and its brotli modules (apt-get install -y {packages})"));
    apt_install(&["nginx", "libnginx-mod-http-brotli-filter", "libnginx-mod-http-brotli-static"])?;
    let still = nginx_missing();
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!("apt-get ran, but {} still missing", still.join(", ")))
    }
}

/// What the WordPress test (`end2end/wordpress.mjs`) runs, and the Debian
/// package of each.
const WORDPRESS_PARTS: [(&str, &str); 4] = [
    ("/usr/share/wordpress/wp-settings.php", "wordpress"),
    ("/usr/bin/php", "php-cli"),
    ("/usr/sbin/mariadbd", "mariadb-server"),
    ("/usr/bin/mariadb-install-db", "mariadb-server"),
];

/// The WordPress test's packages that are missing (PHP's `mysqli` comes
/// with `php-mysql`).
fn wordpress_missing() -> Vec<&'static str> {
    let mut missing: Vec<&str> = WORDPRESS_PARTS
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, package)| *package)
        .collect();
    let mysqli = output(Command::new("php").arg("-m"))
        .is_some_and(|modules| modules.lines().any(|m| m.trim() == "mysqli"));
    if !mysqli {
        missing.push("php-mysql");
    }
    missing.dedup();
    missing
}

/// Debian's WordPress, PHP and MariaDB, for the end-to-end test of a link
/// pasted into a WordPress post (`end2end/playwright.wordpress.config.ts`).
/// nginx is installed first, so that apt does not pull in Apache for
/// WordPress's web-server dependency.
pub fn ensure_wordpress() -> Result {
    let missing = wordpress_missing();
    if missing.is_empty() {
        found("wordpress, php and mariadb");
        return Ok(());
    }
    let packages = "wordpress php-cli php-mysql mariadb-server";
    if !is_root() {
        return Err(format!(
            "{} not installed; install WordPress, PHP and MariaDB with\n\n    \
             sudo apt-get update && sudo apt-get install -y --no-install-recommends {packages}",
            missing.join(", ")
        ));
    }
    step(&format!("installing WordPress, PHP and MariaDB (apt-get install -y {packages})"));
    apt_install(&["wordpress", "php-cli", "php-mysql", "mariadb-server"])?;
    let still = wordpress_missing();
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!("apt-get ran, but {} still missing", still.join(", ")))
    }
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
