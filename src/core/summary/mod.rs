//! The alliance as a document: sections of labelled texts and lists, in plain text.
//! The Review step and the Markdown export both render this, so they always agree.

use super::content;
use super::date::{Date, Dates, Iso};
use super::model::*;
use super::text::{self, export as x};
use std::borrow::Cow;

mod recap;
pub use recap::*;

mod check_ins;
pub use check_ins::*;

/// The whole alliance, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub title: String,
    pub status: Status,
    /// The relationship kind, with the person's own note.
    pub relationship: Option<String>,
    pub sections: Vec<SummarySection>,
    /// "Priya agreed on 2026-11-20", one per signature.
    pub signatures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummarySection {
    pub id: SectionId,
    /// The section's title (a coach's template may word it its own way).
    pub title: Cow<'static, str>,
    pub blocks: Vec<Block>,
    /// Whether anything is written in it (its blocks are not empty). Sections with nothing
    /// written are left out of exports.
    pub has_content: bool,
}

/// A piece of a section. All text is plain: renderers escape it. A summary holds only what was
/// written: no empty text, no empty list, no line with nothing in it (see [`prune`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A labelled text (or a plain paragraph without a label).
    Text {
        /// Our own wording, or a coach's question as it was asked.
        label: Option<Cow<'static, str>>,
        text: String,
    },
    /// A list, possibly labelled.
    List {
        label: Option<&'static str>,
        items: Vec<Line>,
    },
    /// A sub-heading (a person's name, a decision; empty when not written) and what belongs to
    /// it.
    Group { heading: String, blocks: Vec<Block> },
}

/// One entry of a list: an optional emphasised lead ("Priya"), the text, and an optional
/// second line ("Instead: …").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub lead: Option<String>,
    pub text: String,
    pub extra: Option<String>,
}

fn line(lead: Option<String>, text: String) -> Line {
    Line {
        lead,
        text,
        extra: None,
    }
}

fn trimmed(s: &str) -> String {
    s.trim().to_string()
}

fn text_block(label: &'static str, s: &str) -> Block {
    Block::Text {
        label: Some(Cow::Borrowed(label)),
        text: trimmed(s),
    }
}

/// "Every two weeks, starting 1 December 2026, at 8:30 am, 60 minutes. Video call.": what
/// was chosen, in that order, and nothing for what was not (empty when nothing was).
pub fn check_in_text(ci: &CheckIn, dates: &dyn Dates) -> String {
    let mut when: Vec<String> = Vec::new();
    if let Some(f) = ci.rhythm {
        when.push(content::frequency_label(f).to_string());
    }
    if let Some(d) = ci.first_on {
        when.push(format!("{} {}", x::starting(), dates.date(d)));
    }
    if let Some(time) = ci.time {
        when.push(format!("{} {}", x::at(), dates.time(time)));
    }
    if let Some(m) = ci.duration_minutes {
        when.push(x::minutes(m));
    }
    super::format::join_parts(&[&when.join(", "), &ci.format])
}

/// "by 15 December 2026", "after the first session"; "Not decided yet" when no time was
/// chosen (the comparison of two versions says so; the summary leaves it out).
pub fn when_text(when: &Option<When>, dates: &dyn Dates) -> String {
    match when {
        None => text::not_set().to_string(),
        Some(When::Date { date }) => format!("{} {}", x::by(), dates.date(*date)),
        Some(When::After { event }) => format!("{} {}", x::after(), event.trim()),
    }
}

/// A commitment's time as the summary says it: empty when none was chosen.
fn when_chosen(when: &Option<When>, dates: &dyn Dates) -> String {
    match when {
        Some(When::After { event }) if event.trim().is_empty() => String::new(),
        Some(_) => when_text(when, dates),
        None => String::new(),
    }
}

