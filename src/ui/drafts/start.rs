//! Where the widget starts: the draft this browser was on, or a new one, and what saving needs.

#[allow(unused_imports)]
use super::*;

pub(super) fn random_hex() -> String {
    format!("{:012x}", browser::random_u48() & 0xffff_ffff_ffff)
}

/// A fresh slot (storage key suffix) for a new draft.
pub(super) fn new_slot() -> Id {
    Id::new(format!("d{}", random_hex())).unwrap_or_else(crate::new_alliance_id)
}

/// A new, empty alliance.
pub(super) fn blank() -> Alliance {
    Alliance::new(crate::new_alliance_id(), browser::now())
}

/// What start-up found, read before anything is written.
pub struct Start {
    pub(super) inner: Inner,
    pub(super) here: Here,
    pub(super) step: Step,
    pub(super) state: State,
}

/// Reads the draft that was open last time in `namespace` (the browser's storage, or this
/// page's memory when storage cannot be used). Nothing is written to a draft before it has
/// been read and decoded; a draft that cannot be read is left as it is and reported.
pub fn start(namespace: &str, preset: Preset) -> (Alliance, Start) {
    let mut store = DraftStore::new(namespace, &format!("w{}", random_hex()), new_slot());
    let (web, problem) = match storage::local() {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e)),
    };
    let memory = web.is_none();
    // The alliance a person finds when there is no draft to resume starts with the preset.
    let mut alliance = blank();
    (alliance.relationship, alliance.title) = preset;
    let mut state = State {
        problem,
        ..State::default()
    };
    let mut step = Step::Welcome;
    let mut here = Here::default();
    let mut opened = None;
    let mut damaged = None;
    let mut read = |s: &mut dyn Storage| {
        damaged = store.first_unreadable(s);
        // A draft already open in another widget on this page is not opened twice.
        let last = store.last_open(s).filter(|slot| {
            let key = store.key(slot.as_str());
            !PEERS.with(|p| {
                p.borrow()
                    .iter()
                    .any(|d| d.open_key().as_deref() == Some(&key))
            })
        });
        if let Some(slot) = last {
            opened = Some(store.open(s, &slot));
        }
    };
    match web {
        Some(mut w) => read(&mut w),
        None => MEMORY.with(|m| read(&mut *m.borrow_mut())),
    }
    match opened {
        Some(Ok(o)) => {
            alliance = o.alliance;
            here = o.here;
            step = Step::from_key(&o.step).unwrap_or(Step::Welcome);
            state.saved_at = Some(o.saved_at);
        }
        other => {
            if let Some(Err(OpenError::Unreadable { reason, raw })) = other {
                state.unreadable = Some((reason, raw));
            }
            store.start(new_slot(), Some(&alliance));
        }
    }
    // Any draft that cannot be read is mentioned on the form, not only inside My drafts.
    if state.unreadable.is_none() {
        state.unreadable = damaged;
    }
    let inner = Inner {
        store,
        memory,
        timer: None,
        asked_to_persist: false,
    };
    (
        alliance,
        Start {
            inner,
            here,
            step,
            state,
        },
    )
}
