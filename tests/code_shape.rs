//! The code's shape, held by a test: no tracked source file over
//! `MAX_FILE_LINES` lines, no Rust function (items, methods, tests, and
//! `fn`s inside macros such as `proptest!`) over `MAX_FN_LINES` lines, and
//! no component reaching up into the browser glue or the prerendering.
//! Each failure lists every offender, so one run shows all there is to do.

use std::path::{Path, PathBuf};
use std::process::Command;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

const MAX_FILE_LINES: usize = 500;
const MAX_FN_LINES: usize = 80;

/// What the limits cover: the Rust of the app, its tests and tools, and
/// the JavaScript and TypeScript of the site and its end-to-end tests.
fn checked(path: &str) -> bool {
    let extension = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("");
    let rust = extension == "rs"
        && (["src/", "tests/", "xtask/", "build/"].iter().any(|d| path.starts_with(d))
            || path == "build.rs");
    let script = ["js", "mjs", "cjs", "ts"].contains(&extension)
        && (path.starts_with("public/") || path.starts_with("end2end/"))
        && !path.contains("node_modules/");
    rust || script
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tracked files the limits cover, less those that say at the top that
/// a tool writes them (their source is what is checked).
fn files() -> Vec<PathBuf> {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root())
        .output()
        .expect("git ls-files: this test reads the files git tracks");
    assert!(out.status.success(), "git ls-files failed");
    String::from_utf8(out.stdout)
        .expect("UTF-8 paths")
        .split('\0')
        .filter(|p| checked(p))
        .map(|p| root().join(p))
        .filter(|p| p.exists() && !generated(p))
        .collect()
}

fn generated(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines().take(5).any(|l| l.contains("@generated"))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap();
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", relative(path)))
}

#[test]
fn no_source_file_is_over_the_limit() {
    let mut long: Vec<String> = files()
        .iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).unwrap().lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{} ({lines} lines)", relative(path)))
        })
        .collect();
    long.sort();
    assert!(long.is_empty(), "over {MAX_FILE_LINES} lines:\n  {}", long.join("\n  "));
}

#[test]
fn no_rust_function_is_over_the_limit() {
    let mut long = Vec::new();
    for path in files().iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        let mut functions = Functions::default();
        functions.visit_file(&parse(path));
        for (name, line, lines) in functions.found {
            if lines > MAX_FN_LINES {
                long.push(format!("{}:{line} {name} ({lines} lines)", relative(path)));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n  {}", long.join("\n  "));
}

/// Every function's name, first line and length in lines, from `fn` to its
/// closing brace.
#[derive(Default)]
struct Functions {
    found: Vec<(String, usize, usize)>,
}

impl Functions {
    fn add(&mut self, name: String, from: proc_macro2::Span, to: proc_macro2::Span) {
        let (first, last) = (from.start().line, to.end().line);
        self.found.push((name, first, last + 1 - first));
    }

    /// `fn name(…) … { … }` inside a macro's tokens, at any depth.
    fn in_tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(word) if word == "fn" => {
                    let Some(TokenTree::Ident(name)) = trees.get(i + 1) else { continue };
                    let body = trees[i + 2..].iter().find_map(|t| match t {
                        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g),
                        _ => None,
                    });
                    if let Some(body) = body {
                        self.add(name.to_string(), word.span(), body.span_close());
                    }
                }
                TokenTree::Group(group) => self.in_tokens(group.stream()),
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.add(f.sig.ident.to_string(), f.sig.fn_token.span, f.block.span());
        visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.add(f.sig.ident.to_string(), f.sig.fn_token.span, f.block.span());
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.add(f.sig.ident.to_string(), f.sig.fn_token.span, block.span());
        }
        visit::visit_trait_item_fn(self, f);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // `view!` holds markup, not functions; other macros may hold tests.
        if !m.path.is_ident("view") {
            self.in_tokens(m.tokens.clone());
        }
        visit::visit_macro(self, m);
    }
}

/// The components render; the browser glue and the prerendering use them,
/// never the reverse.
#[test]
fn components_do_not_import_the_browser_glue_or_the_prerendering() {
    let mut upward = Vec::new();
    for path in files() {
        let name = relative(&path);
        if !(name.starts_with("src/components/") && path.extension().is_some_and(|e| e == "rs")) {
            continue;
        }
        let mut paths = UpwardPaths::default();
        paths.visit_file(&parse(&path));
        upward.extend(paths.found.into_iter().map(|(line, p)| format!("{name}:{line} {p}")));
    }
    assert!(upward.is_empty(), "components importing upwards:\n  {}", upward.join("\n  "));
}

const ABOVE: [&str; 2] = ["browser", "prerender"];

/// `crate::browser…` and `crate::prerender…`, in `use` or in a path.
#[derive(Default)]
struct UpwardPaths {
    found: Vec<(usize, String)>,
}

impl<'ast> Visit<'ast> for UpwardPaths {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut stack = vec![(&u.tree, Vec::<String>::new())];
        while let Some((tree, prefix)) = stack.pop() {
            let mut here = prefix.clone();
            match tree {
                syn::UseTree::Path(p) => {
                    here.push(p.ident.to_string());
                    stack.push((&p.tree, here));
                }
                syn::UseTree::Group(g) => stack.extend(g.items.iter().map(|t| (t, prefix.clone()))),
                syn::UseTree::Name(n) => {
                    self.check(&[&prefix[..], &[n.ident.to_string()]].concat(), u);
                }
                syn::UseTree::Rename(r) => {
                    self.check(&[&prefix[..], &[r.ident.to_string()]].concat(), u);
                }
                syn::UseTree::Glob(_) => self.check(&prefix, u),
            }
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.check(&segments, p);
        visit::visit_path(self, p);
    }
}

impl UpwardPaths {
    fn check(&mut self, segments: &[String], at: &impl Spanned) {
        if segments.len() >= 2 && segments[0] == "crate" && ABOVE.contains(&segments[1].as_str()) {
            self.found.push((at.span().start().line, segments.join("::")));
        }
    }
}

/// The counting itself: items, methods and `fn`s inside a macro, from `fn`
/// to the closing brace; and upward paths in `use` and in expressions.
#[test]
fn the_checks_find_what_they_look_for() {
    let source = "fn a() {\n}\nimpl S {\n    fn b(&self) {\n\n    }\n}\n\
                  proptest! {\n    #[test]\n    fn c(x in 0..1) {\n        let _ = x;\n    }\n}\n\
                  use crate::{data, browser::run};\nfn d() { crate::prerender::page(); }\n";
    let file = syn::parse_file(source).unwrap();
    let mut functions = Functions::default();
    functions.visit_file(&file);
    let found: Vec<_> = functions.found.iter().map(|(n, l, c)| (n.as_str(), *l, *c)).collect();
    assert_eq!(found, [("a", 1, 2), ("b", 4, 3), ("c", 10, 3), ("d", 15, 1)]);
    let mut paths = UpwardPaths::default();
    paths.visit_file(&file);
    let lines: Vec<_> = paths.found.iter().map(|(l, p)| format!("{l} {p}")).collect();
    assert_eq!(lines, ["14 crate::browser::run", "15 crate::prerender::page"]);
}
