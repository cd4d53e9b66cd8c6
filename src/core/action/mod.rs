//! Every change to an alliance is an [`Action`] applied by [`Alliance::apply`]; [`Editor`](super::editor::Editor)
//! adds undo and redo on top of it.

use super::agreement;
use super::content::ReflectionId;
use super::date::{Date, Timestamp};
use super::model::*;
use super::validate;

mod lists;
use lists::*;

/// A text field that is not part of a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    RelationshipNote,
    GoalWhat,
    GoalWhy,
    GoalPain,
    RaisingProblems,
    CelebrateGoal,
    Surprises,
    MissedCommitments,
    Mistakes,
    /// Reflection answers are personal notes, not terms of the agreement.
    Reflection(ReflectionId),
}

/// A text field of a list item (found by the item's id; an option's id for option fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemText {
    PartyName,
    PartyRole,
    MeasureSignal,
    MeasureHowWeCheck,
    CommitmentWhat,
    /// The event of a commitment due "after" something (only while it is one).
    CommitmentAfter,
    ChannelName,
    ChannelPurpose,
    MilestoneWhat,
    MilestoneHow,
    NeedOrOfferText,
    AssumptionText,
    AssumptionInstead,
    PermissionText,
    DecisionQuestion,
    DecisionWhy,
    OptionName,
    OptionPros,
    OptionCons,
    RevisionChanges,
    RevisionWhy,
}

/// One item of one of the lists, complete with its id.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Party(Party),
    Measure(Measure),
    Commitment(Commitment),
    Channel(Channel),
    Milestone(Milestone),
    NeedOrOffer(NeedOrOffer),
    Assumption(Assumption),
    Permission(Permission),
    Decision(Decision),
    Revision(Revision),
}

/// The lists of an alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Parties,
    Progress,
    Commitments,
    Channels,
    Milestones,
    NeedsAndOffers,
    Assumptions,
    Permissions,
    Decisions,
    Revisions,
}

/// A change to an alliance.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetText(TextField, String),
    /// Sets one text field of one list item, in place.
    SetItemText(ItemText, Id, String),
    SetRelationship(Option<RelationshipKind>),
    SetCheckIn(CheckIn),
    /// Adds or replaces the preference of `party_id`.
    SetUpdatePreference(UpdatePreference),
    RemoveUpdatePreference(Id),
    SetNextReview(Option<Date>),
    SetReviewRhythm(Option<Frequency>),
    /// Appends a new item; its id must be unused.
    Insert(Item),
    /// Replaces the item with the same id.
    Update(Item),
    Remove(ListKind, Id),
    /// Moves the item to position `to` in its list (clamped to the end).
    Move(ListKind, Id, usize),
    /// This party agrees to the current version.
    Agree {
        party: Id,
        date: Date,
    },
    /// This party takes its agreement back.
    Withdraw {
        party: Id,
    },
    /// Sets the answer to one of the coach's questions (kept with the question as asked);
    /// an empty answer is taken away.
    SetAnswer(Answer),
    /// Records the coach's template the alliance is made with.
    SetTemplate(Option<TemplateRef>),
    /// Replaces the whole alliance (import, or starting anew).
    Replace(Box<Alliance>),
    /// Keeps a check-in held (in its place by date; one with the same id is replaced), and
    /// notes in the revision log the sections whose terms changed during it. A record, not a
    /// change of terms.
    HoldCheckIn(Box<CheckInHeld>, Vec<SectionId>),
}

/// Why an action could not be applied. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    UnknownItem(ListKind, Id),
    DuplicateId(Id),
    UnknownParty(Id),
    /// Agreement needs every required part complete first.
    NotReady,
}

impl ListKind {
    pub const ALL: [ListKind; 10] = [
        ListKind::Parties,
        ListKind::Progress,
        ListKind::Commitments,
        ListKind::Channels,
        ListKind::Milestones,
        ListKind::NeedsAndOffers,
        ListKind::Assumptions,
        ListKind::Permissions,
        ListKind::Decisions,
        ListKind::Revisions,
    ];

    pub fn of(item: &Item) -> ListKind {
        match item {
            Item::Party(_) => ListKind::Parties,
            Item::Measure(_) => ListKind::Progress,
            Item::Commitment(_) => ListKind::Commitments,
            Item::Channel(_) => ListKind::Channels,
            Item::Milestone(_) => ListKind::Milestones,
            Item::NeedOrOffer(_) => ListKind::NeedsAndOffers,
            Item::Assumption(_) => ListKind::Assumptions,
            Item::Permission(_) => ListKind::Permissions,
            Item::Decision(_) => ListKind::Decisions,
            Item::Revision(_) => ListKind::Revisions,
        }
    }

