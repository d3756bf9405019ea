//! Fetching `events.json` in the browser.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;

use super::{LoadError, MAX_BYTES, Timeline, fingerprint, parse};

/// Long enough for a slow phone network to bring ~100 KB, short enough that
/// a hung server turns into a message and a retry button.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Fetches and parses the data, with the text's [`fingerprint`]. `url` is
/// relative to the page's base, so the build works under any sub-path.
pub async fn load(url: &str) -> Result<(Timeline, String), LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|controller| {
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            TIMEOUT,
        )
        .ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = fetch_text(url, signal.as_ref()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(LoadError::Network) if timed_out.get() => Err(LoadError::Timeout),
        Err(err) => Err(err),
        Ok(text) => parse(&text).map(|timeline| (timeline, fingerprint(&text))),
    }
}

async fn fetch_text(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<String, LoadError> {
    let response =
        Request::get(url).abort_signal(signal).send().await.map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // Refuse a huge file before reading it, when the server says its size.
    let declared =
        response.headers().get("content-length").and_then(|len| len.parse::<usize>().ok());
    if let Some(len) = declared.filter(|&len| len > MAX_BYTES) {
        return Err(LoadError::TooLarge(len));
    }
    // As bytes, copied once into memory of their exact size: passing a JS
    // string instead makes wasm-bindgen reserve up to three bytes per
    // character for the UTF-8, which for a long file is what stays the
    // high-water mark of the app's memory.
    let bytes = response.binary().await.map_err(|_| LoadError::Network)?;
    // Bytes that are not UTF-8 become U+FFFD, as the browser's own text
    // decoding would do: one bad byte loses one character, not the file.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned()))
}
