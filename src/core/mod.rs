//! The pure core: the alliance model, every change as an action, validation, the content
//! catalogue and the file formats. No signals and no browser APIs, so it is tested natively.

pub mod action;
pub mod agreement;
pub mod coach;
pub mod content;
pub mod date;
pub mod desk;
pub mod diff;
pub mod drafts;
pub mod editor;
pub mod email;
pub mod format;
pub mod ics;
mod items;
pub mod json;
pub mod living;
pub mod markdown;
pub mod merge;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod share;
pub mod summary;
pub mod template;
pub mod text;
pub mod validate;

pub use action::{Action, ActionError, Item, ItemText, ListKind, TextField};
pub use agreement::fingerprints;
pub use date::{Date, Dates, Iso, TimeOfDay, Timestamp};
pub use editor::Editor;
pub use model::*;
pub use validate::{
    validate, validate_as, Finding, Report, SectionProgress, SectionState, Severity,
};
