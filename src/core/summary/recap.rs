//! The short recap of the essentials, and the next dates, as Finish shows them.

#[allow(unused_imports)]
use super::*;

/// What is being agreed, in a few lines: the essentials, and the names of the deeper sections
/// that hold anything. Shown before each person confirms.
pub fn recap(a: &Alliance, dates: &dyn Dates) -> Vec<(&'static str, Vec<String>)> {
    let filled = |s: &str| !s.trim().is_empty();
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut push = |label, lines: Vec<String>| {
        let lines: Vec<String> = lines.into_iter().filter(|l| filled(l)).collect();
        if !lines.is_empty() {
            out.push((label, lines));
        }
    };
    push(x::recap_goal(), vec![trimmed(&a.goal.what)]);
    push(x::why(), vec![trimmed(&a.goal.why)]);
    push(
        x::recap_measure(),
        a.progress
            .iter()
            .map(|m| match m.how_often {
                Some(f) if filled(&m.signal) => {
                    format!(
                        "{} ({})",
                        m.signal.trim(),
                        content::frequency_label(f).to_ascii_lowercase()
                    )
                }
                _ => trimmed(&m.signal),
            })
            .collect(),
    );
    push(
        x::recap_commitments(),
        a.commitments
            .iter()
            .filter(|c| filled(&c.what))
            .map(|c| format!("{}: {}", a.owner_label(&c.owner), commitment_text(c, dates)))
            .collect(),
    );
    let comm = &a.communication;
    let used: Vec<String> = comm
        .channels
        .iter()
        .filter(|c| c.usage == ChannelUsage::Use && filled(&c.name))
        .map(|c| trimmed(&c.name))
        .collect();
    push(
        x::recap_communicate(),
        vec![
            {
                let check_in = check_in_text(&comm.check_in, dates);
                if check_in.is_empty() {
                    check_in
                } else {
                    format!("{}: {check_in}", x::check_in())
                }
            },
            if used.is_empty() {
                String::new()
            } else {
                format!("{}: {}", x::channels(), used.join(", "))
            },
            if filled(&comm.raising_problems) {
                format!(
                    "{}: {}",
                    x::raising_problems(),
                    comm.raising_problems.trim()
                )
            } else {
                String::new()
            },
        ],
    );
    push(x::recap_celebrate(), vec![trimmed(&a.celebrations.goal)]);
    // The deeper sections with anything written in them, as the exports hold them.
    let deeper: Vec<&str> = summarize_with(a, dates)
        .sections
        .iter()
        .filter(|s| content::section_is_optional(s.id) && s.has_content)
        .map(|s| content::section(s.id).title)
        .collect();
    push(x::recap_deeper(), vec![deeper.join(", ")]);
    out
}

/// The next dates to keep, from `today` on: exactly the events of the calendar file
/// ([`crate::core::ics::events`]), each at its next date, soonest first. Each is (when, what).
pub fn next_dates(a: &Alliance, today: Date, dates: &dyn Dates) -> Vec<(String, String)> {
    crate::core::ics::events(a, today)
        .into_iter()
        .map(|e| {
            let when = match e.time {
                Some(t) => format!("{}, {}", dates.date(e.next), dates.time(t)),
                None => dates.date(e.next),
            };
            let what = match e.kind {
                // The first check-in while it is ahead and none was held; after it, the next
                // one in the rhythm.
                crate::core::ics::EventKind::CheckIn
                    if e.next == e.start && a.check_ins.is_empty() =>
                {
                    x::first_check_in().to_string()
                }
                crate::core::ics::EventKind::CheckIn => x::next_check_in().to_string(),
                crate::core::ics::EventKind::Review => x::next_review_of().to_string(),
                crate::core::ics::EventKind::Commitment { what, .. } => what,
            };
            (when, what)
        })
        .collect()
}
