//! Lists of items: each item with its fields, keyed by its id, and the tools every list shares
//! (move up, move down, remove, add).

use super::control::{FieldView, ItemMemo};
use crate::core::text::ui as t;
use crate::core::{Action, Alliance, Id, Item, ListKind, SectionId};
use crate::ui::ctx::{use_ctx, use_page};
use crate::ui::steps::table::{Items, Legend};
use leptos::prelude::*;
use std::sync::Arc;

/// A stable name for a list, used in DOM ids.
pub fn list_key(list: ListKind) -> &'static str {
    match list {
        ListKind::Parties => "parties",
        ListKind::Progress => "progress",
        ListKind::Commitments => "commitments",
        ListKind::Channels => "channels",
        ListKind::Milestones => "milestones",
        ListKind::NeedsAndOffers => "needs",
        ListKind::Assumptions => "assumptions",
        ListKind::Permissions => "permissions",
        ListKind::Decisions => "decisions",
        ListKind::Revisions => "revisions",
    }
}

/// Every item of `ids`, in order, keyed by id, each with its fields (and tools).
#[component]
pub fn ItemList(
    /// The section the list belongs to.
    section: SectionId,
    /// What the items are, and their fields.
    items: &'static Items,
    /// The items shown, in order: a whole list, or part of one (one person's needs).
    #[prop(into)]
    ids: Signal<Vec<Id>>,
    /// Where focus goes when an item is removed.
    after_remove: String,
) -> impl IntoView {
    view! {
        <ol class="da-items">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <ItemRow section items id siblings=ids after_remove=after_remove.clone()/>
            </For>
        </ol>
    }
}

#[component]
fn ItemRow(
    section: SectionId,
    items: &'static Items,
    /// The item's id.
    id: Id,
    /// The items shown with it, in order.
    siblings: Signal<Vec<Id>>,
    /// Where focus goes when the item is removed.
    after_remove: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let list = items.list;
    let item: ItemMemo = ctx.item(list, &id);
    // Where the item is, and whether it is last: memos of its own, so that adding an item
    // wakes only what shows a position that changed (the previous last item's "Move down").
    let n = {
        let id = id.clone();
        Memo::new(move |_| {
            siblings.with(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1))
        })
    };
    let last = {
        let id = id.clone();
        Memo::new(move |_| siblings.with(|ids| ids.last() == Some(&id)))
    };
    let legend = {
        let id = id.clone();
        move || match items.legend {
            Legend::Numbered => t::item_label((items.noun)(), n.get()),
            Legend::Party => ctx.party_label(&id),
            Legend::OfItem(f) => item.with(|i| i.as_ref().map(f)).unwrap_or_default(),
        }
    };
    let fields = items
        .fields
        .iter()
        .map(|f| view! { <FieldView section field=f key=id.clone() item/> })
        .collect_view();
    // An item of one field is named by its legend: the field's own label is for assistive
    // technology only.
    let class = if items.fields.len() == 1 && items.extra.is_none() {
        "da-item da-item-single"
    } else {
        "da-item"
    };
    view! {
        <li class=class>
            <fieldset class="da-item-fieldset">
                <legend class="da-item-legend">{legend}</legend>
                {fields}
                {items.extra.map(|extra| extra(id.clone()))}
                {items
                    .tools
                    .then(|| {
                        view! { <ItemTools list noun=(items.noun)() id n last siblings after_remove/> }
                    })}
            </fieldset>
        </li>
    }
}

/// The DOM id of an item's menu button.
fn menu_button_id(list: ListKind, id: &Id) -> String {
    use_page().id(&format!("{}-{id}-menu", list_key(list)))
}

