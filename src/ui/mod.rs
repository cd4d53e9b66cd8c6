//! The wizard: what a coach's client sees. Built on the pure core; every change goes
//! through [`ctx::Ctx::apply`], which applies a core `Action`.

pub mod browser;
pub mod ctx;
mod dialog;
pub mod dom;
pub mod drafts;
pub mod exports;
mod fields;
mod form;
mod import;
mod list;
mod nav;
mod steps;
pub mod storage;

use crate::core::text::{self, ui as t};
use ctx::Ctx;
use dom::{derived, el, El, Sig};
use wasm_bindgen::JsCast;

pub use ctx::{Hooks, Step};

fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Whether `to` (an event's related target: where focus or the pointer went) is inside the
/// widget.
fn inside(ctx: Ctx, to: Option<web_sys::EventTarget>) -> bool {
    to.and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(ctx.root_element())
        .is_some_and(|(node, root)| root.contains(Some(&node)))
}

/// Undo and redo from the keyboard: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y.
fn shortcuts(ctx: Ctx, menu_open: Sig<bool>, ev: &web_sys::KeyboardEvent) {
    if ev.key() == "Escape" && menu_open.get_untracked() {
        menu_open.set(false);
        return;
    }
    if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
        return;
    }
    match ev.key().as_str() {
        "z" | "Z" if ev.shift_key() => {
            ev.prevent_default();
            ctx.redo();
        }
        "z" | "Z" => {
            ev.prevent_default();
            ctx.undo();
        }
        "y" | "Y" => {
            ev.prevent_default();
            ctx.redo();
        }
        _ => {}
    }
}

/// The whole widget for one alliance. Every component gets `ctx` as an argument: Leptos'
/// context would look it up in a map by type, which costs a KB of code.
pub fn widget(ctx: Ctx, d: drafts::Drafts) -> El {
    let dragging = Sig::new(false);
    let menu_open = Sig::new(false);
    let menu_id = ctx.id("menu");
    let title = derived(move || ctx.with(|a| a.title.trim().to_string()));
    let can_undo = derived(move || ctx.doc.with(|d| d.editor.can_undo()));
    let can_redo = derived(move || ctx.doc.with(|d| d.editor.can_redo()));

    let toolbar = el("div")
        .class("da-toolbar")
        .attr("role", "group")
        .attr("aria-label", t::TOOLBAR)
        .child(
            el("button")
                .attr("type", "button")
                .class("da-button da-button-quiet")
                .attr("aria-keyshortcuts", "Control+Z")
                .flag_dyn("disabled", move || !can_undo.get())
                .text(t::UNDO)
                .on_click(move || ctx.undo()),
        )
        .child(
            el("button")
                .attr("type", "button")
                .class("da-button da-button-quiet")
                .attr("aria-keyshortcuts", "Control+Shift+Z")
                .flag_dyn("disabled", move || !can_redo.get())
                .text(t::REDO)
                .on_click(move || ctx.redo()),
        )
        .child(drafts::drafts_button(d))
        .child(
            el("div")
                .class("da-menu")
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("da-button")
                        .attr("aria-controls", &menu_id)
                        .attr_dyn("aria-expanded", move || Some(menu_open.get().to_string()))
                        .text(t::TAKE_IT_AWAY)
                        .child(el("span").attr("aria-hidden", "true").text(" ▾"))
                        .on_click(move || menu_open.update(|o| *o = !*o)),
                )
                .child(
                    el("div")
                        .id(&menu_id)
                        .class("da-menu-panel")
                        .flag_dyn("hidden", move || !menu_open.get())
                        .on_click(move || menu_open.set(false))
                        .child(exports::export_buttons(ctx, false))
                        .children(import::import_button(ctx)),
                ),
        );

    let root = el("div")
        .class("da-widget")
        .on("keydown", move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
                shortcuts(ctx, menu_open, ev);
            }
        })
        // Leaving the widget is a moment to save.
        .on("focusout", move |ev| {
            let to = ev
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(web_sys::FocusEvent::related_target);
            if !inside(ctx, to) {
                d.flush();
            }
        })
        .on("dragover", move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::DragEvent>() {
                if has_files(ev) {
                    ev.prevent_default();
                    dragging.set(true);
                }
            }
        })
        .on("dragleave", move |ev| {
            // Only when leaving the widget, not moving between its children.
            let to = ev
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|e| e.related_target());
            if !inside(ctx, to) {
                dragging.set(false);
            }
        })
        .on("drop", move |ev| {
            ev.prevent_default();
            dragging.set(false);
            let files = ev
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|e| e.data_transfer())
                .and_then(|dt| dt.files());
            import::open_files(ctx, files);
        })
        .child(
            el("header")
                .class("da-header da-no-print")
                .child(
                    el("div")
                        .class("da-header-text")
                        .child(el("p").class("da-kicker").text(t::WIDGET_HEADING))
                        .child(el("p").class("da-title").text_dyn(move || {
                            let t = title.get();
                            if t.is_empty() {
                                text::UNTITLED.to_string()
                            } else {
                                t
                            }
                        }))
                        .child(drafts::save_status(d)),
                )
                .child(toolbar),
        )
        .child(
            el("p")
                .class("da-status da-no-print")
                .attr("role", "status")
                .text_dyn(move || ctx.announcement.get()),
        )
        .child(drafts::notices(d))
        .child(import::import_error(ctx))
        .child(
            el("div")
                .class("da-body")
                .child(nav::step_nav(ctx))
                .child(nav::current_step(ctx)),
        )
        .child(
            el("div")
                .class("da-drop")
                .class_dyn("da-drop-active", move || dragging.get())
                .attr("aria-hidden", "true")
                .child(el("p").text(t::DROP_HERE)),
        )
        .child(import::import_preview(ctx, d))
        .child(drafts::drafts_dialog(d))
        .child(exports::copy_fallback(ctx));
    if let Some(node) = root.node() {
        ctx.set_root(node.clone());
    }
    root
}

