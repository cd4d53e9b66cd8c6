//! Markdown.

use super::*;

/// Dates written in a way no ISO date looks like, to see that every date goes through it.
struct Spelled;

impl date::Dates for Spelled {
    fn date(&self, d: Date) -> String {
        format!("day {} of month {} in {}", d.day(), d.month(), d.year())
    }
    fn time(&self, t: TimeOfDay) -> String {
        format!("{} hours {}", t.hour(), t.minute())
    }
}

#[test]
fn the_recap_names_the_essentials_and_what_went_deeper() {
    let a = coaching_agreed();
    let recap = summary::recap(&a, &Spelled);
    let labels: Vec<&str> = recap.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        [
            text::export::recap_goal(),
            text::export::why(),
            text::export::recap_measure(),
            text::export::recap_commitments(),
            text::export::recap_communicate(),
            text::export::recap_celebrate(),
            text::export::recap_deeper(),
        ]
    );
    let all = recap
        .iter()
        .flat_map(|(_, lines)| lines.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("Priya: Book a skip-level conversation with each team member. (by day 15 of month 12 in 2026)"), "{all}");
    assert!(all.contains("Channels: Email"), "{all}");
    assert!(
        !all.contains("Messages outside working hours"),
        "avoided channels are not recapped as used: {all}"
    );
    assert!(
        all.contains(content::section(SectionId::NeedsAndOffers).title),
        "{all}"
    );

    // Nothing filled in: nothing to recap, and no empty lines.
    let empty = Alliance::new(id("alliance-empty"), now());
    assert!(summary::recap(&empty, &Spelled).is_empty());
}

#[test]
fn the_next_dates_are_the_ones_still_ahead_soonest_first() {
    let mut a = coaching_agreed();
    a.keeping_alive.next_review = Some(date("2027-03-01"));
    let dates = summary::next_dates(&a, date("2026-12-01"), &Spelled);
    assert_eq!(
        dates,
        [
            (
                "day 1 of month 12 in 2026, 8 hours 30".to_string(),
                text::export::first_check_in().to_string()
            ),
            (
                "day 15 of month 12 in 2026".to_string(),
                "Priya: Book a skip-level conversation with each team member.".to_string()
            ),
            (
                "day 1 of month 3 in 2027".to_string(),
                text::export::next_review_of().to_string()
            ),
        ]
    );
    // Past dates are not next dates; once the first check-in is past, the next one in the
    // rhythm (fortnightly from 1 December) is.
    let later = summary::next_dates(&a, date("2027-01-01"), &Spelled);
    assert_eq!(
        later,
        [
            (
                "day 12 of month 1 in 2027, 8 hours 30".to_string(),
                text::export::next_check_in().to_string()
            ),
            (
                "day 1 of month 3 in 2027".to_string(),
                text::export::next_review_of().to_string()
            ),
        ]
    );
    // Without a rhythm, a past first check-in has no next one.
    a.communication.check_in.rhythm = None;
    assert_eq!(
        summary::next_dates(&a, date("2027-01-01"), &Spelled).len(),
        1
    );
}

#[test]
fn the_next_check_in_follows_the_rhythm_as_a_calendar_does() {
    use designed_alliance::core::model::Frequency::*;
    let next = |first: &str, rhythm, today: &str| {
        ics::next_occurrence(date(first), rhythm, date(today)).map(|d| d.to_string())
    };
    let some = |d: &str| Some(d.to_string());
    // Ahead, or today: the first one itself.
    assert_eq!(next("2026-12-09", Weekly, "2026-12-01"), some("2026-12-09"));
    assert_eq!(next("2026-12-01", Weekly, "2026-12-01"), some("2026-12-01"));
    assert_eq!(next("2026-11-26", Daily, "2026-12-01"), some("2026-12-01"));
    assert_eq!(next("2026-11-26", Weekly, "2026-12-01"), some("2026-12-03"));
    assert_eq!(
        next("2026-11-26", Fortnightly, "2026-12-01"),
        some("2026-12-10")
    );
    assert_eq!(
        next("2026-11-26", Fortnightly, "2026-12-10"),
        some("2026-12-10")
    );
    assert_eq!(
        next("2026-11-26", Monthly, "2026-12-01"),
        some("2026-12-26")
    );
    // The 31st skips the months without one.
    assert_eq!(
        next("2026-08-31", Monthly, "2026-10-01"),
        some("2026-10-31")
    );
    assert_eq!(
        next("2026-08-31", Monthly, "2026-11-01"),
        some("2026-12-31")
    );
    assert_eq!(
        next("2026-01-15", Quarterly, "2026-12-01"),
        some("2027-01-15")
    );
    assert_eq!(
        next("2025-06-01", TwiceAYear, "2026-12-01"),
        some("2026-12-01")
    );
    assert_eq!(next("2020-01-10", Yearly, "2026-12-01"), some("2027-01-10"));
    // 29 February comes back in a leap year.
    assert_eq!(next("2024-02-29", Yearly, "2024-03-01"), some("2028-02-29"));
}

#[test]
fn every_date_a_person_reads_goes_through_their_locale() {
    let mut a = coaching_agreed();
    a.communication.check_in.first_on = Some(date("2026-12-01"));
    for text in [
        markdown::to_markdown_with(&a, now(), &Spelled),
        email::to_plain_text(&a, now(), &Spelled),
        email::to_html(&a, now(), &Spelled),
    ] {
        assert!(text.contains("day 1 of month 12 in 2026"), "{text}");
        assert!(text.contains("8 hours 30"), "{text}");
        let iso = text
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .any(|w| Date::parse(w).is_some());
        assert!(!iso, "no ISO date left: {text}");
    }
}

