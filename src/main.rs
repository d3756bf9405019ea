//! The browser app's entry point; everything else is in the library.

fn main() {
    cronologia::start();
}
