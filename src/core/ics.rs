//! Calendar export (iCalendar, RFC 5545): only dates a person chose. The next review (repeating
//! at the review rhythm), the check-in from its first date, or once one is held, from the
//! next one after it (repeating at its rhythm; a rhythm with neither is no event), and every commitment with a date; each only while it, or
//! a repetition of it, is still ahead. [`events`] lists them, for the file and for Finish's
//! "Your next dates" alike.
//!
//! A check-in with a time is written in the person's time zone: `DTSTART;TZID=…` with a
//! `VTIMEZONE` built from the offsets the browser gives for each day (its changes found day by
//! day, then hour by hour), so a repeating check-in stays at the same local hour across
//! daylight-saving changes. All-day events have no time zone.

use super::date::{Date, TimeOfDay, Timestamp};
pub use super::living::next_occurrence;
use super::model::*;
use super::text::{self, export as t};

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
/// Other control characters are not allowed in TEXT and are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line into lines of at most 75 octets (RFC 5545 §3.1), never splitting a
/// UTF-8 character; continuation lines start with a space. Each line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn rrule(f: Frequency) -> &'static str {
    match f {
        Frequency::Daily => "FREQ=DAILY",
        Frequency::Weekly => "FREQ=WEEKLY",
        Frequency::Fortnightly => "FREQ=WEEKLY;INTERVAL=2",
        Frequency::Monthly => "FREQ=MONTHLY",
        Frequency::Quarterly => "FREQ=MONTHLY;INTERVAL=3",
        Frequency::TwiceAYear => "FREQ=MONTHLY;INTERVAL=6",
        Frequency::Yearly => "FREQ=YEARLY",
    }
}

/// What an event of the calendar is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// The check-in, from its first date.
    CheckIn,
    /// The next review of the alliance.
    Review,
    /// A commitment with a date: its id, and "Priya: Book a skip-level conversation."
    Commitment { id: Id, what: String },
}

/// One event of the calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    /// Its date (the first of a series).
    pub start: Date,
    /// Its local time; all day without one.
    pub time: Option<TimeOfDay>,
    /// How long it lasts, when that was chosen (timed events only).
    pub minutes: Option<u16>,
    pub repeat: Option<Frequency>,
    /// The first time it happens on or after the day asked about.
    pub next: Date,
}

/// Every event the calendar file holds, with its next date on or after `today`, soonest first
/// (on the same day: the check-in, the review, then commitments in their order). Only dates a
/// person chose, and only while they, or a repetition of them, are still ahead.
pub fn events(a: &Alliance, today: Date) -> Vec<Event> {
    let next = |start: Date, repeat: Option<Frequency>| match repeat {
        Some(rhythm) => next_occurrence(start, rhythm, today),
        None => (start >= today).then_some(start),
    };
    let mut out = Vec::new();
    let ci = &a.communication.check_in;
    // The first date until a check-in is held; then from the last one held, at its rhythm.
    if let Some(start) = super::living::next_check_in(a) {
        if let Some(n) = next(start, ci.rhythm) {
            out.push(Event {
                kind: EventKind::CheckIn,
                start,
                time: ci.time,
                minutes: ci.time.and(ci.duration_minutes),
                repeat: ci.rhythm,
                next: n,
            });
        }
    }
    let k = &a.keeping_alive;
    if let Some(start) = k.next_review {
        if let Some(n) = next(start, k.review_rhythm) {
            out.push(Event {
                kind: EventKind::Review,
                start,
                time: None,
                minutes: None,
                repeat: k.review_rhythm,
                next: n,
            });
        }
    }
    for c in &a.commitments {
        if let Some(When::Date { date }) = c.when {
            if date >= today && !c.what.trim().is_empty() {
                out.push(Event {
                    kind: EventKind::Commitment {
                        id: c.id.clone(),
                        what: t::commitment_event(&a.owner_label(&c.owner), c.what.trim()),
                    },
                    start: date,
                    time: None,
                    minutes: None,
                    repeat: None,
                    next: date,
                });
            }
        }
    }
    // Stable: on the same day, the order above stays.
    out.sort_by_key(|e| e.next);
    out
}

/// The person's time zone, as the calendar file needs it.
pub struct Zone<'a> {
    /// Its name: the IANA name where the browser says it ("Europe/Madrid").
    pub name: &'a str,
    /// The offset from UTC, in minutes east ("+01:00" is 60), in effect at a local date and
    /// hour. For an hour that does not exist or happens twice on a change, either offset.
    pub offset: &'a dyn Fn(Date, u8) -> i32,
}

fn no_offset(_: Date, _: u8) -> i32 {
    0
}

impl Zone<'static> {
    /// Coordinated Universal Time.
    pub const UTC: Zone<'static> = Zone {
        name: "UTC",
        offset: &no_offset,
    };
}

/// "+0100", "-0330": an offset as `TZOFFSETFROM` and `TZOFFSETTO` write it.
fn offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60 % 100, m % 60)
}

/// A `TZID` parameter's value: the name without the characters a parameter cannot hold.
fn zone_id(name: &str) -> String {
    let id: String = name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | ':' | ','))
        .collect();
    if id.trim().is_empty() {
        "UTC".to_string()
    } else {
        id.trim().to_string()
    }
}

