//! A modal dialog on the native `<dialog>` element: focus stays inside, Escape closes it, and
//! focus returns to where it was.

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
    let dialog = NodeRef::<html::Dialog>::new();
    // Shown as a modal once its content is there, so the browser puts focus inside it.
    Effect::new(move |_| {
        let open = open.get();
        if let Some(d) = dialog.get() {
            match (open, d.open()) {
                (true, false) => {
                    let _ = d.show_modal();
                }
                (false, true) => d.close(),
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