    /// Prefix for fresh ids of this list.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ListKind::Parties => "p",
            ListKind::Progress => "m",
            ListKind::Commitments => "c",
            ListKind::Channels => "ch",
            ListKind::Milestones => "ms",
            ListKind::NeedsAndOffers => "n",
            ListKind::Assumptions => "a",
            ListKind::Permissions => "pm",
            ListKind::Decisions => "d",
            ListKind::Revisions => "r",
        }
    }
}

impl Item {
    pub fn id(&self) -> &Id {
        match self {
            Item::Party(x) => &x.id,
            Item::Measure(x) => &x.id,
            Item::Commitment(x) => &x.id,
            Item::Channel(x) => &x.id,
            Item::Milestone(x) => &x.id,
            Item::NeedOrOffer(x) => &x.id,
            Item::Assumption(x) => &x.id,
            Item::Permission(x) => &x.id,
            Item::Decision(x) => &x.id,
            Item::Revision(x) => &x.id,
        }
    }
}

/// Applies `f` to the list `$kind` of `$a`, typed. Keeps the list operations in one place.
macro_rules! with_list {
    ($a:expr, $kind:expr, |$list:ident| $body:expr) => {
        match $kind {
            ListKind::Parties => {
                let $list = &mut $a.parties;
                $body
            }
            ListKind::Progress => {
                let $list = &mut $a.progress;
                $body
            }
            ListKind::Commitments => {
                let $list = &mut $a.commitments;
                $body
            }
            ListKind::Channels => {
                let $list = &mut $a.communication.channels;
                $body
            }
            ListKind::Milestones => {
                let $list = &mut $a.celebrations.milestones;
                $body
            }
            ListKind::NeedsAndOffers => {
                let $list = &mut $a.needs_and_offers;
                $body
            }
            ListKind::Assumptions => {
                let $list = &mut $a.assumptions;
                $body
            }
            ListKind::Permissions => {
                let $list = &mut $a.hard_times.permissions;
                $body
            }
            ListKind::Decisions => {
                let $list = &mut $a.decisions;
                $body
            }
            ListKind::Revisions => {
                let $list = &mut $a.keeping_alive.revisions;
                $body
            }
        }
    };
}

/// Things with an id, so the list operations can be written once.
pub(super) trait HasId {
    fn item_id(&self) -> &Id;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn item_id(&self) -> &Id { &self.id } })* };
}
has_id!(
    Party,
    Measure,
    Commitment,
    Channel,
    Milestone,
    NeedOrOffer,
    Assumption,
    Permission,
    Decision,
    Revision
);

impl Action {
    /// Whether this action changes the terms of the alliance (and so un-agrees it).
    fn changes_terms(&self) -> bool {
        match self {
            Action::SetText(TextField::Reflection(_), _)
            | Action::SetItemText(ItemText::RevisionChanges | ItemText::RevisionWhy, _, _)
            | Action::Agree { .. }
            | Action::Withdraw { .. }
            | Action::SetTemplate(_)
            | Action::HoldCheckIn(..)
            | Action::Replace(_) => false,
            Action::Insert(item) | Action::Update(item) => !matches!(item, Item::Revision(_)),
            Action::Remove(list, _) | Action::Move(list, _, _) => *list != ListKind::Revisions,
            _ => true,
        }
    }
}

/// Where each [`TextField`] lives, written once for both the shared and the mutable accessor.
macro_rules! text_place {
    ($a:ident, $field:expr, $($r:tt)+) => {
        match $field {
            TextField::Title => $($r)+ $a.title,
            TextField::RelationshipNote => $($r)+ $a.relationship_note,
            TextField::GoalWhat => $($r)+ $a.goal.what,
            TextField::GoalWhy => $($r)+ $a.goal.why,
            TextField::GoalPain => $($r)+ $a.goal.pain,
            TextField::RaisingProblems => $($r)+ $a.communication.raising_problems,
            TextField::CelebrateGoal => $($r)+ $a.celebrations.goal,
            TextField::Surprises => $($r)+ $a.hard_times.surprises,
            TextField::MissedCommitments => $($r)+ $a.hard_times.missed_commitments,
            TextField::Mistakes => $($r)+ $a.hard_times.mistakes,
            TextField::Reflection(id) => match id {
                ReflectionId::WhyThisRelationship => {
                    $($r)+ $a.reflections.before_you_begin.why_this_relationship
                }
                ReflectionId::AssumptionsToTest => {
                    $($r)+ $a.reflections.before_you_begin.assumptions_to_test
                }
                ReflectionId::OpeningTheConversation => {
                    $($r)+ $a.reflections.before_you_begin.opening_the_conversation
                }
                ReflectionId::FirstStep => $($r)+ $a.reflections.after_agreeing.first_step,
                ReflectionId::WhatCouldGetInTheWay => {
                    $($r)+ $a.reflections.after_agreeing.what_could_get_in_the_way
                }
                ReflectionId::HowItFeels => $($r)+ $a.reflections.after_agreeing.how_it_feels,
                ReflectionId::WhatIsWorking => $($r)+ $a.reflections.at_review.what_is_working,
                ReflectionId::WhatIsNot => $($r)+ $a.reflections.at_review.what_is_not,
                ReflectionId::WhatToChange => $($r)+ $a.reflections.at_review.what_to_change,
            },
        }
    };
}

