//! A modal dialog on the native `<dialog>` element: focus stays inside, Escape closes it, and
//! focus returns to where it was.

use super::dom::{bind, el, Derived, El};
use wasm_bindgen::JsCast;

/// A dialog shown while `open` is true; `on_close` runs when the person closes it (Escape, or
/// a button that calls it). `content` is rebuilt each time it opens.
pub fn modal(
    open: Derived<bool>,
    on_close: impl Fn() + 'static,
    labelledby: &str,
    content: impl Fn() -> Vec<El> + 'static,
) -> El {
    modal_boxed(open, Box::new(on_close), labelledby, Box::new(content))
}

/// The dialog itself, compiled once for every caller.
fn modal_boxed(
    open: Derived<bool>,
    on_close: Box<dyn Fn()>,
    labelledby: &str,
    content: Box<dyn Fn() -> Vec<El>>,
) -> El {
    let dialog = el("dialog")
        .class("da-dialog")
        .attr("aria-labelledby", labelledby)
        .on("cancel", move |ev| {
            ev.prevent_default();
            on_close();
        })
        .content_dyn(
            move || open.get(),
            move |o| if o { content() } else { Vec::new() },
        );
    if let Some(node) = dialog.node().cloned() {
        bind(Box::new(move || {
            let d: &web_sys::HtmlDialogElement = node.unchecked_ref();
            match (open.get(), d.open()) {
                (true, false) => {
                    let _ = d.show_modal();
                }
                (false, true) => d.close(),
                _ => {}
            }
        }));
    }
    dialog
}
