//! The alliance to paste into an email or a document: formatted text (HTML) and plain text
//! without any markup symbols, both rendered from the same summary as the Review step and the
//! Markdown export. Person-typed text is escaped for HTML, so it can never add markup.

use super::date::{Dates, Timestamp};
use super::model::*;
use super::summary::{summarize_with, Block, Line, Summary};
use super::text::{self, export as t};
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

/// The sections worth sending: empty optional ones are left out, as in the Markdown.
fn sections(s: &Summary) -> impl Iterator<Item = &super::summary::SummarySection> {
    s.sections
        .iter()
        .filter(|sec| sec.has_content || !text::section_is_optional(sec.id))
}

// ------------------------------------------------------------------ plain text

fn indent(text: &str, by: &str) -> String {
    text.trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(&format!("\n{by}"))
}

fn or_not_yet(text: &str) -> &str {
    if text.trim().is_empty() {
        t::empty()
    } else {
        text
    }
}

fn plain_line(out: &mut String, l: &Line) {
    let text = match (&l.lead, l.text.trim().is_empty()) {
        (Some(lead), true) => lead.trim().to_string(),
        (Some(lead), false) => format!("{}: {}", lead.trim(), l.text.trim()),
        (None, _) => or_not_yet(&l.text).to_string(),
    };
    let _ = writeln!(out, "\u{2022} {}", indent(&text, "  "));
    if let Some(extra) = &l.extra {
        let _ = writeln!(out, "  {}", indent(extra, "  "));
    }
}

fn plain_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Text { label: None, text } => {
                let _ = writeln!(out, "{}\n", indent(or_not_yet(text), ""));
            }
            Block::Text {
                label: Some(label),
                text,
            } => {
                let _ = writeln!(out, "{label}: {}\n", indent(or_not_yet(text), "  "));
            }
            Block::List { label, items } => {
                if let Some(label) = label {
                    let _ = writeln!(out, "{label}:");
                }
                if items.is_empty() {
                    let _ = writeln!(out, "{}", t::empty());
                }
                for item in items {
                    plain_line(out, item);
                }
                out.push('\n');
            }
            Block::Group { heading, blocks } => {
                let _ = writeln!(out, "{}", or_not_yet(heading).trim());
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

fn html_text(text: &str) -> String {
    if text.trim().is_empty() {
        format!("<em>{}</em>", html(t::empty()))
    } else {
        html(text)
    }
}

fn html_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Text { label: None, text } => {
                let _ = write!(out, "<p>{}</p>", html_text(text));
            }
            Block::Text {
                label: Some(label),
                text,
            } => {
                let _ = write!(
                    out,
                    "<p><strong>{}:</strong> {}</p>",
                    html(label),
                    html_text(text)
                );
            }
            Block::List { label, items } => {
                if let Some(label) = label {
                    let _ = write!(out, "<p><strong>{}:</strong></p>", html(label));
                }
                if items.is_empty() {
                    let _ = write!(out, "<p>{}</p>", html_text(""));
                    continue;
                }
                out.push_str("<ul>");
                for l in items {
                    out.push_str("<li>");
                    if let Some(lead) = &l.lead {
                        let _ = write!(out, "<strong>{}</strong>", html(lead));
                        if !l.text.trim().is_empty() {
                            out.push_str(": ");
                        }
                    }
                    if l.lead.is_none() || !l.text.trim().is_empty() {
                        out.push_str(&html_text(&l.text));
                    }
                    if let Some(extra) = &l.extra {
                        let _ = write!(out, "<br>{}", html(extra));
                    }
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
            Block::Group { heading, blocks } => {
                let _ = write!(out, "<h3>{}</h3>", html_text(heading));
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