impl Alliance {
    /// Applies one change. Returns whether anything changed; on error nothing did.
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<bool, ActionError> {
        let terms = action.changes_terms();
        let changed = match action {
            Action::SetText(field, value) => set(self.text_mut(field), value),
            Action::SetItemText(field, id, value) => match self.item_text_mut(field, &id) {
                Some(slot) => set(slot, value),
                None => return Err(ActionError::UnknownItem(field.list(), id)),
            },
            Action::SetRelationship(kind) => set(&mut self.relationship, kind),
            Action::SetCheckIn(check_in) => set(&mut self.communication.check_in, check_in),
            Action::SetUpdatePreference(pref) => {
                let updates = &mut self.communication.updates;
                match updates.iter().position(|u| u.party_id == pref.party_id) {
                    Some(i) => set(&mut updates[i], pref),
                    None => {
                        updates.push(pref);
                        true
                    }
                }
            }
            Action::RemoveUpdatePreference(party) => {
                let before = self.communication.updates.len();
                self.communication.updates.retain(|u| u.party_id != party);
                before != self.communication.updates.len()
            }
            Action::SetNextReview(date) => set(&mut self.keeping_alive.next_review, date),
            Action::SetReviewRhythm(f) => set(&mut self.keeping_alive.review_rhythm, f),
            Action::Insert(item) => {
                let mut taken = false;
                self.for_each_id(|id| taken |= id == item.id());
                if taken || self.decision_option_ids_clash(&item) {
                    return Err(ActionError::DuplicateId(item.id().clone()));
                }
                self.insert(item);
                true
            }
            Action::Update(item) => {
                let (kind, id) = (ListKind::of(&item), item.id().clone());
                if let Item::Decision(d) = &item {
                    if self.decision_option_ids_clash(&item) {
                        return Err(ActionError::DuplicateId(d.id.clone()));
                    }
                }
                self.replace(item)
                    .ok_or(ActionError::UnknownItem(kind, id))?
            }
            Action::Remove(kind, id) => {
                let removed = with_list!(self, kind, |list| remove_from(list, &id));
                if !removed {
                    return Err(ActionError::UnknownItem(kind, id));
                }
                true
            }
            Action::Move(kind, id, to) => with_list!(self, kind, |list| move_in(list, &id, to))
                .ok_or(ActionError::UnknownItem(kind, id))?,
            Action::Agree { party, date } => self.agree(party, date)?,
            Action::Withdraw { party } => {
                let before = self.agreement.signatures.len();
                self.agreement.signatures.retain(|s| s.party_id != party);
                let changed = before != self.agreement.signatures.len();
                if changed {
                    self.status = Status::Draft;
                }
                changed
            }
            Action::SetAnswer(answer) => set_answer(&mut self.answers, answer),
            Action::SetTemplate(template) => set(&mut self.template, template),
            Action::HoldCheckIn(held, changed) => self.hold_check_in(*held, changed)?,
            Action::Replace(alliance) => {
                // Always a change (an identical import is still an undoable step); comparing
                // whole alliances here would cost more code than it saves.
                *self = *alliance;
                // An import keeps its own timestamps.
                return Ok(true);
            }
        };
        if changed {
            if terms && (self.status == Status::Agreed || !self.agreement.signatures.is_empty()) {
                // They agreed to a different version: this one is a draft again, and what
                // they agreed to is kept as an earlier agreement.
                self.status = Status::Draft;
                let agreed = std::mem::take(&mut self.agreement.signatures);
                self.agreement.keep_as_earlier(agreed);
            }
            // Nobody who is no longer in the alliance keeps an earlier agreement.
            let parties = &self.parties;
            self.agreement
                .earlier
                .retain(|s| parties.iter().any(|p| p.id == s.party_id));
            self.updated_at = now;
        }
        Ok(changed)
    }

    fn text_mut(&mut self, field: TextField) -> &mut String {
        text_place!(self, field, &mut)
    }

    /// The current text of a field.
    pub fn text(&self, field: TextField) -> &str {
        text_place!(self, field, &)
    }

