//! The parts of an alliance a difference can be about, and how each reads in one line.

#[allow(unused_imports)]
use super::*;

/// The part of the alliance a difference is about.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Part {
    Text(TextField),
    Relationship,
    CheckIn,
    Update(Id),
    NextReview,
    ReviewRhythm,
    Answer(String),
    Item(ListKind, Id),
    /// A check-in held: kept whole, from one side or the other.
    Held(Id),
}

impl Part {
    /// A name for this part that stays the same across versions (what [`Seen`] is kept by).
    pub(super) fn key(&self) -> String {
        match self {
            Part::Text(f) => format!("text:{f:?}"),
            Part::Relationship => "relationship".into(),
            Part::CheckIn => "checkIn".into(),
            Part::Update(party) => format!("update:{party}"),
            Part::NextReview => "nextReview".into(),
            Part::ReviewRhythm => "reviewRhythm".into(),
            Part::Answer(q) => format!("answer:{q}"),
            Part::Item(kind, id) => format!("item:{kind:?}:{id}"),
            Part::Held(id) => format!("checkIn:{id}"),
        }
    }

    /// A fingerprint of what `a` holds for this part; `None` when it holds nothing there (an
    /// empty answer, an item or preference it does not have).
    pub(super) fn fingerprint(&self, a: &Alliance) -> Option<String> {
        let json = match self {
            Part::Text(f) => Some(a.text(*f).trim())
                .filter(|t| !t.is_empty())
                .map(serde_json::to_string),
            Part::Relationship => a.relationship.as_ref().map(serde_json::to_string),
            Part::CheckIn => (a.communication.check_in != CheckIn::default())
                .then(|| serde_json::to_string(&a.communication.check_in)),
            Part::Update(party) => a
                .communication
                .updates
                .iter()
                .find(|p| &p.party_id == party)
                .map(serde_json::to_string),
            Part::NextReview => a
                .keeping_alive
                .next_review
                .as_ref()
                .map(serde_json::to_string),
            Part::ReviewRhythm => a
                .keeping_alive
                .review_rhythm
                .as_ref()
                .map(serde_json::to_string),
            Part::Answer(q) => a
                .answers
                .iter()
                .find(|x| &x.question == q && !x.value.trim().is_empty())
                .map(|x| serde_json::to_string(x.value.trim())),
            Part::Item(kind, id) => items(a, *kind)
                .into_iter()
                .find(|i| i.id() == id)
                .map(|i| item_json(&i)),
            Part::Held(id) => a
                .check_ins
                .iter()
                .find(|c| &c.id == id)
                .map(serde_json::to_string),
        }?;
        // Plain data with string keys: serialising cannot fail.
        Some(crate::core::agreement::fnv1a(
            json.unwrap_or_default().as_bytes(),
        ))
    }
}

/// An item as compact JSON.
pub(super) fn item_json(item: &Item) -> Result<String, serde_json::Error> {
    match item {
        Item::Party(x) => serde_json::to_string(x),
        Item::Measure(x) => serde_json::to_string(x),
        Item::Commitment(x) => serde_json::to_string(x),
        Item::Channel(x) => serde_json::to_string(x),
        Item::Milestone(x) => serde_json::to_string(x),
        Item::NeedOrOffer(x) => serde_json::to_string(x),
        Item::Assumption(x) => serde_json::to_string(x),
        Item::Permission(x) => serde_json::to_string(x),
        Item::Decision(x) => serde_json::to_string(x),
        Item::Revision(x) => serde_json::to_string(x),
    }
}

/// Every part `a` holds something in: its texts, choices, preferences, answers and items.
pub(super) fn parts(a: &Alliance) -> Vec<Part> {
    let mut out: Vec<Part> = TEXTS.iter().map(|(f, _)| Part::Text(*f)).collect();
    out.extend(
        content::REFLECTIONS
            .iter()
            .map(|r| Part::Text(TextField::Reflection(r.id))),
    );
    out.extend([
        Part::Relationship,
        Part::CheckIn,
        Part::NextReview,
        Part::ReviewRhythm,
    ]);
    out.extend(
        a.communication
            .updates
            .iter()
            .map(|p| Part::Update(p.party_id.clone())),
    );
    out.extend(a.answers.iter().map(|x| Part::Answer(x.question.clone())));
    for kind in ListKind::ALL {
        out.extend(
            items(a, kind)
                .into_iter()
                .map(|i| Part::Item(kind, i.id().clone())),
        );
    }
    out.extend(a.check_ins.iter().map(|c| Part::Held(c.id.clone())));
    out
}

/// How `part` came to differ between `mine` and `theirs`, from the versions theirs may have
/// been made from (`bases`: what this browser remembers that has most in common with theirs).
pub(super) fn change(
    part: &Part,
    mine: &Alliance,
    theirs: &Alliance,
    bases: &[&Version],
) -> Change {
    let (fm, ft) = (part.fingerprint(mine), part.fingerprint(theirs));
    // What only one version has (an item, an answer) is kept, whoever added or removed it.
    match (&fm, &ft) {
        (Some(_), None) => return Change::OnlyMine,
        (None, Some(_)) => return Change::OnlyTheirs,
        _ => {}
    }
    let key = part.key();
    let from = |base: &&Version| {
        let fb = base.get(&key);
        if fm.as_ref() == fb {
            // Unchanged here since: the other version changed it.
            Change::Theirs
        } else if ft.as_ref() == fb {
            Change::Mine
        } else {
            Change::Both
        }
    };
    let mut told = bases.iter().map(from);
    match told.next() {
        // Versions that fit as well as each other but tell apart differently: nothing tells.
        Some(first) if told.all(|c| c == first) => first,
        _ => Change::Both,
    }
}

