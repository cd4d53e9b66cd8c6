//! The living alliance: check-ins held, the next one, and how they travel.

use super::*;
use designed_alliance::core::living::{self, Due, Walk};
use designed_alliance::core::merge::{bring_together, differences, Bringing, Change, Choice, Seen};

#[test]
fn a_check_in_is_kept_as_said_and_never_un_agrees() {
    let a = coaching_living();
    assert_eq!(
        a.status,
        Status::Agreed,
        "holding a check-in is not a change of terms"
    );
    assert_eq!(a.agreement.signatures.len(), 2);
    let dates: Vec<String> = a.check_ins.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, ["2026-12-01", "2027-01-05"]);
    let first = &a.check_ins[0];
    let names: Vec<&str> = first.present.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Priya", "Jordan"], "who was there, by name");
    // Only what was said: the third commitment had neither a status nor a note.
    let spoken: Vec<&str> = first
        .commitments
        .iter()
        .map(|c| c.commitment_id.as_str())
        .collect();
    assert_eq!(spoken, ["c-1", "c-2"]);
    assert!(
        first.milestones.is_empty(),
        "no milestone was ticked as reached"
    );
    let second = &a.check_ins[1];
    assert_eq!(second.milestones.len(), 1);
    assert_eq!(second.milestones[0].celebrated, "Lunch with the team.");
    assert!(second.measures.is_empty(), "nothing seen was written");
    // A milestone reached is not offered again at the next check-in.
    let third = Walk::start(&a, date("2027-02-01"), id("checkin-x"));
    assert!(third
        .held
        .milestones
        .iter()
        .all(|m| m.milestone_id != id("ms-1")));
}

#[test]
fn nobody_there_is_no_check_in() {
    let a = coaching_agreed();
    let walk = Walk::start(&a, today(), id("checkin-x"));
    assert_eq!(walk.finished(&a), None);
}

#[test]
fn a_change_made_during_a_check_in_un_agrees_and_is_logged() {
    let mut a = coaching_agreed();
    let revisions = a.keeping_alive.revisions.len();
    let mut walk = Walk::start(&a, today(), id("checkin-x"));
    walk.held.present.push(Present {
        party_id: id("p-1"),
        name: String::new(),
    });
    a.apply(
        Action::SetText(TextField::GoalWhat, "Lead the team with confidence.".into()),
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Draft, "as any change of terms does");
    let changed = walk.changed(&a);
    assert_eq!(changed, [SectionId::Goal]);
    let held = walk.finished(&a).unwrap();
    a.apply(Action::HoldCheckIn(Box::new(held), changed), now())
        .unwrap();
    assert_eq!(a.keeping_alive.revisions.len(), revisions + 1);
    let entry = a.keeping_alive.revisions.last().unwrap();
    assert_eq!(entry.sections, [SectionId::Goal]);
    assert_eq!(
        entry.changes,
        "Changed during a check-in: The goal."
            .replace("The goal", content::section(SectionId::Goal).title)
    );
    assert_eq!(entry.date, today());

    // Without a change: no entry, still agreed.
    let mut b = coaching_agreed();
    let mut walk = Walk::start(&b, today(), id("checkin-y"));
    walk.held.present.push(Present {
        party_id: id("p-2"),
        name: String::new(),
    });
    let changed = walk.changed(&b);
    assert!(changed.is_empty());
    let before = b.keeping_alive.revisions.len();
    b.apply(
        Action::HoldCheckIn(Box::new(walk.finished(&b).unwrap()), changed),
        now(),
    )
    .unwrap();
    assert_eq!(b.keeping_alive.revisions.len(), before);
    assert_eq!(b.status, Status::Agreed);
}

#[test]
fn the_next_check_in_follows_the_last_one_held() {
    let agreed = coaching_agreed();
    assert_eq!(
        living::next_check_in(&agreed),
        Some(date("2026-12-01")),
        "the first date"
    );
    let a = coaching_living();
    // Fortnightly, from the last one held on 5 January.
    assert_eq!(living::next_check_in(&a), Some(date("2027-01-19")));
    let events = ics::events(&a, date("2027-01-06"));
    let check_in = events
        .iter()
        .find(|e| e.kind == ics::EventKind::CheckIn)
        .unwrap();
    assert_eq!(
        (check_in.start, check_in.next),
        (date("2027-01-19"), date("2027-01-19"))
    );
    let file = ics::to_ics(&a, ts("2027-01-06T08:00:00Z"));
    assert!(file.contains("DTSTART;TZID=UTC:20270119T083000"), "{file}");
    let next = summary::next_dates(&a, date("2027-01-06"), &Iso);
    assert!(
        next.iter()
            .any(|(when, what)| when.starts_with("2027-01-19") && what == "Your next check-in"),
        "{next:?}"
    );
    // No rhythm: nothing after the last one held.
    let mut once = a.clone();
    once.communication.check_in.rhythm = None;
    assert_eq!(living::next_check_in(&once), None);
}

#[test]
fn what_is_due_is_offered_once_its_day_has_come() {
    let a = coaching_living();
    assert_eq!(living::due(&a, date("2027-01-10")), None);
    // The review of 12 January, with no check-in since.
    assert_eq!(
        living::due(&a, date("2027-01-13")),
        Some(Due::Review(date("2027-01-12")))
    );
    assert_eq!(
        living::due(&a, date("2027-01-19")),
        Some(Due::CheckIn(date("2027-01-19")))
    );
    assert_eq!(
        living::due(&a, date("2027-03-01")),
        Some(Due::CheckIn(date("2027-01-19")))
    );
    // Never agreed: nothing is offered.
    assert_eq!(living::due(&coaching(), date("2027-03-01")), None);
}

