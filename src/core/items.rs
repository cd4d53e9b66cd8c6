//! Reading list items: by id, by position, and as an [`Item`] of their own (what the UI shows
//! one item at a time).

use super::action::{HasId, Item, ItemText, ListKind};
use super::model::*;

impl Item {
    /// The text `field` of this item: for an option's field, of its option `id`.
    pub fn text(&self, field: ItemText, id: &Id) -> Option<&str> {
        let s = match (self, field) {
            (Item::Party(x), ItemText::PartyName) => &x.name,
            (Item::Party(x), ItemText::PartyRole) => &x.role,
            (Item::Measure(x), ItemText::MeasureSignal) => &x.signal,
            (Item::Measure(x), ItemText::MeasureHowWeCheck) => &x.how_we_check,
            (Item::Commitment(x), ItemText::CommitmentWhat) => &x.what,
            (Item::Commitment(x), ItemText::CommitmentAfter) => match &x.when {
                Some(When::After { event }) => event,
                _ => return None,
            },
            (Item::Channel(x), ItemText::ChannelName) => &x.name,
            (Item::Channel(x), ItemText::ChannelPurpose) => &x.purpose,
            (Item::Milestone(x), ItemText::MilestoneWhat) => &x.milestone,
            (Item::Milestone(x), ItemText::MilestoneHow) => &x.how,
            (Item::NeedOrOffer(x), ItemText::NeedOrOfferText) => &x.text,
            (Item::Assumption(x), ItemText::AssumptionText) => &x.text,
            (Item::Assumption(x), ItemText::AssumptionInstead) => &x.instead,
            (Item::Permission(x), ItemText::PermissionText) => &x.text,
            (Item::Decision(x), ItemText::DecisionQuestion) => &x.question,
            (Item::Decision(x), ItemText::DecisionWhy) => &x.why,
            (
                Item::Decision(x),
                ItemText::OptionName | ItemText::OptionPros | ItemText::OptionCons,
            ) => {
                let o = x.options.iter().find(|o| &o.id == id)?;
                match field {
                    ItemText::OptionName => &o.name,
                    ItemText::OptionPros => &o.pros,
                    _ => &o.cons,
                }
            }
            (Item::Revision(x), ItemText::RevisionChanges) => &x.changes,
            (Item::Revision(x), ItemText::RevisionWhy) => &x.why,
            _ => return None,
        };
        Some(s)
    }
}

