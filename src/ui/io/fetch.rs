//! Reading a text file from a site: the coach's template, a language's catalogue.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a text file could not be read from its site: what it is (`what`: "template",
/// "catalogue") and where, said in one sentence by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub what: &'static str,
    pub url: String,
    pub problem: FetchProblem,
}

/// What went wrong in fetching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchProblem {
    /// No answer from the address (offline, blocked, or not a page).
    Unreachable,
    /// The site answered with an error: its status and reason.
    Status(u16, String),
    /// Larger than such a file may be.
    TooLarge { bytes: usize, max: usize },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (what, url) = (self.what, &self.url);
        match &self.problem {
            FetchProblem::Unreachable => write!(
                f,
                "{what} {url:?} could not be loaded (no answer from the address)"
            ),
            FetchProblem::Status(status, reason) => {
                write!(f, "{what} {url:?} could not be loaded ({status} {reason})")
            }
            FetchProblem::TooLarge { bytes, max } => write!(
                f,
                "{what} {url:?} is {bytes} bytes; a {what} may have at most {max}"
            ),
        }
    }
}

/// Fetches the text at `url` (relative to the page), refused beyond `max` bytes. `what` names
/// it in the error; nothing here panics.
pub async fn text(url: &str, max: usize, what: &'static str) -> Result<String, FetchError> {
    let fail = |problem| FetchError {
        what,
        url: url.to_string(),
        problem,
    };
    let unreachable = || fail(FetchProblem::Unreachable);
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(fail(FetchProblem::Status(
            response.status(),
            response.status_text(),
        )));
    }
    // Refused before reading when the size is announced.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|n| *n > max) {
        return Err(fail(FetchProblem::TooLarge { bytes, max }));
    }
    // Read whole otherwise: the reader of what it is refuses more than `max` itself.
    JsFuture::from(response.text().map_err(|_| unreachable())?)
        .await
        .map_err(|_| unreachable())?
        .as_string()
        .ok_or_else(unreachable)
}
