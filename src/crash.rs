//! What a person sees when the widget itself fails.
//!
//! A Rust panic in WebAssembly stops the widget for good. Without this the person would be
//! left with a dead box; with it, a readable notice appears above whatever they typed, which
//! stays on screen so they can copy it.
//!
//! Two ways in: the panic hook (development and test builds, where a panic carries its message),
//! and a listener for the WebAssembly trap itself. The release build stops at a panic at once,
//! without running any hook or formatting any message (scripts/build-release.sh): there the trap,
//! reported to the page as an uncaught `WebAssembly.RuntimeError`, is what shows the notice.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;

/// Class of the notice element, so tests and styles can find it.
pub const NOTICE_CLASS: &str = "da-crash";

thread_local! {
    static HOSTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Remembers a host element so a crash can be reported inside it.
pub fn register_host(host: &web_sys::HtmlElement) {
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            if !hosts.iter().any(|h| h == host) {
                hosts.push(host.clone());
            }
        }
    });
}

/// Installs the panic hook and the trap listener. Safe to call more than once.
pub fn install_panic_hook() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&format!("designed-alliance stopped: {detail}").into());
        show_everywhere(&detail);
    }));
    watch_traps();
}

fn show_everywhere(detail: &str) {
    HOSTS.with(|hosts| {
        if let Ok(hosts) = hosts.try_borrow() {
            for host in hosts.iter() {
                show_crash_notice(host, detail);
            }
        }
    });
}

/// Shows the notice when this widget's WebAssembly traps: `web/element.js` watches for an
/// uncaught `RuntimeError` (from an event handler, a timer) or an unhandled rejection (from a
/// promise) whose stack passes through this widget's files (`designed-alliance.js`,
/// `designed-alliance_bg.wasm`). Another script's errors, and another module's traps, are left
/// alone.
fn watch_traps() {
    let show = Closure::<dyn Fn(String)>::new(|detail: String| show_everywhere(&detail));
    watch_traps_js(&show);
    // Lives as long as the page.
    show.forget();
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = watchTraps)]
    fn watch_traps_js(show: &Closure<dyn Fn(String)>);
}

/// Puts a readable notice at the top of `host`, leaving everything else in it untouched.
/// Never panics: every DOM call that can fail is allowed to fail quietly. Built with plain DOM
/// calls: when the widget has stopped, nothing of it can be relied on.
pub fn show_crash_notice(host: &web_sys::HtmlElement, detail: &str) {
    use crate::core::text::ui as t;
    // Inside the shadow root when the widget has one, else directly in the host.
    let selector = format!(".{NOTICE_CLASS}");
    let (root, existing): (web_sys::Node, _) = match host.shadow_root() {
        Some(shadow) => {
            let existing = shadow.query_selector(&selector);
            (shadow.into(), existing)
        }
        None => (host.clone().into(), host.query_selector(&selector)),
    };
    // One notice per host, even if several panics arrive.
    if let Ok(Some(_)) = existing {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let el = |tag: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(text);
        Some(e)
    };
    let notice = (|| {
        let notice = el("div", None)?;
        notice.set_class_name(NOTICE_CLASS);
        notice.set_attribute("role", "alert").ok()?;
        let title = el("p", None)?;
        let strong = el("strong", Some(t::crash_title()))?;
        title.append_child(&strong).ok()?;
        notice.append_child(&title).ok()?;
        let body = el("p", Some(t::crash_body()))?;
        notice.append_child(&body).ok()?;
        let details = el("details", None)?;
        let summary = el("summary", Some(t::crash_details()))?;
        details.append_child(&summary).ok()?;
        let code = el("code", Some(detail))?;
        details.append_child(&code).ok()?;
        notice.append_child(&details).ok()?;
        Some(notice)
    })();
    if let Some(notice) = notice {
        let _ = root.insert_before(&notice, root.first_child().as_ref());
    }
}
