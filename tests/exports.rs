//! Native tests of what the widget hands over: the review's summary, Markdown, the email copy
//! (HTML and plain text) hold what was written and nothing else, joined parts are punctuated by
//! one rule, and the calendar file holds only dates a person chose, read back by a real
//! iCalendar parser, the same events Finish lists as "Your next dates".
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use designed_alliance::core::content;
use designed_alliance::core::format::join_parts;
use designed_alliance::core::ics::{self, EventKind, Zone};
use designed_alliance::core::summary::{self, Block};
use designed_alliance::core::*;
use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime};

fn now() -> Timestamp {
    ts("2026-11-23T14:02:00Z")
}

fn today() -> Date {
    date("2026-11-23")
}

// ---------------------------------------------------------------- one rule for joined parts

#[test]
fn joined_parts_are_punctuated_by_one_rule() {
    let cases: &[(&[&str], &str)] = &[
        (&[], ""),
        (&["", "  "], ""),
        (&["Email"], "Email"),
        (&["  Email  ", ""], "Email"),
        (&["", "Every two weeks"], "Every two weeks"),
        // A part that ends a sentence keeps its own punctuation: no ".;" and no ". .".
        (
            &["We look at my notes together.", "Every two weeks"],
            "We look at my notes together. Every two weeks",
        ),
        (&["Email", "Session notes"], "Email. Session notes"),
        (&["Really?", "Yes"], "Really? Yes"),
        (&["Wait!", "Now"], "Wait! Now"),
        (&["And so\u{2026}", "on"], "And so\u{2026} on"),
        (&["Notes:", "weekly"], "Notes: weekly"),
        (&["Notes;", "weekly"], "Notes; weekly"),
        (&["Notes,", "weekly"], "Notes, weekly"),
        // Before a closing quote or bracket.
        (
            &["She said \u{201c}yes.\u{201d}", "Then"],
            "She said \u{201c}yes.\u{201d} Then",
        ),
        (&["(see notes.)", "Then"], "(see notes.) Then"),
        (&["(see notes)", "Then"], "(see notes). Then"),
        // A part that brings its own punctuation is joined as it is.
        (&["Notes", "; weekly"], "Notes; weekly"),
        (&["Notes.", ". Weekly"], "Notes.. Weekly"),
        (&["a", "", "b", "c."], "a. b. c."),
        (
            &["  Delegation first ", " Nothing else goes well. "],
            "Delegation first. Nothing else goes well.",
        ),
    ];
    for (parts, joined) in cases {
        assert_eq!(join_parts(parts), *joined, "{parts:?}");
    }
    for parts in [
        ["We look at my notes together.", "Every two weeks"],
        ["One.", "Two."],
        ["One", "Two"],
        ["One;", "Two"],
    ] {
        let joined = join_parts(&parts);
        for bad in [".;", ";;", ". .", ".."] {
            assert!(!joined.contains(bad), "{bad:?} in {joined:?}");
        }
    }
}

// ---------------------------------------------------------------- exports hold what was written

