//! Native tests of the pure core: actions, undo, agreement, validation, and the file formats.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use designed_alliance::core::content;
use designed_alliance::core::content::ReflectionId;
use designed_alliance::core::json::{self, ImportErrorKind};
use designed_alliance::core::*;
use std::path::Path;

const NOW: &str = "2026-11-23T14:02:00Z";

fn now() -> Timestamp {
    ts(NOW)
}

fn today() -> Date {
    date("2026-11-23")
}

// ---------------------------------------------------------------- actions and undo

#[test]
fn every_change_goes_through_apply_and_stamps_updated_at() {
    let mut a = Alliance::new(id("x"), ts("2026-11-01T00:00:00Z"));
    assert_eq!(
        a.apply(
            Action::SetText(TextField::GoalWhat, "Ship it".into()),
            now()
        ),
        Ok(true)
    );
    assert_eq!(a.goal.what, "Ship it");
    assert_eq!(a.text(TextField::GoalWhat), "Ship it");
    assert_eq!(a.updated_at, now());
    assert_eq!(
        a.apply(
            Action::SetText(TextField::GoalWhat, "Ship it".into()),
            ts("2026-12-01T00:00:00Z")
        ),
        Ok(false)
    );
    assert_eq!(a.updated_at, now(), "no change, no new timestamp");
}

#[test]
fn every_text_field_reads_back_what_was_set() {
    use designed_alliance::core::content::REFLECTIONS;
    let mut fields = vec![
        TextField::Title,
        TextField::RelationshipNote,
        TextField::GoalWhat,
        TextField::GoalWhy,
        TextField::GoalPain,
        TextField::RaisingProblems,
        TextField::CelebrateGoal,
        TextField::Surprises,
        TextField::MissedCommitments,
        TextField::Mistakes,
    ];
    fields.extend(REFLECTIONS.iter().map(|r| TextField::Reflection(r.id)));
    let mut a = Alliance::new(id("x"), now());
    for (i, f) in fields.iter().enumerate() {
        a.apply(Action::SetText(*f, format!("value {i}")), now())
            .unwrap();
    }
    for (i, f) in fields.iter().enumerate() {
        assert_eq!(a.text(*f), format!("value {i}"), "{f:?}");
    }
}

/// The UI reads each list item on its own (`Item::text`, through `positions`): it must say
/// exactly what the alliance-wide accessor says, for every text of every item.
#[test]
fn an_item_read_on_its_own_says_what_the_alliance_says() {
    let a = large();
    let at = a.positions();
    let mut checked = 0;
    for list in ListKind::ALL {
        for id in a.ids_of(list) {
            let item = a
                .item_at(list, at[&id])
                .expect("positions point at the item");
            assert_eq!(item.id(), &id);
            for field in ItemText::ALL {
                let key = match &item {
                    // An option's texts are read with the option's id.
                    Item::Decision(d) if field.is_option() => match d.options.first() {
                        Some(o) => o.id.clone(),
                        None => continue,
                    },
                    _ => id.clone(),
                };
                if field.list() == list {
                    assert_eq!(
                        item.text(field, &key),
                        a.item_text(field, &key),
                        "{field:?} of {key}"
                    );
                    checked += 1;
                } else {
                    assert_eq!(
                        item.text(field, &key),
                        None,
                        "{field:?} is not a text of {list:?}"
                    );
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn list_items_are_added_updated_moved_and_removed_by_id() {
    let mut a = Alliance::new(id("x"), now());
    for n in 1..=3 {
        let item = Item::Measure(Measure {
            id: a.fresh_id(ListKind::Progress.id_prefix()),
            signal: format!("signal {n}"),
            how_we_check: String::new(),
            how_often: None,
        });
        a.apply(Action::Insert(item), now()).unwrap();
    }
    let ids: Vec<_> = a.progress.iter().map(|m| m.id.to_string()).collect();
    assert_eq!(ids, ["m-1", "m-2", "m-3"]);

    a.apply(Action::Move(ListKind::Progress, id("m-3"), 0), now())
        .unwrap();
    assert_eq!(a.progress[0].signal, "signal 3");
    a.apply(Action::Move(ListKind::Progress, id("m-3"), 99), now())
        .unwrap();
    assert_eq!(
        a.progress[2].signal, "signal 3",
        "moving past the end clamps"
    );

    let mut m = a.progress[0].clone();
    m.how_often = Some(Frequency::Weekly);
    a.apply(Action::Update(Item::Measure(m)), now()).unwrap();
    assert_eq!(a.progress[0].how_often, Some(Frequency::Weekly));

    a.apply(Action::Remove(ListKind::Progress, id("m-2")), now())
        .unwrap();
    assert_eq!(a.progress.len(), 2);
    assert!(a.progress.iter().all(|m| m.id != id("m-2")));
}

#[test]
fn bad_actions_change_nothing() {
    let mut a = coaching();
    let before = a.clone();
    let dup = Item::Commitment(Commitment {
        id: id("m-1"),
        owner: Owner::Everyone,
        what: "x".into(),
        when: None,
    });
    assert_eq!(
        a.apply(Action::Insert(dup), now()),
        Err(ActionError::DuplicateId(id("m-1")))
    );
    assert!(matches!(
        a.apply(Action::Remove(ListKind::Commitments, id("nope")), now()),
        Err(ActionError::UnknownItem(..))
    ));
    assert!(matches!(
        a.apply(Action::Move(ListKind::Commitments, id("nope"), 0), now()),
        Err(ActionError::UnknownItem(..))
    ));
    let ghost = Item::Party(party("ghost", "G", ""));
    assert!(matches!(
        a.apply(Action::Update(ghost), now()),
        Err(ActionError::UnknownItem(..))
    ));
    assert_eq!(a, before);
}

#[test]
fn decision_option_ids_must_be_unique_in_the_whole_alliance() {
    let mut a = coaching();
    let mut d = a.decisions[0].clone();
    d.options[1].id = id("c-1"); // a commitment's id
    assert_eq!(
        a.apply(Action::Update(Item::Decision(d)), now()),
        Err(ActionError::DuplicateId(id("d-1")))
    );
    let mut d = a.decisions[0].clone();
    d.options[1].name = "Renamed".into();
    assert_eq!(
        a.apply(Action::Update(Item::Decision(d)), now()),
        Ok(true),
        "its own option ids are fine"
    );
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let mut e = Editor::new(Alliance::new(id("x"), now()));
    let t0 = now().unix_seconds();
    for (i, text) in ["S", "Sh", "Shi", "Ship"].iter().enumerate() {
        e.apply(
            Action::SetText(TextField::GoalWhat, text.to_string()),
            Timestamp::from_unix_seconds(t0 + i as i64),
        )
        .unwrap();
    }
    // A pause longer than the coalescing window starts a new step.
    e.apply(
        Action::SetText(TextField::GoalWhat, "Ship it".into()),
        Timestamp::from_unix_seconds(t0 + 60),
    )
    .unwrap();
    e.apply(
        Action::SetText(TextField::GoalWhy, "Because".into()),
        Timestamp::from_unix_seconds(t0 + 61),
    )
    .unwrap();

    assert!(e.undo());
    assert_eq!(e.alliance().goal.why, "");
    assert!(e.undo());
    assert_eq!(e.alliance().goal.what, "Ship");
    assert!(e.undo());
    assert_eq!(e.alliance().goal.what, "");
    assert!(!e.undo(), "nothing left to undo");
    assert!(e.redo());
    assert_eq!(e.alliance().goal.what, "Ship");
    assert!(e.redo());
    assert!(e.redo());
    assert_eq!(e.alliance().goal.why, "Because");
    assert!(!e.redo());
}

#[test]
fn a_new_change_clears_redo_and_history_is_bounded() {
    let mut e = Editor::new(Alliance::new(id("x"), now()));
    e.apply(Action::SetText(TextField::Title, "a".into()), now())
        .unwrap();
    e.undo();
    assert!(e.can_redo());
    e.apply(Action::SetText(TextField::GoalWhy, "b".into()), now())
        .unwrap();
    assert!(!e.can_redo());

    for i in 0..(editor::HISTORY_LIMIT + 20) {
        e.apply(
            Action::SetRelationship(Some(RelationshipKind::ALL[i % 10])),
            now(),
        )
        .unwrap();
    }
    let mut steps = 0;
    while e.undo() {
        steps += 1;
    }
    assert_eq!(steps, editor::HISTORY_LIMIT);
}

#[test]
fn failed_and_empty_changes_leave_no_undo_step() {
    let mut e = Editor::new(coaching());
    assert!(e
        .apply(Action::Remove(ListKind::Parties, id("nope")), now())
        .is_err());
    assert_eq!(
        e.apply(
            Action::SetText(TextField::Title, e.alliance().title.clone()),
            now()
        ),
        Ok(false)
    );
    assert!(!e.can_undo());
}

// ---------------------------------------------------------------- agreement

#[test]
fn agreement_needs_every_party_and_every_required_part() {
    let mut a = Alliance::new(id("x"), now());
    assert_eq!(
        a.apply(
            Action::Agree {
                party: id("p-1"),
                date: today()
            },
            now()
        ),
        Err(ActionError::NotReady)
    );

    let mut a = coaching();
    a.apply(
        Action::Agree {
            party: id("p-1"),
            date: today(),
        },
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Draft, "one of two agreed");
    assert_eq!(
        a.apply(
            Action::Agree {
                party: id("p-1"),
                date: today()
            },
            now()
        ),
        Ok(false),
        "agreeing twice changes nothing"
    );
    a.apply(
        Action::Agree {
            party: id("p-2"),
            date: today(),
        },
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Agreed);
    assert_eq!(
        a.agreement
            .signatures
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Priya", "Jordan"]
    );
    assert!(a.agreement.last_agreed.is_some());
    assert!(
        a.keeping_alive.revisions.is_empty(),
        "the first agreement is not a revision"
    );
}

#[test]
fn editing_after_agreeing_makes_a_draft_and_agreeing_again_logs_the_changed_sections() {
    let mut a = coaching_agreed();
    a.apply(
        Action::SetText(
            TextField::Reflection(ReflectionId::FirstStep),
            "Book the first skip-level.".into(),
        ),
        now(),
    )
    .unwrap();
    assert_eq!(
        a.status,
        Status::Agreed,
        "reflections are personal notes, not terms"
    );

    a.apply(
        Action::SetText(TextField::GoalWhy, "It matters even more now.".into()),
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Draft);
    assert!(
        a.agreement.signatures.is_empty(),
        "they agreed to a different version"
    );
    let mut ci = a.communication.check_in.clone();
    ci.rhythm = Some(Frequency::Weekly);
    a.apply(Action::SetCheckIn(ci), now()).unwrap();

    let day = date("2026-12-01");
    a.apply(
        Action::Agree {
            party: id("p-1"),
            date: day,
        },
        now(),
    )
    .unwrap();
    a.apply(
        Action::Agree {
            party: id("p-2"),
            date: day,
        },
        now(),
    )
    .unwrap();
    assert_eq!(a.status, Status::Agreed);
    let log = &a.keeping_alive.revisions;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].date, day);
    assert_eq!(log[0].sections, [SectionId::Goal, SectionId::Communication]);
    assert!(
        log[0].changes.contains("The goal") && log[0].changes.contains("How we will communicate"),
        "{}",
        log[0].changes
    );

    // Writing why it changed does not un-agree.
    let mut r = log[0].clone();
    r.why = "A new manager joined.".into();
    a.apply(Action::Update(Item::Revision(r)), now()).unwrap();
    assert_eq!(a.status, Status::Agreed);
}

#[test]
fn withdrawing_agreement_makes_a_draft() {
    let mut a = coaching_agreed();
    a.apply(Action::Withdraw { party: id("p-2") }, now())
        .unwrap();
    assert_eq!(a.status, Status::Draft);
    assert_eq!(a.agreement.signatures.len(), 1);
}

// ---------------------------------------------------------------- validation

fn findings_at(r: &Report, path: &str) -> Vec<(Severity, String)> {
    r.findings
        .iter()
        .filter(|f| f.path == path)
        .map(|f| (f.severity, f.message.clone()))
        .collect()
}

#[test]
fn a_complete_alliance_is_ready_and_every_section_complete() {
    let r = validate(&coaching(), today());
    assert!(r.ready_to_agree(), "{:#?}", r.findings);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    for s in &r.sections {
        assert_eq!(s.state, SectionState::Complete, "{:?}", s.section);
    }
    assert_eq!(r.percent_complete(), 100);
}

#[test]
fn a_new_alliance_lists_what_is_missing_without_errors() {
    let r = validate(&Alliance::new(id("x"), now()), today());
    assert!(!r.ready_to_agree());
    assert!(
        r.findings.iter().all(|f| f.severity == Severity::Missing),
        "{:#?}",
        r.findings
    );
    assert_eq!(findings_at(&r, "alliance.title").len(), 1);
    assert_eq!(findings_at(&r, "alliance.goal.what").len(), 1);
    assert_eq!(findings_at(&r, "alliance.parties[1].name").len(), 1);
    assert_eq!(r.section(SectionId::Goal).state, SectionState::NotStarted);
    assert_eq!(
        r.section(SectionId::Assumptions).state,
        SectionState::NotStarted
    );
    assert_eq!(r.percent_complete(), 0);
    // A step is done when it holds what it asks for, not when some of its fields do.
    let mut a = Alliance::new(id("x"), now());
    a.goal.what = "Lead my first team.".into();
    assert_eq!(validate(&a, today()).percent_complete(), 0);
    a.goal.why = "It decides the launch.".into();
    assert_eq!(validate(&a, today()).percent_complete(), 100 / 6);
}

#[test]
fn required_fields_per_section_are_reported_with_their_paths() {
    let mut a = coaching();
    a.goal.why = "  ".into();
    a.progress[0].how_often = None;
    a.commitments[1].when = None;
    a.communication.check_in.rhythm = None;
    let r = validate(&a, today());
    for path in [
        "alliance.goal.why",
        "alliance.progress[0].howOften",
        "alliance.commitments[1].when",
        "alliance.communication.checkIn.rhythm",
    ] {
        let f = findings_at(&r, path);
        assert_eq!(f.len(), 1, "{path}: {:#?}", r.findings);
        assert_eq!(f[0].0, Severity::Missing);
    }
    assert_eq!(r.section(SectionId::Goal).state, SectionState::InProgress);
    assert_eq!(r.section(SectionId::Goal).filled, 1);
    assert_eq!(r.section(SectionId::Goal).required, 2);
    assert!(!r.ready_to_agree());
}

/// Sections 6 to 10 go deeper and may be skipped: left empty, nothing in them is missing and
/// nothing stops agreeing; started, what was started must be finished; their optional fields
/// never say "missing".
#[test]
fn the_deeper_sections_may_be_skipped_and_their_optional_fields_are_never_missing() {
    let mut a = coaching();
    a.needs_and_offers.clear();
    a.assumptions.clear();
    a.hard_times = HardTimes::default();
    a.decisions.clear();
    a.keeping_alive = KeepingAlive::default();
    let r = validate(&a, today());
    assert!(r.ready_to_agree(), "{:#?}", r.findings);
    for s in [
        SectionId::NeedsAndOffers,
        SectionId::Assumptions,
        SectionId::HardTimes,
        SectionId::Decisions,
        SectionId::KeepingAlive,
    ] {
        assert_eq!(r.section(s).state, SectionState::NotStarted, "{s:?}");
        assert_eq!(r.in_section(s).count(), 0, "{s:?}");
    }
    // Started: an empty need must be written or removed.
    a.needs_and_offers.push(NeedOrOffer {
        id: id("n-9"),
        party_id: id("p-1"),
        kind: NeedOrOfferKind::Need,
        text: String::new(),
    });
    // Optional fields: a revised assumption without "instead", a choice without "why".
    a.assumptions.push(Assumption {
        id: id("a-9"),
        text: "We both have evenings free".into(),
        held_by: Owner::Everyone,
        status: AssumptionStatus::Revised,
        instead: String::new(),
    });
    a.decisions = coaching().decisions;
    a.decisions[0].why.clear();
    let r = validate(&a, today());
    assert_eq!(
        findings_at(&r, "alliance.needsAndOffers[0].text")[0].0,
        Severity::Missing
    );
    assert!(!r.ready_to_agree());
    let instead = findings_at(&r, "alliance.assumptions[0].instead");
    assert_eq!(instead.len(), 1);
    assert_eq!(
        instead[0].0,
        Severity::Hint,
        "optional: a hint, never missing"
    );
    let why = findings_at(&r, "alliance.decisions[0].why");
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].0, Severity::Hint, "optional: a hint, never missing");
}

#[test]
fn a_commitment_owner_who_left_is_an_error() {
    let mut a = coaching();
    a.apply(Action::Remove(ListKind::Parties, id("p-2")), now())
        .unwrap();
    a.apply(
        Action::Insert(Item::Party(party("p-3", "Lee", "Coach"))),
        now(),
    )
    .unwrap();
    let r = validate(&a, today());
    let f = r
        .findings
        .iter()
        .find(|f| f.path == "alliance.commitments[1].owner")
        .expect("owner finding");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.item, Some(id("c-2")));
    assert_eq!(f.field, "owner");
    assert!(f.message.contains("no longer in the alliance"));
    assert_eq!(
        r.section(SectionId::Commitments).state,
        SectionState::NeedsAttention
    );
    assert!(!r.ready_to_agree());
    assert!(r
        .findings
        .iter()
        .any(|f| f.path == "alliance.needsAndOffers[2].partyId" && f.severity == Severity::Error));
}

