//! Files in and out: opening a saved alliance, and the exports.

mod compare;
mod exports;
pub mod fetch;
mod import;
pub mod share;
pub mod template;

pub use compare::{fetch_comparison, CompareDialog, Comparing};
pub(crate) use exports::fetch_exports;
pub use exports::{download_json, CopyFallback, ExportButtons, ExportKind};
pub use import::{fetch_preview, open_files, ImportButton, ImportError, ImportPreview};
pub use share::{ShareDialog, Sharing};