/// An alliance half filled in, as a person leaves it: items added and left empty, optional
/// details unanswered, deeper sections touched or skipped.
fn half_filled() -> Alliance {
    let mut a = Alliance::new(id("alliance-half"), ts("2026-11-02T09:00:00Z"));
    a.title = "Half way there".into();
    a.relationship = Some(RelationshipKind::CoachAndClient);
    a.parties = vec![party("p-1", "Priya", ""), party("p-2", "Jordan", "Coach")];
    a.goal.what = "Lead my first team with confidence.".into();
    a.progress = vec![
        Measure {
            id: id("m-1"),
            signal: "Both engineers stay.".into(),
            how_we_check: "We look at my one-to-one notes together.".into(),
            how_often: Some(Frequency::Fortnightly),
        },
        Measure {
            id: id("m-2"),
            signal: String::new(),
            how_we_check: String::new(),
            how_often: None,
        },
    ];
    a.commitments = vec![
        Commitment {
            id: id("c-1"),
            owner: Owner::Party(id("p-1")),
            what: "Book a skip-level conversation.".into(),
            when: None,
        },
        Commitment {
            id: id("c-2"),
            owner: Owner::Everyone,
            what: String::new(),
            when: None,
        },
    ];
    a.communication.channels = vec![
        Channel {
            id: id("ch-1"),
            name: "Email".into(),
            purpose: String::new(),
            usage: ChannelUsage::Use,
        },
        Channel {
            id: id("ch-2"),
            name: String::new(),
            purpose: String::new(),
            usage: ChannelUsage::Use,
        },
    ];
    a.communication.check_in.rhythm = Some(Frequency::Fortnightly);
    a.communication.updates = vec![
        UpdatePreference {
            party_id: id("p-1"),
            style: None,
            note: String::new(),
        },
        UpdatePreference {
            party_id: id("p-2"),
            style: None,
            note: "  ".into(),
        },
    ];
    a.celebrations.milestones = vec![Milestone {
        id: id("ms-1"),
        milestone: String::new(),
        how: String::new(),
    }];
    a.needs_and_offers = vec![NeedOrOffer {
        id: id("n-1"),
        party_id: id("p-1"),
        kind: NeedOrOfferKind::Need,
        text: String::new(),
    }];
    a.assumptions = vec![Assumption {
        id: id("a-1"),
        text: String::new(),
        held_by: Owner::Party(id("p-1")),
        status: AssumptionStatus::Unchecked,
        instead: String::new(),
    }];
    a.hard_times.surprises = "We name it in the next session.".into();
    a.hard_times.permissions = vec![Permission {
        id: id("pm-1"),
        given_by: Owner::Party(id("p-2")),
        text: String::new(),
    }];
    a.decisions = vec![Decision {
        id: id("d-1"),
        question: "Delegation or stakeholders first?".into(),
        options: vec![DecisionOption {
            id: id("o-1"),
            name: String::new(),
            pros: String::new(),
            cons: String::new(),
        }],
        chosen: None,
        why: String::new(),
    }];
    a.answers = vec![
        Answer {
            question: "budget".into(),
            section: SectionId::Goal,
            prompt: "What budget is there?".into(),
            value: String::new(),
        },
        Answer {
            question: "sponsor".into(),
            section: SectionId::Goal,
            prompt: "Who sponsors it?".into(),
            value: "My manager".into(),
        },
    ];
    a
}

/// Everything the summary says, one string.
fn summary_text(s: &summary::Summary) -> String {
    fn blocks(out: &mut String, bs: &[Block]) {
        for b in bs {
            match b {
                Block::Text { label, text } => {
                    out.push_str(&format!("{}: {text}\n", label.as_deref().unwrap_or("")));
                }
                Block::List { label, items } => {
                    out.push_str(&format!("{}:\n", label.unwrap_or("")));
                    for l in items {
                        out.push_str(&format!(
                            "- {} {} {}\n",
                            l.lead.as_deref().unwrap_or(""),
                            l.text,
                            l.extra.as_deref().unwrap_or("")
                        ));
                    }
                }
                Block::Group {
                    heading,
                    blocks: bs,
                } => {
                    out.push_str(&format!("{heading}\n"));
                    blocks(out, bs);
                }
            }
        }
    }
    let mut out = String::new();
    for sec in &s.sections {
        out.push_str(&format!("{}\n", sec.title));
        blocks(&mut out, &sec.blocks);
    }
    out
}

/// Nothing in the summary stands empty: no empty text, list, line or group.
fn assert_nothing_empty(s: &summary::Summary) {
    fn check(bs: &[Block]) {
        for b in bs {
            match b {
                Block::Text { text, .. } => assert!(!text.trim().is_empty(), "empty text"),
                Block::List { items, .. } => {
                    assert!(!items.is_empty(), "empty list");
                    for l in items {
                        assert!(
                            l.lead.as_deref().is_some_and(|s| !s.trim().is_empty())
                                || !l.text.trim().is_empty(),
                            "empty line {l:?}"
                        );
                        assert!(l.extra.as_deref().is_none_or(|e| !e.trim().is_empty()));
                    }
                }
                Block::Group { heading, blocks } => {
                    assert!(
                        !blocks.is_empty() || !heading.trim().is_empty(),
                        "empty group"
                    );
                    check(blocks);
                }
            }
        }
    }
    for sec in &s.sections {
        assert_eq!(sec.has_content, !sec.blocks.is_empty(), "{:?}", sec.id);
        check(&sec.blocks);
    }
}

