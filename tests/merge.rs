//! Two versions of the same alliance brought together, difference by difference, and each
//! person's agreement travelling with the alliance.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{coaching, coaching_agreed, date, id, ts};
use designed_alliance::core::merge::{bring_together, differences, same_terms, Choice};
use designed_alliance::core::model::*;
use designed_alliance::core::{
    json as file, Action, Date, Iso, Item, ListKind, TextField, Timestamp,
};

fn today() -> Date {
    date("2026-12-01")
}

fn now() -> Timestamp {
    ts("2026-12-01T10:00:00Z")
}

/// The same alliance as Jordan (p-2) has it in their own browser.
fn in_jordans_browser(a: &Alliance) -> Alliance {
    let mut theirs = a.clone();
    for p in &mut theirs.parties {
        p.is_me = p.id.as_str() == "p-2";
    }
    theirs
}

fn answer(question: &str, value: &str) -> Answer {
    Answer {
        question: question.into(),
        section: SectionId::Goal,
        prompt: "Where do our sessions happen?".into(),
        value: value.into(),
    }
}

#[test]
fn the_same_alliance_in_two_browsers_has_no_differences() {
    let mine = coaching();
    let theirs = in_jordans_browser(&mine);
    assert!(differences(&mine, &theirs, &Iso).is_empty());
    assert!(
        same_terms(&mine, &theirs),
        "who is \"me\" is each browser's own"
    );
    let result = bring_together(&mine, &theirs, &[], &[], today(), now()).unwrap();
    assert_eq!(
        result, mine,
        "nothing to bring: nothing changes, nothing is logged"
    );
}

