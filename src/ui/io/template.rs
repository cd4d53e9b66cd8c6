//! Loading the coach's template from their own site.

use crate::core::template::{self, Template, MAX_BYTES};

/// Fetches and reads the template at `url` (relative to the page). Every failure comes back
/// as one sentence that names the problem and where; nothing here panics.
pub async fn load(url: &str) -> Result<Template, String> {
    let text = super::fetch::text(url, MAX_BYTES, "template").await?;
    template::parse(text.as_bytes()).map_err(|e| e.to_string())
}