    fn insert(&mut self, item: Item) {
        match item {
            Item::Party(x) => self.parties.push(x),
            Item::Measure(x) => self.progress.push(x),
            Item::Commitment(x) => self.commitments.push(x),
            Item::Channel(x) => self.communication.channels.push(x),
            Item::Milestone(x) => self.celebrations.milestones.push(x),
            Item::NeedOrOffer(x) => self.needs_and_offers.push(x),
            Item::Assumption(x) => self.assumptions.push(x),
            Item::Permission(x) => self.hard_times.permissions.push(x),
            Item::Decision(x) => self.decisions.push(x),
            Item::Revision(x) => self.keeping_alive.revisions.push(x),
        }
    }

    fn replace(&mut self, item: Item) -> Option<bool> {
        match item {
            Item::Party(x) => replace_in(&mut self.parties, x),
            Item::Measure(x) => replace_in(&mut self.progress, x),
            Item::Commitment(x) => replace_in(&mut self.commitments, x),
            Item::Channel(x) => replace_in(&mut self.communication.channels, x),
            Item::Milestone(x) => replace_in(&mut self.celebrations.milestones, x),
            Item::NeedOrOffer(x) => replace_in(&mut self.needs_and_offers, x),
            Item::Assumption(x) => replace_in(&mut self.assumptions, x),
            Item::Permission(x) => replace_in(&mut self.hard_times.permissions, x),
            Item::Decision(x) => replace_in(&mut self.decisions, x),
            Item::Revision(x) => replace_in(&mut self.keeping_alive.revisions, x),
        }
    }

    /// A decision's options need ids unique in the whole alliance too.
    fn decision_option_ids_clash(&self, item: &Item) -> bool {
        let Item::Decision(d) = item else {
            return false;
        };
        let mut clash = d
            .options
            .iter()
            .enumerate()
            .any(|(i, o)| o.id == d.id || d.options[..i].iter().any(|p| p.id == o.id));
        self.for_each_id(|id| {
            // Ids inside the decision being replaced are its own.
            let own = self
                .decisions
                .iter()
                .any(|x| x.id == d.id && (x.id == *id || x.options.iter().any(|o| o.id == *id)));
            clash |= !own && d.options.iter().any(|o| o.id == *id);
        });
        clash
    }

    fn hold_check_in(
        &mut self,
        held: CheckInHeld,
        changed: Vec<SectionId>,
    ) -> Result<bool, ActionError> {
        let date = held.date;
        let mut changed_here = match self.check_ins.iter().position(|c| c.id == held.id) {
            Some(i) => set(&mut self.check_ins[i], held),
            None => {
                let mut taken = false;
                self.for_each_id(|id| taken |= *id == held.id);
                if taken {
                    return Err(ActionError::DuplicateId(held.id));
                }
                let at = self
                    .check_ins
                    .iter()
                    .position(|c| c.date > date)
                    .unwrap_or(self.check_ins.len());
                self.check_ins.insert(at, held);
                true
            }
        };
        if !changed.is_empty() {
            let titles: Vec<&str> = changed
                .iter()
                .map(|s| super::content::section(*s).title)
                .collect();
            let id = self.fresh_id(ListKind::Revisions.id_prefix());
            self.keeping_alive.revisions.push(Revision {
                id,
                date,
                changes: super::text::living::changed_at(&titles.join(", ")),
                sections: changed,
                why: String::new(),
            });
            changed_here = true;
        }
        Ok(changed_here)
    }

    fn agree(&mut self, party: Id, date: Date) -> Result<bool, ActionError> {
        let name = self
            .party(&party)
            .map(|_| self.party_label(&party))
            .ok_or_else(|| ActionError::UnknownParty(party.clone()))?;
        if self
            .agreement
            .signatures
            .iter()
            .any(|s| s.party_id == party)
        {
            return Ok(false);
        }
        if !validate::validate(self, date).ready_to_agree() {
            return Err(ActionError::NotReady);
        }
        self.agreement.earlier.retain(|s| s.party_id != party);
        self.agreement.signatures.push(Signature {
            party_id: party,
            name,
            date,
        });
        let everyone = self
            .parties
            .iter()
            .all(|p| self.agreement.signatures.iter().any(|s| s.party_id == p.id));
        if everyone {
            self.status = Status::Agreed;
            let fingerprints = agreement::fingerprints(self);
            if let Some(previous) = &self.agreement.last_agreed {
                let changed: Vec<SectionId> = fingerprints
                    .iter()
                    .filter(|f| !agreement::unchanged_since(self, f, &previous.fingerprints))
                    .map(|f| f.section)
                    .collect();
                if !changed.is_empty() {
                    let id = self.fresh_id(ListKind::Revisions.id_prefix());
                    let changes = super::content::revision_changes(&changed);
                    self.keeping_alive.revisions.push(Revision {
                        id,
                        date,
                        sections: changed,
                        changes,
                        why: String::new(),
                    });
                }
            }
            self.agreement.last_agreed = Some(AgreedVersion { date, fingerprints });
        }
        Ok(true)
    }
}
