//! The email to the coach: what it says, and a mail link that stays within what email apps
//! take (the share link when it fits, else the file attached).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::coaching;
use designed_alliance::core::coach::{self, Letter, MAX_MAIL_LINK};
use designed_alliance::core::summary;

fn letter_for(link: Option<&str>) -> Letter {
    let a = coaching();
    let s = summary::summarize(&a);
    coach::letter(
        &s,
        "Jordan",
        "jordan@example.com",
        "Priya, Jordan",
        link,
        (
            "stepping-into-the-team-lead-role-2026-12-07.json",
            "https://coach.example/form/",
        ),
    )
}

#[test]
fn a_short_link_goes_in_the_email_with_a_summary_of_the_essentials() {
    let link = "https://coach.example/form/#alliance-v1=eJwLyUgtSgUABsgCHQ";
    let l = letter_for(Some(link));
    assert_eq!(l.link_left_out, None);
    assert!(l.mailto.len() <= MAX_MAIL_LINK, "{}", l.mailto.len());
    assert_eq!(
        l.subject,
        "Our designed alliance: Stepping into the team-lead role"
    );
    assert!(l.body.starts_with("Hello Jordan,\n\n"));
    assert!(l.body.contains("Between: Priya, Jordan."));
    assert!(l.body.contains(link));
    // The essentials only, and only what is written.
    assert!(l.body.contains("THE GOAL"), "{}", l.body);
    assert!(!l.body.contains("(not filled in)"));
    assert!(!l.body.contains("NEEDS AND OFFERS"));
    assert!(l
        .mailto
        .starts_with("mailto:jordan@example.com?subject=Our%20designed%20alliance"));
}

#[test]
fn a_link_too_long_for_a_mail_link_is_left_out_and_the_file_attached() {
    let link = format!("https://coach.example/#alliance-v1={}", "A".repeat(4000));
    let l = letter_for(Some(&link));
    let with_link = l.link_left_out.expect("the link is left out");
    assert!(with_link > MAX_MAIL_LINK);
    assert!(l.mailto.len() <= MAX_MAIL_LINK);
    assert!(!l.body.contains("alliance-v1"));
    assert!(l.body.contains(
        "Everything we wrote is in the attached file, stepping-into-the-team-lead-role-2026-12-07.json. \
         To see it in the form, open https://coach.example/form/ and choose “Open a file…”."
    ));
    // No link could be made at all: the file, and no length to tell.
    let none = letter_for(None);
    assert_eq!(none.link_left_out, None);
    assert!(none.body.contains("attached file"));
}

#[test]
fn a_link_that_fits_only_with_a_shorter_summary_keeps_the_link() {
    // About 1,100 characters of link: the summary is shortened, line by whole line, so the
    // link stays, and it says so.
    let link = format!("https://coach.example/#alliance-v1={}", "A".repeat(1100));
    let l = letter_for(Some(&link));
    assert_eq!(l.link_left_out, None);
    assert!(l.body.contains(&link));
    assert!(l.mailto.len() <= MAX_MAIL_LINK);
    assert!(
        l.body
            .contains("Shortened to fit in an email: everything is in the link below."),
        "{}",
        l.body
    );
    // Whole lines only: every line of the summary is one of the full summary's.
    let full = letter_for(Some("https://coach.example/#alliance-v1=A"));
    for line in l.body.lines().filter(|x| x.starts_with('\u{2022}')) {
        assert!(full.body.lines().any(|f| f == line), "{line}");
    }
}

#[test]
fn the_desk_says_whether_a_version_received_is_new_the_same_or_changed_since() {
    use designed_alliance::core::desk::{self, Against, Desk};
    use designed_alliance::core::Timestamp;
    let mine = coaching();
    let mut desk = Desk::default();
    assert_eq!(desk::against(&desk, None, &mine), Against::New);
    // Saved again later, nothing else changed: the same.
    let mut resaved = mine.clone();
    resaved.updated_at = Timestamp::from_unix_seconds(mine.updated_at.unix_seconds() + 60);
    assert_eq!(
        desk::against(&desk, Some(&mine), &resaved),
        Against::Same(None)
    );
    let at = Timestamp::from_unix_seconds(1_800_000_000);
    desk.received(&mine.id, at);
    let mut changed = mine.clone();
    changed.goal.why = "Another reason.".into();
    assert_eq!(
        desk::against(&desk, Some(&mine), &changed),
        Against::Changed(Some(at))
    );
    // Grouped by the people, whatever their order or case.
    let (key, names) = desk::people(&mine);
    let mut other = mine.clone();
    other.parties.reverse();
    other.parties[0].name = other.parties[0].name.to_uppercase();
    assert_eq!(desk::people(&other).0, key);
    assert_eq!(names, "Priya, Jordan");
}
