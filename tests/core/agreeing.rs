//! Agreeing, and what changes since.

use super::*;

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
