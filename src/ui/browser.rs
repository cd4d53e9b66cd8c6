//! Every browser API the widget calls, wrapped so that none can panic: each returns a
//! `Result` or an `Option`, and callers turn failures into a message for the person.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::core::{Date, Timestamp};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The current instant.
pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now())
}

/// A random number of 48 bits (for ids; not for secrets).
pub fn random_u48() -> u64 {
    // Saturating float-to-int conversion: any value is fine.
    (js_sys::Math::random() * 2f64.powi(48)) as u64
}

/// Today's date in the person's own time zone.
pub fn today() -> Date {
    local_date(now())
}

fn js_date(at: Timestamp) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.unix_seconds() as f64 * 1000.0))
}

/// The date of an instant in the person's own time zone.
pub fn local_date(at: Timestamp) -> Date {
    let d = js_date(at);
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    i32::try_from(y)
        .ok()
        .zip(u8::try_from(m).ok())
        .zip(u8::try_from(day).ok())
        .and_then(|((y, m), d)| Date::new(y, m, d))
        .unwrap_or_else(|| at.date())
}

/// Hours and minutes of an instant in the person's own time zone, for "saved at 14:02".
pub fn local_time(at: Timestamp) -> String {
    let d = js_date(at);
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn describe(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    err.as_string()
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Starts a download of `content` as a file called `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Calls `then` once the widget's pending updates have reached the page (on the next
/// animation frame: after every effect the last change scheduled has run).
pub fn after_updates(then: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(then);
}

/// Waits for `promise`: its value, or why it was rejected.
pub async fn settled(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// Copies text to the clipboard. Fails when the browser has no clipboard API or refuses.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let promise = clipboard_write(text)?;
    settled(promise).await.map(|_| ()).map_err(|e| describe(&e))
}

fn clipboard_write(text: &str) -> Result<js_sys::Promise, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_string())?;
    // Read by name: `navigator.clipboard` is missing outside secure contexts, and calling
    // through a missing object would throw through the widget.
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .map_err(|e| describe(&e))?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("no clipboard".into());
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_err(|e| describe(&e))?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| "no writeText".to_string())?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|e| describe(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "writeText gave no promise".to_string())
}

/// Opens the browser's print dialog.
pub fn print() -> Result<(), String> {
    web_sys::window()
        .ok_or_else(|| "no window".to_string())?
        .print()
        .map_err(|e| describe(&e))
}

/// Reads a whole file, refusing before reading when it is larger than `limit` bytes.
pub async fn read_file(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size();
    if size > limit as f64 {
        // Saturating float-to-int conversion is fine for a size in a message.
        return Err(ReadError::TooLarge(size as u64));
    }
    let buffer = settled(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(u64),
    Unreadable,
}

/// Focuses the element with `id` inside `root`, if there is one. Returns whether it did.
pub fn focus_in(root: &web_sys::Element, id: &str) -> bool {
    match root.query_selector(&format!("#{id}")) {
        Ok(Some(el)) => match el.dyn_into::<web_sys::HtmlElement>() {
            Ok(el) => el.focus().is_ok(),
            Err(_) => false,
        },
        _ => false,
    }
}
