//! Controls shared by every list: move up, move down, remove, and add.

use super::ctx::Ctx;
use super::dom::{derived, el, Derived, El};
use crate::core::text::ui as t;
use crate::core::{Action, Alliance, Id, Item, ListKind};

/// Position of `id` among `siblings` (1-based) and how many there are.
pub fn position(siblings: &[Id], id: &Id) -> (usize, usize) {
    (
        siblings.iter().position(|s| s == id).map_or(0, |i| i + 1),
        siblings.len(),
    )
}

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

fn tool_button(id: String, text: &'static str, arrow: &'static str, class: &'static str) -> El {
    let b = el("button").attr("type", "button").id(&id).class(class);
    let b = if arrow.is_empty() {
        b
    } else {
        b.child(el("span").attr("aria-hidden", "true").text(arrow))
    };
    b.text(text)
}

/// Move and remove: the tools of one item. `siblings` are the items shown in the same group,
/// in order (a group can be part of a list, such as one person's needs).
pub fn item_tools(
    ctx: Ctx,
    list: ListKind,
    id: Id,
    noun: &'static str,
    siblings: Derived<Vec<Id>>,
    after_remove: String,
) -> El {
    let key = format!("{}-{}", list_key(list), id);
    let up_id = ctx.id(&format!("{key}-up"));
    let down_id = ctx.id(&format!("{key}-down"));
    let pos = {
        let id = id.clone();
        derived(move || position(&siblings.get(), &id))
    };
    let label = move |verb: &str| Some(format!("{verb}: {}", t::item_label(noun, pos.get().0)));
    let shift = {
        let id = id.clone();
        move |delta: isize, focus: &str| {
            // Event handlers run untracked: reading here subscribes nothing.
            let group = siblings.get();
            let neighbour = group
                .iter()
                .position(|x| *x == id)
                .and_then(|i| i.checked_add_signed(delta))
                .and_then(|j| group.get(j))
                .cloned();
            let Some(neighbour) = neighbour else {
                return;
            };
            let target =
                ctx.with_untracked(|a| a.ids_of(list).iter().position(|x| *x == neighbour));
            if let Some(target) = target {
                if ctx.apply(Action::Move(list, id.clone(), target)) {
                    let (n, of) = position(&siblings.get(), &id);
                    ctx.announce(t::moved(noun, n, of));
                    ctx.focus_later(focus.to_string());
                }
            }
        }
    };
    let shift_up = shift.clone();
    let (up_focus, down_focus) = (up_id.clone(), down_id.clone());
    el("div")
        .class("da-item-tools")
        .child(
            tool_button(up_id, t::MOVE_UP, "↑ ", "da-button da-button-quiet")
                .attr_dyn("aria-label", move || label(t::MOVE_UP))
                .flag_dyn("disabled", move || pos.get().0 <= 1)
                .on_click(move || shift_up(-1, &up_focus)),
        )
        .child(
            tool_button(down_id, t::MOVE_DOWN, "↓ ", "da-button da-button-quiet")
                .attr_dyn("aria-label", move || label(t::MOVE_DOWN))
                .flag_dyn("disabled", move || {
                    let (n, of) = pos.get();
                    n >= of
                })
                .on_click(move || shift(1, &down_focus)),
        )
        .child(
            tool_button(
                ctx.id(&format!("{key}-remove")),
                t::REMOVE,
                "",
                "da-button da-button-quiet da-button-danger",
            )
            .attr_dyn("aria-label", move || label(t::REMOVE))
            .on_click(move || {
                if ctx.apply(Action::Remove(list, id.clone())) {
                    ctx.announce(t::removed(noun));
                    ctx.focus_later(after_remove.clone());
                }
            }),
        )
}

/// An "Add …" button: `make` builds the new item from a fresh id; focus then goes to the
/// field `focus_field(new id)`.
pub fn add_button(
    ctx: Ctx,
    id: String,
    label: El,
    list: ListKind,
    noun: &'static str,
    make: impl Fn(&Alliance, Id) -> Item + 'static,
    focus_field: impl Fn(&Id) -> String + 'static,
) -> El {
    el("button")
        .attr("type", "button")
        .id(&id)
        .class("da-button da-button-add")
        .child(el("span").attr("aria-hidden", "true").text("+ "))
        .child(label)
        .on_click(move || {
            let made = ctx.try_with_untracked(|a| {
                let new_id = a.fresh_id(list.id_prefix());
                (make(a, new_id.clone()), new_id)
            });
            let Some((item, new_id)) = made else { return };
            if ctx.apply(Action::Insert(item)) {
                ctx.announce(t::added(noun));
                ctx.focus_later(focus_field(&new_id));
            }
        })
}
