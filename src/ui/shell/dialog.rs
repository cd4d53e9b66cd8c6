//! A modal dialog on the native `<dialog>` element: focus stays inside, Escape closes it, and
//! focus returns to where it was.

use crate::ui::ctx::use_page;
use leptos::html;
use leptos::prelude::*;

/// A dialog shown while `open` is true. `on_close` runs when the person closes it with Escape
/// (buttons inside close it themselves). The content is built afresh each time it opens.
#[component]
pub fn Modal(
    /// Whether the dialog shows.
    #[prop(into)]
    open: Signal<bool>,
    /// What Escape does (the dialog's buttons close it themselves).
    #[prop(into)]
    on_close: Callback<()>,
    /// The id of the dialog's heading.
    labelledby: String,
    /// The content, built afresh each time the dialog opens.
    children: ChildrenFn,
) -> impl IntoView {
    let page = use_page();
    let dialog = NodeRef::<html::Dialog>::new();
    // What had focus when it opened.
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    // Shown as a modal once its content is there, so the browser puts focus inside it.
    Effect::new(move |_| {
        let open = open.get();
        if let Some(d) = dialog.get() {
            match (open, d.open()) {
                (true, false) => {
                    opener.set_value(page.focused());
                    let _ = d.show_modal();
                }
                (false, true) => {
                    d.close();
                    // The browser gives focus back to what opened the dialog; when that is
                    // gone, focus would be lost to the page: it goes to the button of the
                    // menu the dialog was opened from, else (a link opened at start) to the
                    // step's heading.
                    let from_menu = opener.with_value(|el| {
                        el.as_ref()
                            .is_some_and(|el| el.closest(".da-menu-panel").ok().flatten().is_some())
                    });
                    // At once, as the browser has just given focus back (or not): never
                    // later, when the person may already be typing somewhere.
                    if let Some(root) = page.root_element() {
                        if crate::ui::browser::focus_lost(&root) {
                            let to = if from_menu {
                                "menu-button"
                            } else {
                                "step-heading"
                            };
                            page.focus_first(&[&page.id(to)]);
                        }
                    }
                }
                _ => {}
            }
        }
    });
    view! {
        <dialog
            class="da-dialog"
            aria-labelledby=labelledby
            node_ref=dialog
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_close.run(());
            }
        >
            <Show when=move || open.get()>{children()}</Show>
        </dialog>
    }
}
