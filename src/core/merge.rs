//! Bringing two versions of the same alliance together, difference by difference.
//!
//! [`differences`] lists what two versions say differently, each in the words of the step it
//! belongs to: a field worded differently, an item only one side has, an item both have but
//! changed. The person chooses per difference ([`Choice`]), and [`bring_together`] makes the
//! result from *mine*, through the same [`Action`]s as typing, and records in the revision log
//! what came from the other version. There is no common ancestor to tell who added or removed
//! an item: the person decides.
//!
//! Each person's agreement travels too: an agreement given to exactly the terms of the result
//! counts, one given to other terms is kept as an agreement to an earlier version.

use super::action::{Action, ActionError, Item, ListKind, TextField};
use super::date::{Date, Dates, Timestamp};
use super::model::*;
use super::summary::{check_in_text, when_text};
use super::text::{self, export as x, ui as u, QuestionId, ReflectionId};
use std::borrow::Cow;

/// What to keep of one difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both items (list items on both sides only): theirs is added beside mine.
    Both,
}

/// One thing the two versions say differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Where it is: a section's title, or the name of a step.
    pub place: Cow<'static, str>,
    /// The section it belongs to, when it is part of one.
    pub section: Option<SectionId>,
    /// What it is: a question as asked, or a kind of item.
    pub what: Cow<'static, str>,
    /// How this version reads; `None`: this version does not have it.
    pub mine: Option<String>,
    /// How the other version reads; `None`: it does not have it.
    pub theirs: Option<String>,
    part: Part,
}

impl Difference {
    /// Whether both can be kept: an item both versions have, changed.
    pub fn can_keep_both(&self) -> bool {
        matches!(self.part, Part::Item(..)) && self.mine.is_some() && self.theirs.is_some()
    }
}

/// The part of the alliance a difference is about.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(TextField),
    Relationship,
    CheckIn,
    Update(Id),
    NextReview,
    ReviewRhythm,
    Answer(String),
    Item(ListKind, Id),
}

const TEXTS: [(TextField, SectionId); 10] = [
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

fn text_label(field: TextField) -> &'static str {
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
        TextField::Reflection(id) => return text::reflection(id).prompt,
    };
    text::question(q).prompt
}

/// Where a reflection is asked.
fn reflection_step(id: ReflectionId) -> &'static str {
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

fn item_label(kind: ListKind) -> &'static str {
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

fn list_section(kind: ListKind) -> SectionId {
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
fn joined(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    super::join(&parts, " · ")
}

/// An item as a person reads it, in one line (names of people from `a`).
fn describe(a: &Alliance, item: &Item, dates: &dyn Dates) -> String {
    match item {
        Item::Party(p) => joined(&[&a.party_label(&p.id), &p.role]),
        Item::Measure(m) => joined(&[
            &m.signal,
            &m.how_we_check,
            m.how_often.map_or("", text::frequency_label),
        ]),
        Item::Commitment(c) => joined(&[
            &a.owner_label(&c.owner),
            &c.what,
            &when_text(&c.when, dates),
        ]),
        Item::Channel(c) => joined(&[text::usage_label(c.usage), &c.name, &c.purpose]),
        Item::Milestone(m) => joined(&[&m.milestone, &m.how]),
        Item::NeedOrOffer(n) => joined(&[
            &a.party_label(&n.party_id),
            text::need_or_offer_label(n.kind),
            &n.text,
        ]),
        Item::Assumption(s) => joined(&[
            &s.text,
            &a.owner_label(&s.held_by),
            text::assumption_status_label(s.status),
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
                &super::join(&options, ", "),
                chosen.as_deref().unwrap_or(""),
                &d.why,
            ])
        }
        Item::Revision(r) => joined(&[&dates.date(r.date), &r.changes, &r.why]),
    }
}

/// The items of `kind`, in order.
fn items(a: &Alliance, kind: ListKind) -> Vec<Item> {
    (0..a.len_of(kind))
        .filter_map(|i| a.item_at(kind, i))
        .collect()
}

/// Whether two items say the same: a party's "this is me" belongs to each browser.
fn same_item(mine: &Item, theirs: &Item) -> bool {
    match (mine, theirs) {
        (Item::Party(m), Item::Party(t)) => {
            Party {
                is_me: m.is_me,
                ..t.clone()
            } == *m
        }
        _ => mine == theirs,
    }
}

fn optional_date(d: Option<Date>, dates: &dyn Dates) -> Option<String> {
    d.map(|d| dates.date(d))
}

