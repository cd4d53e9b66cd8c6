//! The list operations every kind of item shares, and where each item text lives.

#[allow(unused_imports)]
use super::*;

pub(super) fn position<T: HasId>(list: &[T], id: &Id) -> Option<usize> {
    list.iter().position(|x| x.item_id() == id)
}

pub(super) fn remove_from<T: HasId>(list: &mut Vec<T>, id: &Id) -> bool {
    match position(list, id) {
        Some(i) => {
            list.remove(i);
            true
        }
        None => false,
    }
}

pub(super) fn move_in<T: HasId>(list: &mut Vec<T>, id: &Id, to: usize) -> Option<bool> {
    let from = position(list, id)?;
    let to = to.min(list.len() - 1);
    if from == to {
        return Some(false);
    }
    let item = list.remove(from);
    list.insert(to, item);
    Some(true)
}

pub(super) fn replace_in<T: HasId + PartialEq>(list: &mut [T], item: T) -> Option<bool> {
    let i = position(list, item.item_id())?;
    if list[i] == item {
        return Some(false);
    }
    list[i] = item;
    Some(true)
}

/// Sets, changes or (when empty) takes away the answer to one question, saying whether
/// anything changed. A new answer goes after the others.
pub(super) fn set_answer(answers: &mut Vec<Answer>, answer: Answer) -> bool {
    let at = answers.iter().position(|a| a.question == answer.question);
    match at {
        Some(i) if answer.value.is_empty() => {
            answers.remove(i);
            true
        }
        Some(i) => answers.get_mut(i).is_some_and(|slot| set(slot, answer)),
        None if answer.value.is_empty() => false,
        None => {
            answers.push(answer);
            true
        }
    }
}

/// Sets `slot` to `value`, saying whether it changed.
pub(super) fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// The item with `id` in `list`, mutably.
pub(super) fn find_mut<'a, T: HasId>(list: &'a mut [T], id: &Id) -> Option<&'a mut T> {
    list.iter_mut().find(|x| x.item_id() == id)
}

/// The option with `id`, in whichever decision holds it.
pub(super) fn option_mut<'a>(
    decisions: &'a mut [Decision],
    id: &Id,
) -> Option<&'a mut DecisionOption> {
    decisions
        .iter_mut()
        .flat_map(|d| d.options.iter_mut())
        .find(|o| o.id == *id)
}

impl Alliance {
    /// The text of a field of a list item, mutably. The one map of [`ItemText`] to places.
    pub(super) fn item_text_mut(&mut self, field: ItemText, id: &Id) -> Option<&mut String> {
        match field {
            ItemText::PartyName => find_mut(&mut self.parties, id).map(|x| &mut x.name),
            ItemText::PartyRole => find_mut(&mut self.parties, id).map(|x| &mut x.role),
            ItemText::MeasureSignal => find_mut(&mut self.progress, id).map(|x| &mut x.signal),
            ItemText::MeasureHowWeCheck => {
                find_mut(&mut self.progress, id).map(|x| &mut x.how_we_check)
            }
            ItemText::CommitmentWhat => find_mut(&mut self.commitments, id).map(|x| &mut x.what),
            ItemText::CommitmentAfter => {
                match find_mut(&mut self.commitments, id).map(|x| &mut x.when) {
                    Some(Some(When::After { event })) => Some(event),
                    _ => None,
                }
            }
            ItemText::ChannelName => {
                find_mut(&mut self.communication.channels, id).map(|x| &mut x.name)
            }
            ItemText::ChannelPurpose => {
                find_mut(&mut self.communication.channels, id).map(|x| &mut x.purpose)
            }
            ItemText::MilestoneWhat => {
                find_mut(&mut self.celebrations.milestones, id).map(|x| &mut x.milestone)
            }
            ItemText::MilestoneHow => {
                find_mut(&mut self.celebrations.milestones, id).map(|x| &mut x.how)
            }
            ItemText::NeedOrOfferText => {
                find_mut(&mut self.needs_and_offers, id).map(|x| &mut x.text)
            }
            ItemText::AssumptionText => find_mut(&mut self.assumptions, id).map(|x| &mut x.text),
            ItemText::AssumptionInstead => {
                find_mut(&mut self.assumptions, id).map(|x| &mut x.instead)
            }
            ItemText::PermissionText => {
                find_mut(&mut self.hard_times.permissions, id).map(|x| &mut x.text)
            }
            ItemText::DecisionQuestion => {
                find_mut(&mut self.decisions, id).map(|x| &mut x.question)
            }
            ItemText::DecisionWhy => find_mut(&mut self.decisions, id).map(|x| &mut x.why),
            ItemText::OptionName => option_mut(&mut self.decisions, id).map(|x| &mut x.name),
            ItemText::OptionPros => option_mut(&mut self.decisions, id).map(|x| &mut x.pros),
            ItemText::OptionCons => option_mut(&mut self.decisions, id).map(|x| &mut x.cons),
            ItemText::RevisionChanges => {
                find_mut(&mut self.keeping_alive.revisions, id).map(|x| &mut x.changes)
            }
            ItemText::RevisionWhy => {
                find_mut(&mut self.keeping_alive.revisions, id).map(|x| &mut x.why)
            }
        }
    }
}

impl ItemText {
    pub const ALL: [ItemText; 21] = [
        ItemText::PartyName,
        ItemText::PartyRole,
        ItemText::MeasureSignal,
        ItemText::MeasureHowWeCheck,
        ItemText::CommitmentWhat,
        ItemText::CommitmentAfter,
        ItemText::ChannelName,
        ItemText::ChannelPurpose,
        ItemText::MilestoneWhat,
        ItemText::MilestoneHow,
        ItemText::NeedOrOfferText,
        ItemText::AssumptionText,
        ItemText::AssumptionInstead,
        ItemText::PermissionText,
        ItemText::DecisionQuestion,
        ItemText::DecisionWhy,
        ItemText::OptionName,
        ItemText::OptionPros,
        ItemText::OptionCons,
        ItemText::RevisionChanges,
        ItemText::RevisionWhy,
    ];

    /// Whether this is a text of a decision's option (read with the option's id).
    pub fn is_option(self) -> bool {
        matches!(
            self,
            ItemText::OptionName | ItemText::OptionPros | ItemText::OptionCons
        )
    }

    /// The list the item belongs to.
    pub fn list(self) -> ListKind {
        match self {
            ItemText::PartyName | ItemText::PartyRole => ListKind::Parties,
            ItemText::MeasureSignal | ItemText::MeasureHowWeCheck => ListKind::Progress,
            ItemText::CommitmentWhat | ItemText::CommitmentAfter => ListKind::Commitments,
            ItemText::ChannelName | ItemText::ChannelPurpose => ListKind::Channels,
            ItemText::MilestoneWhat | ItemText::MilestoneHow => ListKind::Milestones,
            ItemText::NeedOrOfferText => ListKind::NeedsAndOffers,
            ItemText::AssumptionText | ItemText::AssumptionInstead => ListKind::Assumptions,
            ItemText::PermissionText => ListKind::Permissions,
            ItemText::DecisionQuestion
            | ItemText::DecisionWhy
            | ItemText::OptionName
            | ItemText::OptionPros
            | ItemText::OptionCons => ListKind::Decisions,
            ItemText::RevisionChanges | ItemText::RevisionWhy => ListKind::Revisions,
        }
    }
}