/// Every way the alliance is handed over as text: the summary (the review), Markdown, the
/// email's HTML and plain text.
fn every_export(a: &Alliance) -> Vec<(&'static str, String)> {
    let s = summary::summarize(a);
    assert_nothing_empty(&s);
    vec![
        ("summary", summary_text(&s)),
        ("markdown", markdown::to_markdown(a, now())),
        ("html", email::to_html(a, now(), &Iso)),
        ("plain", email::to_plain_text(a, now(), &Iso)),
    ]
}

const PLACEHOLDERS: &[&str] = &[
    "(not filled in)",
    "not filled in",
    "Nothing yet",
    "Not set",
    "Not decided yet",
    ".;",
    ";;",
    ". .",
    "Person 1",
];

#[test]
fn a_half_filled_alliance_exports_what_was_written_and_nothing_else() {
    let a = half_filled();
    for (kind, text) in every_export(&a) {
        for bad in PLACEHOLDERS {
            assert!(!text.contains(bad), "{kind}: {bad:?} in\n{text}");
        }
        // Everything written is there.
        for written in [
            "Priya",
            "Jordan",
            "Coach",
            "Lead my first team with confidence.",
            "Both engineers stay.",
            // The measure's check and rhythm, joined by the one rule.
            "We look at my one-to-one notes together. Every two weeks",
            "Book a skip-level conversation.",
            "Email",
            "Every two weeks",
            "We name it in the next session.",
            "Delegation or stakeholders first?",
            "Who sponsors it?",
            "My manager",
        ] {
            // Markdown escapes a hyphen only at the start of a line.
            let words = text
                .replace("**", "")
                .replace("<strong>", "")
                .replace("</strong>", "");
            let found = words.contains(written);
            assert!(found, "{kind}: {written:?} missing from\n{text}");
        }
        // Unanswered labels and empty lists are left out, not announced.
        for left_out in [
            "Pain it relieves",
            "Why it matters",
            "Updates",
            "Milestones",
            "Permissions",
            "What budget is there?",
            "Next review",
            "Review rhythm",
            "()",
        ] {
            assert!(!text.contains(left_out), "{kind}: {left_out:?} in\n{text}");
        }
    }
    // Sections with nothing written are left out of the exports.
    let md = markdown::to_markdown(&a, now());
    let plain = email::to_plain_text(&a, now(), &Iso);
    let html = email::to_html(&a, now(), &Iso);
    for (section, shown) in [
        (SectionId::Goal, true),
        (SectionId::HardTimes, true),
        (SectionId::Decisions, true),
        (SectionId::Celebrations, false),
        (SectionId::NeedsAndOffers, false),
        (SectionId::Assumptions, false),
        (SectionId::KeepingAlive, false),
    ] {
        let title = content::section(section).title;
        assert_eq!(
            md.contains(&format!("\n## {title}\n")),
            shown,
            "{title}\n{md}"
        );
        assert_eq!(
            plain.contains(&format!("\n{title}\n")),
            shown,
            "{title}\n{plain}"
        );
        assert_eq!(
            html.contains(&format!("<h2>{title}</h2>")),
            shown,
            "{title}\n{html}"
        );
    }
    // The check-in says what was chosen and nothing else.
    assert_eq!(
        summary::check_in_text(&a.communication.check_in, &Iso),
        "Every two weeks"
    );
    // A commitment without a time has no empty brackets.
    assert!(
        md.contains("- **Priya**: Book a skip-level conversation.\n"),
        "{md}"
    );
}

