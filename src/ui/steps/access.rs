//! Reading and changing the parts of an alliance the tables ask about, and the choices of
//! their selects.

use super::table::ChoiceList;
use crate::core::content;
use crate::core::text::ui as t;
use crate::core::*;

/// Reads a field of one kind of item ("" for an item of another kind).
macro_rules! of {
    ($i:ident, $variant:ident($x:ident) => $e:expr) => {
        match $i {
            Item::$variant($x) => $e,
            _ => String::new(),
        }
    };
}

/// The change that sets a field of one kind of item (`None` for an item of another kind).
macro_rules! change {
    ($i:ident, $variant:ident($x:ident) => $body:expr) => {{
        let mut item = $i.clone();
        match &mut item {
            Item::$variant($x) => {
                $body;
                Some($crate::core::Action::Update(item))
            }
            _ => None,
        }
    }};
}

pub(crate) use {change, of};

/// "Choose…" first, then `rest`.
pub fn choose_first(rest: impl Iterator<Item = (String, String)>) -> ChoiceList {
    std::iter::once((String::new(), t::choose().to_string()))
        .chain(rest)
        .collect()
}

pub fn frequencies() -> ChoiceList {
    choose_first(Frequency::ALL.iter().map(|f| {
        (
            f.key().to_string(),
            content::frequency_label(*f).to_string(),
        )
    }))
}

pub fn frequency_key(f: Option<Frequency>) -> String {
    f.map(|f| f.key().to_string()).unwrap_or_default()
}

pub fn owner_key(owner: &Owner) -> String {
    match owner {
        Owner::Everyone => EVERYONE.to_string(),
        Owner::Party(id) => id.to_string(),
    }
}

pub fn owner_from_key(key: &str) -> Option<Owner> {
    if key == EVERYONE {
        Some(Owner::Everyone)
    } else {
        Id::new(key).map(Owner::Party)
    }
}

/// The person using this browser, else everyone: the default owner of new items.
pub fn me_or_everyone(me: Option<&Id>) -> Owner {
    me.map_or(Owner::Everyone, |id| Owner::Party(id.clone()))
}

pub const STATUSES: [AssumptionStatus; 4] = [
    AssumptionStatus::Unchecked,
    AssumptionStatus::Confirmed,
    AssumptionStatus::Revised,
    AssumptionStatus::Dropped,
];

/// The kind of a commitment's "when" as its choice's value ("" while not chosen).
pub fn when_kind(c: &Commitment) -> &'static str {
    c.when.as_ref().map_or("", When::key)
}

/// How a person likes updates as its choice's value ("" while not chosen).
pub fn update_style_key(s: Option<UpdateStyle>) -> &'static str {
    s.map_or("", UpdateStyle::key)
}

/// How `party` likes updates, as it is now (a blank one when they have not said).
pub fn update_of(updates: &[UpdatePreference], party: &Id) -> UpdatePreference {
    updates
        .iter()
        .find(|u| &u.party_id == party)
        .cloned()
        .unwrap_or(UpdatePreference {
            party_id: party.clone(),
            style: None,
            note: String::new(),
        })
}

/// The change that sets how `party` likes updates.
pub fn set_update(
    a: &Alliance,
    party: &Id,
    f: &mut dyn FnMut(&mut UpdatePreference),
) -> Option<Action> {
    let mut u = update_of(&a.communication.updates, party);
    f(&mut u);
    Some(Action::SetUpdatePreference(u))
}

/// The change that sets part of the check-in.
pub fn set_check_in(a: &Alliance, f: &mut dyn FnMut(&mut CheckIn)) -> Option<Action> {
    let mut c = a.communication.check_in.clone();
    f(&mut c);
    Some(Action::SetCheckIn(c))
}

/// A date as the value of a date input ("" for none).
pub fn date_value(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}
