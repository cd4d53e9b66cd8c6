//! Native tests of the pure core: actions, undo, agreement, validation, and the file formats.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

use common::*;
use designed_alliance::core::content;
use designed_alliance::core::content::ReflectionId;
use designed_alliance::core::json::{self, ImportErrorKind};
use designed_alliance::core::*;
use std::path::Path;

const NOW: &str = "2026-11-23T14:02:00Z";

fn now() -> Timestamp {
    ts(NOW)
}

fn today() -> Date {
    date("2026-11-23")
}

mod actions;
mod agreeing;
mod calendar;
mod files;
mod json_schema;
mod living;
mod markdown_text;
mod properties;
mod stored_drafts;
mod validation;
