//! A small DOM builder on web-sys, wired to Leptos' reactive system.
//!
//! Why: every distinct `view!` tree is its own type, compiled once per type through Leptos'
//! renderer; for a wizard of this size that alone exceeded the widget's size budget several
//! times over. Here elements are built at runtime by a handful of non-generic functions,
//! while Leptos still does what it is best at: signals, memos and effects track what each
//! binding reads and update just that attribute or text, and owners dispose of effects and
//! event listeners when a region is re-rendered or a list item goes away.
//!
//! Nothing here panics: a failed DOM call leaves that one element out.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::core::Id;
use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use leptos::reactive::graph::untrack;
use leptos::reactive::owner::Owner;
use leptos::reactive::signal::ArcTrigger;
use std::any::Any;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// An element under construction. Every method returns it, for chaining.
#[must_use]
pub struct El {
    node: Option<web_sys::Element>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// A new element.
pub fn el(tag: &str) -> El {
    El {
        node: document().and_then(|d| d.create_element(tag).ok()),
    }
}

/// Keeps an effect running until the current owner is cleaned up.
fn keep(effect: RenderEffect<()>) {
    on_cleanup(move || drop(effect));
}

/// Values that are not `Send` (DOM nodes, JS closures, boxed closures) owned by a Leptos
/// owner: kept here and dropped when the owner is cleaned up. Leptos' own local storage
/// wraps each value in a thread check that costs more code than this whole slab.
struct Slab {
    /// Each slot: its generation, and the value while it is alive.
    slots: Vec<(u32, Option<Rc<dyn Any>>)>,
    free: Vec<usize>,
}

thread_local! {
    static SLAB: RefCell<Slab> = const {
        RefCell::new(Slab {
            slots: Vec::new(),
            free: Vec::new(),
        })
    };
}

/// A handle to a value kept in the slab: copyable, and stale once its owner is gone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Local(usize, u32);

/// Keeps `v` until the current owner is disposed of (for ever, without an owner): after the
/// owner's cleanup functions have run, so those can still use it (saving a draft when a widget
/// is taken off the page needs its store).
pub fn keep_local(v: Rc<dyn Any>) -> Local {
    let handle = SLAB.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let i = match s.free.pop() {
            Some(i) => i,
            None => {
                s.slots.push((0, None));
                s.slots.len() - 1
            }
        };
        let slot = s.slots.get_mut(i)?;
        slot.0 = slot.0.wrapping_add(1);
        slot.1 = Some(v);
        Some(Local(i, slot.0))
    });
    let Some(handle) = handle else {
        return Local(usize::MAX, 0);
    };
    // The owner drops what it stores after its cleanup functions; `Release` frees the slot then.
    // One stored type for every kept value: each `StoredValue` type costs code of its own.
    StoredValue::new(Release(handle));
    handle
}

/// Frees a slab slot when dropped.
struct Release(Local);

impl Drop for Release {
    fn drop(&mut self) {
        let handle = self.0;
        // Taken out first, dropped after: dropping may run code that uses the slab.
        let old = SLAB.with(|s| {
            let mut s = s.try_borrow_mut().ok()?;
            let slot = s
                .slots
                .get_mut(handle.0)
                .filter(|slot| slot.0 == handle.1)?;
            let old = slot.1.take();
            s.free.push(handle.0);
            old
        });
        drop(old);
    }
}

/// Runs `f` on the value behind a handle to an `Rc<RefCell<T>>`; `None` once it is gone, or
/// while it is borrowed further up the stack.
pub fn with_local_mut<T: 'static, R>(h: Local, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    let cell = local::<RefCell<T>>(h)?;
    let mut value = cell.try_borrow_mut().ok()?;
    Some(f(&mut value))
}

/// The value behind a handle, if it is still alive and of type `T`.
pub fn local<T: 'static>(h: Local) -> Option<Rc<T>> {
    let v = SLAB.with(|s| {
        let s = s.try_borrow().ok()?;
        let slot = s.slots.get(h.0).filter(|slot| slot.0 == h.1)?;
        slot.1.clone()
    })?;
    v.downcast::<T>().ok()
}

/// A reactive value. Leptos tracks and notifies through an `ArcTrigger`; the value sits next to
/// it in the owner's slab. Why not `RwSignal<T>`: its machinery is compiled once per value
/// type, about 1.5 KB each, where this is one trigger type for every signal.
///
/// Copyable, like a Leptos signal, and gone with the owner that created it: then reads give
/// the default (or `None` for the `try_` methods) and writes do nothing. The same happens,
/// instead of a panic, to a read inside a change of the same signal, or a change inside a read.
pub struct Sig<T: 'static>(Local, PhantomData<fn() -> T>);