#[test]
fn each_difference_is_said_in_the_words_of_its_step_and_chosen_on_its_own() {
    let mut mine = coaching();
    mine.answers.push(answer("where", "At the office"));
    let mut theirs = in_jordans_browser(&mine);

    // A changed answer to a standard question and to a coach's question.
    theirs.goal.why = "The launch depends on a stable team.".into();
    theirs.answers[0].value = "On video".into();
    // A list item only the other side has, and one only this side has.
    theirs.progress.push(Measure {
        id: id("m-2"),
        signal: "Fewer escalations reach me".into(),
        how_we_check: String::new(),
        how_often: Some(Frequency::Monthly),
    });
    mine.assumptions.push(Assumption {
        id: id("a-2"),
        text: "Jordan prefers mornings".into(),
        held_by: Owner::Party(id("p-1")),
        status: AssumptionStatus::Unchecked,
        instead: String::new(),
    });
    // Items changed on both sides: two commitments and a milestone.
    mine.commitments[0].what = "Book skip-levels with each person".into();
    theirs.commitments[0].what = "Book skip-levels with the whole team".into();
    theirs.commitments[1].what = "Send a reading list".into();
    theirs.celebrations.milestones[0].how = "Lunch together".into();

    let diffs = differences(&mine, &theirs, &Iso);
    let said: Vec<(String, String, Option<String>, Option<String>)> = diffs
        .iter()
        .map(|d| {
            (
                d.place.to_string(),
                d.what.to_string(),
                d.mine.clone(),
                d.theirs.clone(),
            )
        })
        .collect();
    assert_eq!(diffs.len(), 7, "{said:#?}");
    // In the order of the wizard, in the words of its steps.
    assert_eq!(said[0].0, "The goal");
    assert_eq!(said[0].1, "Why does it matter?");
    assert_eq!(
        said[0].3.as_deref(),
        Some("The launch depends on a stable team.")
    );
    assert_eq!(said[1].1, "Where do our sessions happen?");
    assert_eq!(
        (said[1].2.as_deref(), said[1].3.as_deref()),
        (Some("At the office"), Some("On video"))
    );
    assert_eq!(said[2].0, "How we will measure it");
    assert_eq!(said[2].1, "Measure");
    assert_eq!(said[2].2, None, "only the other version has it");
    assert!(said[2]
        .3
        .as_deref()
        .unwrap()
        .contains("Fewer escalations reach me"));
    assert!(said[2].3.as_deref().unwrap().contains("Every month"));
    assert_eq!(said[3].1, "Commitment");
    assert!(said[3]
        .2
        .as_deref()
        .unwrap()
        .starts_with("Priya · Book skip-levels with each"));
    assert!(diffs[3].can_keep_both());
    assert!(
        !diffs[2].can_keep_both(),
        "one side: keep it or leave it out"
    );
    assert_eq!(said[4].1, "Commitment");
    assert_eq!(said[5].1, "Milestone");
    assert_eq!(said[6].1, "Assumption");
    assert_eq!(said[6].3, None, "only this version has it");

    // Take their why, keep my answer, take their measure, keep both first commitments, keep
    // my second one, take their milestone, and leave out my assumption (theirs has none).
    let choices = [
        Choice::Theirs,
        Choice::Mine,
        Choice::Theirs,
        Choice::Both,
        Choice::Mine,
        Choice::Theirs,
        Choice::Theirs,
    ];
    let result = bring_together(&mine, &theirs, &diffs, &choices, today(), now()).unwrap();
    assert_eq!(result.goal.why, theirs.goal.why);
    assert_eq!(result.answers[0].value, "At the office");
    assert_eq!(result.progress.len(), 2);
    assert_eq!(result.progress[1], theirs.progress[1]);
    assert_eq!(result.commitments.len(), 4, "both first commitments kept");
    assert_eq!(
        result.commitments[0].what,
        "Book skip-levels with each person"
    );
    assert_eq!(
        result.commitments[3].what,
        "Book skip-levels with the whole team"
    );
    assert_ne!(
        result.commitments[3].id,
        id("c-1"),
        "the second gets an id of its own"
    );
    assert_eq!(result.commitments[1], mine.commitments[1]);
    assert_eq!(result.celebrations.milestones[0].how, "Lunch together");
    assert!(result.assumptions.iter().all(|a| a.id != id("a-2")));
    assert!(result.parties[0].is_me, "I am still me in my browser");
    assert!(!result.parties[1].is_me);

    // The revision log says what came from where.
    let log = result.keeping_alive.revisions.last().unwrap();
    assert_eq!(log.date, today());
    assert!(
        log.changes.contains("a version from Jordan"),
        "{}",
        log.changes
    );
    assert!(
        log.changes.contains("The goal: Why does it matter?"),
        "{}",
        log.changes
    );
    assert!(
        log.changes
            .contains("Both kept: Who does what, and when: Commitment"),
        "{}",
        log.changes
    );
    assert!(
        !log.changes.contains("Where do our sessions happen"),
        "{}",
        log.changes
    );
    assert!(
        log.changes
            .contains("Left out, as in it: Busting assumptions: Assumption"),
        "{}",
        log.changes
    );
    assert!(log.sections.contains(&SectionId::Goal));
    assert!(!log.sections.contains(&SectionId::Communication));

    // The result is a valid file, and reads back as it is.
    let text = file::export(&result, now()).unwrap();
    assert_eq!(file::import(text.as_bytes()).unwrap().alliance, result);
}

#[test]
fn keeping_both_decisions_gives_the_copy_and_its_options_new_ids() {
    let mine = coaching();
    let mut theirs = in_jordans_browser(&mine);
    theirs.decisions[0].why = "Speed matters more this quarter.".into();
    theirs.decisions[0].chosen = Some(id("o-2"));
    let diffs = differences(&mine, &theirs, &Iso);
    assert_eq!(diffs.len(), 1);
    assert!(diffs[0]
        .theirs
        .as_deref()
        .unwrap()
        .contains("Speed matters"));
    let result = bring_together(&mine, &theirs, &diffs, &[Choice::Both], today(), now()).unwrap();
    assert_eq!(result.decisions.len(), 2);
    let copy = &result.decisions[1];
    let mut ids = Vec::new();
    result.for_each_id(|i| ids.push(i.clone()));
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "every id unique: {ids:?}");
    assert_eq!(
        copy.options
            .iter()
            .find(|o| Some(&o.id) == copy.chosen.as_ref())
            .map(|o| &o.name),
        Some(&theirs.decisions[0].options[1].name),
        "the copy's choice follows its own options"
    );
    file::import(file::export(&result, now()).unwrap().as_bytes()).unwrap();
}