/// One small menu per item: move up, move down, remove. Positions are among `siblings`, the
/// items shown together (a group can be part of a list, such as one person's needs). Focus
/// always lands on something usable: the same button after a move (or the other one when the
/// item reached an end), the next item's menu after a removal.
#[component]
fn ItemTools(
    list: ListKind,
    /// What one item is called, for labels and announcements ("Commitment").
    noun: &'static str,
    /// The item's id.
    id: Id,
    /// The item's position among its siblings, from 1.
    n: Memo<usize>,
    /// Whether it is the last of its siblings.
    last: Memo<bool>,
    /// The items shown with it, in order.
    siblings: Signal<Vec<Id>>,
    /// Where focus goes when the last item left is removed.
    after_remove: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let key = format!("{}-{}", list_key(list), id);
    let up_id = page.id(&format!("{key}-up"));
    let down_id = page.id(&format!("{key}-down"));
    let button_id = menu_button_id(list, &id);
    let menu = NodeRef::<leptos::html::Details>::new();
    let label = move |verb: &str| format!("{verb}: {}", t::item_label(noun, n.get()));
    let shift = {
        let (id, up_id, down_id) = (id.clone(), up_id.clone(), down_id.clone());
        move |delta: isize| {
            let neighbour = siblings.with_untracked(|group| {
                group
                    .iter()
                    .position(|x| *x == id)
                    .and_then(|i| i.checked_add_signed(delta))
                    .and_then(|j| group.get(j))
                    .cloned()
            });
            let Some(neighbour) = neighbour else { return };
            let target = ctx
                .try_with_untracked(|a| a.ids_of(list).iter().position(|x| *x == neighbour))
                .flatten();
            let Some(target) = target else { return };
            if ctx.apply(Action::Move(list, id.clone(), target)) {
                let to = n.get_untracked();
                let of = siblings.with_untracked(Vec::len);
                page.announce(t::moved(noun, to, of));
                // Keep focus on the button pressed, unless the item reached an end where it
                // no longer applies: then on the other one.
                let focus = match (delta < 0, to <= 1, to >= of) {
                    (true, true, _) => &down_id,
                    (true, false, _) => &up_id,
                    (false, _, true) => &up_id,
                    (false, _, false) => &down_id,
                };
                page.focus_later(focus.clone());
            }
        }
    };
    let shift_up = shift.clone();
    let remove = {
        let id = id.clone();
        move |_| {
            // The item that takes its place, or the one before it.
            let neighbour = siblings.with_untracked(|group| {
                let i = group.iter().position(|x| *x == id)?;
                group
                    .get(i + 1)
                    .or(i.checked_sub(1).and_then(|j| group.get(j)))
                    .cloned()
            });
            if ctx.apply(Action::Remove(list, id.clone())) {
                page.announce(t::removed(noun));
                page.focus_later(
                    neighbour.map_or_else(|| after_remove.clone(), |n| menu_button_id(list, &n)),
                );
            }
        }
    };
    let close = {
        let button_id = button_id.clone();
        move |refocus: bool| {
            if let Some(menu) = menu.get_untracked() {
                menu.set_open(false);
            }
            if refocus {
                page.focus_later(button_id.clone());
            }
        }
    };
    let close_on_escape = close.clone();
    view! {
        <details
            class="da-item-menu da-no-print"
            node_ref=menu
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.stop_propagation();
                    close_on_escape(true);
                }
            }
            // Closes when focus leaves it (Tab on, or a click elsewhere).
            on:focusout=move |ev| {
                let to = ev.related_target();
                let inside = to
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                    .zip(menu.get_untracked())
                    .is_some_and(|(node, menu)| menu.contains(Some(&node)));
                if !inside {
                    close(false);
                }
            }
        >
            <summary class="da-button da-button-quiet da-item-menu-button" id=button_id>
                <span aria-hidden="true">"\u{22ef}"</span>
                <span class="da-visually-hidden">{move || label(t::item_menu())}</span>
            </summary>
            <div class="da-item-menu-panel">
                <button
                    type="button"
                    id=up_id
                    class="da-button da-button-quiet"
                    aria-label=move || label(t::move_up())
                    disabled=move || { n.get() <= 1 }
                    on:click=move |_| shift_up(-1)
                >
                    <span aria-hidden="true">"\u{2191} "</span>
                    {t::move_up()}
                </button>
                <button
                    type="button"
                    id=down_id
                    class="da-button da-button-quiet"
                    aria-label=move || label(t::move_down())
                    disabled=move || last.get()
                    on:click=move |_| shift(1)
                >
                    <span aria-hidden="true">"\u{2193} "</span>
                    {t::move_down()}
                </button>
                <button
                    type="button"
                    id=page.id(&format!("{key}-remove"))
                    class="da-button da-button-quiet da-button-danger"
                    aria-label=move || label(t::remove())
                    on:click=remove
                >
                    {t::remove()}
                </button>
            </div>
        </details>
    }
}

/// How a new item is made from the alliance, the person using this browser (if said) and a
/// fresh id.
pub type MakeItem = Arc<dyn Fn(&Alliance, Option<&Id>, Id) -> Item + Send + Sync>;
/// The DOM id of the field to focus in a new item.
pub type FocusField = Arc<dyn Fn(&Id) -> String + Send + Sync>;

/// An "Add …" button: makes a new item with a fresh id, then puts the cursor in it.
#[component]
pub fn AddButton(
    /// The button's DOM id (findings about the whole list link to it).
    id: String,
    /// What it says after the "+".
    #[prop(into)]
    label: Signal<String>,
    /// The list it adds to.
    list: ListKind,
    /// What one item is called, for the announcement.
    noun: &'static str,
    /// How the new item is made.
    make: MakeItem,
    /// The DOM id of the field to focus in the new item.
    focus: FocusField,
) -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let add = move |_| {
        let me = ctx.here.with_untracked(|h| h.me.clone());
        let made = ctx.try_with_untracked(|a| {
            let new_id = a.fresh_id(list.id_prefix());
            let me = me.as_ref().filter(|id| a.party(id).is_some());
            (make(a, me, new_id.clone()), new_id)
        });
        let Some((item, new_id)) = made else { return };
        if ctx.apply(Action::Insert(item)) {
            page.announce(t::added(noun));
            page.focus_later(focus(&new_id));
        }
    };
    view! {
        <button type="button" id=id class="da-button da-button-add" on:click=add>
            <span aria-hidden="true">"+ "</span>
            <span>{move || label.get()}</span>
        </button>
    }
}
