//! The alliance to paste into an email or a document: formatted text (HTML) and plain text
//! without any markup symbols, both rendered from the same summary as the Review step and the
//! Markdown export. Person-typed text is escaped for HTML, so it can never add markup.

use super::date::{Dates, Timestamp};
use super::model::*;
use super::summary::{summarize_with, Block, Line, Summary};
use super::text::export as t;
use std::fmt::Write;

/// The status line: "Draft, not yet agreed · Coach and client".
fn status_line(s: &Summary) -> String {
    let status = match s.status {
        Status::Draft => t::status_draft(),
        Status::Agreed => t::status_agreed(),
    };
    match &s.relationship {
        Some(r) => format!("{status} \u{b7} {r}"),
        None => status.to_string(),
    }
}

/// The sections worth sending: one with nothing written is left out, as in the Markdown.
fn sections(s: &Summary) -> impl Iterator<Item = &super::summary::SummarySection> {
    s.sections.iter().filter(|sec| !sec.blocks.is_empty())
}

// ------------------------------------------------------------------ plain text

fn indent(text: &str, by: &str) -> String {
    text.trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(&format!("\n{by}"))
}

/// One entry of a list: its lead, text and second line, whichever are written.
fn plain_line(out: &mut String, l: &Line) {
    let lead = l.lead.as_deref().unwrap_or_default().trim();
    let extra = l.extra.as_deref().unwrap_or_default().trim();
    let (text, extra) = match (lead.is_empty(), l.text.trim()) {
        (true, "") => (extra.to_string(), ""),
        (false, "") => (lead.to_string(), extra),
        (true, text) => (text.to_string(), extra),
        (false, text) => (format!("{lead}: {text}"), extra),
    };
    if text.is_empty() {
        return;
    }
    let _ = writeln!(out, "\u{2022} {}", indent(&text, "  "));
    if !extra.is_empty() {
        let _ = writeln!(out, "  {}", indent(extra, "  "));
    }
}

/// The blocks as plain text: only what is written (an empty text or list is left out).
fn plain_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Text { text, .. } if text.trim().is_empty() => {}
            Block::Text { label: None, text } => {
                let _ = writeln!(out, "{}\n", indent(text, ""));
            }
            Block::Text {
                label: Some(label),
                text,
            } => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    super::format::with_colon(label),
                    indent(text, "  ")
                );
            }
            Block::List { items, .. } if items.is_empty() => {}
            Block::List { label, items } => {
                if let Some(label) = label {
                    let _ = writeln!(out, "{}", super::format::with_colon(label));
                }
                for item in items {
                    plain_line(out, item);
                }
                out.push('\n');
            }
            Block::Group { heading, blocks } => {
                if !heading.trim().is_empty() {
                    let _ = writeln!(out, "{}", heading.trim());
                    // A heading alone (a question with no options yet) ends its paragraph.
                    if blocks.is_empty() {
                        out.push('\n');
                    }
                }
                plain_blocks(out, blocks);
            }
        }
    }
}

/// A heading of the plain text: its words as written (capitals are not the same in every
/// language), underlined with a rule as long as it is.
fn heading(out: &mut String, title: &str) {
    let rule = "\u{2500}".repeat(title.chars().count().min(60));
    let _ = writeln!(out, "{title}\n{rule}\n");
}

/// The alliance as plain text: headings as lines of their own, lists with bullets, no markup.
pub fn to_plain_text(a: &Alliance, now: Timestamp, dates: &dyn Dates) -> String {
    plain_text(&summarize_with(a, dates), now, dates)
}

/// An alliance's summary as plain text (a page may shape it first: a coach's wording).
pub fn plain_text(s: &Summary, now: Timestamp, dates: &dyn Dates) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", s.title, status_line(s));
    for sec in sections(s) {
        heading(&mut out, &sec.title);
        plain_blocks(&mut out, &sec.blocks);
    }
    heading(&mut out, t::agreement());
    if s.signatures.is_empty() {
        let _ = writeln!(out, "{}\n", t::not_agreed());
    }
    for sig in &s.signatures {
        let _ = writeln!(out, "\u{2022} {sig}");
    }
    let _ = write!(out, "\n{}\n", t::exported_on(&dates.date(now.date())));
    out
}

// ------------------------------------------------------------------ HTML

/// Text as HTML: escaped, with its line breaks kept.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for c in line.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// The blocks as HTML: only what is written (an empty text or list is left out).
fn html_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Text { text, .. } if text.trim().is_empty() => {}
            Block::Text { label: None, text } => {
                let _ = write!(out, "<p>{}</p>", html(text));
            }
            Block::Text {
                label: Some(label),
                text,
            } => {
                let _ = write!(
                    out,
                    "<p><strong>{}</strong> {}</p>",
                    html(&super::format::with_colon(label)),
                    html(text)
                );
            }
            Block::List { items, .. } if items.is_empty() => {}
            Block::List { label, items } => {
                if let Some(label) = label {
                    let _ = write!(
                        out,
                        "<p><strong>{}</strong></p>",
                        html(&super::format::with_colon(label))
                    );
                }
                out.push_str("<ul>");
                for l in items {
                    let lead = html(l.lead.as_deref().unwrap_or_default());
                    let text = html(&l.text);
                    let extra = html(l.extra.as_deref().unwrap_or_default());
                    if lead.is_empty() && text.is_empty() && extra.is_empty() {
                        continue;
                    }
                    out.push_str("<li>");
                    if !lead.is_empty() {
                        let _ = write!(out, "<strong>{lead}</strong>");
                        if !text.is_empty() {
                            out.push_str(": ");
                        }
                    }
                    out.push_str(&text);
                    if !extra.is_empty() {
                        if !lead.is_empty() || !text.is_empty() {
                            out.push_str("<br>");
                        }
                        out.push_str(&extra);
                    }
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
            Block::Group { heading, blocks } => {
                if !heading.trim().is_empty() {
                    let _ = write!(out, "<h3>{}</h3>", html(heading));
                }
                html_blocks(out, blocks);
            }
        }
    }
}

/// The alliance as formatted text for an email or a document.
pub fn to_html(a: &Alliance, now: Timestamp, dates: &dyn Dates) -> String {
    html_document(&summarize_with(a, dates), now, dates)
}

/// An alliance's summary as HTML (a page may shape it first: a coach's wording).
pub fn html_document(s: &Summary, now: Timestamp, dates: &dyn Dates) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<h1>{}</h1><p>{}</p>",
        html(&s.title),
        html(&status_line(s))
    );
    for sec in sections(s) {
        let _ = write!(out, "<h2>{}</h2>", html(&sec.title));
        html_blocks(&mut out, &sec.blocks);
    }
    let _ = write!(out, "<h2>{}</h2>", html(t::agreement()));
    if s.signatures.is_empty() {
        let _ = write!(out, "<p>{}</p>", html(t::not_agreed()));
    } else {
        out.push_str("<ul>");
        for sig in &s.signatures {
            let _ = write!(out, "<li>{}</li>", html(sig));
        }
        out.push_str("</ul>");
    }
    let _ = write!(
        out,
        "<p><em>{}</em></p>",
        html(&t::exported_on(&dates.date(now.date())))
    );
    out
}
