//! The wizard: what a coach's client sees, as Leptos components. Built on the pure core; every
//! change goes through [`ctx::Ctx::apply`], which applies a core `Action`.
//!
//! - `ctx`: the state every component shares (through context);
//! - `shell/`: the header, toolbar, progress indicator, step and dialogs around every step;
//! - `steps/`: every step: sections as tables of questions, and review, agreement, finish;
//! - `fields/`: the generic components tables are rendered with (a question, a list of items);
//! - `drafts/`: saving in the browser, its status and notices, "My drafts";
//! - `io/`: opening a file, and the exports;
//! - `browser`, `storage`: every browser API the widget calls, wrapped so none can panic.
//!
//! No `unwrap`, `expect` or `panic!` anywhere in browser code: a panic stops the widget for
//! good, and the person's text with it.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod browser;
pub mod ctx;
pub mod drafts;
pub mod fields;
pub mod io;
pub mod living;
pub mod part;
pub mod shell;
pub mod steps;
pub mod storage;

pub use ctx::{Ctx, Hooks, Step};

use crate::core::text::ui as t;
use drafts::Drafts;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Mounts the widget into `root`, for the element `host` (which gets the methods and events):
/// opens the draft that was open last time in `namespace` (or starts a new one), creates the
/// widget's state and provides it to every component. Returns what unmounts it: what was
/// typed is saved, every listener and timer stops, and `root` is emptied.
pub fn mount(
    host: web_sys::Element,
    root: web_sys::HtmlElement,
    namespace: String,
    preset: drafts::Preset,
    template: Option<String>,
    hooks: Hooks,
    coaching: io::send::Coached,
) -> impl FnOnce() {
    browser::use_plural_rules();
    let started = std::rc::Rc::new(std::cell::Cell::new(None));
    let handle = {
        let started = started.clone();
        leptos::mount::mount_to(root, move || {
            let (alliance, start) = drafts::start(&namespace, preset);
            let (page, ctx, way) = ctx::provide(alliance, hooks);
            let dialogs = io::Dialogs::new();
            provide_context(dialogs);
            let coaching = io::send::Coaching {
                coach: RwSignal::new(coaching.coach),
                desk: coaching.desk,
            };
            provide_context(coaching);
            // The coach's template: until it is there (and if it cannot be used, for good) the
            // standard one. A template that cannot be used is named in the console, with why.
            if let Some(url) = template {
                leptos::task::spawn_local(async move {
                    let named = coaching.coach.get_untracked();
                    match io::template::load(&url, named).await {
                        Ok((t, coach)) => {
                            // The page's own attributes win over what the template says.
                            coaching.coach.set(coach);
                            way.use_template(t)
                        }
                        Err(why) => web_sys::console::error_1(
                            &format!(
                                "designed-alliance: {why} ({url}); the standard template is used"
                            )
                            .into(),
                        ),
                    }
                });
            }
            let d = Drafts::new(page, ctx, way, start);
            provide_context(d);
            // A share link in the address bar, now or pasted in later.
            io::share::open_from_address(page, dialogs);
            drafts::listen(leptos::ev::hashchange, move |_| {
                io::share::open_from_address(page, dialogs)
            });
            // Every step shown after the first, however it came (a button, a link, a draft).
            Effect::watch(
                move || way.step.get(),
                move |step, _, _| {
                    page.tell(
                        "da-step-changed",
                        &format!(r#"{{"step":"{}"}}"#, step.key()),
                    );
                },
                false,
            );
            // The methods first: a host page may call them as soon as it hears the widget is
            // ready.
            add_methods(&host, ctx, dialogs, d);
            // The parts a person is likely to open next, most likely first, fetched once the
            // first screen is up and the browser is idle.
            part::fetch_ahead(vec![
                Box::pin(async {
                    let _ = steps::fetch_essentials().await;
                }),
                Box::pin(async {
                    let _ = steps::fetch_closing().await;
                }),
                Box::pin(async {
                    let _ = steps::fetch_deeper().await;
                }),
                Box::pin(async {
                    let _ = living::fetch_living().await;
                }),
                Box::pin(async {
                    let _ = io::fetch_exports().await;
                }),
                Box::pin(async {
                    let _ = io::share::fetch_share().await;
                }),
                Box::pin(async {
                    let _ = drafts::fetch_drafts().await;
                }),
                Box::pin(async {
                    let _ = io::fetch_preview().await;
                }),
                Box::pin(async {
                    let _ = io::fetch_comparison().await;
                }),
            ]);
            started.set(Some((
                page,
                crate::core::drafts::clean_namespace(&namespace),
            )));
            view! { <shell::Widget/> }
        })
    };
    if let Some((page, namespace)) = started.take() {
        let detail = serde_json::json!({ "namespace": namespace });
        page.tell("da-ready", &detail.to_string());
    }
    move || drop(handle)
}

/// The element's methods for the host page: `exportJson()` returns the alliance as file text;
/// `importJson(text)` opens a file's text as a new draft and gives a promise, rejected with an
/// `Error` whose message says what is wrong (nothing changes then); `newAlliance()` starts a new, empty draft. The
/// draft on screen stays in "My drafts" in both cases.
fn add_methods(host: &web_sys::Element, ctx: Ctx, dialogs: io::Dialogs, d: Drafts) {
    // One signature for all three: the glue between JavaScript and Rust is made once.
    type Method = dyn Fn(JsValue) -> Result<JsValue, JsValue>;
    let error = |m: &str| JsValue::from(js_sys::Error::new(m));
    let export: Box<Method> = Box::new(move |_| {
        let file = ctx
            .try_with_untracked(|a| {
                crate::core::json::export(a, browser::now())
                    .map(|f| (f, a.clone()))
                    .map_err(|e| e.to_string())
            })
            .unwrap_or_else(|| Err(t::stopped().to_string()));
        // The host page may hand it to the others: remembered, to tell later who changed what.
        file.map(|(text, a)| {
            ctx.exchanged(&a);
            JsValue::from(text)
        })
        .map_err(|m| error(&m))
    });
    // A promise: the text is read closely by a part, loaded when first used.
    let import: Box<Method> = Box::new(move |text| {
        let reading = async move {
            let text = text
                .as_string()
                .ok_or_else(|| error(t::import_not_text()))?;
            let imported = io::or_unavailable(io::read_text(text).await).map_err(|m| error(&m))?;
            // The widget may have stopped while the part was on its way.
            if dialogs.pending_import.try_with_untracked(|_| ()).is_none() {
                return Err(error(t::stopped()));
            }
            if d.holding(&imported.alliance.id).is_some() {
                // A draft of the same alliance is here: the person chooses to compare or not.
                dialogs.pending_import.try_set(Some(imported));
            } else {
                d.open_new(imported.alliance, None, Step::Review);
            }
            Ok(JsValue::UNDEFINED)
        };
        Ok(wasm_bindgen_futures::future_to_promise(reading).into())
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
        StoredValue::new_local(f);
    }
}
