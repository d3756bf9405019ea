//! The system's packages, from Debian: Chromium and its driver, nginx with
//! its brotli modules, Python's feedparser, and WordPress, PHP and MariaDB
//! for the test of a pasted link.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{Result, found, output, run, step};

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