/// Everything `mine` and `theirs` say differently, in the order of the wizard.
pub fn differences(mine: &Alliance, theirs: &Alliance, dates: &dyn Dates) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut add = |section: Option<SectionId>,
                   place: Cow<'static, str>,
                   what: Cow<'static, str>,
                   part: Part,
                   sides: (Option<String>, Option<String>)| {
        if sides.0 != sides.1 {
            out.push(Difference {
                place,
                section,
                what,
                mine: sides.0,
                theirs: sides.1,
                part,
            });
        }
    };
    let title = |s: SectionId| Cow::Borrowed(text::section(s).title);
    let filled = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let question = |q: QuestionId| Cow::Borrowed(text::question(q).prompt);
    // A section's answers and lists, then its own fields, section by section.
    for section in SectionId::ALL {
        for (field, _) in TEXTS.iter().filter(|(_, s)| *s == section) {
            add(
                Some(section),
                title(section),
                Cow::Borrowed(text_label(*field)),
                Part::Text(*field),
                (filled(mine.text(*field)), filled(theirs.text(*field))),
            );
        }
        match section {
            SectionId::Basics => add(
                Some(section),
                title(section),
                question(QuestionId::Relationship),
                Part::Relationship,
                (
                    mine.relationship
                        .map(|k| text::relationship_label(k).to_string()),
                    theirs
                        .relationship
                        .map(|k| text::relationship_label(k).to_string()),
                ),
            ),
            SectionId::Communication => {
                let ci = |a: &Alliance| {
                    (a.communication.check_in != CheckIn::default())
                        .then(|| check_in_text(&a.communication.check_in, dates))
                };
                add(
                    Some(section),
                    title(section),
                    Cow::Borrowed(u::check_in_heading()),
                    Part::CheckIn,
                    (ci(mine), ci(theirs)),
                );
                let update = |a: &Alliance, party: &Id| {
                    a.communication
                        .updates
                        .iter()
                        .find(|p| &p.party_id == party)
                        .map(|p| joined(&[p.style.map_or("", text::update_style_label), &p.note]))
                };
                let mut parties: Vec<&Id> = Vec::new();
                for p in mine
                    .communication
                    .updates
                    .iter()
                    .chain(&theirs.communication.updates)
                {
                    if !parties.contains(&&p.party_id) {
                        parties.push(&p.party_id);
                    }
                }
                for party in parties {
                    let who = if mine.party(party).is_some() {
                        mine
                    } else {
                        theirs
                    };
                    add(
                        Some(section),
                        title(section),
                        Cow::Owned(format!(
                            "{} — {}",
                            u::updates_heading(),
                            who.party_label(party)
                        )),
                        Part::Update(party.clone()),
                        (update(mine, party), update(theirs, party)),
                    );
                }
            }
            SectionId::KeepingAlive => {
                fn k(a: &Alliance) -> &KeepingAlive {
                    &a.keeping_alive
                }
                add(
                    Some(section),
                    title(section),
                    question(QuestionId::NextReview),
                    Part::NextReview,
                    (
                        optional_date(k(mine).next_review, dates),
                        optional_date(k(theirs).next_review, dates),
                    ),
                );
                add(
                    Some(section),
                    title(section),
                    question(QuestionId::ReviewRhythm),
                    Part::ReviewRhythm,
                    (
                        k(mine)
                            .review_rhythm
                            .map(|f| text::frequency_label(f).to_string()),
                        k(theirs)
                            .review_rhythm
                            .map(|f| text::frequency_label(f).to_string()),
                    ),
                );
            }
            _ => {}
        }
        for kind in ListKind::ALL
            .into_iter()
            .filter(|k| list_section(*k) == section)
        {
            let (m, t) = (items(mine, kind), items(theirs, kind));
            let find = |list: &[Item], id: &Id| list.iter().find(|i| i.id() == id).cloned();
            let mut ids: Vec<Id> = m.iter().map(|i| i.id().clone()).collect();
            ids.extend(
                t.iter()
                    .map(|i| i.id().clone())
                    .filter(|id| find(&m, id).is_none()),
            );
            for id in ids {
                let (mi, ti) = (find(&m, &id), find(&t, &id));
                if let (Some(a), Some(b)) = (&mi, &ti) {
                    if same_item(a, b) {
                        continue;
                    }
                }
                add(
                    Some(section),
                    title(section),
                    Cow::Borrowed(item_label(kind)),
                    Part::Item(kind, id),
                    (
                        mi.map(|i| describe(mine, &i, dates)),
                        ti.map(|i| describe(theirs, &i, dates)),
                    ),
                );
            }
        }
        // The coach's questions asked in this section.
        let mut questions: Vec<&Answer> = Vec::new();
        for a in mine.answers.iter().chain(&theirs.answers) {
            if a.section == section && !questions.iter().any(|q| q.question == a.question) {
                questions.push(a);
            }
        }
        for q in questions {
            let answer = |a: &Alliance| {
                a.answers
                    .iter()
                    .find(|x| x.question == q.question)
                    .map(|x| x.value.trim().to_string())
            };
            add(
                Some(section),
                title(section),
                Cow::Owned(q.prompt.trim().to_string()),
                Part::Answer(q.question.clone()),
                (answer(mine), answer(theirs)),
            );
        }
    }
    // Reflections: personal notes, asked on their own steps.
    for r in text::REFLECTIONS {
        let field = TextField::Reflection(r.id);
        add(
            None,
            Cow::Borrowed(reflection_step(r.id)),
            Cow::Borrowed(text_label(field)),
            Part::Text(field),
            (filled(mine.text(field)), filled(theirs.text(field))),
        );
    }
    out
}

