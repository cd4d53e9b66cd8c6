//! Results reaching the coach: who the coach is (named once, by the page or the coach's
//! template), the email a person sends them (with a short plain summary and the share link),
//! and the rules for the coach's own address on the web. Nothing here sends anything: the
//! person's own email app sends the email, and the widget posts only when the person presses
//! "Send" (see `ui::send`).

use super::content::section_is_optional;
use super::model::SectionId;
use super::summary::{Block, Line, Summary};
use super::text::coach as t;
use std::fmt::Write;

/// The longest `mailto:` address handed to the person's email app. Chromium on Windows hands
/// nothing longer than 2,048 characters to the mail app (its external protocol handler, after
/// Mozilla's note that `ShellExecute` failed on longer addresses; nothing happens at all), and
/// Outlook for Windows and Internet Explorer stop at 2,083: beyond this, the whole alliance
/// goes in a file the person attaches instead of the link.
pub const MAX_MAIL_LINK: usize = 2048;

/// The longest line of the summary: longer text is cut (the whole is in the link or file).
const MAX_LINE: usize = 160;
/// At most this many entries of a list are in the summary; "and 3 more" says the rest.
const MAX_ITEMS: usize = 3;

/// The coach the results go to, as the page (or the coach's template) names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coach {
    /// Their name, as the person knows them ("Jordan"); may be empty.
    pub name: String,
    /// Their email address, checked ([`email_ok`]).
    pub email: Option<String>,
    /// Their own address on the web the alliance may be posted to, checked
    /// ([`endpoint_ok`]) and made absolute by the page.
    pub endpoint: Option<String>,
    /// Their own page, their desk (`mode="coach"`): where the link in the email opens, made
    /// absolute by the page (without it, the page the person is on).
    pub desk: Option<String>,
}

impl Coach {
    /// Whether anything can be sent to them.
    pub fn reachable(&self) -> bool {
        self.email.is_some() || self.endpoint.is_some()
    }

    /// The coach named by the page's attributes, completed by their template: what the page
    /// says wins, field by field.
    pub fn or_template(self, name: Option<&str>, email: Option<&str>) -> Coach {
        let name = if self.name.is_empty() {
            name.unwrap_or_default().trim().to_string()
        } else {
            self.name
        };
        let email = self.email.or_else(|| {
            email
                .map(str::trim)
                .filter(|e| email_ok(e))
                .map(String::from)
        });
        Coach {
            name,
            email,
            endpoint: self.endpoint,
            desk: self.desk,
        }
    }

    /// What buttons and sentences call them: their name, else "your coach".
    pub fn called(&self) -> String {
        if self.name.trim().is_empty() {
            t::your_coach().to_string()
        } else {
            self.name.trim().to_string()
        }
    }
}