#[test]
fn an_empty_alliance_exports_no_section_and_no_placeholder() {
    let a = Alliance::new(id("alliance-empty"), now());
    let s = summary::summarize(&a);
    assert!(s
        .sections
        .iter()
        .all(|sec| sec.blocks.is_empty() && !sec.has_content));
    for (kind, text) in every_export(&a) {
        for bad in PLACEHOLDERS {
            assert!(!text.contains(bad), "{kind}: {bad:?} in\n{text}");
        }
    }
    let md = markdown::to_markdown(&a, now());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings, ["# Untitled alliance", "## Agreement"], "{md}");
}

#[test]
fn a_full_alliance_still_exports_every_section_with_one_punctuation_rule() {
    let a = coaching_agreed();
    for (kind, text) in every_export(&a) {
        for bad in PLACEHOLDERS {
            assert!(!text.contains(bad), "{kind}: {bad:?} in\n{text}");
        }
        for joined in [
            "How we check: We look at my one-to-one notes together. Every two weeks",
            "We use it: Email. Session notes and anything that needs a written record.",
            "A periodic summary. A summary before each session.",
            "Delegation first. Nothing else goes well until I have more time.",
            "Every two weeks, starting 2026-12-01, at 08:30, 60 minutes. Video call, camera on.",
        ] {
            assert!(
                text.contains(joined),
                "{kind}: {joined:?} missing from\n{text}"
            );
        }
    }
    // The recap before agreeing follows the same rules: no empty brackets.
    let mut b = coaching();
    b.commitments[0].when = None;
    let recap = summary::recap(&b, &Iso);
    let all: Vec<&String> = recap.iter().flat_map(|(_, l)| l).collect();
    assert!(
        all.iter()
            .any(|l| l.as_str() == "Priya: Book a skip-level conversation with each team member."),
        "{all:?}"
    );
    assert!(all
        .iter()
        .all(|l| !l.contains("()") && !l.contains("Not set")));
}

// ---------------------------------------------------------------- the calendar

/// Europe/Madrid as a browser says it: +01:00, and +02:00 from the last Sunday of March at
/// 02:00 to the last Sunday of October at 03:00 (local time).
fn madrid_offset(d: Date, hour: u8) -> i32 {
    let last_sunday = |month: u8| {
        let last = Date::new(d.year(), month, 31).expect("31st");
        last.add_days(-((i64::from(last.weekday()) + 1) % 7))
    };
    let (spring, autumn) = (last_sunday(3), last_sunday(10));
    let after_spring = d > spring || (d == spring && hour >= 2);
    let before_autumn = d < autumn || (d == autumn && hour < 3);
    if after_spring && before_autumn {
        120
    } else {
        60
    }
}

const MADRID: Zone<'static> = Zone {
    name: "Europe/Madrid",
    offset: &madrid_offset,
};

fn parse(ics: &str) -> icalendar::Calendar {
    ics.parse::<icalendar::Calendar>()
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{ics}"))
}

/// The components of the parsed calendar (the typed calendar leaves time zones aside).
fn components(ics: &str) -> Vec<(String, Vec<(String, String)>)> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{ics}"));
    let mut out = Vec::new();
    fn walk(c: &icalendar::parser::Component, out: &mut Vec<(String, Vec<(String, String)>)>) {
        out.push((
            c.name.as_str().to_string(),
            c.properties
                .iter()
                .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
                .collect(),
        ));
        for inner in &c.components {
            walk(inner, out);
        }
    }
    for c in &cal.components {
        walk(c, &mut out);
    }
    out
}

/// "20261201", "20261201T083000 Europe/Madrid" or "20261201T073000Z".
fn start_of(e: &icalendar::Event) -> String {
    match e.get_start() {
        Some(DatePerhapsTime::Date(d)) => d.format("%Y%m%d").to_string(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            format!("{} {tzid}", date_time.format("%Y%m%dT%H%M%S"))
        }
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => {
            t.format("%Y%m%dT%H%M%SZ").to_string()
        }
        other => panic!("a start without a zone or a date: {other:?}"),
    }
}

