//! Component tests in headless Chromium (wasm-bindgen-test). One binary for all of them.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("test runs in a browser")
}

/// A fresh host element on the page, as a coach's page would provide, with a namespace of
/// its own so drafts of earlier tests (kept in this page's storage) never show up.
fn host() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("designed-alliance")
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

/// Mounts a widget and waits for it to render.
async fn widget() -> HtmlElement {
    let host = host();
    let _unmount = designed_alliance::mount(host.clone(), host.clone().into());
    leptos::task::tick().await;
    host
}

/// The control labelled `text` inside `root`, found the way a person finds it: by its label.
fn field_by_label(root: &HtmlElement, text: &str) -> web_sys::HtmlElement {
    let labels = root.query_selector_all("label").expect("labels");
    for i in 0..labels.length() {
        let label: web_sys::HtmlLabelElement = labels.item(i).unwrap().dyn_into().unwrap();
        if label
            .text_content()
            .unwrap_or_default()
            .trim_end_matches(" (optional)")
            .trim()
            == text
        {
            let id = label.html_for();
            return root
                .query_selector(&format!("#{id}"))
                .unwrap()
                .unwrap_or_else(|| panic!("label {text:?} points at missing #{id}"))
                .dyn_into()
                .expect("labelled control is an element");
        }
    }
    panic!("no label {text:?}");
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

fn button(root: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().contains(text) {
            return b;
        }
    }
    panic!("no button with {text:?}");
}

