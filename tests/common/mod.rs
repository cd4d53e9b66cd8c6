//! Sample alliances shared by the native tests and the benchmarks.
#![allow(dead_code)]

use designed_alliance::core::*;

pub fn id(s: &str) -> Id {
    Id::new(s).expect("valid test id")
}

pub fn date(s: &str) -> Date {
    Date::parse(s).expect("valid test date")
}

pub fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).expect("valid test timestamp")
}

pub fn party(i: &str, name: &str, role: &str) -> Party {
    Party {
        name: name.into(),
        role: role.into(),
        ..Party::new(id(i))
    }
}

/// A complete coach-and-client alliance, every section filled in, not yet agreed.
pub fn coaching() -> Alliance {
    let mut a = Alliance::new(id("alliance-coaching"), ts("2026-11-02T09:00:00Z"));
    a.title = "Stepping into the team-lead role".into();
    a.relationship = Some(RelationshipKind::CoachAndClient);
    a.parties = vec![
        party("p-1", "Priya", "Client, new engineering manager"),
        party("p-2", "Jordan", "Coach"),
    ];
    a.reflections.before_you_begin.why_this_relationship =
        "I want coaching to be about my real week, not theory.".into();
    a.goal = Goal {
        what: "Lead my first team with confidence and keep the two people thinking of leaving."
            .into(),
        why: "The team's stability decides whether the launch happens this year.".into(),
        pain: "Dreading one-to-ones I don't feel ready for.".into(),
    };
    a.progress = vec![Measure {
        id: id("m-1"),
        signal: "Both at-risk engineers stay and say so in their next review.".into(),
        how_we_check: "We look at my one-to-one notes together.".into(),
        how_often: Some(Frequency::Fortnightly),
    }];
    a.commitments = vec![
        Commitment {
            id: id("c-1"),
            owner: Owner::Party(id("p-1")),
            what: "Book a skip-level conversation with each team member.".into(),
            when: Some(When::Date {
                date: date("2026-12-15"),
            }),
        },
        Commitment {
            id: id("c-2"),
            owner: Owner::Party(id("p-2")),
            what: "Send a one-page summary after each session.".into(),
            when: Some(When::After {
                event: "each session".into(),
            }),
        },
        Commitment {
            id: id("c-3"),
            owner: Owner::Everyone,
            what: "Start and end sessions on time.".into(),
            when: Some(When::After {
                event: "the first session".into(),
            }),
        },
    ];
    a.communication = Communication {
        channels: vec![
            Channel {
                id: id("ch-1"),
                name: "Email".into(),
                purpose: "Session notes and anything that needs a written record.".into(),
                usage: ChannelUsage::Use,
            },
            Channel {
                id: id("ch-2"),
                name: "Messages outside working hours".into(),
                purpose: "Evenings are for rest.".into(),
                usage: ChannelUsage::Avoid,
            },
        ],
        check_in: CheckIn {
            rhythm: Some(Frequency::Fortnightly),
            first_on: Some(date("2026-12-01")),
            time: TimeOfDay::new(8, 30),
            duration_minutes: Some(60),
            format: "Video call, camera on.".into(),
        },
        updates: vec![
            UpdatePreference {
                party_id: id("p-1"),
                style: Some(UpdateStyle::PeriodicSummary),
                note: "A summary before each session.".into(),
            },
            UpdatePreference {
                party_id: id("p-2"),
                style: Some(UpdateStyle::FrequentDetail),
                note: String::new(),
            },
        ],
        raising_problems: "A message with URGENT in the subject, answered within a working day."
            .into(),
    };
    a.celebrations = Celebrations {
        goal: "A final session to look back, and coffee on me.".into(),
        milestones: vec![Milestone {
            id: id("ms-1"),
            milestone: "The first retrospective I run".into(),
            how: "Share the win with my manager".into(),
        }],
    };
    a.needs_and_offers = vec![
        NeedOrOffer {
            id: id("n-1"),
            party_id: id("p-1"),
            kind: NeedOrOfferKind::Need,
            text: "Honest feedback, even when it stings.".into(),
        },
        NeedOrOffer {
            id: id("n-2"),
            party_id: id("p-1"),
            kind: NeedOrOfferKind::Offer,
            text: "I come to each session prepared, with one topic.".into(),
        },
        NeedOrOffer {
            id: id("n-3"),
            party_id: id("p-2"),
            kind: NeedOrOfferKind::Need,
            text: "Tell me when a session did not help.".into(),
        },
        NeedOrOffer {
            id: id("n-4"),
            party_id: id("p-2"),
            kind: NeedOrOfferKind::Offer,
            text: "Full attention and confidentiality.".into(),
        },
    ];
    a.assumptions = vec![Assumption {
        id: id("a-1"),
        text: "My manager expects me to have all the answers.".into(),
        held_by: Owner::Party(id("p-1")),
        status: AssumptionStatus::Revised,
        instead: "I can say \u{201c}I'll find out\u{201d} and come back later.".into(),
    }];
    a.hard_times = HardTimes {
        surprises: "We name it in the next session and decide together whether the plan changes."
            .into(),
        missed_commitments: "We look at what got in the way before setting a new date.".into(),
        permissions: vec![Permission {
            id: id("pm-1"),
            given_by: Owner::Party(id("p-1")),
            text: "Challenge me when I'm playing it safe.".into(),
        }],
        mistakes: "I'll say what went wrong and what I'll do differently.".into(),
    };
    a.decisions = vec![Decision {
        id: id("d-1"),
        question: "Focus on delegation or on stakeholders first?".into(),
        options: vec![
            DecisionOption {
                id: id("o-1"),
                name: "Delegation first".into(),
                pros: "Frees time quickly.".into(),
                cons: "Stakeholders wait.".into(),
            },
            DecisionOption {
                id: id("o-2"),
                name: "Stakeholders first".into(),
                pros: "Visible quickly.".into(),
                cons: "No time to do it well.".into(),
            },
        ],
        chosen: Some(id("o-1")),
        why: "Nothing else goes well until I have more time.".into(),
    }];
    a.keeping_alive = KeepingAlive {
        next_review: Some(date("2027-01-12")),
        review_rhythm: Some(Frequency::Monthly),
        revisions: Vec::new(),
    };
    a
}