#[test]
fn copy_for_email_is_formatted_or_plain_with_no_markup_symbols() {
    let mut a = coaching();
    a.goal.what = "Lead with <b>care</b> & *courage*".into();
    let plain = email::to_plain_text(&a, now(), &date::Iso);
    assert!(
        plain.contains("Lead with <b>care</b> & *courage*"),
        "typed text as typed"
    );
    for symbol in ["**", "##", "\\"] {
        assert!(!plain.contains(symbol), "{symbol:?} in {plain}");
    }
    assert!(plain.starts_with("Stepping into the team-lead role\n"));
    // Headings as written, underlined: capitals are not the same in every language.
    assert!(plain.contains("\nThe goal\n────────\n"), "{plain}");
    let html = email::to_html(&a, now(), &date::Iso);
    assert!(html.contains("<h1>Stepping into the team-lead role</h1>"));
    assert!(
        html.contains("Lead with &lt;b&gt;care&lt;/b&gt; &amp; *courage*"),
        "{html}"
    );
    assert!(
        !html.contains("<b>care"),
        "typed markup never becomes markup"
    );
    assert!(html.contains("<h2>The goal</h2>"));
}

#[test]
fn options_say_for_and_against_on_lines_of_their_own() {
    let s = summary::summarize(&coaching());
    let decisions = s
        .sections
        .iter()
        .find(|sec| sec.id == SectionId::Decisions)
        .expect("decisions");
    fn lines<'a>(blocks: &'a [summary::Block], out: &mut Vec<&'a summary::Line>) {
        for b in blocks {
            match b {
                summary::Block::List { items, .. } => out.extend(items),
                summary::Block::Group { blocks, .. } => lines(blocks, out),
                summary::Block::Text { .. } => {}
            }
        }
    }
    let mut options = Vec::new();
    lines(&decisions.blocks, &mut options);
    let both = options
        .iter()
        .find(|l| !l.text.is_empty() && l.extra.is_some())
        .expect("an option with both");
    assert!(both.text.starts_with("For: "), "{}", both.text);
    assert!(both.extra.as_deref().unwrap_or("").starts_with("Against: "));
    assert!(!both.text.contains(';'));
}

#[test]
fn markdown_summarises_every_section() {
    let md = markdown::to_markdown(&coaching_agreed(), now());
    assert!(md.starts_with("# Stepping into the team-lead role\n"));
    for heading in [
        "## People",
        "## The goal",
        "## How we will measure it",
        "## Who does what, and when",
        "## How we will communicate",
        "## How we will celebrate",
        "## Needs and offers",
        "## Busting assumptions",
        "## When it gets hard",
        "## Trade-offs and decisions",
        "## Keeping it alive",
        "## Agreement",
    ] {
        assert!(
            md.contains(&format!("\n{heading}\n")),
            "missing {heading}\n{md}"
        );
    }
    assert!(md.contains("**Status:** Agreed"));
    assert!(
        md.contains("- **Priya**: Book a skip\\-level")
            || md.contains("- **Priya**: Book a skip-level"),
        "{md}"
    );
    assert!(md.contains("(by 2026-12-15)"));
    assert!(md.contains("- Priya agreed on 2026-11-20"));
    assert!(md.contains("**Chosen:** Delegation first"));
}

/// Every `c` in `line` is preceded by a backslash.
fn all_escaped(line: &str, c: char) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .iter()
        .enumerate()
        .all(|(i, x)| *x != c || (i > 0 && chars[i - 1] == '\\'))
}

#[test]
fn typed_text_cannot_break_the_markdown_structure() {
    let mut a = coaching();
    let hostile = "# Heading\n- list\n1. ordered\n> quote\n```\ncode\n```\n<script>alert(1)</script>\n[link](javascript:alert(1))\n| a | b |\n---\n    indented code";
    a.goal.what = hostile.into();
    a.parties[0].name = "## Priya".into();
    a.commitments[0].what = hostile.into();
    a.title = "Title\n# second heading".into();
    let md = markdown::to_markdown(&a, now());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Title \\# second heading",
            "## People",
            "## The goal",
            "## How we will measure it",
            "## Who does what, and when",
            "## How we will communicate",
            "## How we will celebrate",
            "## Needs and offers",
            "### \\## Priya",
            "### Jordan",
            "## Busting assumptions",
            "## When it gets hard",
            "## Trade-offs and decisions",
            "### Focus on delegation or on stakeholders first?",
            "## Keeping it alive",
            "## Agreement",
        ],
        "only our own headings"
    );
    for line in md.lines() {
        assert!(
            !line.starts_with("```"),
            "no code fence from user text: {line}"
        );
        assert!(
            !line.starts_with("    "),
            "no indented code block: {line:?}"
        );
        assert!(!line.starts_with('>'), "no block quote: {line}");
        assert!(!line.starts_with("1."), "no ordered list: {line}");
        assert!(all_escaped(line, '<'), "no raw HTML: {line}");
        assert!(all_escaped(line, '['), "no link: {line}");
        assert!(all_escaped(line, ']'), "no link: {line}");
    }
    assert_eq!(
        md.lines().filter(|l| *l == "---").count(),
        1,
        "only our own rule"
    );
}
