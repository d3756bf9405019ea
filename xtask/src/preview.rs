//! `cargo xtask preview [--port 8081] [--no-build]`: the release build,
//! served by Debian's nginx with the configuration in `deploy/nginx/`
//! (through `end2end/nginx.mjs`, as the end-to-end tests serve it), so that
//! an editor sees exactly what will be deployed. Runs until Ctrl-C.
//!
//! And `cargo xtask build [trunk build args]`: the release build of the
//! README's "Deploy" steps, with the tools installed first.

use crate::setup::{self, Result};

/// The port `cargo xtask preview` uses (`trunk serve` has 8080).
pub const PREVIEW_PORT: u16 = 8081;

#[derive(Debug, PartialEq, Eq)]
struct Options {
    port: u16,
    build: bool,
}

fn options(args: &[String]) -> Result<Options> {
    let mut options = Options { port: PREVIEW_PORT, build: true };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                options.port =
                    value.parse().map_err(|_| format!("--port {value}: not a port number"))?;
            }
            "--no-build" => options.build = false,
            other => {
                return Err(format!(
                    "`cargo xtask preview` takes --port N and --no-build (got `{other}`)"
                ));
            }
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result {
    let options = options(args)?;
    setup::step("checking the tools");
    setup::ensure_build_tools()?;
    setup::ensure_npm_packages()?;
    setup::ensure_nginx()?;
    if options.build {
        setup::fetch_crates()?;
        setup::step("trunk build --release");
        setup::run(setup::command("trunk").args(["build", "--release"]))?;
    }
    let port = options.port.to_string();
    setup::step(&format!(
        "node nginx.mjs preview --port {port} (in end2end/: nginx with deploy/nginx/; Ctrl-C to stop)"
    ));
    let mut cmd = setup::command("node");
    cmd.args(["nginx.mjs", "preview", "--port", &port, "--dist"])
        .arg(setup::root().join("dist"))
        .current_dir(setup::end2end());
    setup::exec(&mut cmd)
}

/// `cargo xtask build [trunk build args]`: installs what is missing, then
/// `trunk build --release [args]` (for instance `--public-url /repo/`).
pub fn build(args: &[String]) -> Result {
    setup::step("checking the build tools");
    setup::ensure_build_tools()?;
    // wasm-opt, which release builds run, comes from the npm packages.
    setup::ensure_npm_packages()?;
    setup::fetch_crates()?;
    let mut words = vec!["build"];
    if !args.iter().any(|arg| arg == "--release") {
        words.push("--release");
    }
    words.extend(args.iter().map(String::as_str));
    setup::step(&format!("trunk {}", words.join(" ")));
    setup::run(setup::command("trunk").args(&words))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn reads_its_options() {
        assert_eq!(options(&[]).unwrap(), Options { port: PREVIEW_PORT, build: true });
        assert_eq!(
            options(&strings(&["--port", "9000", "--no-build"])).unwrap(),
            Options { port: 9000, build: false }
        );
        assert!(options(&strings(&["--port"])).unwrap_err().contains("needs a number"));
        assert!(options(&strings(&["--port", "http"])).unwrap_err().contains("not a port"));
        assert!(options(&strings(&["--release"])).unwrap_err().contains("--no-build"));
    }
}
