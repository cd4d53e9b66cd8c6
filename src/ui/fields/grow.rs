//! Text areas that grow with their text, so a normal answer never scrolls inside its box.
//!
//! Browsers that size a text area to its content themselves (CSS `field-sizing: content`) do
//! it with no script at all. Elsewhere the height is set from the text's height, for every
//! text area that changed in one go per frame: all heights reset, then all read, then all
//! written, so a step with hundreds of items lays out once rather than once per item.

use crate::ui::browser;
use leptos::html;
use leptos::prelude::*;
use std::cell::{OnceCell, RefCell};

thread_local! {
    static SIZES_ITSELF: OnceCell<bool> = const { OnceCell::new() };
    static QUEUE: RefCell<Vec<web_sys::HtmlTextAreaElement>> = const { RefCell::new(Vec::new()) };
}

/// Whether the browser sizes text areas to their content by itself.
fn sizes_itself() -> bool {
    SIZES_ITSELF.with(|s| {
        *s.get_or_init(|| {
            web_sys::css::supports_with_value("field-sizing", "content").unwrap_or(false)
        })
    })
}

/// Sets the height of every text area waiting for it (see the module's documentation).
fn grow_all() {
    let waiting = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    let styled: Vec<_> = waiting
        .iter()
        .filter(|el| el.is_connected())
        .filter(|el| {
            web_sys::HtmlElement::style(el)
                .set_property("height", "auto")
                .is_ok()
        })
        .collect();
    // Border and padding are inside the height (box-sizing: border-box); the text's height
    // (scrollHeight) counts the padding but not the border.
    let heights: Vec<i32> = styled
        .iter()
        .map(|el| el.scroll_height() + el.offset_height() - el.client_height())
        .collect();
    for (el, h) in styled.into_iter().zip(heights) {
        let _ = web_sys::HtmlElement::style(el).set_property("height", &format!("{h}px"));
    }
}

/// Asks for `el`'s height to follow its text on the next frame.
fn grow(el: web_sys::HtmlTextAreaElement) {
    let first = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(el);
        q.len() == 1
    });
    if first {
        browser::after_updates(grow_all);
    }
}

/// A text area bound to `value`, growing with its text. Its id, what describes it and whether
/// it is invalid come from the [`super::FieldFrame`] it is in.
#[component]
pub fn TextArea(
    /// What it holds, kept up to date.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every keystroke.
    on_input: Callback<String>,
) -> impl IntoView {
    let frame = super::use_field_control();
    let aria_invalid = frame.aria_invalid();
    let node = NodeRef::<html::Textarea>::new();
    if !sizes_itself() {
        Effect::new(move |_| {
            value.track();
            if let Some(el) = node.get() {
                grow(el);
            }
        });
    }
    view! {
        <textarea
            node_ref=node
            id=frame.id
            class="da-input da-textarea"
            rows="2"
            aria-describedby=frame.described_by
            aria-invalid=aria_invalid
            prop:value=move || value.get()
            on:input:target=move |ev| on_input.run(ev.target().value())
        ></textarea>
    }
}