#[test]
fn a_rhythm_without_a_first_date_is_no_event() {
    let mut a = Alliance::new(id("alliance-rhythm"), now());
    a.communication.check_in.rhythm = Some(Frequency::Fortnightly);
    a.communication.check_in.time = TimeOfDay::new(8, 30);
    a.communication.check_in.duration_minutes = Some(45);
    let ics = ics::to_ics_in(&a, now(), today(), &MADRID);
    let cal = parse(&ics);
    assert_eq!(cal.events().count(), 0, "{ics}");
    assert!(!ics.contains("RRULE"), "{ics}");
    assert!(
        !ics.contains("VTIMEZONE"),
        "no zone without a timed event: {ics}"
    );
    assert!(ics::events(&a, today()).is_empty());
    assert!(summary::next_dates(&a, today(), &Iso).is_empty());

    // With a commitment's date, that is the one event.
    a.commitments.push(Commitment {
        id: id("c-1"),
        owner: Owner::Everyone,
        what: "Send the plan".into(),
        when: Some(When::Date {
            date: date("2026-12-03"),
        }),
    });
    let cal = parse(&ics::to_ics_in(&a, now(), today(), &MADRID));
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].get_summary(), Some("Everyone: Send the plan"));
    assert_eq!(start_of(events[0]), "20261203");
    assert_eq!(events[0].property_value("RRULE"), None);
}

#[test]
fn a_timed_check_in_carries_its_time_zone_across_daylight_saving() {
    let a = coaching();
    let ics = ics::to_ics_in(&a, now(), today(), &MADRID);
    let cal = parse(&ics);
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 3, "{ics}");
    let summaries: Vec<_> = events
        .iter()
        .map(|e| e.get_summary().unwrap_or(""))
        .collect();
    assert_eq!(
        summaries,
        [
            "Check-in: Stepping into the team-lead role",
            // The parser keeps the escapes of TEXT values.
            "Priya: Book a skip-level conversation with each team member.",
            "Review our alliance: Stepping into the team-lead role",
        ]
    );
    let check_in = events[0];
    assert_eq!(start_of(check_in), "20261201T083000 Europe/Madrid");
    assert_eq!(
        check_in.property_value("RRULE"),
        Some("FREQ=WEEKLY;INTERVAL=2")
    );
    assert_eq!(check_in.property_value("DURATION"), Some("PT60M"));
    assert_eq!(start_of(events[1]), "20261215");
    assert_eq!(
        start_of(events[2]),
        "20270112",
        "the review is all day, as set"
    );
    assert_eq!(events[2].property_value("RRULE"), Some("FREQ=MONTHLY"));

    // The zone the check-in refers to is in the file, with its changes.
    let parts = components(&ics);
    let zone = parts
        .iter()
        .find(|(name, _)| name == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert!(zone.1.contains(&("TZID".into(), "Europe/Madrid".into())));
    let observances: Vec<(String, String, String, String)> = parts
        .iter()
        .filter(|(name, _)| name == "STANDARD" || name == "DAYLIGHT")
        .map(|(name, props)| {
            let get = |key: &str| {
                props
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            (
                name.clone(),
                get("DTSTART"),
                get("TZOFFSETFROM"),
                get("TZOFFSETTO"),
            )
        })
        .collect();
    let has = |kind: &str, start: &str, from: &str, to: &str| {
        observances.contains(&(kind.into(), start.into(), from.into(), to.into()))
    };
    assert!(
        has("STANDARD", "19700101T000000", "+0100", "+0100"),
        "{observances:?}"
    );
    assert!(
        has("STANDARD", "20261025T030000", "+0200", "+0100"),
        "{observances:?}"
    );
    assert!(
        has("DAYLIGHT", "20270328T020000", "+0100", "+0200"),
        "{observances:?}"
    );
    assert!(
        has("STANDARD", "20271031T030000", "+0200", "+0100"),
        "{observances:?}"
    );
    // Ten years of changes for a repeating check-in: two a year, from the first one's year.
    assert_eq!(observances.len(), 1 + 2 * 11, "{observances:?}");
    // The offset in effect at a local time: that of the last change before it. The first
    // check-in (1 December) is at 07:30 UTC; the one on 6 April 2027 at 06:30 UTC: both at
    // 08:30 in Madrid.
    let offset_at = |local: &str| {
        observances
            .iter()
            .filter(|(_, start, _, _)| start.as_str() <= local)
            .max_by(|x, y| x.1.cmp(&y.1))
            .map(|(_, _, _, to)| to.clone())
    };
    assert_eq!(offset_at("20261201T083000").as_deref(), Some("+0100"));
    assert_eq!(offset_at("20270406T083000").as_deref(), Some("+0200"));

    // A zone without changes has one observance, and a check-in without a length no DURATION.
    fn sao_paulo(_: Date, _: u8) -> i32 {
        -180
    }
    let mut b = coaching();
    b.communication.check_in.duration_minutes = None;
    b.communication.check_in.rhythm = None;
    let zone = Zone {
        name: "America/Sao_Paulo",
        offset: &sao_paulo,
    };
    let ics = ics::to_ics_in(&b, now(), today(), &zone);
    let cal = parse(&ics);
    let check_in = cal
        .events()
        .find(|e| e.get_summary().is_some_and(|s| s.starts_with("Check-in")))
        .expect("the check-in");
    assert_eq!(start_of(check_in), "20261201T083000 America/Sao_Paulo");
    assert_eq!(check_in.property_value("DURATION"), None);
    assert_eq!(check_in.property_value("RRULE"), None);
    let observances: Vec<_> = components(&ics)
        .into_iter()
        .filter(|(name, _)| name == "STANDARD" || name == "DAYLIGHT")
        .collect();
    assert_eq!(observances.len(), 1);
    assert!(observances[0]
        .1
        .contains(&("TZOFFSETTO".into(), "-0300".into())));
}

#[test]
fn only_dates_still_ahead_and_only_dates_chosen_are_in_the_calendar() {
    let mut a = coaching();
    // A commitment without words, and one with a date already past: neither is an event.
    a.commitments.push(Commitment {
        id: id("c-9"),
        owner: Owner::Everyone,
        what: "  ".into(),
        when: Some(When::Date {
            date: date("2026-12-20"),
        }),
    });
    a.commitments[0].when = Some(When::Date {
        date: date("2026-11-01"),
    });
    let kinds: Vec<EventKind> = ics::events(&a, today())
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, [EventKind::CheckIn, EventKind::Review]);
    let cal = parse(&ics::to_ics_in(&a, now(), today(), &MADRID));
    assert_eq!(cal.events().count(), 2);
    // An empty alliance: no events, a calendar still valid (the widget says so instead).
    let empty = Alliance::new(id("x"), now());
    let ics = ics::to_ics_in(&empty, now(), today(), &MADRID);
    assert_eq!(parse(&ics).events().count(), 0);
}

