//! Validation.

use super::*;

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
