//! Bringing two versions of the same alliance together, difference by difference.
//!
//! [`differences`] lists what two versions say differently, each in the words of the step it
//! belongs to: a field worded differently, an item only one side has, an item both have but
//! changed. Each difference comes with the choice that loses nothing nobody chose to drop
//! ([`Difference::default`]): what only one side has is kept; an answer changed on one side
//! only takes the change; an answer both sides changed has no default, and the person
//! chooses. Which side changed what is told by [`Seen`]: what this browser knows of the
//! versions it exchanged with others (there is no server, so no shared history). The person
//! may choose otherwise for any difference ([`Choice`]); [`bring_together`] makes the result
//! from *mine*, through the same [`Action`]s as typing, and writes in the revision log what
//! was taken, kept and left out.
//!
//! Each person's agreement travels too: an agreement given to exactly the terms of the result
//! counts, one given to other terms is kept as an agreement to an earlier version.

use super::action::{Action, ActionError, Item, ListKind, TextField};
use super::date::{Date, Dates, Timestamp};
use super::model::*;
use super::summary::{check_in_text, when_text};
use super::text::{self, export as x, merge as m, ui as u, QuestionId, ReflectionId};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What to keep of one difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both items (list items on both sides only): theirs is added beside mine.
    Both,
}

/// How the two versions came to differ, as far as this browser can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Only this version has it (an item, or an answer the other leaves empty).
    OnlyMine,
    /// Only the other version has it.
    OnlyTheirs,
    /// This version changed it since the two last had it in common.
    Mine,
    /// The other version changed it since then.
    Theirs,
    /// Both changed it, or nothing tells which did: the person chooses.
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
    /// How they came to differ.
    pub change: Change,
    part: Part,
}

impl Difference {
    /// Whether both can be kept: an item both versions have, changed.
    pub fn can_keep_both(&self) -> bool {
        matches!(self.part, Part::Item(..)) && self.mine.is_some() && self.theirs.is_some()
    }

    /// Whether it is a list item (kept or left out) rather than an answer (one or the other).
    pub fn is_item(&self) -> bool {
        matches!(self.part, Part::Item(..))
    }