/// Alliances with every kind of date: set, unset, past, repeating or not.
fn with_dates() -> Vec<(Alliance, Date)> {
    let mut out = vec![
        (coaching(), today()),
        (coaching(), date("2027-01-01")),
        (coaching_agreed(), date("2027-06-30")),
        (half_filled(), today()),
        (Alliance::new(id("x"), now()), today()),
    ];
    let mut no_rhythm = coaching();
    no_rhythm.communication.check_in.rhythm = None;
    no_rhythm.keeping_alive.review_rhythm = None;
    out.push((no_rhythm.clone(), today()));
    out.push((no_rhythm, date("2027-02-01")));
    let mut untimed = coaching();
    untimed.communication.check_in.time = None;
    untimed.commitments[1].when = Some(When::Date {
        date: date("2026-12-01"),
    });
    out.push((untimed, today()));
    out
}

#[test]
fn the_next_dates_are_exactly_the_calendar_events() {
    for (a, day) in with_dates() {
        let next = summary::next_dates(&a, day, &Iso);
        let events = ics::events(&a, day);
        let ics = ics::to_ics_in(&a, now(), day, &MADRID);
        let cal = parse(&ics);
        let parsed: Vec<_> = cal.events().collect();
        assert_eq!(next.len(), parsed.len(), "{day}: {next:?}\n{ics}");
        assert_eq!(events.len(), parsed.len());
        for (((when, what), event), e) in next.iter().zip(&events).zip(&parsed) {
            // The same date: the event's next one.
            assert!(
                when.starts_with(&event.next.to_string()),
                "{when} {event:?}"
            );
            let start = start_of(e);
            assert!(
                start.starts_with(&event.start.compact()),
                "{start} {event:?}"
            );
            match &event.kind {
                EventKind::CheckIn => {
                    assert!(e.get_summary().is_some_and(|s| s.starts_with("Check-in")));
                    assert!(what.contains("check-in"), "{what}");
                }
                EventKind::Review => {
                    assert!(e.get_summary().is_some_and(|s| s.starts_with("Review")));
                    assert_eq!(what, text::export::next_review_of());
                }
                EventKind::Commitment { what: w, .. } => {
                    assert_eq!(what, w);
                    assert_eq!(e.get_summary(), Some(w.replace(',', "\\,").as_str()));
                }
            }
            // A repeating event says how; one that does not starts on its next date.
            match event.repeat {
                Some(_) => assert!(e.property_value("RRULE").is_some()),
                None => {
                    assert!(e.property_value("RRULE").is_none());
                    assert_eq!(event.next, event.start);
                }
            }
            assert!(event.next >= day);
        }
    }
}

