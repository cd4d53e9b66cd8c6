//! The pure core: the alliance model, every change as an action, validation, the content
//! catalogue and the file formats. No signals and no browser APIs, so it is tested natively.

pub mod action;
pub mod codec;
pub mod date;
pub mod drafts;
pub mod ics;
pub mod json;
pub mod json_value;
pub mod markdown;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod summary;
pub mod text;
pub mod validate;

pub use action::{Action, ActionError, Editor, Item, ItemText, ListKind, TextField};
pub use date::{Date, Timestamp};
pub use model::*;
pub use validate::{validate, Finding, Report, SectionProgress, SectionState, Severity};

/// A file name from a title and a date: lower case, words joined by '-', safe everywhere.
pub fn file_name(title: &str, date: Date, extension: &str) -> String {
    let mut slug = String::new();
    // ASCII lower-casing only: full Unicode case tables cost more than they give here.
    for c in title.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "alliance" } else { slug };
    format!("{slug}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs_of_the_title() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(
            file_name("Launch the New Website!", d, "json"),
            "launch-the-new-website-2026-11-23.json"
        );
        assert_eq!(
            file_name("  ../../etc/passwd  ", d, "ics"),
            "etc-passwd-2026-11-23.ics"
        );
        assert_eq!(file_name("", d, "json"), "alliance-2026-11-23.json");
        assert_eq!(
            file_name("Équipe Café", d, "md"),
            "Équipe-café-2026-11-23.md"
        );
        assert!(file_name(&"long ".repeat(50), d, "json").len() < 80);
    }
}
