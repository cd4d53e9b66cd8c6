//! Reading a text file from a site: the coach's template, a language's catalogue.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches the text at `url` (relative to the page), refused beyond `max` bytes. `what` names
/// it in the one sentence every failure comes back as, with where; nothing here panics.
pub async fn text(url: &str, max: usize, what: &str) -> Result<String, String> {
    let unreachable = || format!("{what} {url:?} could not be loaded (no answer from the address)");
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "{what} {url:?} could not be loaded ({} {})",
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
    if let Some(n) = announced.filter(|n| *n > max) {
        return Err(format!(
            "{what}: is {n} bytes; a {what} may have at most {max}"
        ));
    }
    JsFuture::from(response.text().map_err(|_| unreachable())?)
        .await
        .map_err(|_| unreachable())?
        .as_string()
        .ok_or_else(unreachable)
}
