//! Taking the alliance away: JSON, Markdown, print, calendar.

use super::browser;
use super::ctx::{Ctx, Step};
use super::dialog::modal;
use super::dom::{derived, el, El};
use crate::core::text::ui as t;
use crate::core::{file_name, ics, json, markdown};
use wasm_bindgen::JsCast;

/// What was exported, for the host page's `exported` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    Markdown,
    Print,
    Calendar,
}

impl ExportKind {
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::Json => "json",
            ExportKind::Markdown => "markdown",
            ExportKind::Print => "print",
            ExportKind::Calendar => "calendar",
        }
    }
}

pub fn download_json(ctx: Ctx) {
    let now = browser::now();
    let Some((name, file)) = ctx.try_with_untracked(|a| {
        (
            file_name(&a.title, browser::today(), "json"),
            json::export(a, now),
        )
    }) else {
        return;
    };
    let result = file.and_then(|f| browser::download(&name, "application/json", &f));
    finish(ctx, ExportKind::Json, result, t::DOWNLOADED);
}

pub fn download_calendar(ctx: Ctx) {
    let now = browser::now();
    let (name, file) = ctx.with_untracked(|a| {
        (
            file_name(&a.title, browser::today(), "ics"),
            ics::to_ics(a, now),
        )
    });
    let result = browser::download(&name, "text/calendar", &file);
    finish(ctx, ExportKind::Calendar, result, t::CALENDAR_DOWNLOADED);
}

pub fn copy_markdown(ctx: Ctx) {
    let text = ctx.with_untracked(|a| markdown::to_markdown(a, browser::now()));
    let copy = text.clone();
    browser::copy_text(&copy, move |result| match result {
        Ok(()) => finish(ctx, ExportKind::Markdown, Ok(()), t::COPIED),
        // Denied or unavailable: show the text so the person can copy it themselves.
        Err(_) => ctx.copy_fallback.set(text),
    });
}

pub fn print(ctx: Ctx) {
    // The review is the printable document.
    ctx.go_to(Step::Review);
    browser::after_updates(move || finish(ctx, ExportKind::Print, browser::print(), ""));
}

fn finish(ctx: Ctx, kind: ExportKind, result: Result<(), String>, done: &str) {
    match result {
        Ok(()) => {
            if !done.is_empty() {
                ctx.announce(done);
            }
            ctx.exported(kind);
        }
        Err(e) => ctx.announce(t::download_failed(&e)),
    }
}

/// The four ways to take the alliance away.
pub fn export_buttons(ctx: Ctx, large: bool) -> El {
    let class = if large {
        "da-button da-button-large"
    } else {
        "da-button da-button-menu-item"
    };
    type Export = (&'static str, fn(Ctx));
    let actions: [Export; 4] = [
        (t::DOWNLOAD_JSON, download_json),
        (t::COPY_MARKDOWN, copy_markdown),
        (t::PRINT, print),
        (t::DOWNLOAD_CALENDAR, download_calendar),
    ];
    el("div")
        .class("da-export-buttons")
        .children(actions.into_iter().map(|(label, action)| {
            el("button")
                .attr("type", "button")
                .class(class)
                .text(label)
                .on_click(move || action(ctx))
        }))
}

/// Shown when the clipboard is denied: the Markdown, selected, ready to copy by hand.
pub fn copy_fallback(ctx: Ctx) -> El {
    let heading = ctx.id("copy-heading");
    let area_id = ctx.id("copy-text");
    let open = derived(move || !ctx.copy_fallback.with(String::is_empty));
    let close = move || ctx.copy_fallback.set(String::new());
    let h = heading.clone();
    modal(open, close, &heading, move || {
        let text = ctx.copy_fallback.get_untracked();
        let area = el("textarea")
            .id(&area_id)
            .class("da-input da-textarea da-copy-area")
            .attr("readonly", "")
            .attr("rows", "12")
            .text(&text);
        if let Some(node) = area.node().cloned() {
            // Select everything once the dialog shows, ready for Ctrl+C.
            browser::after_updates(move || {
                let a: &web_sys::HtmlTextAreaElement = node.unchecked_ref();
                let _ = a.focus();
                a.select();
            });
        }
        vec![
            el("h2")
                .class("da-dialog-heading")
                .id(&h)
                .text(t::COPY_FALLBACK_TITLE),
            el("p").text(t::COPY_FALLBACK_BODY),
            el("label")
                .class("da-label")
                .attr("for", &area_id)
                .text(t::COPY_FALLBACK_LABEL),
            area,
            el("div").class("da-dialog-buttons").child(
                el("button")
                    .attr("type", "button")
                    .class("da-button da-button-primary")
                    .text(t::CLOSE)
                    .on_click(close),
            ),
        ]
    })
}