pub(super) const TEXTS: [(TextField, SectionId); 10] = [
    (TextField::Title, SectionId::Basics),
    (TextField::RelationshipNote, SectionId::Basics),
    (TextField::GoalWhat, SectionId::Goal),
    (TextField::GoalWhy, SectionId::Goal),
    (TextField::GoalPain, SectionId::Goal),
    (TextField::RaisingProblems, SectionId::Communication),
    (TextField::CelebrateGoal, SectionId::Celebrations),
    (TextField::Surprises, SectionId::HardTimes),
    (TextField::MissedCommitments, SectionId::HardTimes),
    (TextField::Mistakes, SectionId::HardTimes),
];

pub(super) fn text_label(field: TextField) -> &'static str {
    let q = match field {
        TextField::Title => QuestionId::Title,
        TextField::RelationshipNote => return u::relationship_note(),
        TextField::GoalWhat => QuestionId::GoalWhat,
        TextField::GoalWhy => QuestionId::GoalWhy,
        TextField::GoalPain => QuestionId::GoalPain,
        TextField::RaisingProblems => QuestionId::RaisingProblems,
        TextField::CelebrateGoal => QuestionId::CelebrateGoal,
        TextField::Surprises => QuestionId::Surprises,
        TextField::MissedCommitments => QuestionId::MissedCommitments,
        TextField::Mistakes => QuestionId::Mistakes,
        TextField::Reflection(id) => return content::reflection(id).prompt,
    };
    content::question(q).prompt
}

/// Where a reflection is asked.
pub(super) fn reflection_step(id: ReflectionId) -> &'static str {
    match id {
        ReflectionId::WhyThisRelationship
        | ReflectionId::AssumptionsToTest
        | ReflectionId::OpeningTheConversation => u::step_welcome(),
        ReflectionId::FirstStep | ReflectionId::WhatCouldGetInTheWay | ReflectionId::HowItFeels => {
            u::step_finish()
        }
        _ => u::step_review(),
    }
}

pub(super) fn item_label(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Parties => u::person(),
        ListKind::Progress => u::measure(),
        ListKind::Commitments => u::commitment(),
        ListKind::Channels => u::channel(),
        ListKind::Milestones => u::milestone(),
        ListKind::NeedsAndOffers => u::need_or_offer(),
        ListKind::Assumptions => u::assumption(),
        ListKind::Permissions => u::permission(),
        ListKind::Decisions => u::decision(),
        ListKind::Revisions => u::revision(),
    }
}

pub(super) fn list_section(kind: ListKind) -> SectionId {
    match kind {
        ListKind::Parties => SectionId::Basics,
        ListKind::Progress => SectionId::Progress,
        ListKind::Commitments => SectionId::Commitments,
        ListKind::Channels => SectionId::Communication,
        ListKind::Milestones => SectionId::Celebrations,
        ListKind::NeedsAndOffers => SectionId::NeedsAndOffers,
        ListKind::Assumptions => SectionId::Assumptions,
        ListKind::Permissions => SectionId::HardTimes,
        ListKind::Decisions => SectionId::Decisions,
        ListKind::Revisions => SectionId::KeepingAlive,
    }
}

/// The parts of `parts` that hold something, as one line.
pub(super) fn joined(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(" · ")
}

/// An item as a person reads it, in one line (names of people from `a`).
pub(super) fn describe(a: &Alliance, item: &Item, dates: &dyn Dates) -> String {
    match item {
        Item::Party(p) => joined(&[&a.party_label(&p.id), &p.role]),
        Item::Measure(m) => joined(&[
            &m.signal,
            &m.how_we_check,
            m.how_often.map_or("", content::frequency_label),
        ]),
        Item::Commitment(c) => joined(&[
            &a.owner_label(&c.owner),
            &c.what,
            &when_text(&c.when, dates),
        ]),
        Item::Channel(c) => joined(&[content::usage_label(c.usage), &c.name, &c.purpose]),
        Item::Milestone(m) => joined(&[&m.milestone, &m.how]),
        Item::NeedOrOffer(n) => joined(&[
            &a.party_label(&n.party_id),
            content::need_or_offer_label(n.kind),
            &n.text,
        ]),
        Item::Assumption(s) => joined(&[
            &s.text,
            &a.owner_label(&s.held_by),
            content::assumption_status_label(s.status),
            &s.instead,
        ]),
        Item::Permission(p) => joined(&[&a.owner_label(&p.given_by), &p.text]),
        Item::Decision(d) => {
            let options: Vec<&str> = d.options.iter().map(|o| o.name.trim()).collect();
            let chosen = d
                .options
                .iter()
                .find(|o| Some(&o.id) == d.chosen.as_ref())
                .map(|o| format!("{}: {}", x::chosen(), o.name.trim()));
            joined(&[
                &d.question,
                &options.join(", "),
                chosen.as_deref().unwrap_or(""),
                &d.why,
            ])
        }
        Item::Revision(r) => joined(&[&dates.date(r.date), &r.changes, &r.why]),
    }
}

/// The items of `kind`, in order.
pub(super) fn items(a: &Alliance, kind: ListKind) -> Vec<Item> {
    (0..a.len_of(kind))
        .filter_map(|i| a.item_at(kind, i))
        .collect()
}

pub(super) fn optional_date(d: Option<Date>, dates: &dyn Dates) -> Option<String> {
    d.map(|d| dates.date(d))
}