/// The changes of offset of `zone` in the years `from` to `to`: (local date and hour at which
/// it changes, in the offset before; offset before; offset after).
fn changes(zone: &Zone, from: i32, to: i32) -> Vec<(Date, u8, i32, i32)> {
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (Date::new(from, 1, 1), Date::new(to, 12, 31)) else {
        return out;
    };
    let mut day = first;
    let mut before = (zone.offset)(day, 12);
    while day < last {
        let next = day.add_days(1);
        let after = (zone.offset)(next, 12);
        if after != before {
            // The hour it changes at: the first from noon to noon whose offset differs.
            let hours = (13..24)
                .map(|h| (day, h))
                .chain((0..=12).map(|h| (next, h)));
            let mut at = (next, 12);
            for (d, h) in hours {
                if (zone.offset)(d, h) != before {
                    at = (d, h);
                    break;
                }
            }
            out.push((at.0, at.1, before, after));
            before = after;
        }
        day = next;
    }
    out
}

struct Calendar {
    out: String,
    stamp: String,
}

impl Calendar {
    fn line(&mut self, name: &str, value: &str) {
        self.out.push_str(&fold(&format!("{name}:{value}")));
    }

    /// The time zone of timed events: its offset when the range begins, then each change.
    fn timezone(&mut self, zone: &Zone, id: &str, from: i32, to: i32) {
        self.line("BEGIN", "VTIMEZONE");
        self.line("TZID", id);
        let at_start = Date::new(from, 1, 1).map_or(0, |d| (zone.offset)(d, 0));
        let mut observance = |kind: &str, start: String, before: i32, after: i32| {
            self.line("BEGIN", kind);
            self.line("DTSTART", &start);
            self.line("TZOFFSETFROM", &offset_text(before));
            self.line("TZOFFSETTO", &offset_text(after));
            self.line("END", kind);
        };
        observance("STANDARD", "19700101T000000".into(), at_start, at_start);
        for (date, hour, before, after) in changes(zone, from, to) {
            // Clocks put forward: daylight time begins; back: standard time.
            let kind = if after > before {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            observance(
                kind,
                format!("{}T{hour:02}0000", date.compact()),
                before,
                after,
            );
        }
        self.line("END", "VTIMEZONE");
    }

    fn event(&mut self, uid: &str, e: &Event, zone: &str, summary: &str, description: &str) {
        self.line("BEGIN", "VEVENT");
        self.line("UID", uid);
        let stamp = self.stamp.clone();
        self.line("DTSTAMP", &stamp);
        match e.time {
            Some(time) => {
                self.line(
                    &format!("DTSTART;TZID={zone}"),
                    &format!(
                        "{}T{:02}{:02}00",
                        e.start.compact(),
                        time.hour(),
                        time.minute()
                    ),
                );
                // Only a length that was chosen; without one the event is a moment.
                if let Some(m) = e.minutes {
                    self.line("DURATION", &format!("PT{}M", m.max(1)));
                }
            }
            None => {
                self.line("DTSTART;VALUE=DATE", &e.start.compact());
                self.line("DTEND;VALUE=DATE", &e.start.add_days(1).compact());
            }
        }
        if let Some(f) = e.repeat {
            self.line("RRULE", rrule(f));
        }
        self.line("SUMMARY", &escape_text(summary));
        if !description.trim().is_empty() {
            self.line("DESCRIPTION", &escape_text(description.trim()));
        }
        if e.time.is_none() {
            self.line("TRANSP", "TRANSPARENT");
        }
        self.line("END", "VEVENT");
    }
}

/// Writes the calendar file as of `now` (the DTSTAMP and today, in UTC), times in UTC.
pub fn to_ics(a: &Alliance, now: Timestamp) -> String {
    to_ics_in(a, now, now.date(), &Zone::UTC)
}

/// Writes the calendar file: the [`events`] ahead of `today`, times in `zone`. `now` is the
/// DTSTAMP. With no events, a valid calendar with none (the widget says so instead).
pub fn to_ics_in(a: &Alliance, now: Timestamp, today: Date, zone: &Zone) -> String {
    let title = if a.title.trim().is_empty() {
        text::untitled()
    } else {
        a.title.trim()
    };
    let mut cal = Calendar {
        out: String::new(),
        stamp: now.compact(),
    };
    cal.line("BEGIN", "VCALENDAR");
    cal.line("VERSION", "2.0");
    cal.line(
        "PRODID",
        "-//Designed Alliance//Designed Alliance widget//EN",
    );
    cal.line("CALSCALE", "GREGORIAN");
    cal.line("METHOD", "PUBLISH");
    cal.line("X-WR-CALNAME", &escape_text(title));

    let events = events(a, today);
    let id = zone_id(zone.name);
    // The years a timed event's repetitions need: ten from its start, or from today.
    if let Some(e) = events.iter().find(|e| e.time.is_some()) {
        let from = e.start.year();
        let to = if e.repeat.is_some() {
            from.max(today.year()).saturating_add(10)
        } else {
            from
        };
        cal.timezone(zone, &id, from, to);
    }
    let uid = |what: &str| format!("{}-{what}@designed-alliance", a.id);
    let ci = &a.communication.check_in;
    for e in &events {
        match &e.kind {
            EventKind::CheckIn => cal.event(
                &uid("check-in"),
                e,
                &id,
                &t::check_in_event(title),
                &ci.format,
            ),
            EventKind::Review => cal.event(
                &uid("review"),
                e,
                &id,
                &t::review_event(title),
                &a.goal.what,
            ),
            EventKind::Commitment { id: cid, what } => {
                cal.event(&uid(cid.as_str()), e, &id, what, title);
            }
        }
    }
    cal.line("END", "VCALENDAR");
    cal.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(
            escape_text("one\r\ntwo\nthree\rfour"),
            r"one\ntwo\nthree\nfour"
        );
        assert_eq!(escape_text("bell\u{7}tab\t"), "belltab\t");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let folded = fold(&format!("SUMMARY:{}", "é".repeat(100)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(100)));
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
    }
}
