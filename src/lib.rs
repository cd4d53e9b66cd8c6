//! Designed Alliance: a guided widget for designing an alliance between two or more people.
//!
//! The crate is a library so every layer of tests can reach it; `main.rs` only calls [`start`].

pub mod core;
pub mod crash;
pub mod ui;

/// The tag a coach puts on their page; the widget mounts inside every one of them.
pub const HOST_TAG: &str = "designed-alliance";

/// Entry point of the demo page and of the embedded build: installs the crash notice, then
/// defines the `<designed-alliance>` element, so the widget mounts into every one on the page,
/// including those added later, each in a shadow root of its own (`web/element.js`).
pub fn start() {
    crash::install_panic_hook();
    // A word no catalogue has is a mistake of ours: said in the console, where tests see it.
    core::text::on_missing(|key| {
        web_sys::console::error_1(&format!("designed-alliance: no words for {key:?}").into());
    });
    let mount = MountFn::new(mount);
    define(HOST_TAG, &mount);
    // Elements may be added at any time while the page is open.
    mount.forget();
}

/// What the element calls when it is added to the page: the host, and where to build. It
/// returns the function the element calls when it is taken off the page.
type MountFn = wasm_bindgen::closure::Closure<
    dyn Fn(web_sys::HtmlElement, web_sys::Node) -> wasm_bindgen::JsValue,
>;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/element.js")]
extern "C" {
    fn define(tag: &str, mount: &MountFn);
    /// The address of a language's catalogue, next to the widget's own files.
    #[wasm_bindgen(js_name = catalogueUrl)]
    fn catalogue_url(language: &str) -> String;
}

/// Mounts the widget for `host` into `root` (a box in its shadow root, or `host` itself):
/// never into `<body>`, the page belongs to the coach. Returns a JavaScript function that
/// unmounts it: what was typed is saved, every listener and timer stops, `root` is emptied.
pub fn mount(host: web_sys::HtmlElement, root: web_sys::Node) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    crash::register_host(&host);
    let target: web_sys::Element = host.into();
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return wasm_bindgen::JsValue::UNDEFINED;
    };
    let (namespace, preset) = attributes(&target);
    let coach = coach_attributes(&target);
    // The coach's own page: what arrives is filed by its people.
    let desk = match target.get_attribute("mode").as_deref().map(str::trim) {
        None | Some("") => false,
        Some("coach") => true,
        Some(other) => {
            web_sys::console::warn_1(
                &format!("designed-alliance: mode=\"{other}\" cannot be used: the only mode is \"coach\"").into(),
            );
            false
        }
    };
    // The coach's template, from their own site; read once, when the widget starts.
    let template = target
        .get_attribute("template")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let emitter = target.clone();
    // What happens in the widget, told to the host page as DOM events on the element.
    let hooks = ui::Hooks {
        event: Some(std::rc::Rc::new(move |name: &'static str, detail: &str| {
            emit(&emitter, name, detail);
        })),
    };
    let language = language_of(&target);
    let start = move || {
        // Read aloud in the language it is written in, whatever the page around it speaks.
        let _ = root.set_attribute("lang", core::text::language());
        ui::mount(
            target,
            root,
            namespace,
            preset,
            template,
            hooks,
            ui::io::send::Coached { coach, desk },
        )
    };
    // English, or a page whose first widget chose the language already: at once (all widgets
    // on a page speak one language).
    if language == "en" || core::text::language() != "en" {
        return wasm_bindgen::closure::Closure::once_into_js(start());
    }
    // Another language: its catalogue first (English, and a console error, if it cannot be
    // had). Taken off the page before then: it never starts.
    let unmount: std::rc::Rc<std::cell::RefCell<Option<Unmount>>> = Default::default();
    let stopped = std::rc::Rc::new(std::cell::Cell::new(false));
    {
        let (unmount, stopped) = (unmount.clone(), stopped.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if core::text::language() == "en" {
                if let Err(why) = install_language(language).await {
                    web_sys::console::error_1(
                        &format!("designed-alliance: {why}; English is used").into(),
                    );
                }
            }
            if !stopped.get() {
                *unmount.borrow_mut() = Some(Box::new(start()));
            }
        });
    }
    wasm_bindgen::closure::Closure::once_into_js(move || {
        stopped.set(true);
        if let Some(unmount) = unmount.borrow_mut().take() {
            unmount();
        }
    })
}

/// The language a widget speaks: its `lang` attribute (or its nearest container's), else the
/// page's `<html lang>`, when there is a catalogue for it; English otherwise.
fn language_of(host: &web_sys::Element) -> &'static str {
    let asked = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .unwrap_or_default();
    let primary = asked
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    core::text::LANGUAGES
        .iter()
        .copied()
        .find(|l| *l == primary)
        .unwrap_or("en")
}