impl<T> Clone for Sig<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Sig<T> {}

struct SigCell<T> {
    trigger: ArcTrigger,
    value: RefCell<T>,
}

impl<T: 'static> Sig<T> {
    pub fn new(value: T) -> Self {
        let cell = SigCell {
            trigger: ArcTrigger::new(),
            value: RefCell::new(value),
        };
        Sig(keep_local(Rc::new(cell)), PhantomData)
    }

    fn cell(self) -> Option<Rc<SigCell<T>>> {
        local::<SigCell<T>>(self.0)
    }

    pub fn is_disposed(self) -> bool {
        self.cell().is_none()
    }

    /// Subscribes the running binding to changes.
    pub fn track(self) {
        if let Some(c) = self.cell() {
            c.trigger.track();
        }
    }

    /// `f` of the value, without subscribing; `None` once it is gone.
    pub fn try_with_untracked<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        let c = self.cell()?;
        let v = c.value.try_borrow().ok()?;
        Some(f(&v))
    }

    /// `f` of the value, subscribing the running binding; `None` once it is gone.
    pub fn try_with<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.track();
        self.try_with_untracked(f)
    }

    /// `f` of the value, subscribing the running binding; what `R` defaults to once the value
    /// is gone (`f` is not called then).
    pub fn with<R: Default>(self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with(f).unwrap_or_default()
    }

    /// `f` of the value, without subscribing; what `R` defaults to once the value is gone.
    pub fn with_untracked<R: Default>(self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with_untracked(f).unwrap_or_default()
    }

    /// Changes the value with `f`, which says whether subscribers should be told.
    fn change<R>(self, f: impl FnOnce(&mut T) -> (R, bool)) -> Option<R> {
        let c = self.cell()?;
        let (r, notify) = {
            let mut v = c.value.try_borrow_mut().ok()?;
            f(&mut v)
        };
        if notify {
            c.trigger.notify();
        }
        Some(r)
    }

    /// Changes the value with `f`, then notifies subscribers.
    pub fn try_update<R>(self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.change(|v| (f(v), true))
    }

    pub fn update(self, f: impl FnOnce(&mut T)) {
        self.try_update(f);
    }

    /// Changes the value with `f`; notifies subscribers only when `f` says it changed.
    pub fn maybe_update(self, f: impl FnOnce(&mut T) -> bool) {
        self.change(|v| ((), f(v)));
    }

    pub fn set(self, value: T) {
        self.update(|v| *v = value);
    }
}

impl<T: Clone + Default + 'static> Sig<T> {
    /// The value (tracked).
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }
}

/// A value computed whenever it is read. Bindings that read it are updated when what it
/// reads changes; they already skip work when the result is the same, so most derived values
/// need no memo (each memo type costs code; the validation report is kept next to the editor
/// instead, see [`super::ctx::Doc`]).
/// A copyable handle, disposed of with the owner that created it.
pub struct Derived<T: 'static>(Local, PhantomData<fn() -> T>);

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: Default + 'static> Derived<T> {
    /// The current value (the default once the owner is gone).
    pub fn get(&self) -> T {
        local::<Box<dyn Fn() -> T>>(self.0).map_or_else(T::default, |f| f())
    }
}

pub fn derived<T: 'static>(f: impl Fn() -> T + 'static) -> Derived<T> {
    derived_boxed(Box::new(f))
}

fn derived_boxed<T: 'static>(f: Box<dyn Fn() -> T>) -> Derived<T> {
    Derived(keep_local(Rc::new(f)), PhantomData)
}

/// Runs `f` now and again whenever a signal it reads changes.
pub fn bind(f: Box<dyn Fn()>) {
    keep(RenderEffect::new(move |_| f()));
}

/// Runs `then` whenever what `track` reads changes, but not now: the first run only subscribes.
pub fn on_change(track: Box<dyn Fn()>, then: Box<dyn Fn()>) {
    let first = std::cell::Cell::new(true);
    bind(Box::new(move || {
        track();
        if !first.replace(false) {
            then();
        }
    }));
}

impl El {
    /// The element, if it could be created.
    pub fn node(&self) -> Option<&web_sys::Element> {
        self.node.as_ref()
    }

