//! Check-ins held, brought together: each kept whole, from one side or the other.

#[allow(unused_imports)]
use super::*;

/// One check-in the two versions hold differently: what it is, its part, how each side reads.
pub(super) type Held = (String, Part, (Option<String>, Option<String>));

/// The check-ins the other version holds differently: (what it is, its part, how each side
/// reads). One only this version has is not a difference: as with the revision log, a record
/// only grows, and the other has not seen it yet.
pub(super) fn differing(mine: &Alliance, theirs: &Alliance, dates: &dyn Dates) -> Vec<Held> {
    let line = |c: &CheckInHeld| {
        format!(
            "{}: {}",
            dates.date(c.date),
            super::super::living::one_line(c)
        )
    };
    theirs
        .check_ins
        .iter()
        .filter_map(|c| {
            let mine_c = mine.check_ins.iter().find(|m| m.id == c.id);
            (mine_c != Some(c)).then(|| {
                (
                    super::super::text::living::history_item(&dates.date(c.date)),
                    Part::Held(c.id.clone()),
                    (mine_c.map(line), Some(line(c))),
                )
            })
        })
        .collect()
}

/// Taking the other version's check-in `id`, whole (with a new id when this version gives its
/// id to something else).
pub(super) fn taken(result: &Alliance, theirs: &Alliance, id: &Id) -> Option<Action> {
    let mut c = theirs.check_ins.iter().find(|c| &c.id == id)?.clone();
    let mut clash = false;
    result.for_each_id(|i| clash |= i == id);
    if clash && !result.check_ins.iter().any(|m| &m.id == id) {
        c.id = result.fresh_id("checkin");
    }
    Some(Action::HoldCheckIn(Box::new(c), Vec::new()))
}