/// Whether `address` reads as one email address (`name@example.com`): one `@`, something
/// before it, a domain with a dot after it, no spaces, nothing that would change the mail
/// link's meaning (`?`, `&`, `,`, `%`, `<`, `>`), at most 254 characters.
pub fn email_ok(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let clean = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !matches!(c, '@' | '?' | '&' | ',' | '%' | '<' | '>' | '"' | '#' | '/')
            })
    };
    address.len() <= 254
        && clean(local)
        && clean(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// Whether the coach's address on the web may receive the alliance: HTTPS, or plain HTTP on
/// this very computer (`localhost`, `127.0.0.1`, `[::1]`, which browsers treat as secure), so
/// the alliance never crosses a network unencrypted. `protocol` is as the browser gives it
/// (`https:`).
pub fn endpoint_ok(protocol: &str, host: &str) -> bool {
    protocol == "https:"
        || (protocol == "http:" && matches!(host, "localhost" | "127.0.0.1" | "[::1]"))
}

/// The email's subject: "Our designed alliance: Coaching with Priya".
pub fn subject(title: &str) -> String {
    let title = title.trim();
    let title = if title.is_empty() {
        super::text::untitled()
    } else {
        title
    };
    t::subject(title)
}

/// Text cut to `max` characters at a word where it can be, with "…"; its first line only.
fn cut(text: &str, max: usize) -> String {
    let first = text.trim().lines().next().unwrap_or_default().trim();
    let more_lines = text.trim().lines().nth(1).is_some();
    if first.chars().count() <= max && !more_lines {
        return first.to_string();
    }
    let mut out: String = first.chars().take(max).collect();
    if first.chars().count() > max {
        if let Some(space) = out.rfind(' ').filter(|i| *i > max / 2) {
            out.truncate(space);
        }
    }
    out.push('\u{2026}');
    out
}

fn line_text(l: &Line) -> String {
    let lead = l.lead.as_deref().unwrap_or_default().trim();
    let text = l.text.trim();
    match (lead.is_empty(), text.is_empty()) {
        (_, true) => lead.to_string(),
        (true, false) => text.to_string(),
        (false, false) => format!("{lead}: {text}"),
    }
}

/// One section's blocks as at most a few short lines.
fn short_blocks(out: &mut String, blocks: &[Block]) {
    let (max_line, max_items) = (MAX_LINE, MAX_ITEMS);
    for b in blocks {
        match b {
            Block::Text { label, text } if !text.trim().is_empty() => {
                let text = cut(text, max_line);
                let _ = match label {
                    Some(label) => {
                        writeln!(out, "\u{2022} {} {text}", super::format::with_colon(label))
                    }
                    None => writeln!(out, "\u{2022} {text}"),
                };
            }
            Block::List { items, .. } => {
                let shown: Vec<String> = items
                    .iter()
                    .map(line_text)
                    .filter(|t| !t.is_empty())
                    .collect();
                for item in shown.iter().take(max_items) {
                    let _ = writeln!(out, "\u{2022} {}", cut(item, max_line));
                }
                if shown.len() > max_items {
                    let _ = writeln!(out, "  {}", t::and_more(shown.len() - max_items));
                }
            }
            Block::Group { heading, blocks } => {
                if !heading.trim().is_empty() {
                    let _ = writeln!(out, "{}", super::format::with_colon(heading.trim()));
                }
                short_blocks(out, blocks);
            }
            _ => {}
        }
    }
}

/// How the whole alliance reaches the coach with the email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole<'a> {
    /// In the share link, written into the email.
    Link(&'a str),
    /// In a file the person attaches: its name, and the address of the form that opens it.
    Attached(&'a str, &'a str),
}

/// The email's opening: a greeting, the alliance's status and its people.
fn head(s: &Summary, coach: &str, people: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", t::greeting(coach.trim()));
    let status = match s.status {
        super::model::Status::Draft => super::text::export::status_draft(),
        super::model::Status::Agreed => super::text::export::status_agreed(),
    };
    let title = if s.title.trim().is_empty() {
        super::text::untitled()
    } else {
        s.title.trim()
    };
    let _ = writeln!(out, "{}", t::about(title, status));
    if !people.trim().is_empty() {
        let _ = writeln!(out, "{}", t::people(people.trim()));
    }
    out.push('\n');
    out
}

/// The email's ending: how the whole alliance comes with it.
fn tail(whole: Whole) -> String {
    match whole {
        Whole::Link(link) => format!("{}\n{link}\n", t::whole_link()),
        Whole::Attached(name, form) => format!("{}\n", t::whole_attached(name, form)),
    }
}

/// The summary of the essentials, section by section: its heading, then a few short lines,
/// each section's lines in one piece (a heading never stands without what follows it).
fn sections(s: &Summary) -> Vec<Vec<String>> {
    s.sections
        .iter()
        .filter(|sec| !section_is_optional(sec.id) && sec.id != SectionId::Basics)
        .filter(|sec| !sec.blocks.is_empty())
        .map(|sec| {
            let mut lines = String::new();
            short_blocks(&mut lines, &sec.blocks);
            std::iter::once(sec.title.trim().to_uppercase())
                .chain(lines.lines().map(String::from))
                .collect()
        })
        .collect()
}

/// How many characters `text` takes in a mail link.
fn encoded_len(text: &str) -> usize {
    let mut out = String::new();
    encode(&mut out, text, false);
    out.len()
}

/// The email's text, with as much of the summary as `budget` characters of mail link hold
/// (all of it when it fits; otherwise whole lines, in order, and a line saying it is
/// shortened).
fn middle(s: &Summary, budget: usize, whole: Whole) -> String {
    let all: Vec<Vec<String>> = sections(s);
    let everything: String = all.iter().map(|lines| lines.join("\n") + "\n\n").collect();
    if encoded_len(&everything) <= budget {
        return everything;
    }
    let note = match whole {
        Whole::Link(_) => t::shortened(),
        Whole::Attached(..) => t::shortened_attached(),
    };
    let note = format!("{note}\n\n");
    // The note, and the empty line before it when a section was cut short.
    let Some(mut left) = budget.checked_sub(encoded_len(&note) + encoded_len("\n")) else {
        return String::new();
    };
    let mut out = String::new();
    'sections: for lines in &all {
        let mut piece = String::new();
        for (i, line) in lines.iter().enumerate() {
            piece.push_str(line);
            piece.push('\n');
            // A heading goes in with its first line, or not at all.
            if i == 0 {
                continue;
            }
            let cost = encoded_len(&piece);
            if cost > left {
                break 'sections;
            }
            left -= cost;
            out.push_str(&piece);
            piece.clear();
        }
        let cost = encoded_len("\n");
        if cost > left {
            break;
        }
        left -= cost;
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&note);
    out
}