/// The coaching alliance, agreed by both.
pub fn coaching_agreed() -> Alliance {
    let mut a = coaching();
    let day = date("2026-11-20");
    a.apply(
        Action::Agree {
            party: id("p-1"),
            date: day,
        },
        ts("2026-11-20T10:00:00Z"),
    )
    .expect("p-1 agrees");
    a.apply(
        Action::Agree {
            party: id("p-2"),
            date: day,
        },
        ts("2026-11-20T10:05:00Z"),
    )
    .expect("p-2 agrees");
    a
}

/// A large alliance for benchmarks: 200 commitments and about 50,000 characters of text.
pub fn large() -> Alliance {
    let mut a = coaching();
    let sentence = "We agree to keep each other informed, early and plainly, without blame. ";
    a.commitments = (0..200)
        .map(|i| Commitment {
            id: id(&format!("c-{i}")),
            owner: if i % 3 == 0 {
                Owner::Everyone
            } else {
                Owner::Party(id("p-1"))
            },
            what: format!("Commitment {i}: {}", sentence.repeat(3)),
            when: Some(When::Date {
                date: date("2027-01-01").add_days(i),
            }),
        })
        .collect();
    a.goal.why = sentence.repeat(30);
    a.communication.raising_problems = sentence.repeat(30);
    a
}

/// The agreed coaching alliance a month and two check-ins on (its check-in is fortnightly
/// from 1 December 2026): held on 1 December (everyone there, the goal kept) and on 5 January 2027
/// (Priya only; a milestone reached).
pub fn coaching_living() -> Alliance {
    use designed_alliance::core::living::Walk;
    let mut a = coaching_agreed();
    let mut first = Walk::start(&a, date("2026-12-01"), id("checkin-1a2b3c"));
    first.held.present = vec![
        Present {
            party_id: id("p-1"),
            name: String::new(),
        },
        Present {
            party_id: id("p-2"),
            name: String::new(),
        },
    ];
    first.held.commitments[0].status = Some(CommitmentStatus::OnTrack);
    first.held.commitments[1].status = Some(CommitmentStatus::Done);
    first.held.commitments[1].note = "Booked for 9 December.".into();
    first.held.measures[0].seen = "Two of five one-to-ones so far.".into();
    first.held.sections = vec![SectionCheck {
        section: SectionId::Goal,
        verdict: Verdict::Keep,
    }];
    first.held.takeaway = "Start the one-to-ones earlier in the week.".into();
    let held = first.finished(&a).expect("someone was there");
    a.apply(
        Action::HoldCheckIn(Box::new(held), Vec::new()),
        ts("2026-12-01T09:00:00Z"),
    )
    .expect("held");
    let mut second = Walk::start(&a, date("2027-01-05"), id("checkin-4d5e6f"));
    second.held.present = vec![Present {
        party_id: id("p-1"),
        name: String::new(),
    }];
    second.held.commitments[0].status = Some(CommitmentStatus::Behind);
    second.reached = vec![second.held.milestones[0].milestone_id.clone()];
    second.held.milestones[0].celebrated = "Lunch with the team.".into();
    second.held.takeaway = "Ask for help sooner.".into();
    let held = second.finished(&a).expect("someone was there");
    a.apply(
        Action::HoldCheckIn(Box::new(held), Vec::new()),
        ts("2027-01-05T09:00:00Z"),
    )
    .expect("held");
    a
}
