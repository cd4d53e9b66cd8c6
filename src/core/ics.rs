//! Calendar export (iCalendar, RFC 5545): the next review (repeating at the review rhythm),
//! the check-in rhythm as a repeating event, and every commitment with a date.

use super::date::{Date, Timestamp};
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

struct Calendar {
    out: String,
    stamp: String,
}

impl Calendar {
    fn line(&mut self, name: &str, value: &str) {
        self.out.push_str(&fold(&format!("{name}:{value}")));
    }

    fn all_day(
        &mut self,
        uid: &str,
        date: Date,
        summary: &str,
        description: &str,
        repeat: Option<Frequency>,
    ) {
        self.line("BEGIN", "VEVENT");
        self.line("UID", uid);
        let stamp = self.stamp.clone();
        self.line("DTSTAMP", &stamp);
        self.line("DTSTART;VALUE=DATE", &date.compact());
        self.line("DTEND;VALUE=DATE", &date.add_days(1).compact());
        if let Some(f) = repeat {
            self.line("RRULE", rrule(f));
        }
        self.line("SUMMARY", &escape_text(summary));
        if !description.trim().is_empty() {
            self.line("DESCRIPTION", &escape_text(description));
        }
        self.line("TRANSP", "TRANSPARENT");
        self.line("END", "VEVENT");
    }
}

/// Writes the calendar file. `now` is the DTSTAMP, and the first check-in when none is set.
pub fn to_ics(a: &Alliance, now: Timestamp) -> String {
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

    let uid = |what: &str| format!("{}-{what}@designed-alliance", a.id);
    if let Some(date) = a.keeping_alive.next_review {
        cal.all_day(
            &uid("review"),
            date,
            &t::review_event(title),
            &a.goal.what,
            a.keeping_alive.review_rhythm,
        );
    }

    let ci = &a.communication.check_in;
    if let Some(rhythm) = ci.rhythm {
        let first = ci.first_on.unwrap_or_else(|| now.date());
        let summary = t::check_in_event(title);
        match ci.time {
            Some(time) => {
                cal.line("BEGIN", "VEVENT");
                cal.line("UID", &uid("check-in"));
                let stamp = cal.stamp.clone();
                cal.line("DTSTAMP", &stamp);
                // Floating local time: the check-in happens at this hour wherever they are.
                cal.line(
                    "DTSTART",
                    &format!(
                        "{}T{:02}{:02}00",
                        first.compact(),
                        time.hour(),
                        time.minute()
                    ),
                );
                cal.line(
                    "DURATION",
                    &format!("PT{}M", ci.duration_minutes.unwrap_or(30).max(1)),
                );
                cal.line("RRULE", rrule(rhythm));
                cal.line("SUMMARY", &escape_text(&summary));
                if !ci.format.trim().is_empty() {
                    cal.line("DESCRIPTION", &escape_text(&ci.format));
                }
                cal.line("END", "VEVENT");
            }
            None => cal.all_day(&uid("check-in"), first, &summary, &ci.format, Some(rhythm)),
        }
    }

    for c in &a.commitments {
        if let Some(When::Date { date }) = &c.when {
            let summary = t::commitment_event(&a.owner_label(&c.owner), c.what.trim());
            cal.all_day(
                &format!("{}-{}@designed-alliance", a.id, c.id),
                *date,
                &summary,
                title,
                None,
            );
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