/// The email to the coach, as the person sees it and as their email app receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
    /// The `mailto:` address with all of it, at most [`MAX_MAIL_LINK`] characters.
    pub mailto: String,
    /// The link was too long to go in the email: how long the mail link would have been with
    /// it (the file is attached instead).
    pub link_left_out: Option<usize>,
}

/// The email to `to`: with the share link (`link`, when it could be made) when the mail link
/// can hold it, else saying the file named `file_name` is attached; then as much of the
/// summary as the mail link still holds within [`MAX_MAIL_LINK`]. `form` is the address of
/// the form that opens the file.
pub fn letter(
    s: &Summary,
    coach: &str,
    to: &str,
    people: &str,
    link: Option<&str>,
    (file_name, form): (&str, &str),
) -> Letter {
    let subject = subject(&s.title);
    let head = head(s, coach, people);
    let compose = |whole: Whole| {
        let tail = tail(whole);
        let bare = mailto(to, &subject, &format!("{head}{tail}")).len();
        let body = format!(
            "{head}{}{tail}",
            middle(s, MAX_MAIL_LINK.saturating_sub(bare), whole)
        );
        let mailto = mailto(to, &subject, &body);
        (body, mailto, bare)
    };
    let mut link_left_out = None;
    if let Some(link) = link {
        let (body, mailto, bare) = compose(Whole::Link(link));
        if bare <= MAX_MAIL_LINK {
            return Letter {
                subject,
                body,
                mailto,
                link_left_out: None,
            };
        }
        link_left_out = Some(bare);
    }
    // Even without the link it may be too long (a very long title): it is what it is.
    let (body, mailto, _) = compose(Whole::Attached(file_name, form));
    Letter {
        subject,
        body,
        mailto,
        link_left_out,
    }
}

/// Writes `text` for a `mailto:` address (RFC 6068): every character but the unreserved
/// ones is percent-encoded as UTF-8, and line breaks are CRLF.
fn encode(out: &mut String, text: &str, keep_at: bool) {
    let normalised = text.replace("\r\n", "\n");
    for c in normalised.chars() {
        if c == '\n' {
            out.push_str("%0D%0A");
        } else if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') {
            out.push(c);
        } else if keep_at && c == '@' {
            out.push('@');
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

/// The `mailto:` address opening the person's email app with `to`, `subject` and `body`.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let mut out = String::from("mailto:");
    encode(&mut out, to, true);
    out.push_str("?subject=");
    encode(&mut out, subject, false);
    out.push_str("&body=");
    encode(&mut out, body, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert!(email_ok("jordan@example.com"));
        assert!(email_ok("j.o+coach@mail.example.co.uk"));
        for bad in [
            "",
            "jordan",
            "jordan@",
            "@example.com",
            "jordan@example",
            "jo dan@example.com",
            "jordan@example.com?cc=x@y.z",
            "a@b@example.com",
            "jordan@.example.com",
        ] {
            assert!(!email_ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn endpoints() {
        assert!(endpoint_ok("https:", "coach.example"));
        assert!(endpoint_ok("http:", "127.0.0.1"));
        assert!(endpoint_ok("http:", "localhost"));
        assert!(!endpoint_ok("http:", "coach.example"));
        assert!(!endpoint_ok("ftp:", "coach.example"));
        assert!(!endpoint_ok("javascript:", ""));
    }

    #[test]
    fn mail_links_are_encoded() {
        let m = mailto(
            "jordan@example.com",
            "Our designed alliance: Ñ & co",
            "a\nb?c=d",
        );
        assert_eq!(
            m,
            "mailto:jordan@example.com?subject=Our%20designed%20alliance%3A%20%C3%91%20%26%20co&body=a%0D%0Ab%3Fc%3Dd"
        );
    }

    #[test]
    fn lines_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let c = cut(&long, 160);
        assert!(c.ends_with('\u{2026}'));
        assert!(c.chars().count() <= 161);
        assert!(!c.contains("wor\u{2026}"));
        assert_eq!(cut("one\ntwo", 160), "one\u{2026}");
        assert_eq!(cut("  short  ", 160), "short");
    }

    #[test]
    fn attributes_win_over_the_template() {
        let page = Coach {
            name: "Jordan".into(),
            ..Coach::default()
        };
        let c = page.or_template(Some("Jo"), Some("jo@example.com"));
        assert_eq!(c.name, "Jordan");
        assert_eq!(c.email.as_deref(), Some("jo@example.com"));
        let none = Coach::default().or_template(None, Some("not an address"));
        assert!(!none.reachable());
        assert_eq!(none.called(), "your coach");
    }
}
