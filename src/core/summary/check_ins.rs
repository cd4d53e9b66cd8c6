//! Check-ins held, as the exports show them: the latest in full, earlier ones in a line each.

use super::{Block, Line};
use crate::core::content;
use crate::core::date::Dates;
use crate::core::living::{names, one_line, status_label, verdict_label};
use crate::core::model::*;
use crate::core::text::living as w;

/// Everything a check-in holds, as the exports show it: who was there, each commitment,
/// measure, milestone and section spoken of, and what we take away.
pub fn check_in_blocks(a: &Alliance, c: &CheckInHeld) -> Vec<Block> {
    let plain = |text: String| Line {
        lead: None,
        text,
        extra: None,
    };
    let commitments = c
        .commitments
        .iter()
        .map(|x| {
            let owner = a
                .commitments
                .iter()
                .find(|k| k.id == x.commitment_id)
                .map(|k| a.owner_label(&k.owner));
            let status = x.status.map_or("", status_label);
            Line {
                lead: owner,
                text: x.what.trim().to_string(),
                extra: Some(crate::core::format::join_parts(&[status, &x.note])),
            }
        })
        .collect();
    let measures = c
        .measures
        .iter()
        .map(|m| Line {
            lead: None,
            text: m.signal.trim().to_string(),
            extra: Some(format!("{}: {}", w::seen(), m.seen.trim())),
        })
        .collect();
    let milestones = c
        .milestones
        .iter()
        .map(|m| Line {
            lead: None,
            text: m.milestone.trim().to_string(),
            extra: (!m.celebrated.trim().is_empty())
                .then(|| format!("{}: {}", w::celebrated(), m.celebrated.trim())),
        })
        .collect();
    let sections = c
        .sections
        .iter()
        .map(|s| {
            plain(format!(
                "{}: {}",
                content::section(s.section).title,
                verdict_label(s.verdict)
            ))
        })
        .collect();
    vec![
        Block::Text {
            label: Some(w::present().into()),
            text: names(c),
        },
        Block::List {
            label: Some(content::section(SectionId::Commitments).title),
            items: commitments,
        },
        Block::List {
            label: Some(content::section(SectionId::Progress).title),
            items: measures,
        },
        Block::List {
            label: Some(w::screen_milestones()),
            items: milestones,
        },
        Block::List {
            label: Some(w::serving_legend()),
            items: sections,
        },
        Block::Text {
            label: Some(w::takeaway().into()),
            text: c.takeaway.trim().to_string(),
        },
    ]
}

/// The history as the exports show it: the latest check-in in full, earlier ones in a line
/// each (newest first). Nothing when none was held.
pub fn history_blocks(a: &Alliance, dates: &dyn Dates) -> Vec<Block> {
    let mut held: Vec<&CheckInHeld> = a.check_ins.iter().collect();
    held.sort_by_key(|c| std::cmp::Reverse(c.date));
    let Some((latest, earlier)) = held.split_first() else {
        return Vec::new();
    };
    vec![
        Block::Group {
            heading: w::latest(&dates.date(latest.date)),
            blocks: super::prune(check_in_blocks(a, latest)),
        },
        Block::List {
            label: Some(w::earlier()),
            items: earlier
                .iter()
                .map(|c| Line {
                    lead: Some(dates.date(c.date)),
                    text: one_line(c),
                    extra: None,
                })
                .collect(),
        },
    ]
}
