//! Loading the coach's template from their own site. Reading it (its checks and their
//! messages) is a part, loaded only by pages that name a template.

use crate::core::coach::Coach;
use crate::core::template::{self, Template, TemplateError, MAX_BYTES};
use crate::ui::part::part;

part!(template, fetch_template:
    /// Reads a template file's text: the template, with the coach the page named completed
    /// by the one it names (the page's attributes win), or the problem and where it is.
    fn read(text: String, coach: Coach) -> Result<(Template, Coach), TemplateError> {
        template::parse(text.as_bytes()).map(|t| {
            let coach = coach.or_template(t.coach.name.as_deref(), t.coach.email.as_deref());
            (t, coach)
        })
    }
);

/// Why the coach's template is not used; `Display` says it in one sentence, with where.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be fetched.
    Fetch(super::fetch::FetchError),
    /// The part that reads templates could not be fetched.
    Unavailable,
    /// The file is not a template this widget can use.
    Template(TemplateError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::Unavailable => f.write_str(crate::core::text::part::unavailable()),
            LoadError::Template(e) => e.fmt(f),
        }
    }
}

/// Fetches and reads the template at `url` (relative to the page), with the coach the page
/// named completed by the template's; nothing here panics.
pub async fn load(url: &str, coach: Coach) -> Result<(Template, Coach), LoadError> {
    let text = super::fetch::text(url, MAX_BYTES, "template")
        .await
        .map_err(LoadError::Fetch)?;
    read(text, coach)
        .await
        .map_err(|_| LoadError::Unavailable)?
        .map_err(LoadError::Template)
}