#[test]
fn an_item_the_other_version_adds_under_an_id_this_one_uses_gets_a_new_id() {
    let mine = coaching();
    let mut theirs = in_jordans_browser(&mine);
    // Their new commitment has the id of one of my measures.
    theirs.commitments.push(Commitment {
        id: id("m-1"),
        owner: Owner::Everyone,
        what: "Review the alliance together".into(),
        when: None,
    });
    let diffs = differences(&mine, &theirs, &Iso);
    assert_eq!(diffs.len(), 1);
    let result = bring_together(&mine, &theirs, &diffs, &[Choice::Theirs], today(), now()).unwrap();
    let added = result.commitments.last().unwrap();
    assert_eq!(added.what, "Review the alliance together");
    assert_ne!(added.id, id("m-1"));
}

#[test]
fn taking_theirs_can_take_a_field_or_an_answer_away() {
    let mut mine = coaching();
    mine.answers.push(answer("where", "At the office"));
    let mut theirs = in_jordans_browser(&mine);
    theirs.goal.pain.clear();
    theirs.answers.clear();
    theirs.communication.check_in.time = None;
    let diffs = differences(&mine, &theirs, &Iso);
    assert_eq!(diffs.len(), 3, "{diffs:#?}");
    assert!(diffs.iter().all(|d| d.mine.is_some()));
    let result =
        bring_together(&mine, &theirs, &diffs, &[Choice::Theirs; 3], today(), now()).unwrap();
    assert_eq!(result.goal.pain, "");
    assert!(result.answers.is_empty());
    assert_eq!(result.communication.check_in, theirs.communication.check_in);
    assert!(same_terms(&result, &theirs));
}

/// The alliance as Priya has it after agreeing, on 28 November, in her browser.
fn agreed_by_priya() -> Alliance {
    let mut priya = coaching();
    priya
        .apply(
            Action::Agree {
                party: id("p-1"),
                date: date("2026-11-28"),
            },
            now(),
        )
        .unwrap();
    priya
}

#[test]
fn an_agreement_given_to_the_same_terms_elsewhere_counts_here() {
    // Priya agreed in her browser; Jordan's draft says the same and he has not agreed.
    let priya = agreed_by_priya();
    let jordan = in_jordans_browser(&coaching());
    assert!(differences(&jordan, &priya, &Iso).is_empty());
    let result = bring_together(&jordan, &priya, &[], &[], today(), now()).unwrap();
    assert_eq!(result.agreement.signatures.len(), 1);
    assert_eq!(result.agreement.signatures[0].party_id, id("p-1"));
    assert_eq!(result.status, Status::Draft, "Jordan has not agreed yet");
    let log = result.keeping_alive.revisions.last().unwrap();
    assert!(
        log.changes.contains("Agreement that came with it: Priya"),
        "{}",
        log.changes
    );

    // Jordan agrees too: agreed by both, across two browsers.
    let mut result = result;
    result
        .apply(
            Action::Agree {
                party: id("p-2"),
                date: today(),
            },
            now(),
        )
        .unwrap();
    assert_eq!(result.status, Status::Agreed);
}

#[test]
fn an_agreement_given_to_other_terms_is_shown_as_an_agreement_to_an_earlier_version() {
    let priya = agreed_by_priya();
    let mut jordan = in_jordans_browser(&coaching());
    jordan.goal.why = "So the launch can happen this year.".into();
    let diffs = differences(&jordan, &priya, &Iso);
    assert_eq!(diffs.len(), 1);
    // Jordan keeps his wording: Priya agreed to something else.
    let result = bring_together(&jordan, &priya, &diffs, &[Choice::Mine], today(), now()).unwrap();
    assert!(result.agreement.signatures.is_empty());
    assert_eq!(result.agreement.earlier.len(), 1);
    assert_eq!(result.agreement.earlier[0].name, "Priya");
    assert_eq!(result.agreement.earlier[0].date, date("2026-11-28"));
    // Taking her wording instead: the terms she agreed to, so her agreement counts.
    let result =
        bring_together(&jordan, &priya, &diffs, &[Choice::Theirs], today(), now()).unwrap();
    assert_eq!(result.agreement.signatures.len(), 1);
    assert!(result.agreement.earlier.is_empty());
}

