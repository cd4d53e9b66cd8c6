//! Loading the coach's template from their own site. Reading it (its checks and their
//! messages) is a part, loaded only by pages that name a template.

use crate::core::template::{self, Template, MAX_BYTES};
use crate::ui::part::part;

part!(template, fetch_template:
    /// Reads a template file's text: the template, or one sentence that names the problem and
    /// where.
    fn read(text: String) -> Result<Template, String> {
        template::parse(text.as_bytes()).map_err(|e| e.to_string())
    }
);

/// Fetches and reads the template at `url` (relative to the page). Every failure comes back
/// as one sentence that names the problem and where; nothing here panics.
pub async fn load(url: &str) -> Result<Template, String> {
    let text = super::fetch::text(url, MAX_BYTES, "template").await?;
    read(text)
        .await
        .map_err(|_| crate::core::text::part::unavailable().to_string())?
}