/// Opens the draft that was open last time in `namespace` (or starts a new one), creates the
/// widget's state, builds the widget and appends it to `root` (a box in
/// the shadow root of `host`, which gets the methods and events). Runs under a Leptos owner
/// (see `crate::mount`).
pub fn build_into(
    host: &web_sys::Element,
    root: &web_sys::Node,
    namespace: &str,
    preset: drafts::Preset,
    hooks: Hooks,
) -> Ctx {
    let (alliance, start) = drafts::start(namespace, preset);
    let ctx = Ctx::new(alliance);
    ctx.set_hooks(hooks);
    let d = drafts::Drafts::new(ctx, start);
    dom::mount_into(root, vec![widget(ctx, d)]);
    // Every step shown after the first, however it came (a button, a link, a draft opened).
    dom::on_change(
        Box::new(move || ctx.step.track()),
        Box::new(move || {
            let step = ctx.step.get_untracked().key();
            ctx.tell("da-step-changed", &format!(r#"{{"step":"{step}"}}"#));
        }),
    );
    let detail = serde_json::json!({
        "namespace": crate::core::drafts::clean_namespace(namespace),
    });
    // The methods first: a host page may call them as soon as it hears the widget is ready.
    add_methods(host, ctx, d);
    ctx.tell("da-ready", &detail.to_string());
    ctx
}

/// The element's methods for the host page: `exportJson()` returns the alliance as file text;
/// `importJson(text)` opens a file's text as a new draft, or throws an `Error` whose message
/// says what is wrong (nothing changes then); `newAlliance()` starts a new, empty draft. The
/// draft on screen stays in "My drafts" in both cases.
fn add_methods(host: &web_sys::Element, ctx: Ctx, d: drafts::Drafts) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    // One signature for all three: the glue between JavaScript and Rust is compiled once.
    type Method = dyn Fn(JsValue) -> Result<JsValue, JsValue>;
    let error = |m: &str| JsValue::from(js_sys::Error::new(m));
    let export: Box<Method> = Box::new(move |_| {
        ctx.try_with_untracked(|a| crate::core::json::export(a, browser::now()))
            .unwrap_or_else(|| Err(t::STOPPED.to_string()))
            .map(JsValue::from)
            .map_err(|m| error(&m))
    });
    let import: Box<Method> = Box::new(move |text| {
        let text = text.as_string().ok_or_else(|| error(t::IMPORT_NOT_TEXT))?;
        let imported = crate::core::json::import(text.as_bytes()).map_err(|e| error(&e.message))?;
        d.open_new(imported.alliance, Step::Review);
        Ok(JsValue::UNDEFINED)
    });
    let new: Box<Method> = Box::new(move |_| {
        d.start_new();
        Ok(JsValue::UNDEFINED)
    });
    for (name, f) in [
        ("exportJson", export),
        ("importJson", import),
        ("newAlliance", new),
    ] {
        let f = Closure::wrap(f);
        let _ = js_sys::Reflect::set(host, &JsValue::from_str(name), f.as_ref());
        // The methods live as long as the widget (the element deletes them when it stops).
        dom::keep_local(std::rc::Rc::new(f));
    }
}