/// Whether two versions have the same terms (what people agree to), whoever is "me" in each.
pub fn same_terms(a: &Alliance, b: &Alliance) -> bool {
    let terms = |x: &Alliance| {
        let mut x = x.clone();
        x.parties.iter_mut().for_each(|p| p.is_me = false);
        let mut answers = x.answers.clone();
        answers.sort_by(|p, q| p.question.cmp(&q.question));
        (super::editor::fingerprints(&x), answers)
    };
    terms(a) == terms(b)
}

/// The person who saved a version: its party marked "me", by name.
pub fn whose(a: &Alliance) -> Option<String> {
    a.parties
        .iter()
        .find(|p| p.is_me && !p.name.trim().is_empty())
        .map(|p| p.name.trim().to_string())
}

/// `item` with ids no one in `a` uses (a decision's options too).
fn with_fresh_ids(a: &Alliance, item: Item) -> Item {
    let kind = ListKind::of(&item);
    let fresh = a.fresh_ids(kind.id_prefix(), 1);
    let id = fresh.into_iter().next();
    match (item, id) {
        (Item::Decision(mut d), Some(id)) => {
            let options = a.fresh_ids("o", d.options.len() + 1);
            d.id = id;
            // The option ids come after the decision's own prefix, so never clash with it.
            let chosen = d.chosen.take();
            for (o, new) in d.options.iter_mut().zip(options.into_iter().skip(1)) {
                if chosen.as_ref() == Some(&o.id) {
                    d.chosen = Some(new.clone());
                }
                o.id = new;
            }
            Item::Decision(d)
        }
        (mut item, Some(id)) => {
            set_id(&mut item, id);
            item
        }
        (item, None) => item,
    }
}

fn set_id(item: &mut Item, id: Id) {
    match item {
        Item::Party(x) => x.id = id,
        Item::Measure(x) => x.id = id,
        Item::Commitment(x) => x.id = id,
        Item::Channel(x) => x.id = id,
        Item::Milestone(x) => x.id = id,
        Item::NeedOrOffer(x) => x.id = id,
        Item::Assumption(x) => x.id = id,
        Item::Permission(x) => x.id = id,
        Item::Decision(x) => x.id = id,
        Item::Revision(x) => x.id = id,
    }
}

/// What taking theirs (or keeping both) means for one difference, as actions on mine.
fn actions(result: &Alliance, theirs: &Alliance, part: &Part, choice: Choice) -> Vec<Action> {
    if choice == Choice::Mine {
        return Vec::new();
    }
    let action = match part {
        Part::Text(f) => Action::SetText(*f, theirs.text(*f).to_string()),
        Part::Relationship => Action::SetRelationship(theirs.relationship),
        Part::CheckIn => Action::SetCheckIn(theirs.communication.check_in.clone()),
        Part::Update(party) => match theirs
            .communication
            .updates
            .iter()
            .find(|p| &p.party_id == party)
        {
            Some(p) => Action::SetUpdatePreference(p.clone()),
            None => Action::RemoveUpdatePreference(party.clone()),
        },
        Part::NextReview => Action::SetNextReview(theirs.keeping_alive.next_review),
        Part::ReviewRhythm => Action::SetReviewRhythm(theirs.keeping_alive.review_rhythm),
        Part::Answer(q) => {
            let find = |a: &Alliance| a.answers.iter().find(|x| &x.question == q).cloned();
            match (find(theirs), find(result)) {
                (Some(a), _) => Action::SetAnswer(a),
                (None, Some(a)) => Action::SetAnswer(Answer {
                    value: String::new(),
                    ..a
                }),
                (None, None) => return Vec::new(),
            }
        }
        Part::Item(kind, id) => {
            let theirs_item = items(theirs, *kind).into_iter().find(|i| i.id() == id);
            let mine_item = items(result, *kind).into_iter().find(|i| i.id() == id);
            match (theirs_item, mine_item, choice) {
                (Some(t), Some(_), Choice::Both) => Action::Insert(with_fresh_ids(result, t)),
                (Some(Item::Party(mut t)), Some(Item::Party(m)), _) => {
                    t.is_me = m.is_me;
                    Action::Update(Item::Party(t))
                }
                (Some(t), Some(_), _) => Action::Update(t),
                (Some(Item::Party(mut t)), None, _) => {
                    t.is_me = false;
                    Action::Insert(Item::Party(t))
                }
                // Ids are unique across the whole alliance: an id the other version gave
                // to something else here gets a new one.
                (Some(t), None, _) => {
                    let mut ids = Vec::new();
                    result.for_each_id(|i| ids.push(i.clone()));
                    let clash = match &t {
                        Item::Decision(d) => {
                            ids.contains(&d.id) || d.options.iter().any(|o| ids.contains(&o.id))
                        }
                        _ => ids.contains(t.id()),
                    };
                    Action::Insert(if clash { with_fresh_ids(result, t) } else { t })
                }
                (None, Some(_), _) => Action::Remove(*kind, id.clone()),
                (None, None, _) => return Vec::new(),
            }
        }
    };
    vec![action]
}

