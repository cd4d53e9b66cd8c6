//! Files in and out: opening a saved alliance, and the exports.

mod compare;
mod desk;
mod exports;
pub mod fetch;
mod import;
pub mod send;
pub mod share;
pub mod template;

pub use compare::{fetch_comparison, CompareDialog, Comparing};
pub(crate) use exports::fetch_exports;
pub use exports::{download_json, CopyFallback, ExportButtons, ExportKind};
pub use import::{
    explain_draft, fetch_draft_reader, fetch_preview, fetch_text_reader, open_files,
    or_unavailable, read_text, ImportButton, ImportError, ImportPreview,
};
pub use share::{ShareDialog, Sharing};

use crate::core::json::Imported;
use leptos::prelude::*;

/// The state of the dialogs of files in and out, apart from the alliance's (provided once by
/// the widget's root, read with [`use_dialogs`] where a component is made and handed on from
/// there): a file or link waiting to be opened, why one could not be, the share link being
/// made, two versions being compared, and text to copy by hand.
#[derive(Clone, Copy)]
pub struct Dialogs {
    /// A file read and checked, waiting for the person to confirm the import.
    pub pending_import: RwSignal<Option<Imported>>,
    /// Why the last import failed: a title, and what is wrong in plain words.
    pub import_error: RwSignal<Option<(&'static str, String)>>,
    /// The share dialog, while it is open.
    pub sharing: RwSignal<Option<Sharing>>,
    /// The dialog of sending to the coach, while it is open.
    pub sending: RwSignal<bool>,
    /// Two versions of the same alliance being compared, while the person chooses.
    pub comparing: RwSignal<Option<Comparing>>,
    /// What to copy by hand when the clipboard was denied: what it is called, and the text.
    pub copy_fallback: RwSignal<Option<(&'static str, String)>>,
}

impl Dialogs {
    /// Every dialog closed. Call under the widget's owner.
    pub fn new() -> Self {
        Dialogs {
            pending_import: RwSignal::new(None),
            import_error: RwSignal::new(None),
            sharing: RwSignal::new(None),
            sending: RwSignal::new(false),
            comparing: RwSignal::new(None),
            copy_fallback: RwSignal::new(None),
        }
    }
}

impl Default for Dialogs {
    fn default() -> Self {
        Self::new()
    }
}

/// The dialogs' state, from the widget's root.
pub fn use_dialogs() -> Dialogs {
    expect_context::<Dialogs>()
}