fn step_heading(root: &HtmlElement) -> String {
    root.query_selector(".da-step-heading")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

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
    assert_eq!(step_heading(&host), "Before you begin");
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_a_title_shows_it_in_the_header() {
    let host = widget().await;
    let title = host.query_selector(".da-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "Untitled alliance");
    let field = field_by_label(&host, "What shall we call this alliance?");
    type_into(&field, "Launch the new website");
    leptos::task::tick().await;
    assert_eq!(title.text_content().unwrap(), "Launch the new website");
    assert_eq!(
        value_of(&field),
        "Launch the new website",
        "the field keeps what was typed"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn every_field_has_help_and_an_example_tied_to_it() {
    let host = widget().await;
    let field = field_by_label(&host, "What shall we call this alliance?");
    let described = field.get_attribute("aria-describedby").unwrap();
    for id in described.split(' ') {
        assert!(
            host.query_selector(&format!("#{id}")).unwrap().is_some(),
            "{id} exists"
        );
    }
    let example = host
        .query_selector(&format!("#{}", described.split(' ').nth(1).unwrap()))
        .unwrap()
        .unwrap();
    assert!(example.text_content().unwrap().starts_with("For example:"));
    host.remove();
}

#[wasm_bindgen_test]
async fn next_moves_to_the_next_step_and_remembers_what_was_typed() {
    let host = widget().await;
    type_into(
        &field_by_label(&host, "What shall we call this alliance?"),
        "Our plan",
    );
    leptos::task::tick().await;
    button(&host, "Next: The goal").click();
    leptos::task::tick().await;
    assert_eq!(step_heading(&host), "The goal");
    let what = field_by_label(&host, "What are we trying to achieve together?");
    type_into(&what, "Ship it");
    leptos::task::tick().await;
    button(&host, "Back: Before you begin").click();
    leptos::task::tick().await;
    assert_eq!(
        value_of(&field_by_label(&host, "What shall we call this alliance?")),
        "Our plan"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn adding_an_item_gives_it_labelled_fields_and_focus() {
    let host = widget().await;
    let people = host.query_selector_all(".da-item").unwrap().length();
    button(&host, "Add a person").click();
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(
        host.query_selector_all(".da-item").unwrap().length(),
        people + 1
    );
    let active = document().active_element().expect("something has focus");
    assert_eq!(
        active.tag_name(),
        "INPUT",
        "focus moved into the new person's name"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn undo_takes_back_the_last_change() {
    let host = widget().await;
    let field = field_by_label(&host, "What shall we call this alliance?");
    type_into(&field, "First");
    leptos::task::tick().await;
    button(&host, "Undo").click();
    leptos::task::tick().await;
    assert_eq!(value_of(&field), "");
    button(&host, "Redo").click();
    leptos::task::tick().await;
    assert_eq!(value_of(&field), "First");
    host.remove();
}

#[wasm_bindgen_test]
async fn crash_notice_is_readable_and_keeps_the_typed_text() {
    let host = widget().await;
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
        "notice says what happened: {text}"
    );
    assert!(text.contains("reload"), "notice says what to do: {text}");
    assert!(
        text.contains("panicked at src/app.rs"),
        "notice keeps the details: {text}"
    );
    assert_eq!(
        field.value(),
        "Words worth keeping",
        "typed text stays on screen"
    );
    host.remove();
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
        let field = field_by_label(&host, "What shall we call this alliance?");
        type_into(&field, "Kept on screen");
        leptos::task::tick().await;
        assert_eq!(status(&host), "Saving\u{2026}");
        // The page is hidden: saving is due now, and storage is full.
        with_throwing("setItem", "QuotaExceededError", || {
            web_sys::window()
                .unwrap()
                .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
                .unwrap()
        });
        leptos::task::tick().await;
        assert_eq!(status(&host), "Not saved in this browser");
        let alert = host
            .query_selector("[role=alert]")
            .unwrap()
            .expect("an alert");
        assert!(alert.text_content().unwrap().contains("full"));
        assert_eq!(value_of(&field), "Kept on screen");
        // Space again: trying again saves, and the alert goes.
        button(&host, "Try saving again").click();
        leptos::task::tick().await;
        assert!(
            status(&host).starts_with("Saved in this browser at "),
            "{}",
            status(&host)
        );
        assert!(host.query_selector("[role=alert]").unwrap().is_none());
        host.remove();
    }
}

#[wasm_bindgen_test]
fn values_kept_for_an_owner_go_with_it_and_stale_handles_find_nothing() {
    use designed_alliance::ui::dom::{keep_local, local};
    use leptos::reactive::owner::Owner;
    use std::rc::Rc;
    let owner = Owner::new();
    let kept = owner.with(|| keep_local(Rc::new(String::from("kept"))));
    assert_eq!(
        local::<String>(kept).as_deref().map(String::as_str),
        Some("kept")
    );
    assert!(local::<u32>(kept).is_none(), "another type finds nothing");
    // The owner's cleanup functions still find it (a widget taken off the page saves its
    // draft from one), whenever they were registered.
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    owner.with(|| {
        let seen = seen.clone();
        leptos::prelude::on_cleanup(move || {
            seen.store(
                local::<String>(kept).is_some(),
                std::sync::atomic::Ordering::Relaxed,
            )
        });
    });
    owner.cleanup();
    assert!(
        seen.load(std::sync::atomic::Ordering::Relaxed),
        "alive while the owner's cleanup functions run"
    );
    assert!(local::<String>(kept).is_none(), "gone with its owner");
    let other = Owner::new();
    let new = other.with(|| keep_local(Rc::new(String::from("new"))));
    assert!(
        local::<String>(kept).is_none(),
        "a stale handle never sees what took its slot"
    );
    assert_eq!(
        local::<String>(new).as_deref().map(String::as_str),
        Some("new")
    );
    other.cleanup();
}

#[wasm_bindgen_test]
async fn a_sig_notifies_what_reads_it_and_reads_the_default_once_gone() {
    use designed_alliance::ui::dom::{bind, Sig};
    use leptos::reactive::owner::Owner;
    use std::cell::RefCell;
    use std::rc::Rc;
    any_spawner::Executor::init_wasm_bindgen().ok();
    let owner = Owner::new();
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let s = owner.with(|| {
        let s = Sig::new(String::from("a"));
        let seen = seen.clone();
        bind(Box::new(move || seen.borrow_mut().push(s.get())));
        s
    });
    leptos::task::tick().await;
    s.set(String::from("b"));
    leptos::task::tick().await;
    s.maybe_update(|v| {
        v.push('!');
        false
    });
    leptos::task::tick().await;
    assert_eq!(
        *seen.borrow(),
        ["a", "b"],
        "a change said to be none notifies nobody"
    );
    s.update(|v| v.push('?'));
    leptos::task::tick().await;
    assert_eq!(*seen.borrow(), ["a", "b", "b!?"]);
    owner.cleanup();
    assert!(s.is_disposed());
    assert_eq!(s.get_untracked(), "", "the default once its owner is gone");
    assert_eq!(s.try_with_untracked(String::len), None);
    s.set(String::from("ignored"));
    assert_eq!(s.get_untracked(), "");
}
