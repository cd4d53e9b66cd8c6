//! Files in and out: opening a saved alliance, and the exports.

mod exports;
pub mod fetch;
mod import;
pub mod template;

pub use exports::{download_json, CopyFallback, ExportButtons, ExportKind};
pub use import::{open_files, ImportButton, ImportError, ImportPreview};
