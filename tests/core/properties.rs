//! Properties: any sequence of actions, any file.

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