#[test]
fn changing_agreed_terms_keeps_each_agreement_as_an_earlier_one_until_given_again() {
    let mut a = coaching_agreed();
    a.apply(
        Action::SetText(TextField::GoalPain, "Less dread.".into()),
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Draft);
    assert!(a.agreement.signatures.is_empty());
    let earlier: Vec<&str> = a
        .agreement
        .earlier
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(earlier, ["Priya", "Jordan"]);
    a.apply(
        Action::Agree {
            party: id("p-2"),
            date: today(),
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        a.agreement.earlier.len(),
        1,
        "Jordan's agreement is to this version now"
    );
    assert_eq!(a.agreement.earlier[0].name, "Priya");
    // Kept in the file, and read back.
    let text = file::export(&a, now()).unwrap();
    assert!(text.contains("\"earlier\""));
    assert_eq!(file::import(text.as_bytes()).unwrap().alliance, a);
    // A person taken out of the alliance takes their earlier agreement with them.
    let mut b = a.clone();
    b.parties
        .push(common::party("p-3", "Sam", "Sponsor", false));
    b.agreement.earlier.push(Signature {
        party_id: id("p-3"),
        name: "Sam".into(),
        date: today(),
    });
    b.apply(Action::Remove(ListKind::Parties, id("p-3")), now())
        .unwrap();
    assert!(b.agreement.earlier.iter().all(|s| s.party_id != id("p-3")));
}

#[test]
fn a_file_with_impossible_agreements_is_refused_with_where() {
    let mut a = coaching_agreed();
    a.apply(
        Action::SetText(TextField::GoalPain, "Less dread.".into()),
        now(),
    )
    .unwrap();
    let good = file::export(&a, now()).unwrap();
    // Changes `from` to `to` once, inside the earlier agreements.
    let in_earlier = |from: &str, to: &str| {
        let at = good.find("\"earlier\"").unwrap();
        let mut bad = good[..at].to_string();
        bad.push_str(&good[at..].replacen(from, to, 1));
        assert_ne!(bad, good);
        file::import(bad.as_bytes()).unwrap_err().message
    };
    // Earlier agreements by someone not in the alliance, or twice by the same person.
    let unknown = in_earlier("\"partyId\": \"p-1\"", "\"partyId\": \"p-9\"");
    assert!(
        unknown.contains("alliance.agreement.earlier[0].partyId"),
        "{unknown}"
    );
    let twice = in_earlier("\"partyId\": \"p-2\"", "\"partyId\": \"p-1\"");
    assert!(
        twice.contains("alliance.agreement.earlier[1].partyId"),
        "{twice}"
    );
    assert!(twice.contains("listed twice"), "{twice}");
}

#[test]
fn a_remove_taken_from_the_other_version_is_an_action_like_any_other() {
    let mut mine = coaching();
    mine.apply(
        Action::Insert(Item::Permission(Permission {
            id: id("pm-2"),
            given_by: Owner::Everyone,
            text: "Tell us when we drift".into(),
        })),
        now(),
    )
    .unwrap();
    let theirs = in_jordans_browser(&coaching());
    let diffs = differences(&mine, &theirs, &Iso);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].place, "When it gets hard");
    let kept = bring_together(&mine, &theirs, &diffs, &[Choice::Mine], today(), now()).unwrap();
    assert_eq!(kept, mine, "all mine: nothing changes");
    let taken = bring_together(&mine, &theirs, &diffs, &[Choice::Theirs], today(), now()).unwrap();
    assert_eq!(taken.hard_times.permissions.len(), 1);
}