impl Alliance {
    /// The current text of a field of a list item, if the item exists.
    pub fn item_text(&self, field: ItemText, id: &Id) -> Option<&str> {
        fn find<'a, T: HasId>(list: &'a [T], id: &Id) -> Option<&'a T> {
            list.iter().find(|x| x.item_id() == id)
        }
        let option = || {
            self.decisions
                .iter()
                .flat_map(|d| d.options.iter())
                .find(|o| o.id == *id)
        };
        let s = match field {
            ItemText::PartyName => find(&self.parties, id).map(|x| &x.name),
            ItemText::PartyRole => find(&self.parties, id).map(|x| &x.role),
            ItemText::MeasureSignal => find(&self.progress, id).map(|x| &x.signal),
            ItemText::MeasureHowWeCheck => find(&self.progress, id).map(|x| &x.how_we_check),
            ItemText::CommitmentWhat => find(&self.commitments, id).map(|x| &x.what),
            ItemText::CommitmentAfter => match find(&self.commitments, id).map(|x| &x.when) {
                Some(Some(When::After { event })) => Some(event),
                _ => None,
            },
            ItemText::ChannelName => find(&self.communication.channels, id).map(|x| &x.name),
            ItemText::ChannelPurpose => find(&self.communication.channels, id).map(|x| &x.purpose),
            ItemText::MilestoneWhat => {
                find(&self.celebrations.milestones, id).map(|x| &x.milestone)
            }
            ItemText::MilestoneHow => find(&self.celebrations.milestones, id).map(|x| &x.how),
            ItemText::NeedOrOfferText => find(&self.needs_and_offers, id).map(|x| &x.text),
            ItemText::AssumptionText => find(&self.assumptions, id).map(|x| &x.text),
            ItemText::AssumptionInstead => find(&self.assumptions, id).map(|x| &x.instead),
            ItemText::PermissionText => find(&self.hard_times.permissions, id).map(|x| &x.text),
            ItemText::DecisionQuestion => find(&self.decisions, id).map(|x| &x.question),
            ItemText::DecisionWhy => find(&self.decisions, id).map(|x| &x.why),
            ItemText::OptionName => option().map(|x| &x.name),
            ItemText::OptionPros => option().map(|x| &x.pros),
            ItemText::OptionCons => option().map(|x| &x.cons),
            ItemText::RevisionChanges => {
                find(&self.keeping_alive.revisions, id).map(|x| &x.changes)
            }
            ItemText::RevisionWhy => find(&self.keeping_alive.revisions, id).map(|x| &x.why),
        };
        s.map(String::as_str)
    }

    /// How many items `list` has.
    pub fn len_of(&self, list: ListKind) -> usize {
        match list {
            ListKind::Parties => self.parties.len(),
            ListKind::Progress => self.progress.len(),
            ListKind::Commitments => self.commitments.len(),
            ListKind::Channels => self.communication.channels.len(),
            ListKind::Milestones => self.celebrations.milestones.len(),
            ListKind::NeedsAndOffers => self.needs_and_offers.len(),
            ListKind::Assumptions => self.assumptions.len(),
            ListKind::Permissions => self.hard_times.permissions.len(),
            ListKind::Decisions => self.decisions.len(),
            ListKind::Revisions => self.keeping_alive.revisions.len(),
        }
    }

    /// The id of item `i` of `list`.
    pub fn id_at(&self, list: ListKind, i: usize) -> Option<&Id> {
        fn at<T: HasId>(list: &[T], i: usize) -> Option<&Id> {
            list.get(i).map(HasId::item_id)
        }
        match list {
            ListKind::Parties => at(&self.parties, i),
            ListKind::Progress => at(&self.progress, i),
            ListKind::Commitments => at(&self.commitments, i),
            ListKind::Channels => at(&self.communication.channels, i),
            ListKind::Milestones => at(&self.celebrations.milestones, i),
            ListKind::NeedsAndOffers => at(&self.needs_and_offers, i),
            ListKind::Assumptions => at(&self.assumptions, i),
            ListKind::Permissions => at(&self.hard_times.permissions, i),
            ListKind::Decisions => at(&self.decisions, i),
            ListKind::Revisions => at(&self.keeping_alive.revisions, i),
        }
    }

    /// Item `i` of `list` (a copy).
    pub fn item_at(&self, list: ListKind, i: usize) -> Option<Item> {
        Some(match list {
            ListKind::Parties => Item::Party(self.parties.get(i)?.clone()),
            ListKind::Progress => Item::Measure(self.progress.get(i)?.clone()),
            ListKind::Commitments => Item::Commitment(self.commitments.get(i)?.clone()),
            ListKind::Channels => Item::Channel(self.communication.channels.get(i)?.clone()),
            ListKind::Milestones => Item::Milestone(self.celebrations.milestones.get(i)?.clone()),
            ListKind::NeedsAndOffers => Item::NeedOrOffer(self.needs_and_offers.get(i)?.clone()),
            ListKind::Assumptions => Item::Assumption(self.assumptions.get(i)?.clone()),
            ListKind::Permissions => Item::Permission(self.hard_times.permissions.get(i)?.clone()),
            ListKind::Decisions => Item::Decision(self.decisions.get(i)?.clone()),
            ListKind::Revisions => Item::Revision(self.keeping_alive.revisions.get(i)?.clone()),
        })
    }

    /// Where every item of every list is in its own list, by id (ids are unique in the whole
    /// alliance): one pass, so finding an item afterwards costs the same for any list length.
    pub fn positions(&self) -> std::collections::HashMap<Id, usize> {
        let mut at = std::collections::HashMap::new();
        fn add<T: HasId>(at: &mut std::collections::HashMap<Id, usize>, list: &[T]) {
            for (i, x) in list.iter().enumerate() {
                at.insert(x.item_id().clone(), i);
            }
        }
        add(&mut at, &self.parties);
        add(&mut at, &self.progress);
        add(&mut at, &self.commitments);
        add(&mut at, &self.communication.channels);
        add(&mut at, &self.celebrations.milestones);
        add(&mut at, &self.needs_and_offers);
        add(&mut at, &self.assumptions);
        add(&mut at, &self.hard_times.permissions);
        add(&mut at, &self.decisions);
        add(&mut at, &self.keeping_alive.revisions);
        at
    }

    /// The ids of one list, in order.
    pub fn ids_of(&self, list: ListKind) -> Vec<Id> {
        fn ids<T: HasId>(list: &[T]) -> Vec<Id> {
            list.iter().map(|x| x.item_id().clone()).collect()
        }
        match list {
            ListKind::Parties => ids(&self.parties),
            ListKind::Progress => ids(&self.progress),
            ListKind::Commitments => ids(&self.commitments),
            ListKind::Channels => ids(&self.communication.channels),
            ListKind::Milestones => ids(&self.celebrations.milestones),
            ListKind::NeedsAndOffers => ids(&self.needs_and_offers),
            ListKind::Assumptions => ids(&self.assumptions),
            ListKind::Permissions => ids(&self.hard_times.permissions),
            ListKind::Decisions => ids(&self.decisions),
            ListKind::Revisions => ids(&self.keeping_alive.revisions),
        }
    }
}
