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
use super::content;
use super::content::{QuestionId, ReflectionId};
use super::date::{Date, Dates, Timestamp};
use super::model::*;
use super::summary::{check_in_text, when_text};
use super::text::{export as x, merge as m, ui as u};
use std::borrow::Cow;
use std::collections::BTreeMap;

mod parts;
use parts::*;

mod seen;
pub use seen::*;

mod held;

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
    let title = |s: SectionId| Cow::Borrowed(content::section(s).title);
    let filled = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let question = |q: QuestionId| Cow::Borrowed(content::question(q).prompt);
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
                        .map(|k| content::relationship_label(k).to_string()),
                    theirs
                        .relationship
                        .map(|k| content::relationship_label(k).to_string()),
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
                        .map(|p| {
                            joined(&[p.style.map_or("", content::update_style_label), &p.note])
                        })
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
                            .map(|f| content::frequency_label(f).to_string()),
                        k(theirs)
                            .review_rhythm
                            .map(|f| content::frequency_label(f).to_string()),
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
        if section == SectionId::KeepingAlive {
            for (what, part, sides) in held::differing(mine, theirs, dates) {
                add(Some(section), title(section), Cow::Owned(what), part, sides);
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
    for r in content::REFLECTIONS {
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
        (super::agreement::fingerprints(x), answers)
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
        Part::Held(id) => return held::taken(result, theirs, id).into_iter().collect(),
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
                changes.push(say(&list.join("; ")));
            }
        }
        if !outcome.agreed.is_empty() {
            changes.push(m::agreement_from(&outcome.agreed.join(", ")));
        }
        if !earlier_came.is_empty() {
            changes.push(m::earlier_from(&earlier_came.join(", ")));
        }
        let id = result.fresh_id(ListKind::Revisions.id_prefix());
        // A note in the log, not a change of terms: pushed, not applied.
        result.keeping_alive.revisions.push(Revision {
            id,
            date: how.today,
            sections,
            changes: changes.join(" "),
            why: String::new(),
        });
        result.updated_at = how.now;
    }
    Ok((result, outcome))
}
