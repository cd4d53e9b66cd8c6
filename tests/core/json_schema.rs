//! The JSON Schema and the example files.

use super::files::valid_value;
use super::*;

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
    // Agreed, then two check-ins held.
    std::fs::write(
        repo("examples/coach-and-client.json"),
        json::export(&coaching_living(), ts("2027-01-05T10:10:00Z")).unwrap(),
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

pub(super) mod examples {
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
