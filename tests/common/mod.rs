//! What the integration tests share: reading the fixtures, and the
//! generators of the property tests (each written once). Each test crate
//! uses part of it, hence `dead_code` allowed here.
#![allow(dead_code)]

pub mod generators;

use std::path::Path;

use cronologia::data::{Lang, Text};
use proptest::prelude::*;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository, by its path from the root.
pub fn read(path: &str) -> String {
    let path = root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Words of a text: mostly letters, digits and punctuation of both
/// languages, sometimes markup and newlines, sometimes any characters;
/// never blank.
pub fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 áéíóúñ,.¿?]{1,24}",
        1 => "[<>&\"'!\\-/ a-z\n]{1,16}",
        1 => any::<String>(),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// A text in both languages.
pub fn text() -> impl Strategy<Value = Text> {
    (words(), words()).prop_map(|(es, en)| Text { es, en })
}

pub fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}
