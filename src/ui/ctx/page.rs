//! The page the widget is on: its root element and the DOM ids it gives, the status line,
//! where focus goes, and the host page's events. What a component uses to find, focus or say
//! something, whatever the alliance holds.

use super::browser;
use leptos::prelude::*;
use std::rc::Rc;

/// Receives an event for the host page: its name and its detail as JSON text.
pub type EventSink = Rc<dyn Fn(&'static str, &str)>;

/// What the widget tells the outside world (the host page's events). See the README's list of
/// events.
#[derive(Clone, Default)]
pub struct Hooks {
    pub event: Option<EventSink>,
}

/// What needs no signal: the host page's hooks, the widget's root element, and the prefix
/// that keeps DOM ids unique when several widgets share a page.
struct Fixed {
    hooks: Hooks,
    root: Option<web_sys::Element>,
    uid: String,
}

thread_local! {
    static INSTANCES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One widget instance's place on the page (through `provide_context`; copied freely: it
/// holds handles only).
#[derive(Clone, Copy)]
pub struct Page {
    /// The last polite announcement for screen readers (and the visible status line).
    pub announcement: RwSignal<String>,
    fixed: StoredValue<Fixed, LocalStorage>,
}

impl Page {
    /// A new instance's place, with ids of its own. Call under the widget's owner.
    pub fn new(hooks: Hooks) -> Self {
        let n = INSTANCES.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        Page {
            announcement: RwSignal::new(String::new()),
            fixed: StoredValue::new_local(Fixed {
                hooks,
                root: None,
                uid: format!("da{n}"),
            }),
        }
    }

    /// Tells the host page `name` happened, with `detail` (JSON text).
    pub fn tell(&self, name: &'static str, detail: &str) {
        // Taken out first: the host page's listener may call back into the widget.
        if let Some(cb) = self
            .fixed
            .try_with_value(|f| f.hooks.event.clone())
            .flatten()
        {
            cb(name, detail);
        }
    }

    /// Remembers the widget's root element, where ids are looked up.
    pub fn set_root(&self, el: web_sys::Element) {
        self.fixed.try_update_value(|f| f.root = Some(el));
    }

    /// The widget's root element.
    pub fn root_element(&self) -> Option<web_sys::Element> {
        self.fixed.try_with_value(|f| f.root.clone()).flatten()
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, suffix: &str) -> String {
        self.fixed
            .try_with_value(|f| format!("{}-{suffix}", f.uid))
            .unwrap_or_else(|| format!("da-{suffix}"))
    }

    /// The DOM id of the control for a field, so findings can link to it.
    pub fn field_id(
        &self,
        section: crate::core::SectionId,
        item: Option<&crate::core::Id>,
        field: &str,
    ) -> String {
        let item = item.map_or("", crate::core::Id::as_str);
        self.id(&format!("{}-{item}-{field}", section.key()))
    }

    /// Says something politely to screen readers (and in the status line).
    pub fn announce(&self, message: impl Into<String>) {
        let message = message.into();
        // Saying the same thing twice must still be heard: clear first if unchanged.
        if self.announcement.try_get_untracked().as_ref() == Some(&message) {
            self.announcement.set(String::new());
        }
        self.announcement.try_set(message);
    }

    /// Focuses the element with this id once the view has caught up.
    /// Not when the person has put focus somewhere else in the widget meanwhile: what they
    /// type goes where they put it.
    pub fn focus_later(&self, id: String) {
        let page = *self;
        let before = page.focused();
        browser::after_updates(move || {
            if let Some(el) = page.root_element() {
                let now = browser::focused_in(&el);
                if now.is_none() || now == before {
                    browser::focus_in(&el, &id);
                }
            }
        });
    }

    /// Focuses the first of these ids that is on the page now; says whether one was.
    pub fn focus_first(&self, ids: &[&str]) -> bool {
        self.root_element()
            .is_some_and(|root| ids.iter().any(|id| browser::focus_in(&root, id)))
    }

    /// What has focus inside the widget, if anything.
    pub fn focused(&self) -> Option<web_sys::Element> {
        self.root_element()
            .and_then(|root| browser::focused_in(&root))
    }
}

/// The widget's place on the page, from the component that provides it.
pub fn use_page() -> Page {
    expect_context::<Page>()
}
