//! Rules for writing what people typed into a document: parts joined into one line, labels
//! before what they label, file names from a title.

use super::date::Date;

/// Parts of one entry joined into one line, by the one rule every export and the review use
/// (a measure's "how we check" and rhythm, a channel and its purpose, a check-in and its
/// format, a choice and why):
/// - each part is trimmed, and an empty part is left out (with what would have separated it);
/// - between two parts goes ". " (the part before ends a sentence), or only a space when the
///   part before already ends in punctuation (`.` `!` `?` `…` `:` `;` `,`, also just before a
///   closing quote or bracket), and nothing when the part after starts with its own
///   punctuation, so no ".;", ". ." or ";;" comes from joining;
/// - nothing is capitalised, and nothing is added after the last part.
///
/// "We look at my notes together." + "Every two weeks" reads "We look at my notes together.
/// Every two weeks"; "Email" + "Session notes" reads "Email. Session notes".
pub fn join_parts(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        // A part that starts with its own punctuation ("; weekly") brings its separator.
        let punctuated = part.starts_with(['.', '!', '?', '\u{2026}', ':', ';', ',']);
        if !out.is_empty() && !punctuated {
            let last = out.chars().rev().find(|c| {
                !matches!(
                    c,
                    '"' | '\'' | ')' | ']' | '\u{bb}' | '\u{2019}' | '\u{201d}'
                )
            });
            if !matches!(last, Some('.' | '!' | '?' | '\u{2026}' | ':' | ';' | ',')) {
                out.push('.');
            }
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// A label as it leads what it labels: with a colon, unless it already ends in its own
/// punctuation (a coach's "What gives you energy?" stays as it is, never "energy?:").
pub fn with_colon(label: &str) -> String {
    let label = label.trim_end();
    if label.ends_with(['?', '!', ':', '.', '\u{2026}']) {
        label.to_string()
    } else {
        format!("{label}:")
    }
}

/// Whether `c` belongs in a file name's word: ASCII letters and digits, and characters beyond
/// ASCII except spaces and the punctuation and symbol blocks (Latin-1's, General Punctuation,
/// CJK's). Without Unicode's letter tables, which cost the widget more than they give here.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || !(c.is_ascii()
            || c.is_whitespace()
            || matches!(c, '\u{a0}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff0f}'))
}

/// A file name from a title and a date: lower case, words joined by '-', safe everywhere.
pub fn file_name(title: &str, date: Date, extension: &str) -> String {
    let mut slug = String::new();
    // ASCII lower-casing only: full Unicode case tables cost more than they give here.
    for c in title.chars().map(|c| c.to_ascii_lowercase()) {
        if is_word_char(c) {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "alliance" } else { slug };
    format!("{slug}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs_of_the_title() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(
            file_name("Launch the New Website!", d, "json"),
            "launch-the-new-website-2026-11-23.json"
        );
        assert_eq!(
            file_name("  ../../etc/passwd  ", d, "ics"),
            "etc-passwd-2026-11-23.ics"
        );
        assert_eq!(file_name("", d, "json"), "alliance-2026-11-23.json");
        assert_eq!(
            file_name("Équipe Café", d, "md"),
            "Équipe-café-2026-11-23.md"
        );
        assert!(file_name(&"long ".repeat(50), d, "json").len() < 80);
        // Punctuation beyond ASCII separates words too; letters of any script stay.
        assert_eq!(
            file_name("Our “plan” — 2027 · Zoë’s team… 日本語、チーム", d, "json"),
            "our-plan-2027-zoë-s-team-日本語-チーム-2026-11-23.json"
        );
    }
}