#[test]
fn a_review_date_in_the_past_is_a_warning() {
    let mut a = coaching();
    a.keeping_alive.next_review = Some(date("2026-11-22"));
    let r = validate(&a, today());
    let f = findings_at(&r, "alliance.keepingAlive.nextReview");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, Severity::Warning);
    assert!(f[0].1.contains("has passed"), "{}", f[0].1);
    assert!(r.ready_to_agree(), "a warning does not block");
    a.keeping_alive.next_review = Some(today());
    assert!(
        validate(&a, today()).findings.is_empty(),
        "today is not in the past"
    );
}

#[test]
fn an_ask_without_an_offer_is_a_hint_not_an_error() {
    let mut a = coaching();
    a.needs_and_offers.retain(|n| n.id != id("n-4"));
    let r = validate(&a, today());
    let hints: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Hint)
        .collect();
    assert_eq!(hints.len(), 1, "{:#?}", r.findings);
    assert_eq!(hints[0].item, Some(id("p-2")));
    assert!(hints[0].message.starts_with("Jordan asks for something"));
    assert!(r.ready_to_agree());
}

#[test]
fn duplicate_parties_are_errors() {
    let mut a = coaching();
    a.parties.push(party("p-3", " priya ", ""));
    let r = validate(&a, today());
    let dup = findings_at(&r, "alliance.parties[2].name");
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].0, Severity::Error);
    assert!(dup[0].1.contains("appears more than once"));
    assert_eq!(
        r.section(SectionId::Basics).state,
        SectionState::NeedsAttention
    );
}

#[test]
fn a_chosen_option_that_was_removed_is_an_error() {
    let mut a = coaching();
    a.decisions[0].options.remove(0);
    let r = validate(&a, today());
    assert_eq!(
        findings_at(&r, "alliance.decisions[0].chosen")[0].0,
        Severity::Error
    );
}

// ---------------------------------------------------------------- JSON: export and import

#[test]
fn export_writes_the_documented_envelope() {
    let text = json::export(&coaching(), now()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "designed-alliance");
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["exportedAt"], NOW);
    assert_eq!(v["alliance"]["commitments"][0]["owner"], "p-1");
    assert_eq!(v["alliance"]["commitments"][2]["owner"], "everyone");
    assert_eq!(v["alliance"]["commitments"][0]["when"]["kind"], "date");
    assert_eq!(
        v["alliance"]["commitments"][0]["when"]["date"],
        "2026-12-15"
    );
    assert_eq!(v["alliance"]["communication"]["checkIn"]["time"], "08:30");
    assert_eq!(v["alliance"]["relationship"], "coachAndClient");
    assert_eq!(v["alliance"]["needsAndOffers"][0]["partyId"], "p-1");
}

#[test]
fn import_of_export_is_the_same_alliance() {
    for a in [
        coaching(),
        coaching_agreed(),
        Alliance::new(id("blank"), now()),
        large(),
    ] {
        let file = json::export(&a, now()).unwrap();
        let back = json::import(file.as_bytes()).unwrap();
        assert_eq!(back.alliance, a);
        assert_eq!(back.exported_at, now());
        assert_eq!(back.migrated_from, None);
    }
}

#[test]
fn hard_text_survives_the_round_trip() {
    let mut a = coaching();
    a.goal.what = "Emoji 👩🏽‍💻🎉, combining e\u{301}, right-to-left مرحبا بالعالم, </script><script>alert(1)</script>".into();
    a.goal.why = "x".repeat(1_000_000);
    a.title = "\"quotes\" \\ backslash \u{0} nul \u{2028} separator".into();
    let file = json::export(&a, now()).unwrap();
    assert!(
        file.len() <= json::MAX_FILE_BYTES,
        "a 1 MB answer still fits the file limit"
    );
    assert_eq!(json::import(file.as_bytes()).unwrap().alliance, a);
}

fn import_err(text: &str) -> json::ImportError {
    json::import(text.as_bytes()).expect_err("should be refused")
}

fn valid_value() -> serde_json::Value {
    serde_json::from_str(&json::export(&coaching(), now()).unwrap()).unwrap()
}

