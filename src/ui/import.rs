//! Opening a saved alliance: by file picker or drag and drop, with a preview and a
//! confirmation before anything is replaced. Errors are shown in plain words and change nothing.

use super::browser::{self, ReadError};
use super::ctx::{Ctx, Step};
use super::dialog::modal;
use super::dom::{derived, el, El};
use crate::core::json::{self, Imported, MAX_FILE_BYTES};
use crate::core::text::{self, import as msg, ui as t};
use crate::core::{SectionId, Status};
use wasm_bindgen::JsCast;

/// Reads `file` and, when it is a valid alliance, asks for confirmation.
pub fn open_file(ctx: Ctx, file: web_sys::File) {
    ctx.import_error.set(String::new());
    browser::read_file(&file, MAX_FILE_BYTES, move |read| {
        let result = match read {
            Ok(bytes) => json::import(&bytes).map_err(|e| e.message),
            Err(ReadError::TooLarge(size)) => Err(msg::too_large(size, MAX_FILE_BYTES as u64)),
            Err(ReadError::Unreadable) => Err(t::IMPORT_READ_FAILED.to_string()),
        };
        match result {
            Ok(imported) => ctx.set_pending_import(Some(imported)),
            Err(message) => {
                ctx.import_error.set(message);
                ctx.announce(t::IMPORT_FAILED_TITLE);
            }
        }
    });
}

/// Opens the file of a drop or a picker (one at a time).
pub fn open_files(ctx: Ctx, files: Option<web_sys::FileList>) {
    let Some(files) = files else { return };
    if files.length() > 1 {
        ctx.import_error.set(t::IMPORT_ONE_FILE.to_string());
        return;
    }
    if let Some(file) = files.get(0) {
        open_file(ctx, file);
    }
}

/// The "Open a file…" button and its hidden file input.
pub fn import_button(ctx: Ctx) -> Vec<El> {
    let input = el("input")
        .id(&ctx.id("file-input"))
        .attr("type", "file")
        .attr("accept", ".json,application/json")
        .attr("hidden", "")
        .attr("aria-label", t::FILE_INPUT_LABEL)
        .on("change", move |ev| {
            let files = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files());
            open_files(ctx, files);
        });
    let node = input.node().cloned();
    let button = el("button")
        .attr("type", "button")
        .class("da-button da-button-menu-item")
        .text(t::IMPORT)
        .on_click(move || {
            if let Some(i) = node
                .as_ref()
                .and_then(|n| n.dyn_ref::<web_sys::HtmlInputElement>())
            {
                // Choosing the same file again must still be noticed.
                i.set_value("");
                i.click();
            }
        });
    vec![button, input]
}

/// The import error, if any, in plain words.
pub fn import_error(ctx: Ctx) -> El {
    el("div").content_dyn(
        move || ctx.import_error.get(),
        move |message| {
            if message.is_empty() {
                return Vec::new();
            }
            vec![el("div")
                .class("da-notice da-notice-error")
                .attr("role", "alert")
                .child(el("p").child(el("strong").text(t::IMPORT_FAILED_TITLE)))
                .child(el("p").text(&message))
                .child(el("p").text(t::IMPORT_UNCHANGED))
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("da-button da-button-quiet")
                        .text(t::CLOSE)
                        .on_click(move || ctx.import_error.set(String::new())),
                )]
        },
    )
}

fn row(term: &str, value: &str) -> El {
    el("div")
        .class("da-doc-row")
        .child(el("dt").text(term))
        .child(el("dd").text(value))
}

/// The preview of a file about to replace the current alliance.
pub fn import_preview(ctx: Ctx, d: super::drafts::Drafts) -> El {
    let heading = ctx.id("import-heading");
    let open = derived(move || ctx.import_open.get());
    let cancel = move || {
        ctx.set_pending_import(None);
        ctx.announce(t::IMPORT_CANCELLED);
    };
    let confirm = move || {
        if let Some(Imported { alliance, .. }) = ctx.take_pending_import() {
            // A new draft: the one on screen stays in "My drafts".
            d.open_new(alliance, Step::Review);
            ctx.announce(t::IMPORT_DONE);
        }
    };
    let h = heading.clone();
    modal(open, cancel, &heading, move || {
        let Some(Imported {
            alliance: a,
            exported_at,
            ..
        }) = ctx.pending_import()
        else {
            return Vec::new();
        };
        let title = if a.title.trim().is_empty() {
            text::UNTITLED.to_string()
        } else {
            a.title.trim().to_string()
        };
        let people = crate::core::join(
            &a.parties
                .iter()
                .map(|p| a.party_label(&p.id))
                .collect::<Vec<_>>(),
            ", ",
        );
        let status = match a.status {
            Status::Draft => t::STATUS_DRAFT,
            Status::Agreed => t::STATUS_AGREED,
        };
        let mut summary = el("dl")
            .class("da-doc-dl da-preview")
            .child(row(text::question(text::QuestionId::Title).prompt, &title))
            .child(row(t::PREVIEW_PEOPLE, &people));
        if let Some(kind) = a.relationship {
            summary = summary.child(row(
                text::export::RELATIONSHIP,
                text::relationship_label(kind),
            ));
        }
        summary = summary
            .child(row(text::export::STATUS, status))
            .child(row(
                text::section(SectionId::Commitments).title,
                &t::preview_counts(a.commitments.len(), a.progress.len()),
            ))
            .child(row(t::PREVIEW_SAVED_ON, &exported_at.date().to_string()));
        vec![
            el("h2")
                .class("da-dialog-heading")
                .id(&h)
                .text(t::IMPORT_TITLE),
            summary,
            el("p")
                .class("da-notice da-notice-warning")
                .text(t::IMPORT_WARNING),
            el("div")
                .class("da-dialog-buttons")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("da-button da-button-primary")
                        .text(t::IMPORT_REPLACE)
                        .on_click(confirm),
                )
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("da-button")
                        .text(t::IMPORT_CANCEL)
                        .on_click(cancel),
                ),
        ]
    })
}