#[test]
fn a_label_takes_a_colon_unless_it_ends_in_its_own_punctuation() {
    use designed_alliance::core::format::with_colon;
    assert_eq!(with_colon("Why it matters"), "Why it matters:");
    assert_eq!(
        with_colon("What gives you energy?"),
        "What gives you energy?"
    );
    assert_eq!(with_colon("Notes: "), "Notes:");
    assert_eq!(with_colon("¡Celebrate!"), "¡Celebrate!");
}

#[test]
fn a_removed_persons_needs_and_offers_are_still_in_the_summary_under_their_own_heading() {
    let mut a = coaching();
    let gone = a.parties[1].id.clone();
    let theirs: Vec<String> = a
        .needs_and_offers
        .iter()
        .filter(|n| n.party_id == gone && !n.text.trim().is_empty())
        .map(|n| n.text.trim().to_string())
        .collect();
    assert!(
        !theirs.is_empty(),
        "the example gives the second person needs or offers"
    );
    a.parties.remove(1);
    let s = summary::summarize(&a);
    let Some(section) = s
        .sections
        .iter()
        .find(|s| s.id == SectionId::NeedsAndOffers)
    else {
        panic!("the needs and offers are summarised");
    };
    let Some(Block::Group { heading, blocks }) = section.blocks.last() else {
        panic!("a group for the person no longer in the alliance");
    };
    assert_eq!(heading, text::missing_party());
    let Some(Block::List { items, .. }) = blocks.first() else {
        panic!("their needs and offers, as a list");
    };
    let listed: Vec<&str> = items.iter().map(|l| l.text.as_str()).collect();
    for t in &theirs {
        assert!(listed.contains(&t.as_str()), "{t:?} in {listed:?}");
    }
    // The people still in it keep their own groups, first.
    assert_eq!(
        section.blocks.len(),
        2,
        "the first person's group, then the one for who left"
    );
}

#[test]
fn the_relationship_note_is_shown_only_with_something_else_where_it_is_asked() {
    let mut a = coaching();
    a.relationship = Some(RelationshipKind::Other);
    a.relationship_note = "Peer mentoring".into();
    assert_eq!(
        summary::summarize(&a).relationship.as_deref(),
        Some(
            format!(
                "{} (Peer mentoring)",
                content::relationship_label(RelationshipKind::Other)
            )
            .as_str()
        )
    );
    a.relationship = Some(RelationshipKind::CoachAndClient);
    let s = summary::summarize(&a);
    assert_eq!(
        s.relationship.as_deref(),
        Some(content::relationship_label(
            RelationshipKind::CoachAndClient
        ))
    );
    let md = markdown::to_markdown(&a, now());
    assert!(!md.contains("Peer mentoring"), "{md}");
}
