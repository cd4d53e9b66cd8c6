//! What surrounds every step: the header with the title, the save status and the toolbar, the
//! status line, notices, the progress indicator and the dialogs.

mod dialog;
mod nav;

pub use dialog::Modal;

use crate::core::text::{self, ui as t};
use crate::core::AllianceStoreFields;
use crate::core::{Dates, Status};
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{use_ctx, use_page, use_way, Ctx, Page};
use crate::ui::drafts::{use_drafts, DraftsButton, DraftsDialog, Notices, SaveStatus};
use crate::ui::io::{
    open_files, CompareDialog, CopyFallback, ExportButtons, ImportButton, ImportError,
    ImportPreview, ShareDialog,
};
use crate::ui::living::{self, Which};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use nav::{CurrentStep, StepNav};
use wasm_bindgen::JsCast;

fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Whether `to` (an event's related target: where focus or the pointer went) is inside the
/// widget.
fn inside(page: Page, to: Option<web_sys::EventTarget>) -> bool {
    to.and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(page.root_element())
        .is_some_and(|(node, root)| root.contains(Some(&node)))
}

/// Closes the "Save or share" menu and puts focus back on its button at once: before a
/// dialog an item opens takes it (and gives it back there when it closes).
fn close_menu(page: Page, menu_open: RwSignal<bool>) {
    menu_open.set(false);
    page.focus_first(&[&page.id("menu-button")]);
}

/// Puts focus on the current step's first field (or its heading when it has none): where the
/// skip link past the step list goes.
fn skip_to_step(page: Page) {
    let Some(root) = page.root_element() else {
        return;
    };
    let first = browser::first_in(
        &root,
        ".da-step-body :is(input:not([type=file]), textarea, select)",
    );
    match first {
        Some(el) if el.focus().is_ok() && browser::focused_in(&root).as_ref() == Some(&el) => {}
        _ => {
            page.focus_first(&[&page.id("step-heading")]);
        }
    }
}

/// Undo and redo from the keyboard: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y; Escape closes
/// the menu.
fn shortcuts(page: Page, ctx: Ctx, menu_open: RwSignal<bool>, ev: &web_sys::KeyboardEvent) {
    if ev.key() == "Escape" && menu_open.get_untracked() {
        close_menu(page, menu_open);
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

/// The whole widget for one alliance.
#[component]
pub fn Widget() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let dialogs = crate::ui::io::use_dialogs();
    let d = use_drafts();
    let dragging = RwSignal::new(false);
    let menu_open = RwSignal::new(false);
    let title = Memo::new(move |_| ctx.alliance().title().with(|t| t.trim().to_string()));
    // The living alliance's places (each made once, not again when the agreement changes).
    let agreed_once = Memo::new(move |_| living::agreed_once(ctx));
    let walking = Memo::new(move |_| living::walking(ctx));
    // The day the last person agreed, while everyone has.
    let agreed_on = Memo::new(move |_| {
        (ctx.alliance().status().get() == Status::Agreed)
            .then(|| {
                ctx.alliance()
                    .agreement()
                    .with(|a| a.signatures.iter().map(|s| s.date).max())
            })
            .flatten()
    });
    let root = NodeRef::<html::Div>::new();
    root.on_load(move |el| page.set_root(el.into()));
    view! {
        <div
            class="da-widget"
            node_ref=root
            on:keydown=move |ev| shortcuts(page, ctx, menu_open, &ev)
            // Leaving the widget is a moment to save.
            on:focusout=move |ev: ev::FocusEvent| {
                if !inside(page, ev.related_target()) {
                    d.flush();
                }
            }
            on:dragover=move |ev: ev::DragEvent| {
                if has_files(&ev) {
                    ev.prevent_default();
                    dragging.set(true);
                }
            }
            // Only when leaving the widget, not moving between its children.
            on:dragleave=move |ev: ev::DragEvent| {
                if !inside(page, ev.related_target()) {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                open_files(page, dialogs, ev.data_transfer().and_then(|dt| dt.files()));
            }
        >
            // The first stop for the keyboard: past the toolbar and the step list.
            <button type="button" class="da-skip" on:click=move |_| skip_to_step(page)>
                {t::skip_to_step()}
            </button>
            <header class="da-header da-no-print">
                <div class="da-header-text">
                    <p class="da-kicker">{t::widget_heading()}</p>
                    <p class="da-title">
                        {move || {
                            let title = title.get();
                            if title.is_empty() { text::untitled().to_string() } else { title }
                        }}
                    </p>
                    {move || {
                        agreed_on
                            .get()
                            .map(|d| {
                                view! {
                                    <p class="da-agreed-badge">
                                        <span aria-hidden="true">"\u{2713} "</span>
                                        {t::agreed_header(&Local.date(d))}
                                    </p>
                                }
                            })
                    }}
                    <SaveStatus/>
                    {move || agreed_once.get().then(|| living::place(Which::HeaderButton))}
                </div>
                <Toolbar menu_open/>
            </header>
            // What just happened, in view; where the person now is, for screen readers only
            // (the step list and the heading show it).
            <p class="da-status da-no-print" role="status">{move || page.announcement.get()}</p>
            <p class="da-visually-hidden" role="status">{move || way.whereabouts.get()}</p>
            <Notices/>
            {move || agreed_once.get().then(|| living::place(Which::Notice))}
            <ImportError/>
            // A check-in under way takes the place of the steps (until the person goes to a
            // step to change it, or stops for now); the steps stay as they were beneath it.
            <div class="da-body" hidden=move || walking.get()>
                <StepNav/>
                <CurrentStep/>
            </div>
            {move || {
                walking
                    .get()
                    .then(|| {
                        view! { <div class="da-body da-walk-body">{living::place(Which::Walk)}</div> }
                    })
            }}
            <div class="da-drop" class:da-drop-active=move || dragging.get() aria-hidden="true">
                <p>{t::drop_here()}</p>
            </div>
            <ImportPreview/>
            <CompareDialog/>
            <ShareDialog/>
            <crate::ui::io::send::SendDialog/>
            <DraftsDialog/>
            <CopyFallback/>
        </div>
    }
}

/// Undo, redo, "My drafts" and the "Save or share" menu.
#[component]
fn Toolbar(
    /// Whether the "Save or share" menu is open (Escape anywhere in the widget closes it).
    menu_open: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let menu_id = page.id("menu");
    let can_undo = move || ctx.can_undo();
    let can_redo = move || ctx.can_redo();
    view! {
        <div class="da-toolbar" role="group" aria-label=t::toolbar()>
            <button
                type="button"
                class="da-button da-button-quiet"
                aria-keyshortcuts="Control+Z"
                disabled=move || !can_undo()
                on:click=move |_| ctx.undo()
            >
                // On phones only the arrow shows; the word stays the button's name.
                <span class="da-toolbar-icon" aria-hidden="true">"\u{21b6}"</span>
                <span class="da-toolbar-word">{t::undo()}</span>
            </button>
            <button
                type="button"
                class="da-button da-button-quiet"
                aria-keyshortcuts="Control+Shift+Z"
                disabled=move || !can_redo()
                on:click=move |_| ctx.redo()
            >
                <span class="da-toolbar-icon" aria-hidden="true">"\u{21b7}"</span>
                <span class="da-toolbar-word">{t::redo()}</span>
            </button>
            <DraftsButton/>
            // Tabbing out of the menu closes it (focus lost to nothing, as a click on a
            // button that does not take focus in Safari, does not).
            <div
                class="da-menu"
                on:focusout=move |ev: ev::FocusEvent| {
                    let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let current = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    if let (Some(to), Some(menu)) = (to, current) {
                        if !menu.contains(Some(&to)) {
                            menu_open.set(false);
                        }
                    }
                }
            >
                <button
                    type="button"
                    class="da-button"
                    id=page.id("menu-button")
                    aria-controls=menu_id.clone()
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    {t::take_it_away()}
                    <span aria-hidden="true">" ▾"</span>
                </button>
                <div
                    id=menu_id
                    class="da-menu-panel"
                    hidden=move || !menu_open.get()
                    // An item chosen: the menu closes, and focus goes back to its button
                    // (or stays in the dialog the item opened).
                    on:click=move |_| close_menu(page, menu_open)
                >
                    <ExportButtons/>
                    <ImportButton/>
                </div>
            </div>
        </div>
    }
}
