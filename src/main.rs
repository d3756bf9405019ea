//! Entry point of the browser app; everything else is in the library.

fn main() {
    cronologia::start();
}