/// The result of bringing `theirs` into `mine` with one choice per difference (differences
/// without a choice keep mine). Every change goes through [`Alliance::apply`]; the revision
/// log names what came from the other version; agreements are brought together as the module
/// says.
pub fn bring_together(
    mine: &Alliance,
    theirs: &Alliance,
    differences: &[Difference],
    choices: &[Choice],
    today: Date,
    now: Timestamp,
) -> Result<Alliance, ActionError> {
    let mut result = mine.clone();
    let mut taken: Vec<String> = Vec::new();
    let mut both: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    let mut sections: Vec<SectionId> = Vec::new();
    for (d, &choice) in differences.iter().zip(choices) {
        let actions = actions(&result, theirs, &d.part, choice);
        if actions.is_empty() {
            continue;
        }
        for action in actions {
            result.apply(action, now)?;
        }
        let named = format!("{}: {}", d.place, d.what);
        match choice {
            Choice::Both => both.push(named),
            _ if d.theirs.is_none() => left_out.push(named),
            _ => taken.push(named),
        }
        if let Some(s) = d.section.filter(|s| !sections.contains(s)) {
            sections.push(s);
        }
    }

    // Agreements: those given to exactly these terms count, the others are earlier ones.
    let agreed_here = same_terms(&result, theirs);
    let mut added: Vec<String> = Vec::new();
    for s in &theirs.agreement.signatures {
        let known = result
            .agreement
            .signatures
            .iter()
            .any(|m| m.party_id == s.party_id);
        if result.party(&s.party_id).is_none() || known {
            continue;
        }
        if agreed_here {
            result
                .agreement
                .earlier
                .retain(|e| e.party_id != s.party_id);
            result.agreement.signatures.push(s.clone());
            added.push(s.name.clone());
        } else {
            result.agreement.keep_as_earlier([s.clone()]);
        }
    }
    let signed = |a: &Alliance, id: &Id| a.agreement.signatures.iter().any(|s| &s.party_id == id);
    let earlier: Vec<Signature> = theirs
        .agreement
        .earlier
        .iter()
        .filter(|s| result.party(&s.party_id).is_some() && !signed(&result, &s.party_id))
        .cloned()
        .collect();
    result.agreement.keep_as_earlier(earlier);
    let everyone = result.parties.iter().all(|p| signed(&result, &p.id));
    if everyone && result.status == Status::Draft {
        result.status = Status::Agreed;
        result.agreement.last_agreed = theirs.agreement.last_agreed.clone();
    }

    if !taken.is_empty() || !both.is_empty() || !left_out.is_empty() || !added.is_empty() {
        let from = whose(theirs).unwrap_or_else(|| text::merge::another_browser().to_string());
        let mut changes = vec![text::merge::brought_together(&from)];
        if !taken.is_empty() {
            changes.push(text::merge::taken(&super::join(&taken, "; ")));
        }
        if !left_out.is_empty() {
            changes.push(text::merge::left_out(&super::join(&left_out, "; ")));
        }
        if !both.is_empty() {
            changes.push(text::merge::kept_both(&super::join(&both, "; ")));
        }
        if !added.is_empty() {
            changes.push(text::merge::agreement_from(&super::join(&added, ", ")));
        }
        let id = result.fresh_id(ListKind::Revisions.id_prefix());
        // A note in the log, not a change of terms: pushed, not applied.
        result.keeping_alive.revisions.push(Revision {
            id,
            date: today,
            sections,
            changes: super::join(&changes, " "),
            why: String::new(),
        });
        result.updated_at = now;
    }
    Ok(result)
}
