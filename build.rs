//! Compiles `locales/{es,en}/*.ftl` into `$OUT_DIR/messages.rs`, plain Rust
//! functions that `src/i18n.rs` includes (see `build/ftl.rs`). A problem in
//! the messages fails the build with every error found, each with its file
//! and line (`cargo::error`, Cargo 1.84+).

use std::path::{Path, PathBuf};

#[path = "build/ftl.rs"]
mod ftl;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/ftl.rs");
    println!("cargo:rerun-if-changed=build/ftl");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by Cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by Cargo"));
    generate(&root, "locales", &out.join("messages.rs"));
    // Every piece of supported syntax, for the equivalence test only.
    generate(&root, "tests/fixtures/ftl", &out.join("fixture_messages.rs"));
}

fn generate(root: &Path, dir: &str, path: &Path) {
    let locales = root.join(dir);
    // A directory: Cargo reruns when any file in it is added, removed or changed.
    println!("cargo:rerun-if-changed={}", locales.display());
    let sources = match read_sources(root, &locales) {
        Ok(sources) => sources,
        Err(e) => fail(&[e]),
    };
    match ftl::compile(&sources) {
        Ok(output) => {
            for warning in output.warnings {
                println!("cargo:warning={warning}");
            }
            // Rewrite only on change, so an unchanged locale costs no recompile.
            if std::fs::read_to_string(path).ok().as_deref() != Some(output.code.as_str()) {
                std::fs::write(path, output.code)
                    .unwrap_or_else(|e| fail(&[format!("{}: {e}", path.display())]));
            }
        }
        Err(errors) => fail(&errors),
    }
}

/// Every `.ftl` file of every language directory, in a stable order.
fn read_sources(root: &Path, locales: &Path) -> Result<Vec<ftl::Source>, String> {
    let list = |dir: &Path| -> Result<Vec<PathBuf>, String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let mut sources = Vec::new();
    for dir in list(locales)?.into_iter().filter(|p| p.is_dir()) {
        let lang = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        for file in list(&dir)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")) {
            println!("cargo:rerun-if-changed={}", file.display());
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let path = file.strip_prefix(root).unwrap_or(&file).display().to_string();
            sources.push(ftl::Source { lang: lang.clone(), path, text });
        }
    }
    Ok(sources)
}

/// Reports each problem as a Cargo error (which fails the build once the
/// script ends) and stops.
fn fail(errors: &[String]) -> ! {
    for e in errors {
        println!("cargo::error={e}");
    }
    std::process::exit(0);
}
