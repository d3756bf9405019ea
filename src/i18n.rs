//! Every user-visible string, as plain Rust functions compiled from the
//! Fluent messages in `locales/{es,en}/*.ftl` by `build.rs` (the compiler is
//! `build/ftl.rs`). Nothing parses Fluent at run time: the browser gets the
//! text and a few comparisons, and the native prerender runs the very same
//! functions, so both sides say exactly the same thing.
//!
//! One function per message, named after its id, and one per attribute
//! (`msg.attr` becomes `msg_attr`):
//!
//! ```text
//! events-heading = Eventos                  fn events_heading(lang: Lang) -> &'static str
//! results-count-filtered = { $shown -> … }  fn results_count_filtered(lang: Lang, shown: usize,
//!     de { NUMBER($total) } eventos …                                  total: usize) -> String
//! detail-not-found = … «{ $id }» …          fn detail_not_found(lang: Lang, id: &str) -> String
//! ```
//!
//! - A variable is a `usize` when, in either language, it is selected on
//!   with plural categories (`one`, `other`…) or number keys (`[0]`), or
//!   passed to `NUMBER()`; it is then shown as digits with `,` between
//!   thousands (`5,000`), as es-MX and en-US both write them. Any other
//!   variable is a `&str`, shown as it is.
//! - Parameters come in the order their variables first appear in the
//!   Spanish message (including those of messages it refers to, where the
//!   reference stands). A variable named like a Rust keyword, `lang` or `out`
//!   gets a trailing `_` (`$lang` is `lang_`).
//! - Plural categories are CLDR's cardinal rules for whole numbers: English
//!   `one` for 1, else `other`; Spanish `one` for 1, `many` for a nonzero
//!   multiple of 1,000,000, else `other`. Exact number keys must come before
//!   categories (the build says so otherwise), so `[0]` always wins over
//!   `[other]`.
//!
//! The functions are `pub(crate)`, so a message no code calls is dead code:
//! rustc warns `function `…` is never used`, and `cargo clippy -- -D warnings`
//! (as `cargo xtask test` runs it) fails. That replaces leptos-fluent's
//! `check_translations`. A message used only by reference from other
//! messages counts as unused too: make it a term (`-name`) instead.
//!
//! The build fails, naming file and line, when a message exists in one
//! language only, when the languages' variables or attributes differ, when a
//! reference points nowhere, when a variable is a number in one place and
//! text in another, and on any Fluent the compiler does not support.

use crate::data::Lang;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// What the generated functions call.
pub(crate) mod support {
    /// Appends `n` with `,` between thousands: `5000` -> `5,000`.
    pub(crate) fn push_number(out: &mut String, n: usize) {
        push_u64(out, n as u64);
    }

    /// The same for a `u64`.
    pub(crate) fn push_u64(out: &mut String, n: u64) {
        let mut digits = [0u8; 20];
        let mut len = 0;
        let mut rest = n;
        loop {
            digits[len] = b'0' + (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for i in (0..len).rev() {
            out.push(char::from(digits[i]));
            if i > 0 && i % 3 == 0 {
                out.push(',');
            }
        }
    }
}

#[cfg(test)]
mod tests;
