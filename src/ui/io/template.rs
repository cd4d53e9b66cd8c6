//! Loading the coach's template from their own site.

use crate::core::template::{self, Template, MAX_BYTES};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches and reads the template at `url` (relative to the page). Every failure comes back
/// as one sentence that names the problem and where; nothing here panics.
pub async fn load(url: &str) -> Result<Template, String> {
    let unreachable =
        || format!("template {url:?} could not be loaded (no answer from the address)");
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "template {url:?} could not be loaded ({} {})",
            response.status(),
            response.status_text()
        ));
    }
    // Refused before reading when the size is announced, and after reading when it is not.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(n) = announced.filter(|n| *n > MAX_BYTES) {
        return Err(format!(
            "template: is {n} bytes; a template may have at most {MAX_BYTES}"
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| unreachable())?)
        .await
        .map_err(|_| unreachable())?
        .as_string()
        .ok_or_else(unreachable)?;
    template::parse(text.as_bytes()).map_err(|e| e.to_string())
}