/// Fetches a language's catalogue and speaks it from now on.
async fn install_language(language: &'static str) -> Result<(), String> {
    let url = catalogue_url(language);
    let text = ui::io::fetch::text(&url, core::text::MAX_CATALOGUE_BYTES, "catalogue")
        .await
        .map_err(|e| e.to_string())?;
    core::text::install(language, &text).map_err(|e| format!("{e} ({url})"))
}

/// What stops a widget that has started.
type Unmount = Box<dyn FnOnce()>;

/// Reads the element's attributes: `namespace`, and what a new alliance starts with
/// (`relationship`, `title`). `theme` is for the stylesheet. A value that cannot be used is
/// named in a console warning and replaced by the default.
fn attributes(host: &web_sys::Element) -> (String, ui::drafts::Preset) {
    let warn = |name: &str, value: &str, instead: &str| {
        web_sys::console::warn_1(
            &format!("designed-alliance: {name}=\"{value}\" cannot be used; {instead}").into(),
        );
    };
    let namespace = host.get_attribute("namespace").unwrap_or_default();
    if !namespace.is_empty() && core::drafts::clean_namespace(&namespace) != namespace {
        warn(
            "namespace",
            &namespace,
            "other characters than A-Z a-z 0-9 - _ become -",
        );
    }
    let relationship = host.get_attribute("relationship").and_then(|v| {
        let kind = core::RelationshipKind::from_key(&v);
        if kind.is_none() {
            warn("relationship", &v, "no kind is chosen");
        }
        kind
    });
    // `title` is also a tooltip attribute: taken off, so it does not hover over the whole form.
    let title = host.get_attribute("title").unwrap_or_default();
    let _ = host.remove_attribute("title");
    if let Some(theme) = host.get_attribute("theme") {
        if !matches!(theme.as_str(), "light" | "dark" | "auto") {
            warn("theme", &theme, "following the system (auto)");
        }
    }
    (namespace, (relationship, title.trim().to_string()))
}

/// Reads who the coach is (`coach-name`, `coach-email`, `coach-endpoint`). An address that
/// cannot be used is named in a console warning and left out.
fn coach_attributes(host: &web_sys::Element) -> core::coach::Coach {
    let warn = |name: &str, value: &str, why: &str| {
        web_sys::console::warn_1(
            &format!("designed-alliance: {name}=\"{value}\" cannot be used: {why}").into(),
        );
    };
    let attribute = |name: &str| {
        host.get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let email = attribute("coach-email").filter(|e| {
        let ok = core::coach::email_ok(e);
        if !ok {
            warn("coach-email", e, "it is not an email address");
        }
        ok
    });
    // Made absolute against the page, as `template` is; HTTPS only (or this computer).
    let endpoint = attribute("coach-endpoint").and_then(|e| {
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        match web_sys::Url::new_with_base(&e, &base) {
            Ok(url) if core::coach::endpoint_ok(&url.protocol(), &url.hostname()) => {
                Some(url.href())
            }
            Ok(_) => {
                warn("coach-endpoint", &e, "it must be an https:// address");
                None
            }
            Err(_) => {
                warn("coach-endpoint", &e, "it is not an address");
                None
            }
        }
    });
    // The coach's own page, where the link in the email opens: any address (it is only
    // written into the email), made absolute against the page.
    let desk = attribute("coach-desk").and_then(|d| {
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        match web_sys::Url::new_with_base(&d, &base) {
            Ok(url) if matches!(url.protocol().as_str(), "https:" | "http:") => {
                url.set_hash("");
                Some(url.href())
            }
            _ => {
                warn("coach-desk", &d, "it is not a web address");
                None
            }
        }
    });
    core::coach::Coach {
        name: attribute("coach-name").unwrap_or_default(),
        email,
        endpoint,
        desk,
    }
}

/// Dispatches `name` on `host`, bubbling and composed (it crosses shadow roots), with `detail`
/// (JSON text) parsed into an object.
fn emit(host: &web_sys::Element, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(wasm_bindgen::JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// A fresh random id for a new alliance.
pub fn new_alliance_id() -> core::Id {
    core::Id::for_alliance(ui::browser::random_u48())
}

/// Deliberately panics, so end-to-end tests can prove the crash notice appears.
/// Not part of the public API.
#[doc(hidden)]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __designedAllianceTestPanic)]
pub fn test_panic() {
    panic!("deliberate test panic");
}

/// A smaller, faster allocator than the default dlmalloc (see DEVELOPERS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
