//! Component tests in a real browser (wasm-bindgen-test; headless Chromium, and Firefox with
//! geckodriver). One binary for all of them. Each mounts a component with the context it
//! needs, finds controls the way a person does (by their labels), and checks what a person
//! sees.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use designed_alliance::core::{Alliance, ListKind, SectionId};
use designed_alliance::ui::ctx::{provide, Ctx, Page, Way};
use designed_alliance::ui::steps::section_view;
use designed_alliance::ui::Hooks;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("test runs in a browser")
}

/// A fresh element on the page, as a coach's page would provide, with a namespace of its own
/// so drafts of earlier tests (kept in this page's storage) never show up.
fn host(tag: &str) -> HtmlElement {
    let host: HtmlElement = document()
        .create_element(tag)
        .expect("create host")
        .dyn_into()
        .expect("host is an HtmlElement");
    let n = (js_sys::Math::random() * 1e12) as u64;
    host.set_attribute("namespace", &format!("test{n}"))
        .unwrap();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append host");
    host
}

/// Lets every pending update reach the page: effects run, then the next animation frame
/// (where focus moves).
async fn settle() {
    leptos::task::tick().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    leptos::task::tick().await;
}

/// The whole widget, mounted into a host element as the custom element does.
async fn widget() -> HtmlElement {
    let host = host("designed-alliance");
    let _unmount = designed_alliance::mount(host.clone(), host.clone().into());
    settle().await;
    host
}

/// One section's step, mounted on its own with a widget state around `alliance`.
async fn section(alliance: Alliance, section: SectionId) -> (HtmlElement, (Page, Ctx, Way)) {
    mounted(alliance, move || section_view(section)).await
}

/// `view`, mounted on its own with a widget state around `alliance`.
async fn mounted(
    alliance: Alliance,
    view: impl FnOnce() -> AnyView + 'static,
) -> (HtmlElement, (Page, Ctx, Way)) {
    let root = host("div");
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let made = provide(alliance, Hooks::default());
        provide_context(designed_alliance::ui::io::Dialogs::new());
        tx.send(made).unwrap();
        view! { <div class="da-widget">{view()}</div> }
    });
    // Kept for the whole test: the page is thrown away afterwards.
    std::mem::forget(handle);
    let made = rx.recv().unwrap();
    if let Some(el) = root.first_element_child() {
        made.0.set_root(el);
    }
    settle().await;
    (root, made)
}

