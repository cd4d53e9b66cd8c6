//! What a person sees when the widget itself fails.
//!
//! A Rust panic in WebAssembly stops the widget for good. Without this hook the person would be
//! left with a dead box; with it, a readable notice appears above whatever they typed, which
//! stays on screen so they can copy it.

use std::cell::RefCell;

/// Class of the notice element, so tests and styles can find it.
pub const NOTICE_CLASS: &str = "da-crash";

thread_local! {
    static HOSTS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
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

/// Installs the panic hook. Safe to call more than once.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&format!("designed-alliance stopped: {detail}").into());
        HOSTS.with(|hosts| {
            if let Ok(hosts) = hosts.try_borrow() {
                for host in hosts.iter() {
                    show_crash_notice(host, &detail);
                }
            }
        });
    }));
}

/// Puts a readable notice at the top of `host`, leaving everything else in it untouched.
/// Never panics: every DOM call that can fail is allowed to fail quietly.
pub fn show_crash_notice(host: &web_sys::HtmlElement, detail: &str) {
    use crate::ui::dom::el;
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
    let notice = el("div")
        .class(NOTICE_CLASS)
        .attr("role", "alert")
        .child(el("p").child(el("strong").text(crate::core::text::ui::CRASH_TITLE)))
        .child(el("p").text(crate::core::text::ui::CRASH_BODY))
        .child(
            el("details")
                .child(el("summary").text(crate::core::text::ui::CRASH_DETAILS))
                .child(el("code").text(detail)),
        );
    if let Some(notice) = notice.into_node() {
        let _ = root.insert_before(&notice, root.first_child().as_ref());
    }
}