#[test]
fn the_exports_show_the_latest_in_full_and_earlier_ones_in_a_line() {
    let a = coaching_living();
    let md = markdown::to_markdown(&a, ts("2027-01-06T08:00:00Z"));
    assert!(md.contains("Latest check-in: 2027-01-05"), "{md}");
    assert!(md.contains("Earlier check-ins"), "{md}");
    assert!(md.contains("Ask for help sooner."), "{md}");
    assert!(md.contains("Lunch with the team."), "{md}");
    assert!(md.contains("Behind"), "{md}");
    assert!(
        md.contains(
            "There: Priya, Jordan. We take away: Start the one\\-to\\-ones earlier in the week."
        ) || md.contains(
            "There: Priya, Jordan. We take away: Start the one-to-ones earlier in the week."
        ),
        "{md}"
    );
    assert!(
        !md.contains("Booked for 9 December."),
        "an earlier one is one line: {md}"
    );
    let mail = email::to_plain_text(&a, ts("2027-01-06T08:00:00Z"), &Iso);
    assert!(mail.contains("Latest check-in: 2027-01-05"), "{mail}");
    assert!(mail.contains("Earlier check-ins"), "{mail}");
    // None held: nothing about check-ins at all.
    let none = markdown::to_markdown(&coaching_agreed(), now());
    assert!(
        !none.contains("check-in:") && !none.contains("Earlier check-ins"),
        "{none}"
    );
}

#[test]
fn check_ins_travel_in_the_file_and_are_checked_on_import() {
    let a = coaching_living();
    let text = json::export(&a, now()).unwrap();
    assert!(text.contains("\"checkIns\""));
    assert_eq!(json::import(text.as_bytes()).unwrap().alliance, a);
    // None held: no member at all, so older widgets still read the file.
    let plain = json::export(&coaching_agreed(), now()).unwrap();
    assert!(!plain.contains("checkIns"));

    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let refused = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = value.clone();
        f(&mut v);
        json::import(v.to_string().as_bytes()).unwrap_err()
    };
    let e = refused(&|v| v["alliance"]["checkIns"][0]["present"] = serde_json::json!([]));
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.checkIns[0].present".into()
        }
    );
    assert!(e.message.contains("at least one person"), "{}", e.message);
    let e = refused(&|v| {
        let p = v["alliance"]["checkIns"][0]["present"][0].clone();
        v["alliance"]["checkIns"][0]["present"][1] = p;
    });
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.checkIns[0].present[1].partyId".into()
        }
    );
    let e = refused(&|v| v["alliance"]["checkIns"][1]["id"] = serde_json::json!("c-1"));
    assert!(
        matches!(e.kind, ImportErrorKind::DuplicateId { .. }),
        "{e:?}"
    );
    let e = refused(&|v| {
        let one = v["alliance"]["checkIns"][0].clone();
        v["alliance"]["checkIns"] = serde_json::Value::Array(
            (0..=json::MAX_ITEMS)
                .map(|i| {
                    let mut c = one.clone();
                    c["id"] = serde_json::json!(format!("checkin-{i}"));
                    c
                })
                .collect(),
        );
    });
    assert_eq!(
        e.kind,
        ImportErrorKind::TooManyItems {
            path: "alliance.checkIns".into()
        }
    );
    let e = refused(&|v| {
        v["alliance"]["checkIns"][0]["commitments"][0]["status"] = serde_json::json!("maybe")
    });
    assert!(
        e.message.contains("checkIns[0].commitments[0].status"),
        "{}",
        e.message
    );
}

fn how() -> Bringing<'static> {
    Bringing {
        by: None,
        saved: "6 January 2027",
        today: date("2027-01-06"),
        now: ts("2027-01-06T08:00:00Z"),
    }
}

#[test]
fn comparing_brings_check_ins_over_whole_and_never_drops_one() {
    let theirs = coaching_living();
    let mut mine = theirs.clone();
    mine.check_ins.pop();
    let diffs = differences(&mine, &theirs, &Seen::default(), &Iso);
    assert_eq!(diffs.len(), 1, "{diffs:#?}");
    assert_eq!(diffs[0].change, Change::OnlyTheirs);
    assert_eq!(
        diffs[0].default(),
        Some(Choice::Theirs),
        "their check-in is kept by default"
    );
    assert!(!diffs[0].can_keep_both());
    let (result, outcome) =
        bring_together(&mine, &theirs, &diffs, &[Choice::Theirs], how()).unwrap();
    assert_eq!(result.check_ins, theirs.check_ins);
    assert_eq!(result.status, Status::Agreed, "a check-in is not a term");
    assert!(!outcome.draft_again);
    assert!(
        result
            .keeping_alive
            .revisions
            .last()
            .unwrap()
            .changes
            .contains("Check-in of 2027-01-05"),
        "{:?}",
        result.keeping_alive.revisions.last()
    );

    // One only this version has is not a difference: the other has not seen it yet.
    assert!(differences(&theirs, &mine, &Seen::default(), &Iso).is_empty());

    // The same check-in said differently on each side: one or the other, whole.
    let mut other = theirs.clone();
    other.check_ins[1].takeaway = "Ask for help on Mondays.".into();
    other.check_ins[1].present.push(Present {
        party_id: id("p-2"),
        name: "Jordan".into(),
    });
    let diffs = differences(&theirs, &other, &Seen::default(), &Iso);
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].change, Change::Both);
    let (kept, _) = bring_together(&theirs, &other, &diffs, &[Choice::Mine], how()).unwrap();
    assert_eq!(kept.check_ins, theirs.check_ins);
    let (taken, _) = bring_together(&theirs, &other, &diffs, &[Choice::Theirs], how()).unwrap();
    assert_eq!(taken.check_ins, other.check_ins, "theirs whole, not half");
}