#[test]
fn import_refuses_what_is_not_an_alliance_file_with_a_specific_message() {
    let e = import_err("");
    assert_eq!(e.kind, ImportErrorKind::Empty);
    assert_eq!(e.message, "This file is empty.");
    assert_eq!(import_err("  \n ").kind, ImportErrorKind::Empty);

    let e = import_err("{hello there");
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, .. }),
        "{e:?}"
    );
    assert!(
        e.message
            .starts_with("This file is not valid JSON (line 1, column"),
        "{}",
        e.message
    );

    let full = json::export(&coaching(), now()).unwrap();
    let e = import_err(&full[..full.len() / 2]);
    assert_eq!(e.kind, ImportErrorKind::Truncated);
    assert!(e.message.contains("cut off"));

    assert_eq!(import_err("[1, 2]").kind, ImportErrorKind::NotAnObject);
    assert_eq!(import_err("\"text\"").kind, ImportErrorKind::NotAnObject);
    assert_eq!(
        import_err("{\"name\": \"a survey\"}").kind,
        ImportErrorKind::WrongFormat
    );

    let e = json::import(&[0xff, 0xfe, b'{', b'}']).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::NotUtf8);
}

#[test]
fn import_explains_json_syntax_errors_in_plain_words_and_places() {
    for (text, line, column, words) in [
        ("[this is not json]", 1, 2, "expected a value"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("{\"a\": 1,}", 1, 9, "a comma is followed by nothing"),
        ("{\"a\" 1}", 1, 6, "expected a colon after a field name"),
        ("[1 2]", 1, 4, "expected a comma or ] in a list"),
        ("{a: 1}", 1, 2, "expected a field name in quotes"),
        ("{\"a\": \"\\q\"}", 1, 9, "unknown escape after a backslash"),
        ("{} x", 1, 4, "more text after the end"),
        (
            "{\n  \"a\": 1e400\n}",
            2,
            8,
            "the number 1e400 is too large to read",
        ),
    ] {
        let e = import_err(text);
        assert_eq!(
            e.kind,
            ImportErrorKind::NotJson { line, column },
            "{text:?}: {}",
            e.message
        );
        assert!(
            e.message.starts_with(&format!(
                "This file is not valid JSON (line {line}, column {column}: "
            )),
            "{text:?}: {}",
            e.message
        );
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
    }
}

/// The files people choose by mistake are named, with which file to choose instead.
#[test]
fn import_recognises_the_usual_wrong_files() {
    use designed_alliance::core::json::FileKind;
    let ics = ics::to_ics(&coaching(), now());
    let markdown = markdown::to_markdown(&coaching(), now());
    let cases: Vec<(Vec<u8>, FileKind, &str)> = vec![
        (ics.into_bytes(), FileKind::Calendar, "calendar file"),
        (markdown.into_bytes(), FileKind::Text, "text or Markdown"),
        (
            b"Our alliance, as I remember it".to_vec(),
            FileKind::Text,
            "text or Markdown",
        ),
        (b"%PDF-1.7\n%\xe2\xe3".to_vec(), FileKind::Pdf, "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), FileKind::Image, "image"),
        (
            b"\xff\xd8\xff\xe0\0\x10JFIF".to_vec(),
            FileKind::Image,
            "image",
        ),
        (
            b"PK\x03\x04\x14\0\x06\0".to_vec(),
            FileKind::Document,
            ".docx",
        ),
    ];
    for (bytes, kind, words) in cases {
        let e = json::import(&bytes).expect_err("refused");
        assert_eq!(e.kind, ImportErrorKind::WrongFile(kind), "{}", e.message);
        assert!(e.message.contains(words), "{}", e.message);
        assert!(
            e.message.contains(".json"),
            "says which file to choose: {}",
            e.message
        );
    }
    // Broken JSON is still explained as JSON, not as another kind of file.
    assert!(matches!(
        import_err("{\"format\": ").kind,
        ImportErrorKind::Truncated
    ));
    // Text handed over by a program (the host page's importJson) was never a file chosen by
    // mistake: it is said not to be JSON, with where.
    let e = json::import_text("not json").expect_err("refused");
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, column: 1 }),
        "{}",
        e.message
    );
    assert!(e.message.contains("not valid JSON"), "{}", e.message);
    assert!(json::import_text(&json::export(&coaching(), now()).unwrap()).is_ok());
}

#[test]
fn import_accepts_a_byte_order_mark() {
    let file = format!("\u{feff}{}", json::export(&coaching(), now()).unwrap());
    assert_eq!(json::import(file.as_bytes()).unwrap().alliance, coaching());
}

#[test]
fn import_explains_version_problems() {
    let mut v = valid_value();
    v.as_object_mut().unwrap().remove("schemaVersion");
    assert_eq!(import_err(&v.to_string()).kind, ImportErrorKind::NoVersion);

    for bad in [
        serde_json::json!("1"),
        serde_json::json!(0),
        serde_json::json!(1.5),
        serde_json::json!(-1),
        serde_json::json!(null),
    ] {
        let mut v = valid_value();
        v["schemaVersion"] = bad.clone();
        let e = import_err(&v.to_string());
        assert_eq!(e.kind, ImportErrorKind::BadVersion, "{bad}");
        assert!(e.message.contains("whole number"), "{}", e.message);
    }

    let mut v = valid_value();
    v["schemaVersion"] = serde_json::json!(2);
    let e = import_err(&v.to_string());
    assert_eq!(e.kind, ImportErrorKind::NewerVersion(2));
    assert!(e.message.contains("newer version"), "{}", e.message);

    let text = valid_value()
        .to_string()
        .replace("\"schemaVersion\":1", "\"schemaVersion\":1e400");
    let e = import_err(&text);
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, .. }),
        "huge numbers are refused: {e:?}"
    );
    assert!(e.message.contains("1e400"), "{}", e.message);
    assert!(e.message.contains("too large"), "{}", e.message);
}

#[test]
fn import_names_the_exact_field_that_is_wrong() {
    type Mutation = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Mutation, &str, &str)> = vec![
        (
            Box::new(|v| v["alliance"]["commitments"][2]["owner"] = serde_json::json!(7)),
            "alliance.commitments[2].owner",
            "should be text, but it is a number",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][2]["owner"] = serde_json::json!("not an id!")
            }),
            "alliance.commitments[2].owner",
            "neither",
        ),
        (
            Box::new(|v| {
                v["alliance"].as_object_mut().unwrap().remove("title");
            }),
            "alliance.title",
            "missing",
        ),
        (
            Box::new(|v| v["alliance"]["goal"]["colour"] = serde_json::json!("blue")),
            "alliance.goal.colour",
            "not part of the format",
        ),
        (
            Box::new(|v| {
                v["alliance"]["keepingAlive"]["nextReview"] = serde_json::json!("next Tuesday")
            }),
            "alliance.keepingAlive.nextReview",
            "YYYY-MM-DD",
        ),
        (
            Box::new(|v| v["alliance"]["parties"][0]["isMe"] = serde_json::json!("yes")),
            "alliance.parties[0].isMe",
            "should be true or false, but it is text",
        ),
        (
            Box::new(|v| {
                v["alliance"]["communication"]["checkIn"]["durationMinutes"] =
                    serde_json::json!(99_999_999)
            }),
            "alliance.communication.checkIn.durationMinutes",
            "whole number from 0 to 65535",
        ),
        (
            Box::new(|v| v["alliance"]["relationship"] = serde_json::json!("enemies")),
            "alliance.relationship",
            "\u{201c}enemies\u{201d} is not one of: coachAndClient",
        ),
        (
            Box::new(|v| v["alliance"]["parties"][1]["id"] = serde_json::json!("everyone")),
            "alliance.parties[1].id",
            "reserved",
        ),
        (
            Box::new(|v| v["surprise"] = serde_json::json!(true)),
            "surprise",
            "not part of the format",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][0]["when"] = serde_json::json!({"kind": "soon"})
            }),
            "alliance.commitments[0].when.kind",
            "\u{201c}soon\u{201d} is not one of: date, after",
        ),
        (
            Box::new(|v| {
                v["alliance"]["communication"]["checkIn"]["durationMinutes"] = serde_json::json!(-1)
            }),
            "alliance.communication.checkIn.durationMinutes",
            "whole number from 0 to 65535, but it is -1",
        ),
        // serde alone would read an object from a list of its values, and a name from an
        // object holding it as its only key: the format allows neither.
        (
            Box::new(|v| v["alliance"]["goal"] = serde_json::json!(["a", "b", "c"])),
            "alliance.goal",
            "should be an object, but it is a list",
        ),
        (
            Box::new(|v| {
                v["alliance"]["relationship"] = serde_json::json!({"coachAndClient": null})
            }),
            "alliance.relationship",
            "should be text, but it is an object",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][0]["when"] = serde_json::json!(["date", "2026-01-01"])
            }),
            "alliance.commitments[0].when",
            "should be an object, but it is a list",
        ),
    ];
    for (mutate, path, words) in cases {
        let mut v = valid_value();
        mutate(&mut v);
        let e = import_err(&v.to_string());
        assert_eq!(
            e.kind,
            ImportErrorKind::InvalidField {
                path: path.to_string()
            },
            "{}",
            e.message
        );
        assert!(
            e.message.starts_with(&format!("Problem at {path}: ")),
            "{}",
            e.message
        );
        assert!(e.message.contains(words), "{path}: {}", e.message);
        for serde_wording in ["`", "invalid type", "invalid value", "expected", "struct "] {
            assert!(
                !e.message.contains(serde_wording),
                "plain words only: {}",
                e.message
            );
        }
    }
}

#[test]
fn import_names_the_field_in_a_pretty_printed_file_with_non_ascii_text() {
    let mut a = coaching();
    a.goal.what = "Café ☕, naïve 👩🏽‍💻 — “quoted”".into();
    let mut v: serde_json::Value = serde_json::from_str(&json::export(&a, now()).unwrap()).unwrap();
    v["alliance"]["hardTimes"]["permissions"][0]["givenBy"] = serde_json::json!(false);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = import_err(&text);
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.hardTimes.permissions[0].givenBy".into()
        },
        "{}",
        e.message
    );
    let mut v: serde_json::Value = serde_json::from_str(&json::export(&a, now()).unwrap()).unwrap();
    v["alliance"]["decisions"][0]["options"][1]
        .as_object_mut()
        .unwrap()
        .remove("cons");
    let e = import_err(&serde_json::to_string_pretty(&v).unwrap());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.decisions[0].options[1].cons".into()
        },
        "{}",
        e.message
    );
}

#[test]
fn import_checks_ids_references_and_status() {
    let mut v = valid_value();
    v["alliance"]["commitments"][1]["id"] = serde_json::json!("m-1");
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::DuplicateId {
            path: "alliance.commitments[1].id".into()
        }
    );
    assert!(e.message.contains("used twice"));

    let mut v = valid_value();
    v["alliance"]["status"] = serde_json::json!("agreed");
    let e = import_err(&v.to_string());
    assert!(
        e.message.contains("not everyone has agreed"),
        "{}",
        e.message
    );

    let mut v: serde_json::Value =
        serde_json::from_str(&json::export(&coaching_agreed(), now()).unwrap()).unwrap();
    v["alliance"]["agreement"]["signatures"][0]["partyId"] = serde_json::json!("p-9");
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.agreement.signatures[0].partyId".into()
        }
    );
}