/// The control labelled `text` inside `root`, found the way a person finds it: by its label.
fn field_by_label(root: &HtmlElement, text: &str) -> HtmlElement {
    fields_by_label(root, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no label {text:?}"))
}

/// Every control labelled `text`, in order.
fn fields_by_label(root: &HtmlElement, text: &str) -> Vec<HtmlElement> {
    let labels = root.query_selector_all("label").expect("labels");
    let mut found = Vec::new();
    for i in 0..labels.length() {
        let label: web_sys::HtmlLabelElement = labels.item(i).unwrap().dyn_into().unwrap();
        let own = label
            .text_content()
            .unwrap_or_default()
            .trim_end_matches(" (optional)")
            .trim()
            .to_string();
        if own == text {
            let id = label.html_for();
            found.push(
                root.query_selector(&format!("#{id}"))
                    .unwrap()
                    .unwrap_or_else(|| panic!("label {text:?} points at missing #{id}"))
                    .dyn_into()
                    .expect("labelled control is an element"),
            );
        }
    }
    found
}

fn type_into(el: &HtmlElement, text: &str) {
    js_sys::Reflect::set(el, &"value".into(), &text.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn value_of(el: &HtmlElement) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// The button whose accessible name is `name` (its label, or its text).
fn button(root: &HtmlElement, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        let accessible = b
            .get_attribute("aria-label")
            .unwrap_or_else(|| b.text_content().unwrap_or_default());
        if accessible.trim() == name || accessible.contains(name) {
            return b;
        }
    }
    panic!("no button {name:?}");
}

/// From the welcome to the first questions.
async fn begin(host: &HtmlElement) {
    button(host, "Begin: Who is involved").click();
    settle().await;
    assert_eq!(step_heading(host), "Who is involved");
}

/// Opens the small menu of the item called `item` ("Commitment 2").
async fn open_menu(root: &HtmlElement, item: &str) {
    let summaries = root.query_selector_all("summary").unwrap();
    let wanted = format!("Move or remove: {item}");
    let summary = (0..summaries.length())
        .filter_map(|i| summaries.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|s| s.text_content().unwrap_or_default().contains(&wanted))
        .unwrap_or_else(|| panic!("no menu {wanted:?}"));
    summary.click();
    settle().await;
}

fn step_heading(root: &HtmlElement) -> String {
    root.query_selector(".da-step-heading")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

/// The element that has focus, looking into the widget's shadow root when there is one.
fn focused() -> Option<web_sys::Element> {
    document().active_element()
}

// ------------------------------------------------------------------ the whole widget

#[wasm_bindgen_test]
async fn mounts_into_the_given_host_and_nowhere_else() {
    let before = document().body().unwrap().child_element_count();
    let host = widget().await;
    assert!(
        host.query_selector(".da-widget").unwrap().is_some(),
        "widget is inside its host"
    );
    assert_eq!(
        document().body().unwrap().child_element_count(),
        before + 1,
        "only the host was added to <body>"
    );
    assert_eq!(
        step_heading(&host),
        "Welcome",
        "a new person is welcomed first"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_a_title_shows_it_in_the_header() {
    let host = widget().await;
    begin(&host).await;
    let title = host.query_selector(".da-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "Untitled alliance");
    let field = field_by_label(&host, "What shall we call this alliance?");
    type_into(&field, "Launch the new website");
    settle().await;
    assert_eq!(title.text_content().unwrap(), "Launch the new website");
    assert_eq!(
        value_of(&field),
        "Launch the new website",
        "the field keeps what was typed"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn next_moves_to_the_next_step_and_remembers_what_was_typed() {
    let host = widget().await;
    begin(&host).await;
    type_into(
        &field_by_label(&host, "What shall we call this alliance?"),
        "Our plan",
    );
    settle().await;
    button(&host, "Next: The goal").click();
    settle().await;
    assert_eq!(step_heading(&host), "The goal");
    let heading = host.query_selector(".da-step-heading").unwrap().unwrap();
    assert_eq!(
        focused(),
        Some(heading),
        "focus moves to the step's heading"
    );
    type_into(
        &field_by_label(&host, "What are we trying to achieve together?"),
        "Ship it",
    );
    settle().await;
    button(&host, "Back: Who is involved").click();
    settle().await;
    assert_eq!(
        value_of(&field_by_label(&host, "What shall we call this alliance?")),
        "Our plan"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn undo_and_redo_take_back_and_restore_the_last_change() {
    let host = widget().await;
    begin(&host).await;
    let field = field_by_label(&host, "What shall we call this alliance?");
    type_into(&field, "First");
    settle().await;
    button(&host, "Undo").click();
    settle().await;
    assert_eq!(value_of(&field), "");
    button(&host, "Redo").click();
    settle().await;
    assert_eq!(value_of(&field), "First");
    host.remove();
}

#[wasm_bindgen_test]
async fn crash_notice_is_readable_and_keeps_the_typed_text() {
    let host = widget().await;
    begin(&host).await;
    let field: HtmlInputElement = field_by_label(&host, "What shall we call this alliance?")
        .dyn_into()
        .unwrap();
    type_into(&field, "Words worth keeping");

    designed_alliance::crash::show_crash_notice(&host, "panicked at src/app.rs");
    designed_alliance::crash::show_crash_notice(&host, "a second panic");

    let notices = host.query_selector_all(".da-crash").unwrap();
    assert_eq!(notices.length(), 1, "one notice, however many panics");
    let notice: web_sys::Element = notices.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap();
    assert!(
        text.contains("stopped working"),
        "says what happened: {text}"
    );
    assert!(text.contains("reload"), "says what to do: {text}");
    assert!(
        text.contains("panicked at src/app.rs"),
        "keeps the details: {text}"
    );
    assert_eq!(
        field.value(),
        "Words worth keeping",
        "typed text stays on screen"
    );
    host.remove();
}

// ------------------------------------------------------------------ one step at a time

#[wasm_bindgen_test]
async fn every_question_has_its_help_and_an_example_for_the_relationship() {
    let mut a = coaching();
    a.relationship = Some(designed_alliance::core::RelationshipKind::Partners);
    let (root, (_, ctx, _)) = section(a, SectionId::Goal).await;
    let field = field_by_label(&root, "What are we trying to achieve together?");
    let described = field.get_attribute("aria-describedby").unwrap();
    let ids: Vec<&str> = described.split(' ').collect();
    assert_eq!(ids.len(), 3, "help, example and messages: {described}");
    for id in &ids {
        assert!(
            root.query_selector(&format!("#{id}")).unwrap().is_some(),
            "{id} exists"
        );
    }
    let example = root
        .query_selector(&format!("#{}", ids[1]))
        .unwrap()
        .unwrap();
    let personal = example.text_content().unwrap();
    assert!(personal.starts_with("For example:"), "{personal}");
    // Another kind of relationship: the example follows.
    ctx.apply(designed_alliance::core::Action::SetRelationship(Some(
        designed_alliance::core::RelationshipKind::TeamAndStakeholder,
    )));
    settle().await;
    assert_ne!(
        example.text_content().unwrap(),
        personal,
        "the example follows the kind"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_into_one_item_leaves_every_other_item_alone() {
    let mut a = coaching();
    a.commitments.truncate(3);
    let (root, (_, ctx, _)) = section(a, SectionId::Commitments).await;
    let whats = fields_by_label(&root, "What will be done?");
    assert_eq!(whats.len(), 3);
    // Written on screen behind the widget's back: a binding that re-ran would put the
    // alliance's text back.
    js_sys::Reflect::set(&whats[1], &"value".into(), &"left alone".into()).unwrap();
    js_sys::Reflect::set(&whats[2], &"value".into(), &"left alone".into()).unwrap();
    for text in ["A", "AB", "ABC"] {
        type_into(&whats[0], text);
        settle().await;
    }
    assert_eq!(
        ctx.try_with_untracked(|a| a.commitments[0].what.clone())
            .unwrap(),
        "ABC"
    );
    assert_eq!(
        value_of(&whats[1]),
        "left alone",
        "the second item's field did not re-run"
    );
    assert_eq!(
        value_of(&whats[2]),
        "left alone",
        "the third item's field did not re-run"
    );
    // A change that does concern them (undo restores the whole alliance) still reaches them.
    ctx.apply(designed_alliance::core::Action::SetItemText(
        designed_alliance::core::ItemText::CommitmentWhat,
        id("c-2"),
        "changed for real".into(),
    ));
    settle().await;
    assert_eq!(value_of(&whats[1]), "changed for real");
    root.remove();
}

/// How many times an effect reading `item` has run, and what it saw last.
fn watch(
    item: Signal<Option<designed_alliance::core::Item>>,
) -> std::rc::Rc<std::cell::RefCell<(u32, Option<String>)>> {
    let seen = std::rc::Rc::new(std::cell::RefCell::new((0, None)));
    let out = seen.clone();
    Effect::new(move |_| {
        let what = item.with(|i| match i {
            Some(designed_alliance::core::Item::Commitment(c)) => Some(c.what.clone()),
            _ => None,
        });
        let mut s = seen.borrow_mut();
        s.0 += 1;
        s.1 = what;
    });
    out
}

/// How many times the store told a reader of the commitment `id` (each notification re-runs
/// the effect, whether or not the value changed).
fn reads(ctx: Ctx, id: designed_alliance::core::Id) -> std::rc::Rc<std::cell::Cell<u32>> {
    use designed_alliance::core::AllianceStoreFields;
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let out = count.clone();
    Effect::new(move |_| {
        ctx.alliance().commitments().at_key(id.clone()).track();
        count.set(count.get() + 1);
    });
    out
}

#[wasm_bindgen_test]
async fn the_store_finds_each_item_by_its_id_after_adds_removals_and_moves() {
    use designed_alliance::core::{Action, ItemText};
    let mut a = coaching();
    a.commitments.truncate(3);
    let ids: Vec<_> = a.commitments.iter().map(|c| c.id.clone()).collect();
    let texts: Vec<String> = a.commitments.iter().map(|c| c.what.clone()).collect();
    let (root, (_, ctx, _)) = section(a, SectionId::Commitments).await;
    let owner = Owner::new();
    let seen: Vec<_> = owner.with(|| {
        ids.iter()
            .map(|i| watch(ctx.item(ListKind::Commitments, i)))
            .collect()
    });
    let told: Vec<_> = owner.with(|| ids.iter().map(|i| reads(ctx, i.clone())).collect());
    settle().await;
    let told = |i: usize| told[i].get();
    assert_eq!((told(0), told(1), told(2)), (1, 1, 1));
    let runs = |i: usize| seen[i].borrow().0;
    let last = |i: usize| seen[i].borrow().1.clone();
    assert_eq!((runs(0), runs(1), runs(2)), (1, 1, 1));
    let shown = |root: &HtmlElement| -> Vec<String> {
        fields_by_label(root, "What will be done?")
            .iter()
            .map(value_of)
            .collect()
    };

    // Moved: the order on screen follows, and no item hears of it (none of them changed).
    assert!(ctx.apply(Action::Move(ListKind::Commitments, ids[2].clone(), 0)));
    settle().await;
    assert_eq!(shown(&root), [texts[2].as_str(), &texts[0], &texts[1]]);
    assert_eq!(
        (runs(0), runs(1), runs(2)),
        (1, 1, 1),
        "a move changes no item"
    );
    assert_eq!(
        (told(0), told(1), told(2)),
        (1, 1, 1),
        "a move tells the list's order, not its items"
    );

    // The moved item changed: it hears of it at its new place, the others do not.
    assert!(ctx.apply(Action::SetItemText(
        ItemText::CommitmentWhat,
        ids[2].clone(),
        "moved, then changed".into(),
    )));
    settle().await;
    assert_eq!(last(2).as_deref(), Some("moved, then changed"));
    assert_eq!((runs(0), runs(1), runs(2)), (1, 1, 2));
    assert_eq!(
        (told(0), told(1), told(2)),
        (1, 1, 2),
        "only the changed item is told"
    );
    assert_eq!(shown(&root)[0], "moved, then changed");

    // Removed: its signal says it is gone; the others are still found by their ids.
    assert!(ctx.apply(Action::Remove(ListKind::Commitments, ids[0].clone())));
    settle().await;
    assert_eq!(last(0), None, "a removed item reads as gone");
    assert_eq!(
        (runs(1), runs(2)),
        (1, 2),
        "removing one item changes no other"
    );
    assert_eq!(
        (told(0), told(1), told(2)),
        (2, 1, 2),
        "only the removed item is told"
    );
    assert_eq!(shown(&root), ["moved, then changed", texts[1].as_str()]);

    // Moved and changed at once (a version brought in whole): the changed item hears of it
    // at its new place, the one only moved does not; then put back, changing nothing.
    let swapped = |what: Option<&str>| {
        ctx.try_with_untracked(|a| {
            let mut a = a.clone();
            a.commitments.reverse();
            if let Some(c) = a.commitments.iter_mut().find(|c| c.id == ids[1]) {
                c.what = what.map_or(c.what.clone(), str::to_string);
            }
            a
        })
        .unwrap()
    };
    assert!(ctx.apply(Action::Replace(Box::new(swapped(Some(
        "swapped and changed"
    ))))));
    settle().await;
    assert_eq!(shown(&root), ["swapped and changed", "moved, then changed"]);
    assert_eq!(last(1).as_deref(), Some("swapped and changed"));
    assert_eq!(
        (told(1), told(2)),
        (2, 2),
        "only the item whose content changed is told"
    );
    assert!(ctx.apply(Action::Replace(Box::new(swapped(None)))));
    settle().await;
    assert_eq!(shown(&root), ["moved, then changed", "swapped and changed"]);
    assert_eq!((told(1), told(2)), (2, 2), "a move alone tells no item");

    // Added by the person, typed into: saved, and the item after it still hears of its own
    // changes only.
    button(&root, "Add a commitment").click();
    settle().await;
    let whats = fields_by_label(&root, "What will be done?");
    assert_eq!(whats.len(), 3);
    assert_eq!(
        (told(1), told(2)),
        (2, 2),
        "adding an item tells no other item"
    );
    type_into(&whats[2], "a new one");
    settle().await;
    let added = ctx
        .try_with_untracked(|a| a.commitments.last().map(|c| (c.id.clone(), c.what.clone())))
        .flatten();
    let Some((new_id, new_what)) = added else {
        panic!("the new commitment is in the alliance");
    };
    assert_eq!(new_what, "a new one");
    type_into(&whats[1], "the middle one, changed");
    settle().await;
    assert_eq!(last(1).as_deref(), Some("the middle one, changed"));
    assert_eq!(
        (runs(1), runs(2)),
        (3, 2),
        "typing into one item changes no other"
    );
    let fresh = owner.with(|| watch(ctx.item(ListKind::Commitments, &new_id)));
    settle().await;
    assert_eq!(fresh.borrow().1.as_deref(), Some("a new one"));

    // Undone back to the start (the whole alliance replaced): every item as it was, in order.
    while untrack(|| ctx.can_undo()) {
        ctx.undo();
    }
    settle().await;
    assert_eq!(shown(&root), texts);
    assert_eq!(
        last(0).as_deref(),
        Some(texts[0].as_str()),
        "a removed item came back"
    );
    assert_eq!(last(2).as_deref(), Some(texts[2].as_str()));
    // Ids are reused once free: the added item's id may now be a restored item's.
    let at_new_id = ctx
        .try_with_untracked(|a| {
            a.commitments
                .iter()
                .find(|c| c.id == new_id)
                .map(|c| c.what.clone())
        })
        .flatten();
    assert_eq!(
        fresh.borrow().1,
        at_new_id,
        "its id reads what the alliance holds"
    );
    drop(owner);
    root.remove();
}

#[wasm_bindgen_test]
async fn adding_an_item_gives_it_labelled_fields_and_focus() {
    let (root, (_, ctx, _)) = section(coaching(), SectionId::Progress).await;
    let before = fields_by_label(&root, "What will we see when it is going well?").len();
    button(&root, "Add a way to measure progress").click();
    settle().await;
    let signals = fields_by_label(&root, "What will we see when it is going well?");
    assert_eq!(signals.len(), before + 1);
    assert_eq!(
        focused(),
        signals.last().map(|e| e.clone().into()),
        "focus moved into the new item's first field"
    );
    assert_eq!(
        ctx.try_with_untracked(|a| a.progress.len()).unwrap(),
        before + 1
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn moving_an_item_to_an_end_keeps_focus_on_a_button_that_still_works() {
    let (root, (_, ctx, _)) = section(coaching(), SectionId::Commitments).await;
    let n = ctx.try_with_untracked(|a| a.commitments.len()).unwrap();
    assert!(n >= 2);
    let ids = ctx
        .try_with_untracked(|a| a.ids_of(ListKind::Commitments))
        .unwrap();
    open_menu(&root, "Commitment 2").await;
    button(&root, "Move up: Commitment 2").click();
    settle().await;
    let after = ctx
        .try_with_untracked(|a| a.ids_of(ListKind::Commitments))
        .unwrap();
    assert_eq!(after[0], ids[1], "the second commitment is now first");
    let focus: HtmlElement = focused().unwrap().dyn_into().unwrap();
    assert_eq!(
        focus.get_attribute("aria-label").as_deref(),
        Some("Move down: Commitment 1"),
        "at the top, focus goes to the button that can still move it"
    );
    assert!(!focus.has_attribute("disabled"));
    assert!(
        button(&root, "Move up: Commitment 1").has_attribute("disabled"),
        "the first item cannot move up"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn owner_choices_follow_the_names_of_the_people() {
    let (root, (_, ctx, _)) = section(coaching(), SectionId::Commitments).await;
    let owner = field_by_label(&root, "Who does it?");
    let options = || {
        let list = owner.query_selector_all("option").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(options(), ["Priya", "Jordan", "Everyone"]);
    ctx.apply(designed_alliance::core::Action::SetItemText(
        designed_alliance::core::ItemText::PartyName,
        id("p-2"),
        "Jo".into(),
    ));
    settle().await;
    assert_eq!(options(), ["Priya", "Jo", "Everyone"]);
    assert_eq!(value_of(&owner), "p-1", "the chosen owner stays chosen");
    root.remove();
}

#[wasm_bindgen_test]
async fn missing_parts_are_pointed_out_once_the_step_was_visited() {
    let blank = designed_alliance::core::Alliance::new(id("blank"), ts("2026-11-02T09:00:00Z"));
    let (root, (_, _, way)) = section(blank, SectionId::Goal).await;
    let what = field_by_label(&root, "What are we trying to achieve together?");
    assert!(
        !what.has_attribute("aria-invalid"),
        "nothing is pointed out before a visit"
    );
    way.visited
        .update(|v| v.push(designed_alliance::ui::Step::Section(SectionId::Goal)));
    settle().await;
    assert_eq!(what.get_attribute("aria-invalid").as_deref(), Some("true"));
    let msg_id = format!("{}-msg", what.id());
    let messages = root.query_selector(&format!("#{msg_id}")).unwrap().unwrap();
    assert!(messages.text_content().unwrap().contains("Missing"));
    type_into(&what, "Something");
    settle().await;
    assert!(
        !what.has_attribute("aria-invalid"),
        "filled in, no longer invalid"
    );
    root.remove();
}

/// Runs JavaScript in the page (to patch browser APIs the way a hostile browser behaves).
fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("test script runs")
}

mod storage {
    use super::*;
    use designed_alliance::core::drafts::{Storage, StorageError};
    use designed_alliance::ui::storage::local;

    /// Patches `Storage.prototype[method]` to throw `new DOMException(message, name)`, runs
    /// `f`, and puts the original back.
    fn with_throwing<T>(method: &str, name: &str, f: impl FnOnce() -> T) -> T {
        js(&format!(
            "window.__orig = Storage.prototype.{method};\
             Storage.prototype.{method} = function() {{ throw new DOMException('patched', '{name}'); }};"
        ));
        let out = f();
        js(&format!("Storage.prototype.{method} = window.__orig;"));
        out
    }

    /// Replaces the `localStorage` getter of the window, runs `f`, and restores it.
    fn with_getter<T>(getter: &str, f: impl FnOnce() -> T) -> T {
        js(&format!(
            "window.__desc = Object.getOwnPropertyDescriptor(window, 'localStorage');\
             Object.defineProperty(window, 'localStorage', {{ configurable: true, get: {getter} }});"
        ));
        let out = f();
        js("Object.defineProperty(window, 'localStorage', window.__desc);");
        out
    }

    #[wasm_bindgen_test]
    fn the_real_storage_reads_writes_lists_and_removes() {
        let mut s = local().expect("storage works in the test browser");
        s.set("designed-alliance:webtest:k", "v \u{1F600}").unwrap();
        assert_eq!(
            s.get("designed-alliance:webtest:k").unwrap().as_deref(),
            Some("v \u{1F600}")
        );
        assert!(s
            .keys()
            .unwrap()
            .iter()
            .any(|k| k == "designed-alliance:webtest:k"));
        s.remove("designed-alliance:webtest:k").unwrap();
        assert_eq!(s.get("designed-alliance:webtest:k").unwrap(), None);
    }

    #[wasm_bindgen_test]
    fn thrown_dom_exceptions_become_plain_reasons() {
        let mut s = local().unwrap();
        let full = with_throwing("setItem", "QuotaExceededError", || {
            s.set("designed-alliance:webtest:q", "x")
        });
        assert_eq!(full, Err(StorageError::Full));
        let blocked = with_throwing("getItem", "SecurityError", || {
            s.get("designed-alliance:webtest:q")
        });
        assert!(
            matches!(blocked, Err(StorageError::Unavailable(_))),
            "{blocked:?}"
        );
        let other = with_throwing("removeItem", "InvalidStateError", || {
            s.remove("designed-alliance:webtest:q")
        });
        assert_eq!(other, Err(StorageError::Failed("patched".into())));
        s.set("designed-alliance:webtest:present", "1").unwrap();
        let keys = with_throwing("key", "SecurityError", || s.keys());
        s.remove("designed-alliance:webtest:present").unwrap();
        assert!(
            matches!(keys, Err(StorageError::Unavailable(_))),
            "{keys:?}"
        );
        // Not even an Error: a thrown string is still reported, not a panic.
        js("window.__orig = Storage.prototype.setItem; Storage.prototype.setItem = function() { throw 'nope'; };");
        let odd = s.set("designed-alliance:webtest:q", "x");
        js("Storage.prototype.setItem = window.__orig;");
        assert_eq!(odd, Err(StorageError::Failed("nope".into())));
        assert_eq!(
            s.get("designed-alliance:webtest:q").unwrap(),
            None,
            "nothing was written"
        );
    }

    #[wasm_bindgen_test]
    fn a_blocked_or_missing_local_storage_is_reported_not_panicked() {
        let blocked = with_getter(
            "() => { throw new DOMException('The operation is insecure.', 'SecurityError'); }",
            || local().err(),
        );
        assert_eq!(
            blocked,
            Some(StorageError::Unavailable(
                "The operation is insecure.".into()
            ))
        );
        let null = with_getter("() => null", || local().err());
        assert!(
            matches!(null, Some(StorageError::Unavailable(_))),
            "{null:?}"
        );
        let odd = with_getter("() => ({})", || local().err());
        assert!(matches!(odd, Some(StorageError::Unavailable(_))), "{odd:?}");
        assert!(local().is_ok(), "the real getter is back");
    }

    fn status(host: &HtmlElement) -> String {
        host.query_selector(".da-save-status")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    }

    #[wasm_bindgen_test]
    async fn a_full_storage_is_explained_and_saving_resumes_when_there_is_room() {
        let host = widget().await;
        begin(&host).await;
        let field = field_by_label(&host, "What shall we call this alliance?");
        type_into(&field, "Kept on screen");
        settle().await;
        assert_eq!(status(&host), "Saving\u{2026}");
        // The page is hidden: saving is due now, and storage is full.
        with_throwing("setItem", "QuotaExceededError", || {
            web_sys::window()
                .unwrap()
                .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
                .unwrap()
        });
        settle().await;
        assert_eq!(status(&host), "Not saved in this browser");
        let alert = host
            .query_selector("[role=alert]")
            .unwrap()
            .expect("an alert");
        assert!(alert.text_content().unwrap().contains("full"));
        assert_eq!(value_of(&field), "Kept on screen");
        // Space again: trying again saves, and the alert goes.
        button(&host, "Try saving again").click();
        settle().await;
        assert!(
            status(&host).starts_with("Saved in this browser at "),
            "{}",
            status(&host)
        );
        assert!(host.query_selector("[role=alert]").unwrap().is_none());
        host.remove();
    }
}

// ------------------------------------------------------------------ who is "me"

/// The Agreement step, mounted on its own with a widget state around `alliance`.
async fn agreement(alliance: Alliance) -> (HtmlElement, (Page, Ctx, Way)) {
    mounted(alliance, || {
        view! { <designed_alliance::ui::steps::AgreementStep/> }.into_any()
    })
    .await
}

fn disabled(b: &HtmlElement) -> bool {
    b.has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn agreeing_asks_first_which_person_uses_this_browser_and_keeps_it_out_of_the_alliance() {
    let (root, (page, ctx, _)) = agreement(coaching()).await;
    // Nobody is "me" yet: nobody is preset, and agreement waits.
    let text = root.text_content().unwrap();
    assert!(!text.contains("I agree"), "{text}");
    assert!(
        text.contains("Priya has not agreed yet.") && text.contains("Jordan has not agreed yet.")
    );
    let radios = root
        .query_selector_all("fieldset.da-who input[type=radio]")
        .unwrap();
    assert_eq!(radios.length(), 2);
    for i in 0..radios.length() {
        let r: HtmlInputElement = radios.item(i).unwrap().dyn_into().unwrap();
        assert!(!r.checked(), "nobody is chosen before anyone says");
    }
    assert!(root
        .text_content()
        .unwrap()
        .contains("Say which of these is you first"));

    // Jordan says it is him: focus lands on his button, which now leads; Priya can still
    // agree on the same device.
    let radio: HtmlElement = root
        .query_selector(&format!("#{}-p-2", page.id("me-agree")))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    radio.click();
    settle().await;
    assert_eq!(
        ctx.here
            .with_untracked(|h| h.me.clone())
            .map(|id| id.to_string()),
        Some("p-2".to_string())
    );
    assert!(root.query_selector("fieldset.da-who").unwrap().is_none());
    assert!(root
        .text_content()
        .unwrap()
        .contains("On this device you are Jordan."));
    let jordan = button(&root, "Jordan: I agree");
    assert_eq!(
        focused().as_ref(),
        Some(jordan.as_ref() as &web_sys::Element)
    );
    assert!(!disabled(&jordan) && jordan.class_list().contains("da-button-primary"));
    // Priya agrees on her own device, or here once she says it is her: not on Jordan's behalf.
    assert!(root
        .text_content()
        .unwrap()
        .contains("Priya has not agreed yet."));
    assert!(!root.text_content().unwrap().contains("Priya: I agree"));
    // Nothing of it in the alliance, nor in its file.
    let file = ctx
        .try_with_untracked(|a| {
            designed_alliance::core::json::export(a, ts("2026-12-01T10:00:00Z"))
        })
        .unwrap()
        .unwrap();
    assert!(!file.contains("\"isMe\": true"), "{file}");

    // "That is not me": asked again, focus on the first person.
    button(&root, "That is not me").click();
    settle().await;
    assert_eq!(ctx.here.with_untracked(|h| h.me.clone()), None);
    assert!(!root.text_content().unwrap().contains("Jordan: I agree"));
    let first = root
        .query_selector(&format!("#{}-p-1", page.id("me-agree")))
        .unwrap();
    assert_eq!(focused(), first);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_commitment_without_a_when_is_pointed_out_at_its_when_choice() {
    use designed_alliance::ui::Step;
    let mut a = coaching();
    a.commitments.truncate(1);
    a.commitments[0].when = None;
    let (root, (_, ctx, way)) = section(a, SectionId::Commitments).await;
    let finding = ctx
        .try_with_doc_untracked(|_, r| {
            r.findings
                .iter()
                .find(|f| f.section == SectionId::Commitments && f.field == "when")
                .cloned()
        })
        .flatten();
    let Some(finding) = finding else {
        panic!("a commitment with no when is missing something");
    };
    // The review's link to it lands on the choice of when, the control the person answers.
    way.go_to_field(&finding);
    settle().await;
    let choice = field_by_label(&root, "When?");
    assert_eq!(focused(), Some(choice.clone().into()));
    // Once the step was left, the message stands with that choice, and describes it.
    way.visited.set(vec![Step::Section(SectionId::Commitments)]);
    settle().await;
    let described = choice.get_attribute("aria-describedby").unwrap_or_default();
    let said: String = described
        .split(' ')
        .filter_map(|id| root.query_selector(&format!("#{id}")).ok().flatten())
        .filter_map(|el| el.text_content())
        .collect();
    assert!(said.contains("Say when"), "{said:?}");
    root.remove();
}

#[wasm_bindgen_test]
async fn undoing_a_move_keeps_the_cursor_in_the_field_it_was_in() {
    use designed_alliance::core::Action;
    let mut a = coaching();
    a.commitments.truncate(3);
    let moved = a.commitments[2].id.clone();
    let text = a.commitments[2].what.clone();
    let (root, (_, ctx, _)) = section(a, SectionId::Commitments).await;
    assert!(ctx.apply(Action::Move(ListKind::Commitments, moved, 0)));
    settle().await;
    let whats = fields_by_label(&root, "What will be done?");
    assert_eq!(value_of(&whats[0]), text);
    whats[0].focus().unwrap();
    assert_eq!(focused(), Some(whats[0].clone().into()));
    ctx.undo();
    settle().await;
    let whats = fields_by_label(&root, "What will be done?");
    assert_eq!(value_of(&whats[2]), text, "the move is undone");
    assert_eq!(
        focused(),
        Some(whats[2].clone().into()),
        "the cursor is still in the field it was in"
    );
    root.remove();
}
