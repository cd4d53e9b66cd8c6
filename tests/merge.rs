//! Two versions of the same alliance brought together, difference by difference, and each
//! person's agreement travelling with the alliance.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{coaching, coaching_agreed, date, id, ts};
use designed_alliance::core::merge::{
    bring_together, differences, same_terms, Bringing, Change, Choice, Difference, Outcome, Seen,
};
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

/// The same alliance as Jordan (p-2) has it in their own browser: which person is "me" is
/// not in the alliance, so it is the same.
fn in_jordans_browser(a: &Alliance) -> Alliance {
    a.clone()
}

/// Nothing known of earlier versions (a file from someone who never had one from here).
fn nothing_seen() -> Seen {
    Seen::default()
}

/// What bringing together says of itself, for these tests: by nobody said, from a version
/// saved on 1 December 2026.
fn how() -> Bringing<'static> {
    Bringing {
        by: None,
        saved: "1 December 2026",
        today: today(),
        now: now(),
    }
}

/// `bring_together` with the usual `how`, its result only.
fn brought(
    mine: &Alliance,
    theirs: &Alliance,
    diffs: &[Difference],
    choices: &[Choice],
) -> Alliance {
    bring_together(mine, theirs, diffs, choices, how())
        .unwrap()
        .0
}

/// The choices that keep both sides' work (every difference must have one).
fn defaults(diffs: &[Difference]) -> Vec<Choice> {
    diffs
        .iter()
        .map(|d| d.default().expect("a default for every difference"))
        .collect()
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
    assert!(differences(&mine, &theirs, &nothing_seen(), &Iso).is_empty());
    assert!(
        same_terms(&mine, &theirs),
        "who is \"me\" is each browser's own"
    );
    let (result, outcome) = bring_together(&mine, &theirs, &[], &[], how()).unwrap();
    assert_eq!(
        result, mine,
        "nothing to bring: nothing changes, nothing is logged"
    );
    assert_eq!(outcome, Outcome::default());
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

    let diffs = differences(&mine, &theirs, &nothing_seen(), &Iso);
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
    let result = brought(&mine, &theirs, &diffs, &choices);
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

    // The revision log says what came from where, and never guesses who brought it.
    let log = result.keeping_alive.revisions.last().unwrap();
    assert_eq!(log.date, today());
    assert!(
        log.changes
            .starts_with("Brought together with another version, saved on 1 December 2026."),
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
    // What was kept over theirs, and what was taken away as in theirs, is said too.
    assert!(
        log.changes.contains(
            "Kept as in this version, instead of the other’s: The goal: Where do our sessions happen?"
        ),
        "{}",
        log.changes
    );
    assert!(
        log.changes.contains(
            "Taken away, as in the other version: Busting assumptions: Assumption “Jordan prefers mornings"
        ),
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
    let diffs = differences(&mine, &theirs, &nothing_seen(), &Iso);
    assert_eq!(diffs.len(), 1);
    assert!(diffs[0]
        .theirs
        .as_deref()
        .unwrap()
        .contains("Speed matters"));
    let result = brought(&mine, &theirs, &diffs, &[Choice::Both]);
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
    let diffs = differences(&mine, &theirs, &nothing_seen(), &Iso);
    assert_eq!(diffs.len(), 1);
    let result = brought(&mine, &theirs, &diffs, &[Choice::Theirs]);
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
    let diffs = differences(&mine, &theirs, &nothing_seen(), &Iso);
    assert_eq!(diffs.len(), 3, "{diffs:#?}");
    assert!(diffs.iter().all(|d| d.mine.is_some()));
    let result = brought(&mine, &theirs, &diffs, &[Choice::Theirs; 3]);
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
    assert!(differences(&jordan, &priya, &nothing_seen(), &Iso).is_empty());
    let (result, outcome) = bring_together(&jordan, &priya, &[], &[], how()).unwrap();
    assert_eq!(outcome.agreed, ["Priya"]);
    assert_eq!(result.agreement.signatures.len(), 1);
    assert_eq!(result.agreement.signatures[0].party_id, id("p-1"));
    assert_eq!(result.status, Status::Draft, "Jordan has not agreed yet");
    let log = result.keeping_alive.revisions.last().unwrap();
    assert!(
        log.changes.contains(
            "Priya agreed to these same terms in the other version; that agreement counts here."
        ),
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
    let diffs = differences(&jordan, &priya, &nothing_seen(), &Iso);
    assert_eq!(diffs.len(), 1);
    // Jordan keeps his wording: Priya agreed to something else.
    let result = brought(&jordan, &priya, &diffs, &[Choice::Mine]);
    assert!(result.agreement.signatures.is_empty());
    assert_eq!(result.agreement.earlier.len(), 1);
    assert_eq!(result.agreement.earlier[0].name, "Priya");
    assert_eq!(result.agreement.earlier[0].date, date("2026-11-28"));
    let log = &result.keeping_alive.revisions.last().unwrap().changes;
    assert!(
        log.contains("Priya agreed to the other version as it was; that agreement does not count for these terms and is kept as a record."),
        "{log}"
    );
    // Taking her wording instead: the terms she agreed to, so her agreement counts.
    let result = brought(&jordan, &priya, &diffs, &[Choice::Theirs]);
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
    b.parties.push(common::party("p-3", "Sam", "Sponsor"));
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
    let diffs = differences(&mine, &theirs, &nothing_seen(), &Iso);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].place, "When it gets hard");
    let (kept, outcome) = bring_together(&mine, &theirs, &diffs, &[Choice::Mine], how()).unwrap();
    assert_eq!(outcome.taken, 0);
    assert_eq!(outcome.kept, 1);
    // All mine: nothing of the terms changes, and the log says what was kept.
    assert!(same_terms(&kept, &mine));
    let log = &kept.keeping_alive.revisions.last().unwrap().changes;
    assert!(
        log.contains("Kept, though the other version does not have it: When it gets hard: Permission “Everyone · Tell us when we drift”."),
        "{log}"
    );
    let taken = brought(&mine, &theirs, &diffs, &[Choice::Theirs]);
    assert_eq!(taken.hard_times.permissions.len(), 1);
}

/// Priya shares her alliance; Jordan opens it in his browser, changes an answer and adds a
/// need; meanwhile Priya changed another answer. Comparing in Priya's browser, which
/// remembers the version she sent.
fn a_round_trip() -> (Alliance, Alliance, Seen) {
    let sent = coaching();
    let mut seen = Seen::default();
    seen.record(&sent);
    let mut jordan = sent.clone();
    jordan.goal.why = "The launch depends on a stable team.".into();
    jordan.needs_and_offers.push(NeedOrOffer {
        id: id("n-9"),
        party_id: id("p-2"),
        kind: NeedOrOfferKind::Need,
        text: "A quiet hour on Fridays".into(),
    });
    let mut priya = sent;
    priya.goal.pain = "Dreading one-to-ones.".into();
    (priya, jordan, seen)
}

#[test]
fn by_default_what_each_side_changed_is_kept_and_nothing_is_lost() {
    let (priya, jordan, seen) = a_round_trip();
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    let said: Vec<(&str, Change)> = diffs.iter().map(|d| (d.what.as_ref(), d.change)).collect();
    assert_eq!(
        said,
        [
            ("Why does it matter?", Change::Theirs),
            ("What pain would it relieve?", Change::Mine),
            ("Need", Change::OnlyTheirs),
        ]
    );
    let choices = defaults(&diffs);
    assert_eq!(choices, [Choice::Theirs, Choice::Mine, Choice::Theirs]);
    let (result, outcome) = bring_together(
        &priya,
        &jordan,
        &diffs,
        &choices,
        Bringing {
            by: Some("Priya"),
            ..how()
        },
    )
    .unwrap();
    // Jordan's change and his need, and Priya's change: all there.
    assert_eq!(result.goal.why, jordan.goal.why);
    assert_eq!(result.goal.pain, priya.goal.pain);
    assert!(result
        .needs_and_offers
        .iter()
        .any(|n| n.text == "A quiet hour on Fridays"));
    assert_eq!(outcome.taken, 2);
    assert_eq!(outcome.kept, 1);
    let log = &result.keeping_alive.revisions.last().unwrap().changes;
    assert_eq!(
        log,
        "Priya brought this version together with another, saved on 1 December 2026. \
         Taken from the other version: The goal: Why does it matter?; Needs and offers: Need \
         “Jordan · Needs · A quiet hour on Fridays”. Kept as in this version, instead of the \
         other’s: The goal: What pain would it relieve?."
    );
}

#[test]
fn an_answer_both_changed_has_no_default() {
    let (mut priya, mut jordan, seen) = a_round_trip();
    priya.goal.why = "So I can lead without fear.".into();
    jordan.goal.pain = "Sunday dread.".into();
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    let why = diffs
        .iter()
        .find(|d| d.what == "Why does it matter?")
        .unwrap();
    assert_eq!(why.change, Change::Both);
    assert_eq!(why.default(), None, "the person chooses");
    let pain = diffs
        .iter()
        .find(|d| d.what == "What pain would it relieve?")
        .unwrap();
    assert_eq!(pain.change, Change::Both);
}

#[test]
fn without_a_version_in_common_only_what_one_side_lacks_has_a_default() {
    let (priya, jordan, _) = a_round_trip();
    let diffs = differences(&priya, &jordan, &nothing_seen(), &Iso);
    let by_what: Vec<(&str, Option<Choice>)> = diffs
        .iter()
        .map(|d| (d.what.as_ref(), d.default()))
        .collect();
    assert_eq!(
        by_what,
        [
            ("Why does it matter?", None),
            ("What pain would it relieve?", None),
            ("Need", Some(Choice::Theirs)),
        ]
    );
    // An answer only one side has is kept.
    let mut empty = priya.clone();
    empty.goal.pain.clear();
    let diffs = differences(&empty, &priya, &nothing_seen(), &Iso);
    assert_eq!(diffs[0].change, Change::OnlyTheirs);
    assert_eq!(diffs[0].default(), Some(Choice::Theirs));
}

#[test]
fn an_item_only_one_side_has_is_kept_whoever_removed_it() {
    let (priya, mut jordan, seen) = a_round_trip();
    jordan.commitments.remove(0);
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    let gone = diffs.iter().find(|d| d.what == "Commitment").unwrap();
    assert_eq!(gone.change, Change::OnlyMine);
    assert_eq!(gone.default(), Some(Choice::Mine));
    let result = brought(&priya, &jordan, &diffs, &defaults(&diffs));
    assert_eq!(result.commitments.len(), priya.commitments.len());
}

#[test]
fn a_cleared_answer_is_a_change_on_that_side() {
    let (priya, mut jordan, seen) = a_round_trip();
    jordan.goal.what.clear();
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    let what = diffs
        .iter()
        .find(|d| d.what == "What are we trying to achieve together?")
        .unwrap();
    assert_eq!(what.change, Change::OnlyMine, "said as it is: only here");
    assert_eq!(
        what.default(),
        Some(Choice::Mine),
        "nothing is lost by default"
    );
}

#[test]
fn a_backup_never_sent_is_not_taken_for_the_version_in_common() {
    let (priya, jordan, mut seen) = a_round_trip();
    // After sharing, Priya downloaded a backup with her change in it: her change is in a
    // remembered version, but Jordan never had it.
    seen.record(&priya);
    let mut jordan = jordan;
    jordan.goal.pain = "Sunday dread.".into();
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    let pain = diffs
        .iter()
        .find(|d| d.what == "What pain would it relieve?")
        .unwrap();
    assert_eq!(
        pain.change,
        Change::Both,
        "both changed it since the version in common"
    );
}

#[test]
fn a_difference_kept_on_purpose_stays_kept_when_the_same_version_comes_again() {
    let (priya, jordan, mut seen) = a_round_trip();
    let diffs = differences(&priya, &jordan, &seen, &Iso);
    // Priya keeps her own why, over Jordan's.
    let choices: Vec<Choice> = diffs
        .iter()
        .map(|d| {
            if d.what == "Why does it matter?" {
                Choice::Mine
            } else {
                d.default().unwrap()
            }
        })
        .collect();
    let result = brought(&priya, &jordan, &diffs, &choices);
    seen.record(&jordan);
    // Jordan sends the same version again, having changed nothing more.
    let again = differences(&result, &jordan, &seen, &Iso);
    let why = again
        .iter()
        .find(|d| d.what == "Why does it matter?")
        .unwrap();
    assert_eq!(why.change, Change::Mine);
    assert_eq!(why.default(), Some(Choice::Mine));
    // He changes it once more: that is new, and taken.
    let mut newer = jordan.clone();
    newer.goal.why = "A stable team, a launch this year.".into();
    let diffs = differences(&result, &newer, &seen, &Iso);
    let why = diffs
        .iter()
        .find(|d| d.what == "Why does it matter?")
        .unwrap();
    assert_eq!(
        why.change,
        Change::Both,
        "changed here since his, and there since"
    );
}

#[test]
fn an_agreed_alliance_whose_terms_change_is_a_draft_again_and_says_so() {
    let mine = coaching_agreed();
    let mut theirs = mine.clone();
    theirs
        .apply(
            Action::SetText(TextField::GoalPain, "Less dread.".into()),
            now(),
        )
        .unwrap();
    let mut seen = Seen::default();
    seen.record(&mine);
    let diffs = differences(&mine, &theirs, &seen, &Iso);
    assert_eq!(diffs.len(), 1);
    let (result, outcome) =
        bring_together(&mine, &theirs, &diffs, &defaults(&diffs), how()).unwrap();
    assert!(outcome.draft_again);
    assert_eq!(result.status, Status::Draft);
    assert_eq!(
        result.agreement.earlier.len(),
        2,
        "each earlier agreement kept"
    );
    // Keeping mine changes no terms: it stays agreed.
    let (kept, outcome) = bring_together(&mine, &theirs, &diffs, &[Choice::Mine], how()).unwrap();
    assert!(!outcome.draft_again);
    assert_eq!(kept.status, Status::Agreed);
}

#[test]
fn who_is_me_is_never_in_a_file_and_a_mark_in_one_is_ignored() {
    let a = coaching();
    let text = file::export(&a, now()).unwrap();
    assert!(!text.contains("\"isMe\": true"));
    assert_eq!(text.matches("\"isMe\": false").count(), a.parties.len());
    // Written by an older widget, with Priya marked: read, and the mark is gone.
    let older = text.replacen("\"isMe\": false", "\"isMe\": true", 1);
    let read = file::import(older.as_bytes()).unwrap().alliance;
    assert_eq!(read, a);
    // Without the member at all: read too.
    let without = text.replace(",\n        \"isMe\": false", "");
    assert!(!without.contains("isMe"));
    assert_eq!(file::import(without.as_bytes()).unwrap().alliance, a);
}

#[test]
fn an_agreement_made_when_the_file_still_marked_me_is_not_taken_for_a_change() {
    // Agreed by an older widget, which fingerprinted the basics with Priya marked "me".
    let agreed = coaching_agreed();
    let text = file::export(&agreed, now()).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["alliance"]["parties"][0]["isMe"] = serde_json::json!(true);
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Marked<'a> {
        id: &'a Id,
        name: &'a str,
        role: &'a str,
        is_me: bool,
    }
    let older_basics = {
        let parties: Vec<Marked> = agreed
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| Marked {
                id: &p.id,
                name: &p.name,
                role: &p.role,
                is_me: i == 0,
            })
            .collect();
        let terms = serde_json::to_string(&(
            &agreed.title,
            &agreed.relationship,
            &agreed.relationship_note,
            &parties,
        ))
        .unwrap();
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in terms.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        format!("{h:016x}")
    };
    let basics = value["alliance"]["agreement"]["lastAgreed"]["fingerprints"][0].clone();
    assert_eq!(basics["section"], "basics");
    value["alliance"]["agreement"]["lastAgreed"]["fingerprints"][0]["fingerprint"] =
        serde_json::json!(older_basics);
    let mut a = file::import(value.to_string().as_bytes()).unwrap().alliance;
    // A change in the goal, agreed again: the log names the goal only.
    a.apply(
        Action::SetText(TextField::GoalPain, "Less dread.".into()),
        now(),
    )
    .unwrap();
    for party in ["p-1", "p-2"] {
        a.apply(
            Action::Agree {
                party: id(party),
                date: today(),
            },
            now(),
        )
        .unwrap();
    }
    let log = a.keeping_alive.revisions.last().unwrap();
    assert_eq!(log.sections, [SectionId::Goal]);
}
