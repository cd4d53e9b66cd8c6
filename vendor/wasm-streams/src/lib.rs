//! A stand-in for `wasm-streams` 0.5, used through `[patch.crates-io]`.
//!
//! Leptos always enables `server_fn`'s browser client, which depends on `wasm-streams`; that
//! crate exports JavaScript classes, and exports are kept in the build even when nothing uses
//! them. This widget has no server and no server functions, so nothing here ever runs; the
//! stand-in keeps the two calls `server_fn` makes compiling, without the exports.

use futures_util::Stream;
use wasm_bindgen::JsValue;

/// A readable stream, reduced to what `server_fn` calls.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream { raw }
    }

    /// Never used here (streaming requests to a server): gives an empty stream.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let raw = web_sys::ReadableStream::new().unwrap_or_else(|_| {
            use wasm_bindgen::JsCast;
            JsValue::UNDEFINED.unchecked_into()
        });
        ReadableStream { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Never used here (streaming responses from a server): yields nothing.
    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        futures_util::stream::empty()
    }
}