/// A commitment's words with its time in brackets, either alone when the other is not written.
fn commitment_text(c: &Commitment, dates: &dyn Dates) -> String {
    let what = c.what.trim();
    let when = when_chosen(&c.when, dates);
    match (what.is_empty(), when.is_empty()) {
        (_, true) => what.to_string(),
        (true, false) => when,
        (false, false) => format!("{what} ({when})"),
    }
}

/// Leaves out what holds nothing written: empty texts, lines with nothing in them, the lists
/// they leave empty, and groups with neither a heading nor anything under it. A line with no
/// lead and no text shows its second line as text.
pub fn prune(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Text { label, text } => {
                (!text.trim().is_empty()).then_some(Block::Text { label, text })
            }
            Block::List { label, items } => {
                let items: Vec<Line> = items
                    .into_iter()
                    .filter_map(|mut l| {
                        l.lead = l.lead.filter(|s| !s.trim().is_empty());
                        l.extra = l.extra.filter(|s| !s.trim().is_empty());
                        if l.lead.is_none() && l.text.trim().is_empty() {
                            l.text = l.extra.take().unwrap_or_default();
                        }
                        (l.lead.is_some() || !l.text.trim().is_empty()).then_some(l)
                    })
                    .collect();
                (!items.is_empty()).then_some(Block::List { label, items })
            }
            // A written heading (a decision's question) stands alone; a heading of ours (a
            // person's name) comes only with what is written under it.
            Block::Group { heading, blocks } => {
                let blocks = prune(blocks);
                (!blocks.is_empty() || !heading.trim().is_empty())
                    .then_some(Block::Group { heading, blocks })
            }
        })
        .collect()
}

/// Builds the document, with dates as ISO 8601 writes them.
pub fn summarize(a: &Alliance) -> Summary {
    summarize_with(a, &Iso)
}