#[test]
fn import_enforces_its_documented_limits() {
    let big = vec![b' '; json::MAX_FILE_BYTES + 1];
    let e = json::import(&big).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooLarge);
    assert!(e.message.contains("too large"));

    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(import_err(&deep).kind, ImportErrorKind::TooDeep);
    let deep_object = format!(
        "{{\"format\":\"designed-alliance\",\"x\":{}1{}}}",
        "{\"a\":".repeat(40),
        "}".repeat(40)
    );
    assert_eq!(import_err(&deep_object).kind, ImportErrorKind::TooDeep);
    // Brackets inside strings are text, not nesting.
    let mut a = coaching();
    a.goal.what = "[".repeat(100);
    assert!(json::import(json::export(&a, now()).unwrap().as_bytes()).is_ok());

    let mut v = valid_value();
    let item = v["alliance"]["progress"][0].clone();
    v["alliance"]["progress"] = serde_json::Value::Array(
        (0..=json::MAX_ITEMS)
            .map(|i| {
                let mut m = item.clone();
                m["id"] = serde_json::json!(format!("m-{i}"));
                m
            })
            .collect(),
    );
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::TooManyItems {
            path: "alliance.progress".into()
        }
    );
    assert!(e.message.contains("501 items"), "{}", e.message);
}

#[test]
fn a_title_is_at_most_200_characters() {
    let mut v = valid_value();
    v["alliance"]["title"] = serde_json::json!("é".repeat(json::MAX_TITLE));
    assert!(json::import(v.to_string().as_bytes()).is_ok());
    v["alliance"]["title"] = serde_json::json!("é".repeat(json::MAX_TITLE + 1));
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.title".into()
        }
    );
    assert_eq!(
        e.message,
        "Problem at alliance.title: the title has 201 characters; a title may have at most 200."
    );
}

#[test]
fn lone_surrogates_are_refused_readably() {
    for lone in [
        "\\ud800 Stepping into",
        "\\udc00Stepping into",
        "\\ud800\\u0041Stepping into",
    ] {
        let text = valid_value().to_string().replace("Stepping into", lone);
        let e = import_err(&text);
        assert!(
            matches!(e.kind, ImportErrorKind::NotJson { .. }),
            "{lone}: {e:?}"
        );
        assert!(
            e.message.contains("lone surrogate"),
            "{lone}: {}",
            e.message
        );
    }
}

#[test]
fn the_migration_chain_runs_every_step_from_the_file_version() {
    use serde_json::Value;
    fn alliance(v: &mut Value) -> &mut Value {
        &mut v["alliance"]
    }
    fn v1_to_v2(mut v: Value) -> Result<Value, json::ImportError> {
        // Pretend version 2 renamed "title" to "name", and version 3 renamed it back.
        let a = alliance(&mut v);
        let title = a["title"].take();
        let a = a.as_object_mut().expect("an object");
        a.remove("title");
        a.insert("name".into(), title);
        Ok(v)
    }
    fn v2_to_v3(mut v: Value) -> Result<Value, json::ImportError> {
        let a = alliance(&mut v).as_object_mut().expect("an object");
        let name = a.remove("name").unwrap_or(Value::Null);
        a.insert(
            "title".into(),
            Value::String(format!("{} (migrated)", name.as_str().unwrap_or(""))),
        );
        Ok(v)
    }
    let steps: &[json::Migration] = &[v1_to_v2, v2_to_v3];
    let v1 = json::export(&coaching(), now()).unwrap();
    let got = json::import_with(v1.as_bytes(), 3, steps).unwrap();
    assert_eq!(got.migrated_from, Some(1));
    assert_eq!(
        got.alliance.title,
        "Stepping into the team-lead role (migrated)"
    );

    let mut v2 = valid_value();
    v2["schemaVersion"] = serde_json::json!(2);
    v2["alliance"]["name"] = v2["alliance"]["title"].take();
    v2["alliance"].as_object_mut().unwrap().remove("title");
    let got = json::import_with(v2.to_string().as_bytes(), 3, steps).unwrap();
    assert_eq!(got.migrated_from, Some(2));
    assert_eq!(
        got.alliance.title,
        "Stepping into the team-lead role (migrated)"
    );
}

// ---------------------------------------------------------------- JSON Schema and examples

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_committed_schema_matches_the_types() {
    let generated = schema::schema_json();
    let path = repo(schema::SCHEMA_PATH);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the types: run `make schema` and commit the result",
        schema::SCHEMA_PATH
    );
    let v: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema::schema_json()).unwrap();
    jsonschema::draft202012::new(&schema).expect("schema compiles")
}

