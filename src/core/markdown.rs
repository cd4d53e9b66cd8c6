//! A readable Markdown summary of the whole alliance, rendered from [`summarize`]. Person-typed
//! text is escaped so it can never change the document's structure (no headings, lists, links,
//! HTML or code from it).

use super::date::{Dates, Iso, Timestamp};
use super::model::*;
use super::summary::{summarize_with, Block, Line};
use super::text::export as t;
use std::fmt::Write;

/// Escapes one line of person-typed text for use inside a Markdown line.
fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, c) in line.chars().enumerate() {
        let always = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!'
        );
        let at_line_start = i == 0 && matches!(c, '#' | '-' | '+' | '=' | ':');
        if always || at_line_start {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text" or "1) text" would start an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && matches!(
            out.get(digits..).and_then(|r| r.chars().next()),
            Some('.' | ')')
        )
    {
        out.insert(digits, '\\');
    }
    out
}

/// Plain text, possibly several lines, kept inside the current block: line breaks become hard
/// breaks and continuation lines are indented by `indent`.
fn escape(s: &str, indent: &str) -> String {
    escape_joined(s, &format!("\\\n{indent}"))
}

/// The non-empty lines of `s`, escaped, with `between` between them.
fn escape_joined(s: &str, between: &str) -> String {
    let mut out = String::new();
    // Lines split by hand: `split` with a char pattern costs more code than this loop.
    let mut start = 0;
    for (i, b) in s.bytes().chain([b'\n']).enumerate() {
        if b != b'\n' && b != b'\r' {
            continue;
        }
        let line = escape_line(s.get(start..i).unwrap_or_default());
        start = i + 1;
        if !line.is_empty() {
            if !out.is_empty() {
                out.push_str(between);
            }
            out.push_str(&line);
        }
    }
    out
}

/// One line of text for a heading: its lines joined with spaces.
fn heading_text(s: &str) -> String {
    escape_joined(s, " ")
}

/// One entry of a list: its lead, text and second line, whichever are written.
fn write_line(md: &mut String, l: &Line) {
    let lead = l
        .lead
        .as_deref()
        .map(|s| escape(s, "  "))
        .unwrap_or_default();
    let text = escape(&l.text, "  ");
    let extra = l
        .extra
        .as_deref()
        .map(|s| escape(s, "  "))
        .unwrap_or_default();
    if lead.is_empty() && text.is_empty() && extra.is_empty() {
        return;
    }
    md.push_str("- ");
    if !lead.is_empty() {
        let _ = write!(md, "**{lead}**");
        if !text.is_empty() {
            md.push_str(": ");
        }
    }
    md.push_str(&text);
    if !extra.is_empty() {
        if lead.is_empty() && text.is_empty() {
            md.push_str(&extra);
        } else {
            let _ = write!(md, "\\\n  {extra}");
        }
    }
    md.push('\n');
}

/// The blocks as Markdown: only what is written (an empty text or list is left out).
fn write_blocks(md: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Text { label, text } => {
                let text = escape(text, "");
                if text.is_empty() {
                    continue;
                }
                match label {
                    Some(label) => {
                        let _ = writeln!(
                            md,
                            "**{}** {text}\n",
                            heading_text(&super::format::with_colon(label))
                        );
                    }
                    None => {
                        let _ = writeln!(md, "{text}\n");
                    }
                }
            }
            Block::List { label, items } => {
                if items.is_empty() {
                    continue;
                }
                if let Some(label) = label {
                    let _ = writeln!(
                        md,
                        "**{}**\n",
                        heading_text(&super::format::with_colon(label))
                    );
                }
                for item in items {
                    write_line(md, item);
                }
                md.push('\n');
            }
            Block::Group { heading, blocks } => {
                let heading = heading_text(heading);
                if !heading.is_empty() {
                    let _ = writeln!(md, "### {heading}\n");
                }
                write_blocks(md, blocks);
            }
        }
    }
}

/// Writes the alliance as Markdown, dates as ISO 8601 writes them. `now` appears in the footer.
pub fn to_markdown(a: &Alliance, now: Timestamp) -> String {
    to_markdown_with(a, now, &Iso)
}

/// Writes the alliance as Markdown, dates and times written by `dates`.
pub fn to_markdown_with(a: &Alliance, now: Timestamp, dates: &dyn Dates) -> String {
    write(&summarize_with(a, dates), now, dates)
}

/// Writes an alliance's summary as Markdown (a page may shape it first: a coach's wording).
pub fn write(s: &super::summary::Summary, now: Timestamp, dates: &dyn Dates) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", heading_text(&s.title));
    let status = match s.status {
        Status::Draft => t::status_draft(),
        Status::Agreed => t::status_agreed(),
    };
    let _ = writeln!(md, "**{}:** {status}  ", t::status());
    if let Some(r) = &s.relationship {
        let _ = writeln!(md, "**{}:** {}", t::relationship(), heading_text(r));
    }
    md.push('\n');
    // A section with nothing written is left out.
    for section in s.sections.iter().filter(|sec| !sec.blocks.is_empty()) {
        let _ = writeln!(md, "## {}\n", section.title);
        write_blocks(&mut md, &section.blocks);
    }
    let _ = writeln!(md, "## {}\n", t::agreement());
    if s.signatures.is_empty() {
        let _ = writeln!(md, "{}\n", t::not_agreed());
    } else {
        for sig in &s.signatures {
            let _ = writeln!(md, "- {}", escape(sig, "  "));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "---\n\n_{}_", t::exported_on(&dates.date(now.date())));
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_start_markers_are_escaped() {
        assert_eq!(escape_line("# heading"), "\\# heading");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("12. twelve"), "12\\. twelve");
        assert_eq!(escape_line("3) three"), "3\\) three");
        assert_eq!(escape_line("> quote"), "\\> quote");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(
            escape_line("In 2026. Fine"),
            "In 2026. Fine",
            "digits mid-line stay"
        );
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(
            escape_line("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            escape_line("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape_line("*bold* _it_ `code` a|b"),
            "\\*bold\\* \\_it\\_ \\`code\\` a\\|b"
        );
        assert_eq!(escape_line("&lt;"), "\\&lt;");
    }

    #[test]
    fn multi_line_text_stays_in_its_block() {
        assert_eq!(
            escape("one\n\n    two\r\n# three", "  "),
            "one\\\n  two\\\n  \\# three"
        );
    }
}
