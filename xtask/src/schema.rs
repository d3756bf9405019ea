//! `cargo xtask schema`: writes `public/data/events.schema.json` from the
//! Rust types of the data, so that editors' completion matches what the app
//! reads. A native test fails while the committed file is out of date.

use crate::setup::{self, Result};

pub const PATH: &str = "public/data/events.schema.json";

pub fn run(args: &[String]) -> Result {
    if !args.is_empty() {
        return Err("usage: cargo xtask schema".to_owned());
    }
    let path = setup::root().join(PATH);
    std::fs::write(&path, cronologia::data::json_schema())
        .map_err(|err| format!("cannot write {PATH}: {err}"))?;
    println!("wrote {PATH}");
    Ok(())
}