#[test]
fn exports_and_examples_validate_against_the_schema_and_import() {
    let validator = validator();
    for a in [
        coaching(),
        coaching_agreed(),
        Alliance::new(id("blank"), now()),
        large(),
    ] {
        let v: serde_json::Value = serde_json::from_str(&json::export(&a, now()).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let mut examples = 0;
    for entry in std::fs::read_dir(repo("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        examples += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let imported =
            json::import(text.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            validate(&imported.alliance, date("2026-01-01")).ready_to_agree()
                || imported.alliance.status == Status::Draft
        );
    }
    assert!(examples >= 3, "examples/ holds at least three alliances");
}

/// The files already out there: every example imports and exports again byte for byte, and
/// an agreed one still matches the fingerprints it was agreed with (so agreeing again after an
/// upgrade does not report changes nobody made).
#[test]
fn example_files_round_trip_byte_for_byte() {
    let mut checked = 0;
    for entry in std::fs::read_dir(repo("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = json::import(text.as_bytes()).unwrap();
        let again = json::export(&imported.alliance, imported.exported_at).unwrap();
        assert!(
            again == text,
            "{} changed on export:\n{again}",
            path.display()
        );
        if let Some(agreed) = &imported.alliance.agreement.last_agreed {
            assert_eq!(
                agreed.fingerprints,
                agreement::fingerprints(&imported.alliance),
                "{}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn the_schema_rejects_what_import_rejects() {
    let validator = validator();
    let mut v = valid_value();
    v["alliance"]["commitments"][0]["owner"] = serde_json::json!("not an id!");
    assert!(!validator.is_valid(&v));
    let mut v = valid_value();
    v["alliance"]["goal"]["colour"] = serde_json::json!("blue");
    assert!(!validator.is_valid(&v));
    let mut v = valid_value();
    v["schemaVersion"] = serde_json::json!(2);
    assert!(!validator.is_valid(&v));
}

#[test]
#[ignore = "writes examples/; run with `make examples`"]
fn write_examples() {
    std::fs::write(
        repo("examples/coach-and-client.json"),
        json::export(&coaching_agreed(), ts("2026-11-20T10:10:00Z")).unwrap(),
    )
    .unwrap();
    std::fs::write(
        repo("examples/team-and-stakeholder.json"),
        json::export(&examples::team(), ts("2026-11-18T16:00:00Z")).unwrap(),
    )
    .unwrap();
    std::fs::write(
        repo("examples/partners-draft.json"),
        json::export(&examples::partners(), ts("2026-11-21T21:30:00Z")).unwrap(),
    )
    .unwrap();
}

mod examples {
    use super::*;

    pub fn team() -> Alliance {
        let mut a = Alliance::new(id("alliance-checkout"), ts("2026-11-10T09:00:00Z"));
        a.title = "Checkout redesign with the sales team".into();
        a.relationship = Some(RelationshipKind::TeamAndStakeholder);
        a.parties = vec![
            party("p-1", "Platform team", "Builds the checkout"),
            party("p-2", "Dana (Head of Sales)", "Owns the sales targets"),
        ];
        a.goal.what =
            "Ship a checkout that sales can demo to customers by the end of the quarter.".into();
        a.goal.why = "Abandoned checkouts are the biggest loss in the funnel.".into();
        a.progress = vec![Measure {
            id: id("m-1"),
            signal: "Conversion above 3% for two weeks".into(),
            how_we_check: "Shared analytics dashboard".into(),
            how_often: Some(Frequency::Fortnightly),
        }];
        a.commitments = vec![
            Commitment {
                id: id("c-1"),
                owner: Owner::Party(id("p-1")),
                what: "Share a clickable prototype with three sales leads.".into(),
                when: Some(When::Date {
                    date: date("2026-12-04"),
                }),
            },
            Commitment {
                id: id("c-2"),
                owner: Owner::Party(id("p-2")),
                what: "Decide on payment methods for launch.".into(),
                when: Some(When::After {
                    event: "the prototype review".into(),
                }),
            },
        ];
        a.communication.channels = vec![Channel {
            id: id("ch-1"),
            name: "#checkout".into(),
            purpose: "Day-to-day questions; decisions copied to the project page.".into(),
            usage: ChannelUsage::Use,
        }];
        a.communication.check_in = CheckIn {
            rhythm: Some(Frequency::Weekly),
            first_on: Some(date("2026-11-26")),
            time: TimeOfDay::new(10, 15),
            duration_minutes: Some(15),
            format: "Team room or the usual video link".into(),
        };
        a.communication.raising_problems =
            "Post in the channel and tag the owner; anyone can call a 15-minute huddle.".into();
        a.celebrations.goal = "A company-wide demo naming who made it happen.".into();
        a.needs_and_offers = vec![
            NeedOrOffer {
                id: id("n-1"),
                party_id: id("p-1"),
                kind: NeedOrOfferKind::Need,
                text: "Scope decisions within two working days.".into(),
            },
            NeedOrOffer {
                id: id("n-2"),
                party_id: id("p-1"),
                kind: NeedOrOfferKind::Offer,
                text: "A working demo every two weeks.".into(),
            },
            NeedOrOffer {
                id: id("n-3"),
                party_id: id("p-2"),
                kind: NeedOrOfferKind::Need,
                text: "No surprises before customer meetings.".into(),
            },
            NeedOrOffer {
                id: id("n-4"),
                party_id: id("p-2"),
                kind: NeedOrOfferKind::Offer,
                text: "Access to three customers for feedback.".into(),
            },
        ];
        a.hard_times.surprises =
            "Whoever spots it says so the same day; we re-plan together, no blame.".into();
        a.hard_times.missed_commitments =
            "The owner flags it at once and proposes a new date.".into();
        a.hard_times.mistakes =
            "Blameless write-ups: what happened, what we learned, what we change.".into();
        a.decisions = vec![Decision {
            id: id("d-1"),
            question: "Launch with fewer payment methods, or launch later?".into(),
            options: vec![
                DecisionOption {
                    id: id("o-1"),
                    name: "Cards only".into(),
                    pros: "A month earlier".into(),
                    cons: "Some customers wait".into(),
                },
                DecisionOption {
                    id: id("o-2"),
                    name: "All methods".into(),
                    pros: "Nobody left out".into(),
                    cons: "Misses the quarter".into(),
                },
            ],
            chosen: None,
            why: String::new(),
        }];
        a.keeping_alive.next_review = Some(date("2027-01-08"));
        a.keeping_alive.review_rhythm = Some(Frequency::Quarterly);
        a
    }

    pub fn partners() -> Alliance {
        let mut a = Alliance::new(id("alliance-mornings"), ts("2026-11-21T20:00:00Z"));
        a.title = "Our calmer weekday mornings".into();
        a.relationship = Some(RelationshipKind::Partners);
        a.parties = vec![
            party("p-1", "Sam", "Keeps the family calendar"),
            party("p-2", "Alex", "Does the school run"),
        ];
        a.goal.what = "Get everyone out of the door by 8:15 without shouting.".into();
        a.goal.why = "Mornings set the tone for the whole day.".into();
        a.commitments = vec![Commitment {
            id: id("c-1"),
            owner: Owner::Party(id("p-2")),
            what: "Pack school bags the night before.".into(),
            when: Some(When::After {
                event: "dinner".into(),
            }),
        }];
        a.needs_and_offers = vec![NeedOrOffer {
            id: id("n-1"),
            party_id: id("p-1"),
            kind: NeedOrOfferKind::Need,
            text: "Tell me when you're running late, before it happens.".into(),
        }];
        a
    }
}

// ---------------------------------------------------------------- Markdown

/// Dates written in a way no ISO date looks like, to see that every date goes through it.
struct Spelled;

impl date::Dates for Spelled {
    fn date(&self, d: Date) -> String {
        format!("day {} of month {} in {}", d.day(), d.month(), d.year())
    }
    fn time(&self, t: TimeOfDay) -> String {
        format!("{} hours {}", t.hour(), t.minute())
    }
}

#[test]
fn the_recap_names_the_essentials_and_what_went_deeper() {
    let a = coaching_agreed();
    let recap = summary::recap(&a, &Spelled);
    let labels: Vec<&str> = recap.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            text::export::recap_goal(),
            text::export::why(),
            text::export::recap_measure(),
            text::export::recap_commitments(),
            text::export::recap_communicate(),
            text::export::recap_celebrate(),
            text::export::recap_deeper(),
        ]
    );
    let all = recap
        .iter()
        .flat_map(|(_, lines)| lines.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("Priya: Book a skip-level conversation with each team member. (by day 15 of month 12 in 2026)"), "{all}");
    assert!(all.contains("Channels: Email"), "{all}");
    assert!(
        !all.contains("Messages outside working hours"),
        "avoided channels are not recapped as used: {all}"
    );
    assert!(
        all.contains(content::section(SectionId::NeedsAndOffers).title),
        "{all}"
    );

    // Nothing filled in: nothing to recap, and no empty lines.
    let empty = Alliance::new(id("alliance-empty"), now());
    assert!(summary::recap(&empty, &Spelled).is_empty());
}

#[test]
fn the_next_dates_are_the_ones_still_ahead_soonest_first() {
    let mut a = coaching_agreed();
    a.keeping_alive.next_review = Some(date("2027-03-01"));
    let dates = summary::next_dates(&a, date("2026-12-01"), &Spelled);
    assert_eq!(
        dates,
        [
            (
                "day 1 of month 12 in 2026, 8 hours 30".to_string(),
                text::export::first_check_in().to_string()
            ),
            (
                "day 15 of month 12 in 2026".to_string(),
                "Priya: Book a skip-level conversation with each team member.".to_string()
            ),
            (
                "day 1 of month 3 in 2027".to_string(),
                text::export::next_review_of().to_string()
            ),
        ]
    );
    // Past dates are not next dates; once the first check-in is past, the next one in the
    // rhythm (fortnightly from 1 December) is.
    let later = summary::next_dates(&a, date("2027-01-01"), &Spelled);
    assert_eq!(
        later,
        [
            (
                "day 12 of month 1 in 2027, 8 hours 30".to_string(),
                text::export::next_check_in().to_string()
            ),
            (
                "day 1 of month 3 in 2027".to_string(),
                text::export::next_review_of().to_string()
            ),
        ]
    );
    // Without a rhythm, a past first check-in has no next one.
    a.communication.check_in.rhythm = None;
    assert_eq!(
        summary::next_dates(&a, date("2027-01-01"), &Spelled).len(),
        1
    );
}

#[test]
fn the_next_check_in_follows_the_rhythm_as_a_calendar_does() {
    use designed_alliance::core::model::Frequency::*;
    let next = |first: &str, rhythm, today: &str| {
        ics::next_occurrence(date(first), rhythm, date(today)).map(|d| d.to_string())
    };
    let some = |d: &str| Some(d.to_string());
    // Ahead, or today: the first one itself.
    assert_eq!(next("2026-12-09", Weekly, "2026-12-01"), some("2026-12-09"));
    assert_eq!(next("2026-12-01", Weekly, "2026-12-01"), some("2026-12-01"));
    assert_eq!(next("2026-11-26", Daily, "2026-12-01"), some("2026-12-01"));
    assert_eq!(next("2026-11-26", Weekly, "2026-12-01"), some("2026-12-03"));
    assert_eq!(
        next("2026-11-26", Fortnightly, "2026-12-01"),
        some("2026-12-10")
    );
    assert_eq!(
        next("2026-11-26", Fortnightly, "2026-12-10"),
        some("2026-12-10")
    );
    assert_eq!(
        next("2026-11-26", Monthly, "2026-12-01"),
        some("2026-12-26")
    );
    // The 31st skips the months without one.
    assert_eq!(
        next("2026-08-31", Monthly, "2026-10-01"),
        some("2026-10-31")
    );
    assert_eq!(
        next("2026-08-31", Monthly, "2026-11-01"),
        some("2026-12-31")
    );
    assert_eq!(
        next("2026-01-15", Quarterly, "2026-12-01"),
        some("2027-01-15")
    );
    assert_eq!(
        next("2025-06-01", TwiceAYear, "2026-12-01"),
        some("2026-12-01")
    );
    assert_eq!(next("2020-01-10", Yearly, "2026-12-01"), some("2027-01-10"));
    // 29 February comes back in a leap year.
    assert_eq!(next("2024-02-29", Yearly, "2024-03-01"), some("2028-02-29"));
}

#[test]
fn every_date_a_person_reads_goes_through_their_locale() {
    let mut a = coaching_agreed();
    a.communication.check_in.first_on = Some(date("2026-12-01"));
    for text in [
        markdown::to_markdown_with(&a, now(), &Spelled),
        email::to_plain_text(&a, now(), &Spelled),
        email::to_html(&a, now(), &Spelled),
    ] {
        assert!(text.contains("day 1 of month 12 in 2026"), "{text}");
        assert!(text.contains("8 hours 30"), "{text}");
        let iso = text
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .any(|w| Date::parse(w).is_some());
        assert!(!iso, "no ISO date left: {text}");
    }
}

#[test]
fn copy_for_email_is_formatted_or_plain_with_no_markup_symbols() {
    let mut a = coaching();
    a.goal.what = "Lead with <b>care</b> & *courage*".into();
    let plain = email::to_plain_text(&a, now(), &date::Iso);
    assert!(
        plain.contains("Lead with <b>care</b> & *courage*"),
        "typed text as typed"
    );
    for symbol in ["**", "##", "\\"] {
        assert!(!plain.contains(symbol), "{symbol:?} in {plain}");
    }
    assert!(plain.starts_with("Stepping into the team-lead role\n"));
    // Headings as written, underlined: capitals are not the same in every language.
    assert!(plain.contains("\nThe goal\n────────\n"), "{plain}");
    let html = email::to_html(&a, now(), &date::Iso);
    assert!(html.contains("<h1>Stepping into the team-lead role</h1>"));
    assert!(
        html.contains("Lead with &lt;b&gt;care&lt;/b&gt; &amp; *courage*"),
        "{html}"
    );
    assert!(
        !html.contains("<b>care"),
        "typed markup never becomes markup"
    );
    assert!(html.contains("<h2>The goal</h2>"));
}

#[test]
fn options_say_for_and_against_on_lines_of_their_own() {
    let s = summary::summarize(&coaching());
    let decisions = s
        .sections
        .iter()
        .find(|sec| sec.id == SectionId::Decisions)
        .expect("decisions");
    fn lines<'a>(blocks: &'a [summary::Block], out: &mut Vec<&'a summary::Line>) {
        for b in blocks {
            match b {
                summary::Block::List { items, .. } => out.extend(items),
                summary::Block::Group { blocks, .. } => lines(blocks, out),
                summary::Block::Text { .. } => {}
            }
        }
    }
    let mut options = Vec::new();
    lines(&decisions.blocks, &mut options);
    let both = options
        .iter()
        .find(|l| !l.text.is_empty() && l.extra.is_some())
        .expect("an option with both");
    assert!(both.text.starts_with("For: "), "{}", both.text);
    assert!(both.extra.as_deref().unwrap_or("").starts_with("Against: "));
    assert!(!both.text.contains(';'));
}

#[test]
fn markdown_summarises_every_section() {
    let md = markdown::to_markdown(&coaching_agreed(), now());
    assert!(md.starts_with("# Stepping into the team-lead role\n"));
    for heading in [
        "## People",
        "## The goal",
        "## How we will measure it",
        "## Who does what, and when",
        "## How we will communicate",
        "## How we will celebrate",
        "## Needs and offers",
        "## Busting assumptions",
        "## When it gets hard",
        "## Trade-offs and decisions",
        "## Keeping it alive",
        "## Agreement",
    ] {
        assert!(
            md.contains(&format!("\n{heading}\n")),
            "missing {heading}\n{md}"
        );
    }
    assert!(md.contains("**Status:** Agreed"));
    assert!(
        md.contains("- **Priya**: Book a skip\\-level")
            || md.contains("- **Priya**: Book a skip-level"),
        "{md}"
    );
    assert!(md.contains("(by 2026-12-15)"));
    assert!(md.contains("- Priya agreed on 2026-11-20"));
    assert!(md.contains("**Chosen:** Delegation first"));
}

/// Every `c` in `line` is preceded by a backslash.
fn all_escaped(line: &str, c: char) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .iter()
        .enumerate()
        .all(|(i, x)| *x != c || (i > 0 && chars[i - 1] == '\\'))
}

#[test]
fn typed_text_cannot_break_the_markdown_structure() {
    let mut a = coaching();
    let hostile = "# Heading\n- list\n1. ordered\n> quote\n```\ncode\n```\n<script>alert(1)</script>\n[link](javascript:alert(1))\n| a | b |\n---\n    indented code";
    a.goal.what = hostile.into();
    a.parties[0].name = "## Priya".into();
    a.commitments[0].what = hostile.into();
    a.title = "Title\n# second heading".into();
    let md = markdown::to_markdown(&a, now());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Title \\# second heading",
            "## People",
            "## The goal",
            "## How we will measure it",
            "## Who does what, and when",
            "## How we will communicate",
            "## How we will celebrate",
            "## Needs and offers",
            "### \\## Priya",
            "### Jordan",
            "## Busting assumptions",
            "## When it gets hard",
            "## Trade-offs and decisions",
            "### Focus on delegation or on stakeholders first?",
            "## Keeping it alive",
            "## Agreement",
        ],
        "only our own headings"
    );
    for line in md.lines() {
        assert!(
            !line.starts_with("```"),
            "no code fence from user text: {line}"
        );
        assert!(
            !line.starts_with("    "),
            "no indented code block: {line:?}"
        );
        assert!(!line.starts_with('>'), "no block quote: {line}");
        assert!(!line.starts_with("1."), "no ordered list: {line}");
        assert!(all_escaped(line, '<'), "no raw HTML: {line}");
        assert!(all_escaped(line, '['), "no link: {line}");
        assert!(all_escaped(line, ']'), "no link: {line}");
    }
    assert_eq!(
        md.lines().filter(|l| *l == "---").count(),
        1,
        "only our own rule"
    );
}

// ---------------------------------------------------------------- Calendar

fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_calendar_has_the_review_the_check_ins_and_dated_commitments() {
    let ics = ics::to_ics(&coaching(), now());
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
    }
    let lines = unfold(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert_eq!(
        lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
        3,
        "review, check-in, one dated commitment"
    );
    assert!(has("UID:alliance-coaching-review@designed-alliance"));
    assert!(has("DTSTART;VALUE=DATE:20270112"));
    assert!(has("DTEND;VALUE=DATE:20270113"));
    assert!(has("RRULE:FREQ=MONTHLY"));
    assert!(has(
        "SUMMARY:Review our alliance: Stepping into the team-lead role"
    ));
    // A time carries its zone (here UTC, the zone of `to_ics`).
    assert!(has("DTSTART;TZID=UTC:20261201T083000"));
    assert!(has("TZID:UTC"));
    assert!(has("DURATION:PT60M"));
    assert!(has("RRULE:FREQ=WEEKLY;INTERVAL=2"));
    assert!(has("DESCRIPTION:Video call\\, camera on."));
    assert!(has("DTSTART;VALUE=DATE:20261215"));
    assert!(has(
        "SUMMARY:Priya: Book a skip-level conversation with each team member."
    ));
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("DTSTAMP:")).count(),
        3
    );
    assert!(has("DTSTAMP:20261123T140200Z"));
}