    /// The choice that keeps both sides' work: what only one side has is kept, a change made
    /// on one side only is taken; none when both changed it.
    pub fn default(&self) -> Option<Choice> {
        match self.change {
            Change::OnlyMine | Change::Mine => Some(Choice::Mine),
            Change::OnlyTheirs | Change::Theirs => Some(Choice::Theirs),
            Change::Both => None,
        }
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

impl Part {
    /// A name for this part that stays the same across versions (what [`Seen`] is kept by).
    fn key(&self) -> String {
        match self {
            Part::Text(f) => format!("text:{f:?}"),
            Part::Relationship => "relationship".into(),
            Part::CheckIn => "checkIn".into(),
            Part::Update(party) => format!("update:{party}"),
            Part::NextReview => "nextReview".into(),
            Part::ReviewRhythm => "reviewRhythm".into(),
            Part::Answer(q) => format!("answer:{q}"),
            Part::Item(kind, id) => format!("item:{kind:?}:{id}"),
        }
    }

    /// A fingerprint of what `a` holds for this part; `None` when it holds nothing there (an
    /// empty answer, an item or preference it does not have).
    fn fingerprint(&self, a: &Alliance) -> Option<String> {
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
        }?;
        // Plain data with string keys: serialising cannot fail.
        Some(super::editor::fnv1a(json.unwrap_or_default().as_bytes()))
    }
}

/// An item as compact JSON.
fn item_json(item: &Item) -> Result<String, serde_json::Error> {
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

/// How many versions [`Seen`] remembers. A host page may hand every saved version to its own
/// server (`exportJson`), each remembered: enough are kept for the one the other person
/// received to still be among them when their answer comes.
pub const SEEN_VERSIONS: usize = 12;

/// What this browser knows of the versions of one alliance it exchanged with others: sent
/// (as a file or a link) or received (opened, or brought together), the most recent last,
/// each as the fingerprints of its parts. It is kept with the draft in this browser, never in
/// a file or a link.
///
/// Comparing with another version, the one it was made from is the remembered version it has
/// most in common with: the other person changed what differs from it, and the changes since
/// then on this side are what differs from it here. A version this browser made but never
/// sent, such as a downloaded backup, has less in common with theirs than the one they really
/// received, or as much: where remembered versions fit equally well but tell a part apart
/// differently, nothing tells, and the person chooses.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Seen(Vec<Version>);

/// A version as [`Seen`] keeps it: the fingerprint of each part, by the part's key.
type Version = BTreeMap<String, String>;

impl Seen {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Remembers `a`, a version sent or received (once: the same version again moves last).
    pub fn record(&mut self, a: &Alliance) {
        let version: BTreeMap<String, String> = parts(a)
            .into_iter()
            .filter_map(|part| Some((part.key(), part.fingerprint(a)?)))
            .collect();
        self.0.retain(|v| *v != version);
        self.0.push(version);
        if self.0.len() > SEEN_VERSIONS {
            self.0.remove(0);
        }
    }

    /// The remembered versions `theirs` has most parts in common with (more than one when
    /// several have as much).
    fn bases_of(&self, theirs: &Alliance) -> Vec<&Version> {
        let fingerprints: Vec<(String, String)> = parts(theirs)
            .into_iter()
            .filter_map(|part| Some((part.key(), part.fingerprint(theirs)?)))
            .collect();
        let common = |v: &Version| {
            fingerprints
                .iter()
                .filter(|(k, f)| v.get(k) == Some(f))
                .count()
        };
        let counted: Vec<(usize, &Version)> = self.0.iter().map(|v| (common(v), v)).collect();
        let most = counted.iter().map(|(n, _)| *n).max().unwrap_or(0);
        counted
            .into_iter()
            .filter(|(n, _)| most > 0 && *n == most)
            .map(|(_, v)| v)
            .collect()
    }
}

/// Every part `a` holds something in: its texts, choices, preferences, answers and items.
fn parts(a: &Alliance) -> Vec<Part> {
    let mut out: Vec<Part> = TEXTS.iter().map(|(f, _)| Part::Text(*f)).collect();
    out.extend(
        text::REFLECTIONS
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
    out
}

/// How `part` came to differ between `mine` and `theirs`, from the versions theirs may have
/// been made from (`bases`: what this browser remembers that has most in common with theirs).
fn change(part: &Part, mine: &Alliance, theirs: &Alliance, bases: &[&Version]) -> Change {
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

fn optional_date(d: Option<Date>, dates: &dyn Dates) -> Option<String> {
    d.map(|d| dates.date(d))
}

/// Everything `mine` and `theirs` say differently, in the order of the wizard, each with how
/// they came to differ as far as `seen` (this browser's knowledge of the versions exchanged)
/// tells.
pub fn differences(
    mine: &Alliance,
    theirs: &Alliance,
    seen: &Seen,
    dates: &dyn Dates,
) -> Vec<Difference> {
    let bases = seen.bases_of(theirs);
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
                change: change(&part, mine, theirs, &bases),
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
                // The same, or an entry of this version's own revision log (a log only
                // grows: what the other lacks, it has not seen yet).
                if mi.is_some() && (mi == ti || (kind == ListKind::Revisions && ti.is_none())) {
                    continue;
                }
                let what = match mi.as_ref().or(ti.as_ref()) {
                    Some(Item::NeedOrOffer(n)) => match n.kind {
                        NeedOrOfferKind::Need => u::need(),
                        NeedOrOfferKind::Offer => u::offer(),
                    },
                    _ => item_label(kind),
                };
                add(
                    Some(section),
                    title(section),
                    Cow::Borrowed(what),
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

/// Whether two versions have the same terms (what people agree to).
pub fn same_terms(a: &Alliance, b: &Alliance) -> bool {
    let terms = |x: &Alliance| {
        let mut answers = x.answers.clone();
        answers.sort_by(|p, q| p.question.cmp(&q.question));
        (super::editor::fingerprints(x), answers)
    };
    terms(a) == terms(b)
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
                (Some(t), Some(_), _) => Action::Update(t),
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

/// Who brought two versions together, and the other version: what the revision log says of
/// them.
#[derive(Debug, Clone, Copy)]
pub struct Bringing<'a> {
    /// The person who did it, by name: this browser's "me", if said.
    pub by: Option<&'a str>,
    /// When the other version was saved, as the person reads dates.
    pub saved: &'a str,
    pub today: Date,
    pub now: Timestamp,
}

/// What bringing two versions together did, to say it truly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// Differences where the other version's was taken (or both kept): the draft changed.
    pub taken: usize,
    /// Differences where this version's was kept.
    pub kept: usize,
    /// People whose agreement to exactly these terms came with the other version.
    pub agreed: Vec<String>,
    /// The alliance was agreed, and its terms changed: it is a draft again.
    pub draft_again: bool,
}

/// A difference named in the revision log: where it is and what, and for a list item which
/// one, shortly.
fn named(d: &Difference, side: Option<&str>) -> String {
    match side.filter(|_| d.is_item()) {
        Some(text) if text.chars().count() > 80 => {
            // Cut at a space, so no word is cut in two.
            let head: String = text.chars().take(80).collect();
            let short = head.rsplit_once(' ').map_or(head.as_str(), |(h, _)| h);
            format!(
                "{}: {} “{} …”",
                d.place,
                d.what,
                short.trim_end_matches([' ', '·'])
            )
        }
        // The sentence's own full stop gives way to the list's, after the quote.
        Some(text) => format!(
            "{}: {} “{}”",
            d.place,
            d.what,
            text.trim_end_matches(['.', ',', ';', ':'])
        ),
        None => format!("{}: {}", d.place, d.what),
    }
}

/// The result of bringing `theirs` into `mine` with one choice per difference. Every change
/// goes through [`Alliance::apply`]; the revision log says what was taken from the other
/// version, what was kept and what was left out, and who brought them together; agreements
/// are brought together as the module says.
pub fn bring_together(
    mine: &Alliance,
    theirs: &Alliance,
    differences: &[Difference],
    choices: &[Choice],
    how: Bringing,
) -> Result<(Alliance, Outcome), ActionError> {
    let mut result = mine.clone();
    let mut outcome = Outcome::default();
    let (mut taken, mut taken_away, mut both) = (Vec::new(), Vec::new(), Vec::new());
    let (mut kept_over, mut left_out, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let mut sections: Vec<SectionId> = Vec::new();
    for (d, &choice) in differences.iter().zip(choices) {
        for action in actions(&result, theirs, &d.part, choice) {
            result.apply(action, how.now)?;
        }
        match (choice, &d.theirs) {
            (Choice::Mine, Some(t)) if d.mine.is_some() => kept_over.push(named(d, Some(t))),
            (Choice::Mine, Some(t)) => left_out.push(named(d, Some(t))),
            (Choice::Mine, None) => kept.push(named(d, d.mine.as_deref())),
            (Choice::Theirs, Some(t)) => taken.push(named(d, Some(t))),
            (Choice::Theirs, None) => taken_away.push(named(d, d.mine.as_deref())),
            (Choice::Both, t) => both.push(named(d, t.as_deref())),
        }
        if choice == Choice::Mine {
            outcome.kept += 1;
            continue;
        }
        outcome.taken += 1;
        if let Some(s) = d.section.filter(|s| !sections.contains(s)) {
            sections.push(s);
        }
    }
    outcome.draft_again = mine.status == Status::Agreed && result.status == Status::Draft;

    // Agreements: those given to exactly these terms count, the others are earlier ones.
    let agreed_here = same_terms(&result, theirs);
    let mut earlier_came: Vec<String> = Vec::new();
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
            outcome.agreed.push(s.name.clone());
        } else {
            let new = !result.agreement.earlier.contains(s);
            result.agreement.keep_as_earlier([s.clone()]);
            if new && result.agreement.earlier.contains(s) {
                earlier_came.push(s.name.clone());
            }
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
        outcome.draft_again = false;
    }

    if !differences.is_empty() || !outcome.agreed.is_empty() || !earlier_came.is_empty() {
        let mut changes = vec![match how.by {
            Some(name) => m::brought_together_by(name, how.saved),
            None => m::brought_together(how.saved),
        }];
        let lists = [
            (taken, m::taken as fn(&str) -> String),
            (taken_away, m::taken_away),
            (both, m::kept_both),
            (kept_over, m::kept_over),
            (left_out, m::left_out),
            (kept, m::kept),
        ];
        for (list, say) in lists {
            if !list.is_empty() {
                changes.push(say(&super::join(&list, "; ")));
            }
        }
        if !outcome.agreed.is_empty() {
            changes.push(m::agreement_from(&super::join(&outcome.agreed, ", ")));
        }
        if !earlier_came.is_empty() {
            changes.push(m::earlier_from(&super::join(&earlier_came, ", ")));
        }
        let id = result.fresh_id(ListKind::Revisions.id_prefix());
        // A note in the log, not a change of terms: pushed, not applied.
        result.keeping_alive.revisions.push(Revision {
            id,
            date: how.today,
            sections,
            changes: super::join(&changes, " "),
            why: String::new(),
        });
        result.updated_at = how.now;
    }
    Ok((result, outcome))
}
