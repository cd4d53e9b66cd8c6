//! The calendar file.

use super::*;

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