#[test]
fn calendar_text_is_escaped_and_folded() {
    let mut a = coaching();
    a.title = "Plans; ideas, and \\ more\nsecond line — with ünïcödé and emoji 🎉".repeat(3);
    let ics = ics::to_ics(&a, now());
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(std::str::from_utf8(ics.as_bytes()).is_ok());
    let lines = unfold(&ics);
    let summary = lines
        .iter()
        .find(|l| l.starts_with("SUMMARY:Review"))
        .unwrap();
    assert!(
        summary.contains("Plans\\; ideas\\, and \\\\ more\\nsecond line"),
        "{summary}"
    );
}

#[test]
fn an_empty_alliance_gives_an_empty_but_valid_calendar() {
    let ics = ics::to_ics(&Alliance::new(id("x"), now()), now());
    assert!(!ics.contains("BEGIN:VEVENT"));
    assert!(ics.contains("X-WR-CALNAME:Untitled alliance\r\n"));
}

// ---------------------------------------------------------------- properties

mod properties {
    use super::*;
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => any::<String>(),
            1 => "[a-zA-Z \\n<>&\"'\\\\#*_\\[\\]]{0,40}",
            1 => Just(String::new()),
        ]
    }

    fn a_date() -> impl Strategy<Value = Date> {
        (1i64..=2_932_000).prop_map(|d| Date::from_days_since_epoch(d - 719_162).expect("in range"))
    }

    fn a_timestamp() -> impl Strategy<Value = Timestamp> {
        (-62_135_596_800i64..=253_402_300_799).prop_map(Timestamp::from_unix_seconds)
    }

    fn frequency() -> impl Strategy<Value = Frequency> {
        proptest::sample::select(Frequency::ALL.to_vec())
    }

    /// An owner among `n` parties (`p-0` … `p-{n-1}`), everyone, or someone who left.
    fn owner() -> impl Strategy<Value = Owner> {
        prop_oneof![
            Just(Owner::Everyone),
            (0usize..5).prop_map(|i| Owner::Party(id(&format!("p-{i}"))))
        ]
    }

    fn when() -> BoxedStrategy<Option<When>> {
        (0..3, a_date(), text())
            .prop_map(|(kind, d, event)| match kind {
                0 => None,
                1 => Some(When::Date { date: d }),
                _ => Some(When::After { event }),
            })
            .boxed()
    }

    fn parties() -> BoxedStrategy<Vec<Party>> {
        vec((text(), text()), 0..5)
            .prop_map(|ps| {
                ps.into_iter()
                    .enumerate()
                    .map(|(i, (name, role))| Party {
                        name,
                        role,
                        ..Party::new(id(&format!("p-{i}")))
                    })
                    .collect()
            })
            .boxed()
    }

    fn reflections() -> BoxedStrategy<Reflections> {
        vec(text(), 9)
            .prop_map(|r| {
                let mut it = r.into_iter();
                let mut next = || it.next().unwrap_or_default();
                Reflections {
                    before_you_begin: BeforeReflections {
                        why_this_relationship: next(),
                        assumptions_to_test: next(),
                        opening_the_conversation: next(),
                    },
                    after_agreeing: AfterReflections {
                        first_step: next(),
                        what_could_get_in_the_way: next(),
                        how_it_feels: next(),
                    },
                    at_review: ReviewReflections {
                        what_is_working: next(),
                        what_is_not: next(),
                        what_to_change: next(),
                    },
                }
            })
            .boxed()
    }

    fn measures_and_commitments() -> BoxedStrategy<(Vec<Measure>, Vec<Commitment>)> {
        (
            vec((text(), text(), option::of(frequency())), 0..4),
            vec((owner(), text(), when()), 0..6),
        )
            .prop_map(|(ms, cs)| {
                let ms = ms
                    .into_iter()
                    .enumerate()
                    .map(|(i, (signal, how_we_check, how_often))| Measure {
                        id: id(&format!("m-{i}")),
                        signal,
                        how_we_check,
                        how_often,
                    })
                    .collect();
                let cs = cs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (owner, what, when))| Commitment {
                        id: id(&format!("c-{i}")),
                        owner,
                        what,
                        when,
                    })
                    .collect();
                (ms, cs)
            })
            .boxed()
    }

    fn communication() -> BoxedStrategy<Communication> {
        (
            vec((text(), text(), any::<bool>()), 0..3),
            (
                option::of(frequency()),
                option::of(a_date()),
                option::of((0u8..24, 0u8..60)),
                option::of(any::<u16>()),
                text(),
            ),
            vec((0usize..5, option::of(any::<bool>()), text()), 0..3),
            text(),
        )
            .prop_map(|(channels, ci, updates, raising_problems)| Communication {
                channels: channels
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, purpose, avoid))| Channel {
                        id: id(&format!("ch-{i}")),
                        name,
                        purpose,
                        usage: if avoid {
                            ChannelUsage::Avoid
                        } else {
                            ChannelUsage::Use
                        },
                    })
                    .collect(),
                check_in: CheckIn {
                    rhythm: ci.0,
                    first_on: ci.1,
                    time: ci.2.and_then(|(h, m)| TimeOfDay::new(h, m)),
                    duration_minutes: ci.3,
                    format: ci.4,
                },
                updates: updates
                    .into_iter()
                    .map(|(p, style, note)| UpdatePreference {
                        party_id: id(&format!("p-{p}")),
                        style: style.map(|d| {
                            if d {
                                UpdateStyle::FrequentDetail
                            } else {
                                UpdateStyle::PeriodicSummary
                            }
                        }),
                        note,
                    })
                    .collect(),
                raising_problems,
            })
            .boxed()
    }

    fn celebrations_and_needs() -> BoxedStrategy<(Celebrations, Vec<NeedOrOffer>)> {
        (
            (text(), vec((text(), text()), 0..3)),
            vec((0usize..5, any::<bool>(), text()), 0..6),
        )
            .prop_map(|((goal, ms), needs)| {
                let c = Celebrations {
                    goal,
                    milestones: ms
                        .into_iter()
                        .enumerate()
                        .map(|(i, (milestone, how))| Milestone {
                            id: id(&format!("ms-{i}")),
                            milestone,
                            how,
                        })
                        .collect(),
                };
                let n = needs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (p, need, text))| NeedOrOffer {
                        id: id(&format!("n-{i}")),
                        party_id: id(&format!("p-{p}")),
                        kind: if need {
                            NeedOrOfferKind::Need
                        } else {
                            NeedOrOfferKind::Offer
                        },
                        text,
                    })
                    .collect();
                (c, n)
            })
            .boxed()
    }

    fn assumptions_and_hard_times() -> BoxedStrategy<(Vec<Assumption>, HardTimes)> {
        (
            vec((text(), owner(), 0usize..4, text()), 0..3),
            (text(), text(), vec((owner(), text()), 0..3), text()),
        )
            .prop_map(|(asm, hard)| {
                let statuses = [
                    AssumptionStatus::Unchecked,
                    AssumptionStatus::Confirmed,
                    AssumptionStatus::Revised,
                    AssumptionStatus::Dropped,
                ];
                let asm = asm
                    .into_iter()
                    .enumerate()
                    .map(|(i, (text, held_by, s, instead))| Assumption {
                        id: id(&format!("a-{i}")),
                        text,
                        held_by,
                        status: statuses[s],
                        instead,
                    })
                    .collect();
                let h = HardTimes {
                    surprises: hard.0,
                    missed_commitments: hard.1,
                    permissions: hard
                        .2
                        .into_iter()
                        .enumerate()
                        .map(|(i, (given_by, text))| Permission {
                            id: id(&format!("pm-{i}")),
                            given_by,
                            text,
                        })
                        .collect(),
                    mistakes: hard.3,
                };
                (asm, h)
            })
            .boxed()
    }

    fn decisions_and_keeping() -> BoxedStrategy<(Vec<Decision>, KeepingAlive)> {
        (
            vec(
                (
                    text(),
                    vec((text(), text(), text()), 0..3),
                    option::of(0usize..3),
                    text(),
                ),
                0..3,
            ),
            (
                option::of(a_date()),
                option::of(frequency()),
                vec(
                    (
                        a_date(),
                        text(),
                        text(),
                        vec(proptest::sample::select(SectionId::ALL.to_vec()), 0..3),
                    ),
                    0..3,
                ),
            ),
        )
            .prop_map(|(ds, k)| {
                let ds = ds
                    .into_iter()
                    .enumerate()
                    .map(|(i, (question, options, chosen, why))| Decision {
                        id: id(&format!("d-{i}")),
                        question,
                        options: options
                            .into_iter()
                            .enumerate()
                            .map(|(j, (name, pros, cons))| DecisionOption {
                                id: id(&format!("o-{i}-{j}")),
                                name,
                                pros,
                                cons,
                            })
                            .collect(),
                        chosen: chosen.map(|j| id(&format!("o-{i}-{j}"))),
                        why,
                    })
                    .collect();
                let k = KeepingAlive {
                    next_review: k.0,
                    review_rhythm: k.1,
                    revisions: k
                        .2
                        .into_iter()
                        .enumerate()
                        .map(|(i, (date, changes, why, sections))| Revision {
                            id: id(&format!("r-{i}")),
                            date,
                            sections,
                            changes,
                            why,
                        })
                        .collect(),
                };
                (ds, k)
            })
            .boxed()
    }

    fn basics() -> BoxedStrategy<(
        String,
        String,
        Option<RelationshipKind>,
        Timestamp,
        Timestamp,
        Goal,
    )> {
        (
            text(),
            text(),
            option::of(proptest::sample::select(RelationshipKind::ALL.to_vec())),
            a_timestamp(),
            a_timestamp(),
            (text(), text(), text()).prop_map(|(what, why, pain)| Goal { what, why, pain }),
        )
            .boxed()
    }

    fn alliance() -> BoxedStrategy<Alliance> {
        (
            basics(),
            parties(),
            reflections(),
            measures_and_commitments(),
            communication(),
            celebrations_and_needs(),
            assumptions_and_hard_times(),
            decisions_and_keeping(),
            (vec(any::<bool>(), 5), a_date()),
        )
            .prop_map(
                |(
                    basics,
                    parties,
                    reflections,
                    (progress, commitments),
                    communication,
                    (celebrations, needs),
                    (assumptions, hard_times),
                    (decisions, keeping_alive),
                    (signed, sign_date),
                )| {
                    let (title, note, relationship, created, updated, goal) = basics;
                    let mut a = Alliance::new(id("prop"), created);
                    a.title = title;
                    a.relationship_note = note;
                    a.relationship = relationship;
                    a.updated_at = updated;
                    a.parties = parties;
                    a.reflections = reflections;
                    a.goal = goal;
                    a.progress = progress;
                    a.commitments = commitments;
                    a.communication = communication;
                    a.celebrations = celebrations;
                    a.needs_and_offers = needs;
                    a.assumptions = assumptions;
                    a.hard_times = hard_times;
                    a.decisions = decisions;
                    a.keeping_alive = keeping_alive;
                    a.agreement.signatures = a
                        .parties
                        .iter()
                        .zip(signed)
                        .filter(|(_, s)| *s)
                        .map(|(p, _)| Signature {
                            party_id: p.id.clone(),
                            name: p.name.clone(),
                            date: sign_date,
                        })
                        .collect();
                    if a.agreement.signatures.len() == a.parties.len() {
                        a.status = Status::Agreed;
                        a.agreement.last_agreed = Some(AgreedVersion {
                            date: sign_date,
                            fingerprints: agreement::fingerprints(&a),
                        });
                    }
                    a
                },
            )
            .boxed()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn import_of_export_is_identity(a in alliance(), at in a_timestamp()) {
            let file = json::export(&a, at).expect("export");
            let back = json::import(file.as_bytes());
            prop_assert!(back.is_ok(), "{:?}", back.err());
            let back = back.expect("checked");
            prop_assert_eq!(back.alliance, a);
            prop_assert_eq!(back.exported_at, at);
        }

        #[test]
        fn validation_markdown_and_calendar_never_panic(a in alliance()) {
            let report = validate(&a, date("2026-11-23"));
            prop_assert!(report.sections.len() == SectionId::ALL.len());
            let md = markdown::to_markdown(&a, now());
            prop_assert!(md.starts_with("# "));
            let ics = ics::to_ics(&a, now());
            prop_assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        }

        #[test]
        fn import_never_panics_on_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512)) {
            let _ = json::import(&bytes);
        }

        #[test]
        fn import_never_panics_on_damaged_files(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
            let mut file = json::export(&coaching(), now()).expect("export").into_bytes();
            if flip < file.len() { file[flip] = byte; }
            file.truncate(cut.max(1).min(file.len()));
            if let Err(e) = json::import(&file) {
                prop_assert!(!e.message.is_empty());
                prop_assert!(!e.message.contains('`'), "plain words only: {}", e.message);
            }
        }

        #[test]
        fn undo_after_any_actions_returns_to_the_start(titles in vec(text(), 1..8)) {
            let start = coaching();
            let mut e = Editor::new(start.clone());
            for (i, t) in titles.into_iter().enumerate() {
                let _ = e.apply(Action::SetText(TextField::Title, t), Timestamp::from_unix_seconds(i as i64 * 100));
            }
            while e.undo() {}
            prop_assert_eq!(e.alliance(), &start);
        }
    }
}

