//! Fetching `events.json` in the browser.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use js_sys::Uint8Array;
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen_futures::JsFuture;

use super::split::Split;
use super::{Fingerprint, LoadError, MAX_BYTES, Timeline, parse, parse_parts};

/// Long enough for a slow phone network to bring the data, short enough
/// that a hung server turns into a message and a retry button.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Fetches and parses the data, with the text's [`fingerprint`]. `url` is
/// relative to the page's base, so the build works under any sub-path.
///
/// [`fingerprint`]: super::fingerprint
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
    let result = fetch_bytes(url, signal.as_ref()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(LoadError::Network) if timed_out.get() => Err(LoadError::Timeout),
        Err(err) => Err(err),
        Ok(bytes) => read(&bytes),
    }
}

/// The file's bytes, left in the browser's memory.
async fn fetch_bytes(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Uint8Array, LoadError> {
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
    let promise =
        web_sys::Response::from(response).array_buffer().map_err(|_| LoadError::Network)?;
    let bytes = Uint8Array::new(&JsFuture::from(promise).await.map_err(|_| LoadError::Network)?);
    let len = bytes.length() as usize;
    if len > MAX_BYTES {
        return Err(LoadError::TooLarge(len));
    }
    Ok(bytes)
}

/// Reads the file in pieces when it is a good one, else whole.
///
/// In pieces ([`Split`]), each event's text comes into the app's memory on
/// its own, is read, and is dropped: the app holds the events and never
/// the whole text beside them (wasm memory, once grown, never shrinks).
///
/// A file with any problem, or laid out otherwise than expected, is read
/// again whole with [`parse`], which gives every problem its line and
/// refuses broken JSON with its position, as `cargo xtask check-data` does.
fn read(bytes: &Uint8Array) -> Result<(Timeline, String), LoadError> {
    let mut pieces = Pieces::new(bytes);
    let timeline = pieces.read();
    // Every byte counts towards the fingerprint, also those after the events.
    while pieces.next() {}
    let fingerprint = pieces.fingerprint.finish();
    // The events read in pieces go (`filter` drops them) before the whole
    // text is read.
    let clean = pieces.split.clean();
    if let Some(timeline) = timeline.filter(|t| clean && t.problems.is_empty()) {
        return Ok((timeline, fingerprint));
    }
    // Bytes that are not UTF-8 become U+FFFD, as the browser's own text
    // decoding would do: one bad byte loses one character, not the file.
    let text = String::from_utf8(bytes.to_vec())
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    parse(&text).map(|timeline| (timeline, fingerprint))
}

/// The file's bytes, copied into the app a piece at a time.
struct Pieces<'a> {
    bytes: &'a Uint8Array,
    start: u32,
    piece: Vec<u8>,
    split: Split,
    fingerprint: Fingerprint,
}

impl<'a> Pieces<'a> {
    const SIZE: u32 = 64 * 1024;

    fn new(bytes: &'a Uint8Array) -> Self {
        let size = bytes.length().min(Self::SIZE) as usize;
        Self {
            bytes,
            start: 0,
            piece: vec![0; size],
            split: Split::default(),
            fingerprint: Fingerprint::default(),
        }
    }

    /// Reads the next piece; `false` at the end.
    fn next(&mut self) -> bool {
        let end = self.bytes.length().min(self.start + Self::SIZE);
        if self.start >= end {
            return false;
        }
        let piece = &mut self.piece[..(end - self.start) as usize];
        self.bytes.subarray(self.start, end).copy_to(piece);
        self.fingerprint.write(piece);
        self.split.feed(piece);
        self.start = end;
        true
    }

    /// The timeline, read up to the end of the events; `None` if the
    /// header cannot be read this way.
    fn read(&mut self) -> Option<Timeline> {
        let header = loop {
            if let Some(header) = self.split.header() {
                break header;
            }
            if !self.next() {
                return None;
            }
        };
        let events = std::iter::from_fn(|| {
            loop {
                if let Some(event) = self.split.next_event() {
                    return Some(event);
                }
                if !self.next() {
                    return None;
                }
            }
        });
        parse_parts(&header, events).ok()
    }
}