/// Builds the document, with dates and times written by `dates`.
pub fn summarize_with(a: &Alliance, dates: &dyn Dates) -> Summary {
    let mut sections = Vec::new();
    let mut push = |id: SectionId, title: &'static str, mut blocks: Vec<Block>| {
        // The coach's own questions asked in this section, with their answers.
        blocks.extend(
            a.answers
                .iter()
                .filter(|answer| answer.section == id)
                .map(|answer| Block::Text {
                    label: Some(Cow::Owned(answer.prompt.trim().to_string())),
                    // A date reads as the person writes dates.
                    text: Date::parse(answer.value.trim())
                        .map_or_else(|| trimmed(&answer.value), |d| dates.date(d)),
                }),
        );
        let blocks = prune(blocks);
        sections.push(SummarySection {
            id,
            title: Cow::Borrowed(title),
            has_content: !blocks.is_empty(),
            blocks,
        });
    };

    let people = a
        .parties
        .iter()
        .filter(|p| !p.name.trim().is_empty() || !p.role.trim().is_empty())
        .map(|p| line(Some(a.party_label(&p.id)), trimmed(&p.role)))
        .collect();
    push(
        SectionId::Basics,
        x::people(),
        vec![Block::List {
            label: None,
            items: people,
        }],
    );

    push(
        SectionId::Goal,
        content::section(SectionId::Goal).title,
        vec![
            Block::Text {
                label: None,
                text: trimmed(&a.goal.what),
            },
            text_block(x::why(), &a.goal.why),
            text_block(x::pain(), &a.goal.pain),
        ],
    );

    let measures = a
        .progress
        .iter()
        .map(|m| {
            let check = if m.how_we_check.trim().is_empty() {
                String::new()
            } else {
                format!("{}: {}", x::checked_by(), m.how_we_check.trim())
            };
            Line {
                lead: None,
                text: trimmed(&m.signal),
                extra: Some(super::format::join_parts(&[
                    &check,
                    m.how_often.map_or("", content::frequency_label),
                ])),
            }
        })
        .collect();
    push(
        SectionId::Progress,
        content::section(SectionId::Progress).title,
        vec![Block::List {
            label: None,
            items: measures,
        }],
    );

    let commitments = a
        .commitments
        .iter()
        .map(|c| (c, commitment_text(c, dates)))
        .filter(|(_, text)| !text.is_empty())
        .map(|(c, text)| line(Some(a.owner_label(&c.owner)), text))
        .collect();
    push(
        SectionId::Commitments,
        content::section(SectionId::Commitments).title,
        vec![Block::List {
            label: None,
            items: commitments,
        }],
    );

    let comm = &a.communication;
    let channels = comm
        .channels
        .iter()
        .filter(|ch| !ch.name.trim().is_empty() || !ch.purpose.trim().is_empty())
        .map(|ch| {
            let name = if ch.name.trim().is_empty() {
                content::usage_label(ch.usage).to_string()
            } else {
                format!("{}: {}", content::usage_label(ch.usage), ch.name.trim())
            };
            line(None, super::format::join_parts(&[&name, &ch.purpose]))
        })
        .collect();
    let updates = comm
        .updates
        .iter()
        .map(|u| {
            let style = u.style.map_or("", content::update_style_label);
            (u, super::format::join_parts(&[style, &u.note]))
        })
        .filter(|(_, t)| !t.is_empty())
        .map(|(u, t)| line(Some(a.party_label(&u.party_id)), t))
        .collect();
    push(
        SectionId::Communication,
        content::section(SectionId::Communication).title,
        vec![
            Block::List {
                label: Some(x::channels()),
                items: channels,
            },
            Block::Text {
                label: Some(x::check_in().into()),
                text: check_in_text(&comm.check_in, dates),
            },
            Block::List {
                label: Some(x::updates()),
                items: updates,
            },
            text_block(x::raising_problems(), &comm.raising_problems),
        ],
    );

    let milestones = a
        .celebrations
        .milestones
        .iter()
        .map(|m| line(Some(trimmed(&m.milestone)), trimmed(&m.how)))
        .collect();
    push(
        SectionId::Celebrations,
        content::section(SectionId::Celebrations).title,
        vec![
            text_block(x::celebrate_goal(), &a.celebrations.goal),
            Block::List {
                label: Some(x::milestones()),
                items: milestones,
            },
        ],
    );

    // Each person's needs and offers; those of people no longer in the alliance together,
    // last (they are still part of the alliance until someone reassigns or removes them).
    let needs_of = |belongs: &dyn Fn(&Id) -> bool, heading: String| {
        let items: Vec<_> = [NeedOrOfferKind::Need, NeedOrOfferKind::Offer]
            .iter()
            .flat_map(|k| {
                a.needs_and_offers
                    .iter()
                    .filter(move |n| belongs(&n.party_id) && n.kind == *k)
            })
            .filter(|n| !n.text.trim().is_empty())
            .map(|n| {
                line(
                    Some(content::need_or_offer_label(n.kind).to_string()),
                    trimmed(&n.text),
                )
            })
            .collect();
        (!items.is_empty()).then(|| Block::Group {
            heading,
            blocks: vec![Block::List { label: None, items }],
        })
    };
    let needs = a
        .parties
        .iter()
        .filter_map(|p| needs_of(&|id| *id == p.id, a.party_label(&p.id)))
        .chain(needs_of(
            &|id| a.party(id).is_none(),
            crate::core::text::missing_party().to_string(),
        ))
        .collect();
    push(
        SectionId::NeedsAndOffers,
        content::section(SectionId::NeedsAndOffers).title,
        needs,
    );

    let assumptions = a
        .assumptions
        .iter()
        .filter(|s| !s.text.trim().is_empty() || !s.instead.trim().is_empty())
        .map(|s| Line {
            lead: None,
            text: format!(
                "{} ({} {}; {})",
                s.text.trim(),
                x::held_by(),
                a.owner_label(&s.held_by),
                content::assumption_status_label(s.status).to_ascii_lowercase()
            ),
            extra: (!s.instead.trim().is_empty())
                .then(|| format!("{}: {}", x::instead(), s.instead.trim())),
        })
        .collect();
    push(
        SectionId::Assumptions,
        content::section(SectionId::Assumptions).title,
        vec![Block::List {
            label: None,
            items: assumptions,
        }],
    );

    let h = &a.hard_times;
    let permissions = h
        .permissions
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| line(Some(a.owner_label(&p.given_by)), trimmed(&p.text)))
        .collect();
    push(
        SectionId::HardTimes,
        content::section(SectionId::HardTimes).title,
        vec![
            text_block(x::surprises(), &h.surprises),
            text_block(x::missed(), &h.missed_commitments),
            Block::List {
                label: Some(x::permissions()),
                items: permissions,
            },
            text_block(x::mistakes(), &h.mistakes),
        ],
    );

    let decisions = a
        .decisions
        .iter()
        .map(|d| {
            let options = d
                .options
                .iter()
                .map(|o| {
                    // For and against, each on its own line when there is one.
                    let labelled = |label: &str, s: &str| {
                        (!s.trim().is_empty()).then(|| format!("{label}: {}", s.trim()))
                    };
                    let pros = labelled(x::pros(), &o.pros);
                    let cons = labelled(x::cons(), &o.cons);
                    let (text, extra) = match (pros, cons) {
                        (Some(p), c) => (p, c),
                        (None, c) => (c.unwrap_or_default(), None),
                    };
                    Line {
                        lead: Some(trimmed(&o.name)),
                        text,
                        extra,
                    }
                })
                .collect();
            let mut blocks = vec![Block::List {
                label: Some(x::options()),
                items: options,
            }];
            if let Some(o) = d
                .chosen
                .as_ref()
                .and_then(|id| d.options.iter().find(|o| &o.id == id))
            {
                blocks.push(Block::Text {
                    label: Some(x::chosen().into()),
                    text: super::format::join_parts(&[&o.name, &d.why]),
                });
            }
            Block::Group {
                heading: trimmed(&d.question),
                blocks,
            }
        })
        .collect();
    push(
        SectionId::Decisions,
        content::section(SectionId::Decisions).title,
        decisions,
    );

    let k = &a.keeping_alive;
    let revisions = k
        .revisions
        .iter()
        .filter(|r| !r.changes.trim().is_empty() || !r.why.trim().is_empty())
        .map(|r| {
            let mut t = trimmed(&r.changes);
            if !r.why.trim().is_empty() {
                t.push_str(&format!(" ({})", r.why.trim()));
            }
            line(Some(dates.date(r.date)), t)
        })
        .collect();
    push(
        SectionId::KeepingAlive,
        content::section(SectionId::KeepingAlive).title,
        vec![
            Block::Text {
                label: Some(x::next_review().into()),
                text: k.next_review.map_or(String::new(), |d| dates.date(d)),
            },
            Block::Text {
                label: Some(x::review_rhythm().into()),
                text: k
                    .review_rhythm
                    .map_or("", content::frequency_label)
                    .to_string(),
            },
            Block::List {
                label: Some(x::revisions()),
                items: revisions,
            },
        ]
        .into_iter()
        .chain(history_blocks(a, dates))
        .collect(),
    );

    // The note is asked for "something else" only: a note left from then is not shown with
    // another kind (the form hides it too; it comes back if "something else" is chosen again).
    let relationship = a.relationship.map(|r| {
        let note = a.relationship_note.trim();
        if note.is_empty() || r != RelationshipKind::Other {
            content::relationship_label(r).to_string()
        } else {
            format!("{} ({note})", content::relationship_label(r))
        }
    });
    Summary {
        title: if a.title.trim().is_empty() {
            text::untitled().to_string()
        } else {
            trimmed(&a.title)
        },
        status: a.status,
        relationship,
        sections,
        signatures: a
            .agreement
            .signatures
            .iter()
            .map(|s| {
                format!(
                    "{} {} {}",
                    s.name.trim(),
                    x::agreed_by(),
                    dates.date(s.date)
                )
            })
            .collect(),
    }
}