// ---------------------------------------------------------------- drafts

mod drafts {
    use super::*;
    use designed_alliance::core::drafts::*;

    fn store(ns: &str, writer: &str) -> DraftStore {
        DraftStore::new(ns, writer, id("slot-1"))
    }

    fn draft<'a>(a: &'a Alliance, here: &'a Here, step: &'a str, progress: u32) -> Draft<'a> {
        Draft {
            alliance: a,
            here,
            step,
            progress,
        }
    }

    fn save(
        st: &mut DraftStore,
        s: &mut MemoryStorage,
        a: &Alliance,
        step: &str,
    ) -> Result<Saved, SaveError> {
        st.save(s, draft(a, &Here::default(), step, 40), now())
    }

    #[test]
    fn a_damaged_draft_is_found_at_start_even_when_the_record_of_the_open_one_is_damaged_too() {
        let mut s = MemoryStorage::default();
        let mut st = store("coach", "w-a");
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Written)
        );
        // Nothing damaged: nothing to mention.
        assert_eq!(st.first_unreadable(&s), None);
        let key = st.key("slot-1");
        s.set(&key, "{\"version\":1,\"alli").unwrap();
        s.set(&st.current_key(), "not a slot id!").unwrap();
        let again = store("coach", "w-b");
        assert_eq!(
            again.last_open(&s),
            None,
            "the record of the open draft is damaged"
        );
        let (reason, raw) = again
            .first_unreadable(&s)
            .expect("the damaged draft is found");
        assert!(!reason.is_empty());
        assert_eq!(
            raw, "{\"version\":1,\"alli",
            "its stored value, untouched, for download"
        );
    }

    #[test]
    fn a_saved_draft_opens_again_with_its_step_and_is_listed() {
        let mut s = MemoryStorage::default();
        let mut st = store("coach", "w-a");
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "commitments"),
            Ok(Saved::Written)
        );
        let mut again = store("coach", "w-b");
        assert_eq!(again.last_open(&s), Some(id("slot-1")));
        let opened = again.open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, coaching());
        assert_eq!(opened.step, "commitments");
        let list = again.list(&s).unwrap();
        assert_eq!(
            list,
            vec![Listed::Draft(DraftInfo {
                slot: id("slot-1"),
                title: "Stepping into the team-lead role".into(),
                relationship: Some(RelationshipKind::CoachAndClient),
                saved_at: now(),
                progress: 40,
            })]
        );
    }

    #[test]
    fn the_list_is_most_recent_first_and_drafts_of_the_same_second_keep_one_order() {
        let mut s = MemoryStorage::default();
        let st = store("ns", "w-a");
        let second = |n: i64| Timestamp::from_unix_seconds(now().unix_seconds() + n);
        // Stored in an order unlike the expected one.
        for (slot, at) in [("b", 0), ("a", 0), ("old", -60), ("c", 0), ("new", 60)] {
            st.store_new(
                &mut s,
                &id(slot),
                draft(&coaching(), &Here::default(), "goal", 0),
                second(at),
            )
            .unwrap();
        }
        let slots: Vec<String> = st
            .list(&s)
            .unwrap()
            .into_iter()
            .map(|l| match l {
                Listed::Draft(d) => d.slot.to_string(),
                Listed::Unreadable { slot, .. } => slot,
            })
            .collect();
        assert_eq!(slots, ["new", "a", "b", "c", "old"]);
    }

    #[test]
    fn a_draft_larger_than_an_importable_file_still_opens_again() {
        let mut s = MemoryStorage::default();
        let mut a = coaching();
        a.goal.why = "\u{e9}".repeat(700_000); // 1.4 MB of text
        save(&mut store("big", "w-a"), &mut s, &a, "goal").unwrap();
        let opened = store("big", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn a_draft_with_a_title_longer_than_a_file_allows_still_opens() {
        let mut s = MemoryStorage::default();
        let mut a = coaching();
        a.title = "t".repeat(json::MAX_TITLE + 50);
        save(&mut store("long", "w-a"), &mut s, &a, "goal").unwrap();
        let opened = store("long", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn nothing_is_written_when_nothing_changed() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        let writes = s.writes;
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Unchanged)
        );
        assert_eq!(s.writes, writes);
        let mut changed = coaching();
        changed.goal.why.push('!');
        assert_eq!(save(&mut st, &mut s, &changed, "goal"), Ok(Saved::Written));
        assert_eq!(
            save(&mut st, &mut s, &changed, "progress"),
            Ok(Saved::Written),
            "the step is saved too"
        );
    }

    #[test]
    fn another_writer_is_detected_and_never_silently_overwritten() {
        let mut s = MemoryStorage::default();
        let mut a = store("ns", "w-a");
        save(&mut a, &mut s, &coaching(), "goal").unwrap();
        let mut b = store("ns", "w-b");
        b.open(&mut s, &id("slot-1")).unwrap();
        let mut theirs = coaching();
        theirs.title = "Changed in the other tab".into();
        save(&mut b, &mut s, &theirs, "goal").unwrap();
        let stored = s.get(&a.key("slot-1")).unwrap();

        let mut mine = coaching();
        mine.title = "Changed here".into();
        let conflict = save(&mut a, &mut s, &mine, "goal");
        assert!(matches!(&conflict, Err(SaveError::Conflict(t)) if Some(t) == stored.as_ref()));
        assert_eq!(
            s.get(&a.key("slot-1")).unwrap(),
            stored,
            "theirs is untouched"
        );

        // Taking theirs makes it the open draft; keeping mine overwrites on the next save.
        let Err(SaveError::Conflict(t)) = conflict else {
            unreachable!()
        };
        let mut a2 = a.clone();
        assert_eq!(
            a2.take_theirs(&t).unwrap().alliance.title,
            "Changed in the other tab"
        );
        assert_eq!(save(&mut a2, &mut s, &theirs, "goal"), Ok(Saved::Unchanged));
        a.keep_mine(t);
        assert_eq!(save(&mut a, &mut s, &mine, "goal"), Ok(Saved::Written));
        let reopened = store("ns", "w-c").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(reopened.alliance.title, "Changed here");
    }

    #[test]
    fn a_new_draft_never_overwrites_a_stored_one_it_did_not_read() {
        let mut s = MemoryStorage::default();
        save(&mut store("ns", "w-a"), &mut s, &coaching(), "goal").unwrap();
        let mut fresh = store("ns", "w-b");
        let blank = Alliance::new(id("x"), now());
        fresh.start(id("slot-1"), Some(&blank));
        let mut typed = blank.clone();
        typed.title = "Typed".into();
        assert!(matches!(
            save(&mut fresh, &mut s, &typed, "goal"),
            Err(SaveError::Conflict(_))
        ));
    }

    #[test]
    fn changes_by_other_writers_are_noticed_before_saving() {
        let mut s = MemoryStorage::default();
        let mut a = store("ns", "w-a");
        assert_eq!(a.check(&s), Check::Same, "nothing stored, nothing known");
        save(&mut a, &mut s, &coaching(), "goal").unwrap();
        assert_eq!(a.check(&s), Check::Same);
        let mut b = store("ns", "w-b");
        b.open(&mut s, &id("slot-1")).unwrap();
        save(&mut b, &mut s, &examples::partners(), "goal").unwrap();
        let theirs = s.get(&a.key("slot-1")).unwrap().unwrap();
        assert_eq!(a.check(&s), Check::Changed(theirs));
        s.remove(&a.key("slot-1")).unwrap();
        assert_eq!(a.check(&s), Check::Gone);
    }

    #[test]
    fn an_imported_draft_is_stored_at_once() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        st.start(id("slot-7"), None);
        assert_eq!(
            save(&mut st, &mut s, &examples::partners(), "review"),
            Ok(Saved::Written)
        );
        let opened = store("ns", "w-b").open(&mut s, &id("slot-7")).unwrap();
        assert_eq!(
            (opened.alliance, opened.step, opened.saved_at),
            (examples::partners(), "review".to_string(), now())
        );
    }

    #[test]
    fn an_untouched_new_draft_is_not_stored() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        let blank = Alliance::new(id("x"), now());
        st.start(id("slot-9"), Some(&blank));
        assert_eq!(
            save(&mut st, &mut s, &blank, "goal"),
            Ok(Saved::Unchanged),
            "moving between steps stores nothing"
        );
        assert_eq!(s.writes, 0);
        let mut typed = blank.clone();
        typed.goal.why = "A".into();
        assert_eq!(save(&mut st, &mut s, &typed, "goal"), Ok(Saved::Written));
        assert_eq!(
            save(&mut st, &mut s, &blank, "goal"),
            Ok(Saved::Written),
            "once stored, emptying it again is saved too"
        );
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-9"))
                .unwrap()
                .alliance,
            blank
        );
    }

    #[test]
    fn other_drafts_can_be_read_and_renamed_without_opening_them() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&examples::partners(), &Here::default(), "basics", 5),
            now(),
        )
        .unwrap();
        let writes = s.writes;
        let peeked = st.peek(&s, &id("slot-2")).unwrap();
        assert_eq!(
            (peeked.alliance, peeked.step),
            (examples::partners(), "basics".to_string())
        );
        assert_eq!(s.writes, writes, "reading writes nothing");
        st.rename(&mut s, &id("slot-2"), "Our household", now())
            .unwrap();
        let renamed = st.peek(&s, &id("slot-2")).unwrap();
        assert_eq!(
            (renamed.alliance.title.as_str(), renamed.step.as_str()),
            ("Our household", "basics")
        );
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Unchanged),
            "the open draft is not disturbed"
        );
        assert_eq!(
            st.rename(&mut s, &id("missing"), "x", now()),
            Err(OpenError::Missing)
        );
    }

    #[test]
    fn a_draft_cleared_elsewhere_is_saved_again() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        s.remove(&st.key("slot-1")).unwrap();
        let mut changed = coaching();
        changed.title = "Still here".into();
        assert_eq!(save(&mut st, &mut s, &changed, "goal"), Ok(Saved::Written));
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-1"))
                .unwrap()
                .alliance
                .title,
            "Still here"
        );
    }

    #[test]
    fn a_full_storage_keeps_the_previous_draft_and_saving_resumes_with_space() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        let before = s.get(&st.key("slot-1")).unwrap();
        s.quota = Some(100);
        let mut big = coaching();
        big.goal.why = "x".repeat(10_000);
        assert_eq!(
            save(&mut st, &mut s, &big, "goal"),
            Err(SaveError::Storage(StorageError::Full))
        );
        assert_eq!(
            s.get(&st.key("slot-1")).unwrap(),
            before,
            "the previous draft survives"
        );
        s.quota = None;
        assert_eq!(save(&mut st, &mut s, &big, "goal"), Ok(Saved::Written));
    }

    #[test]
    fn failing_storage_is_reported_and_changes_nothing() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        for failure in [
            StorageError::Unavailable("SecurityError".into()),
            StorageError::Failed("boom".into()),
        ] {
            s.failure = Some(failure.clone());
            assert_eq!(
                save(&mut st, &mut s, &Alliance::new(id("y"), now()), "goal"),
                Err(SaveError::Storage(failure.clone()))
            );
            assert_eq!(
                store("ns", "w-b").open(&mut s, &id("slot-1")),
                Err(OpenError::Storage(failure))
            );
        }
        s.failure = None;
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-1"))
                .unwrap()
                .alliance,
            coaching()
        );
    }

    #[test]
    fn who_is_me_and_the_versions_exchanged_stay_with_the_draft_and_out_of_its_file() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        let a = coaching();
        let mut here = Here {
            me: Some(id("p-2")),
            ..Here::default()
        };
        here.seen.record(&a);
        assert_eq!(
            st.save(&mut s, draft(&a, &here, "goal", 40), now()),
            Ok(Saved::Written)
        );
        let raw = s.get(&st.key("slot-1")).unwrap().unwrap();
        let mut record: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(record["me"], "p-2");
        assert!(record["seen"].is_array());
        let file = record["file"].to_string();
        assert!(
            !file.contains("\"isMe\":true") && !file.contains("\"me\""),
            "{file}"
        );
        assert_eq!(
            store("ns", "w-b").open(&mut s, &id("slot-1")).unwrap().here,
            here
        );
        // Saying who is me is a change worth saving; the same again is not.
        assert_eq!(
            st.save(&mut s, draft(&a, &here, "goal", 40), now()),
            Ok(Saved::Unchanged)
        );
        let priya = Here {
            me: Some(id("p-1")),
            ..here.clone()
        };
        assert_eq!(
            st.save(&mut s, draft(&a, &priya, "goal", 40), now()),
            Ok(Saved::Written)
        );
        // Someone who is not one of its people, or a history that cannot be read: as good as
        // none, and the draft still opens.
        record["me"] = serde_json::json!("p-9");
        record["seen"] = serde_json::json!("not a history");
        s.set(&st.key("slot-1"), &record.to_string()).unwrap();
        let opened = store("ns", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.here, Here::default());
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn unreadable_values_are_kept_untouched_and_explained() {
        let st = store("ns", "w-a");
        let good = encode(
            draft(&coaching(), &Here::default(), "goal", 10),
            now(),
            "w-a",
            1,
        )
        .unwrap();
        let cases = [
            ("corrupt", "{{{not json".to_string(), "not valid JSON"),
            ("truncated", good[..good.len() / 2].to_string(), "cut off"),
            (
                "wrong-shape",
                "{\"format\":\"something else\"}".to_string(),
                "not a draft",
            ),
            (
                "newer",
                good.replace("\"draftVersion\":1", "\"draftVersion\":2"),
                "newer version",
            ),
            (
                "bad-alliance",
                good.replacen("\"isMe\":false", "\"isMe\":\"yes\"", 1),
                "alliance.parties[0].isMe",
            ),
            (
                "huge",
                format!("{{\"x\":\"{}\"}}", "y".repeat(MAX_DRAFT_BYTES)),
                "too large",
            ),
            (
                "large-but-not-a-draft",
                format!("{{\"x\":\"{}\"}}", "y".repeat(json::MAX_FILE_BYTES)),
                "not a draft",
            ),
        ];
        let mut s = MemoryStorage::default();
        for (slot, raw, _) in &cases {
            s.set(&st.key(slot), raw).unwrap();
        }
        let writes = s.writes;
        for (slot, raw, words) in &cases {
            match store("ns", "w-b").open(&mut s, &id(slot)) {
                Err(OpenError::Unreadable { reason, raw: kept }) => {
                    assert!(reason.contains(words), "{slot}: {reason}");
                    assert_eq!(&kept, raw, "{slot}: the raw value is offered for download");
                }
                other => panic!("{slot}: {other:?}"),
            }
            assert_eq!(
                s.get(&st.key(slot)).unwrap().as_ref(),
                Some(raw),
                "{slot} is untouched"
            );
        }
        assert_eq!(s.writes, writes, "opening never writes a draft key");
        let list = st.list(&s).unwrap();
        assert_eq!(
            list.iter()
                .filter(|l| matches!(l, Listed::Unreadable { .. }))
                .count(),
            cases.len()
        );
    }

    #[test]
    fn other_keys_of_the_page_are_never_touched() {
        let mut s = MemoryStorage::default();
        for i in 0..200 {
            s.set(&format!("host-app:{i}"), &format!("value {i}"))
                .unwrap();
        }
        s.set("designed-alliance:other-namespace:draft:x", "theirs")
            .unwrap();
        let mut st = store("mine", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&coaching(), &Here::default(), "goal", 0),
            now(),
        )
        .unwrap();
        assert_eq!(
            st.list(&s).unwrap().len(),
            2,
            "only this namespace's drafts are listed"
        );
        assert_eq!(
            st.forget(&mut s).unwrap(),
            3,
            "two drafts and the open-draft marker"
        );
        let keys = s.keys().unwrap();
        assert_eq!(keys.len(), 201);
        for i in 0..200 {
            assert_eq!(
                s.get(&format!("host-app:{i}")).unwrap(),
                Some(format!("value {i}"))
            );
        }
        assert_eq!(
            s.get("designed-alliance:other-namespace:draft:x")
                .unwrap()
                .as_deref(),
            Some("theirs")
        );
    }

    #[test]
    fn drafts_can_be_deleted_restored_and_duplicated() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&examples::partners(), &Here::default(), "basics", 5),
            now(),
        )
        .unwrap();
        assert!(
            st.store_new(
                &mut s,
                &id("slot-2"),
                draft(&coaching(), &Here::default(), "goal", 0),
                now()
            )
            .is_err(),
            "a taken slot is refused"
        );
        let raw = st.delete(&mut s, "slot-2").unwrap().unwrap();
        assert_eq!(st.list(&s).unwrap().len(), 1);
        st.restore(&mut s, "slot-2", &raw).unwrap();
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-2"))
                .unwrap()
                .alliance,
            examples::partners()
        );
    }

    #[test]
    fn namespaces_are_cleaned_and_kept_apart() {
        assert_eq!(clean_namespace("Coach Site #1"), "Coach-Site--1");
        assert_eq!(clean_namespace(""), "default");
        let mut s = MemoryStorage::default();
        save(&mut store("one", "w-a"), &mut s, &coaching(), "goal").unwrap();
        assert!(store("two", "w-b").list(&s).unwrap().is_empty());
        assert_eq!(
            store("two", "w-b").open(&mut s, &id("slot-1")),
            Err(OpenError::Missing)
        );
    }
}