    pub fn into_node(self) -> Option<web_sys::Element> {
        self.node
    }

    pub fn attr(self, name: &str, value: &str) -> Self {
        if let Some(n) = &self.node {
            let _ = n.set_attribute(name, value);
        }
        self
    }

    pub fn id(self, value: &str) -> Self {
        self.attr("id", value)
    }

    pub fn class(self, value: &str) -> Self {
        self.attr("class", value)
    }

    /// An attribute kept up to date; `None` removes it.
    pub fn attr_dyn(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> Self {
        self.attr_boxed(name, Box::new(f))
    }

    fn attr_boxed(self, name: &'static str, f: Box<dyn Fn() -> Option<String>>) -> Self {
        if let Some(n) = self.node.clone() {
            bind(Box::new(move || {
                let _ = match f() {
                    Some(v) => n.set_attribute(name, &v),
                    None => n.remove_attribute(name),
                };
            }));
        }
        self
    }

    /// A boolean attribute (`disabled`, `hidden`), present while `f` says so.
    pub fn flag_dyn(self, name: &'static str, f: impl Fn() -> bool + 'static) -> Self {
        self.attr_boxed(name, Box::new(move || f().then(String::new)))
    }

    /// A class present while `f` says so.
    pub fn class_dyn(self, name: &'static str, f: impl Fn() -> bool + 'static) -> Self {
        self.class_boxed(name, Box::new(f))
    }

    fn class_boxed(self, name: &'static str, f: Box<dyn Fn() -> bool>) -> Self {
        if let Some(n) = self.node.clone() {
            bind(Box::new(move || {
                let _ = n.class_list().toggle_with_force(name, f());
            }));
        }
        self
    }

    /// The `value` of an input, textarea or select, set only when it differs from what is on
    /// screen (so the caret never jumps while typing).
    pub fn value_dyn(self, f: impl Fn() -> String + 'static) -> Self {
        self.value_boxed(Box::new(f))
    }

    fn value_boxed(self, f: Box<dyn Fn() -> String>) -> Self {
        if let Some(n) = self.node.clone() {
            bind(Box::new(move || {
                let v = f();
                let key = JsValue::from_str("value");
                let current = js_sys::Reflect::get(&n, &key)
                    .ok()
                    .and_then(|c| c.as_string());
                if current.as_deref() != Some(v.as_str()) {
                    let _ = js_sys::Reflect::set(&n, &key, &JsValue::from_str(&v));
                }
            }));
        }
        self
    }

    /// The `checked` state of a checkbox.
    pub fn checked_dyn(self, f: impl Fn() -> bool + 'static) -> Self {
        self.checked_boxed(Box::new(f))
    }

    fn checked_boxed(self, f: Box<dyn Fn() -> bool>) -> Self {
        if let Some(n) = self.node.clone() {
            bind(Box::new(move || {
                let _ = js_sys::Reflect::set(
                    &n,
                    &JsValue::from_str("checked"),
                    &JsValue::from_bool(f()),
                );
            }));
        }
        self
    }

    pub fn text(self, s: &str) -> Self {
        if let (Some(n), Some(d)) = (&self.node, document()) {
            let _ = n.append_child(&d.create_text_node(s));
        }
        self
    }

    /// Text kept up to date.
    pub fn text_dyn(self, f: impl Fn() -> String + 'static) -> Self {
        self.text_boxed(Box::new(f))
    }

    fn text_boxed(self, f: Box<dyn Fn() -> String>) -> Self {
        if let (Some(n), Some(d)) = (&self.node, document()) {
            let t = d.create_text_node("");
            let _ = n.append_child(&t);
            bind(Box::new(move || {
                let v = f();
                if t.data() != v {
                    t.set_data(&v);
                }
            }));
        }
        self
    }

    pub fn child(self, c: El) -> Self {
        if let (Some(n), Some(c)) = (&self.node, c.node) {
            let _ = n.append_child(&c);
        }
        self
    }

    pub fn child_opt(self, c: Option<El>) -> Self {
        match c {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn children(mut self, cs: impl IntoIterator<Item = El>) -> Self {
        for c in cs {
            self = self.child(c);
        }
        self
    }

    /// Listens for `event`; the listener goes away with the current owner.
    pub fn on(self, event: &str, f: impl Fn(web_sys::Event) + 'static) -> Self {
        self.on_boxed(event, Box::new(f))
    }

    fn on_boxed(self, event: &str, f: Box<dyn Fn(web_sys::Event)>) -> Self {
        if let Some(n) = &self.node {
            let closure = Closure::wrap(f);
            if n.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
                .is_ok()
            {
                if Owner::current().is_some() {
                    keep_local(Rc::new(closure));
                } else {
                    // Lives as long as the page: the widget root.
                    closure.forget();
                }
            }
        }
        self
    }

    /// Listens for clicks.
    pub fn on_click(self, f: impl Fn() + 'static) -> Self {
        self.on_boxed("click", Box::new(move |_| f()))
    }

    /// The element's whole content, rebuilt whenever `key` changes. `key` is read tracked;
    /// `build` runs untracked, in an owner of its own that is cleaned up before the next build.
    pub fn content_dyn<K: PartialEq + Clone + 'static>(
        self,
        key: impl Fn() -> K + 'static,
        build: impl Fn(K) -> Vec<El> + 'static,
    ) -> Self {
        // Only the key comparison depends on `K`; the rest is shared by every caller.
        let last: Rc<RefCell<Option<K>>> = Rc::new(RefCell::new(None));
        let last2 = Rc::clone(&last);
        self.content_boxed(
            Box::new(move || {
                let k = key();
                let changed = last.borrow().as_ref() != Some(&k);
                if changed {
                    *last.borrow_mut() = Some(k);
                }
                changed
            }),
            Box::new(move || match last2.borrow().clone() {
                Some(k) => build(k),
                None => Vec::new(),
            }),
        )
    }

    fn content_boxed(
        self,
        changed: Box<dyn Fn() -> bool>,
        build: Box<dyn Fn() -> Vec<El>>,
    ) -> Self {
        if let Some(n) = self.node.clone() {
            let owner: RefCell<Option<Owner>> = RefCell::new(None);
            let parent = Owner::current();
            bind(Box::new(move || {
                if !changed() {
                    return;
                }
                if let Some(old) = owner.borrow_mut().take() {
                    old.cleanup();
                }
                let o = parent.as_ref().map_or_else(Owner::new, Owner::child);
                let kids = o.with(|| untrack(&*build));
                *owner.borrow_mut() = Some(o);
                n.set_text_content(None);
                for kid in kids.into_iter().filter_map(El::into_node) {
                    let _ = n.append_child(&kid);
                }
            }));
        }
        self
    }

    /// Children keyed by id: items are built once, moved when the order changes, and disposed
    /// of (effects, listeners) when they go away. `render` runs untracked.
    pub fn keyed(
        self,
        ids: impl Fn() -> Vec<Id> + 'static,
        render: impl Fn(Id) -> El + 'static,
    ) -> Self {
        self.keyed_boxed(Box::new(ids), Box::new(render))
    }

    fn keyed_boxed(self, ids: Box<dyn Fn() -> Vec<Id>>, render: Box<dyn Fn(Id) -> El>) -> Self {
        if let Some(n) = self.node.clone() {
            let items: RefCell<Vec<(Id, web_sys::Element, Owner)>> = RefCell::new(Vec::new());
            let parent = Owner::current();
            bind(Box::new(move || {
                let wanted = ids();
                let mut old = std::mem::take(&mut *items.borrow_mut());
                let mut next = Vec::with_capacity(wanted.len());
                for id in wanted {
                    match old.iter().position(|(i, _, _)| *i == id) {
                        Some(pos) => next.push(old.swap_remove(pos)),
                        None => {
                            let o = parent.as_ref().map_or_else(Owner::new, Owner::child);
                            let built = o.with(|| untrack(|| render(id.clone())));
                            if let Some(node) = built.into_node() {
                                next.push((id, node, o));
                            }
                        }
                    }
                }
                for (_, node, o) in old {
                    node.remove();
                    o.cleanup();
                }
                // Put each element in place, touching only those out of order.
                let mut cursor = n.first_element_child();
                for (_, node, _) in &next {
                    match &cursor {
                        Some(c) if c == node => cursor = c.next_element_sibling(),
                        _ => {
                            let _ = n.insert_before(
                                node,
                                cursor.as_ref().map(|c| c.unchecked_ref::<web_sys::Node>()),
                            );
                        }
                    }
                }
                *items.borrow_mut() = next;
            }));
        }
        self
    }
}

/// Builds `f`'s elements into `host` under the current owner (the widget's root).
pub fn mount_into(host: &web_sys::Node, kids: Vec<El>) {
    for kid in kids.into_iter().filter_map(El::into_node) {
        let _ = host.append_child(&kid);
    }
}
