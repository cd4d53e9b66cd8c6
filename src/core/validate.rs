//! Validation as data: every finding names its section, item and field, with a readable
//! message and a severity. Completeness per section comes from the same checks.

use super::date::Date;
use super::model::*;
use super::text::findings as msg;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Something is wrong (a dangling owner, a duplicate person). Blocks agreement.
    Error,
    /// A required part is not filled in yet. Blocks agreement, but never moving on.
    Missing,
    /// Worth a look (a review date in the past). Does not block.
    Warning,
    /// A gentle suggestion (an ask with no offer). Does not block.
    Hint,
}

impl Severity {
    pub fn blocks_agreement(self) -> bool {
        matches!(self, Severity::Error | Severity::Missing)
    }
}

/// One thing validation noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub section: SectionId,
    /// The list item it is about, if any.
    pub item: Option<Id>,
    /// The JSON name of the field (empty for the section or item as a whole).
    pub field: &'static str,
    /// Where in the exported JSON, e.g. `alliance.commitments[2].owner`.
    pub path: String,
    pub message: String,
    pub severity: Severity,
}

/// Where a section stands, for the progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SectionState {
    #[default]
    NotStarted,
    InProgress,
    Complete,
    NeedsAttention,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionProgress {
    pub section: SectionId,
    /// Required parts, and how many of them are filled in.
    pub required: u32,
    pub filled: u32,
    pub state: SectionState,
}

/// Everything validation found, and where each section stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub sections: Vec<SectionProgress>,
}

impl Report {
    /// True when nothing blocks agreeing.
    pub fn ready_to_agree(&self) -> bool {
        !self.findings.iter().any(|f| f.severity.blocks_agreement())
    }

    pub fn section(&self, id: SectionId) -> SectionProgress {
        self.sections
            .iter()
            .copied()
            .find(|s| s.section == id)
            .unwrap_or(SectionProgress {
                section: id,
                required: 0,
                filled: 0,
                state: SectionState::NotStarted,
            })
    }

    pub fn in_section(&self, id: SectionId) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.section == id)
    }

    /// Findings about one field (of one item, or of the section when `item` is `None`).
    pub fn for_field<'a>(
        &'a self,
        section: SectionId,
        item: Option<&'a Id>,
        field: &'a str,
    ) -> impl Iterator<Item = &'a Finding> {
        self.findings
            .iter()
            .filter(move |f| f.section == section && f.item.as_ref() == item && f.field == field)
    }

    /// How far the essentials are, 0 to 100: the share of the sections that are not optional
    /// (who is involved, and the template's five steps) that hold what they ask for. Steps,
    /// not fields: a step half filled in is not done.
    pub fn percent_complete(&self) -> u32 {
        let essential = self
            .sections
            .iter()
            .filter(|s| !super::content::section_is_optional(s.section));
        let (n, done) = essential.fold((0u32, 0u32), |(n, d), s| {
            (n + 1, d + u32::from(s.state == SectionState::Complete))
        });
        (done * 100).checked_div(n).unwrap_or(100)
    }
}

struct Checker<'a> {
    a: &'a Alliance,
    findings: Vec<Finding>,
    /// (required, filled) per section, indexed like `SectionId::ALL`.
    counts: [(u32, u32); 11],
}

/// A place in the alliance: section, JSON path, and item id.
#[derive(Clone)]
struct At {
    section: SectionId,
    path: String,
    item: Option<Id>,
}

impl At {
    fn section(section: SectionId, path: &str) -> Self {
        At {
            section,
            path: format!("alliance.{path}"),
            item: None,
        }
    }
    fn item(&self, list: &str, index: usize, id: &Id) -> Self {
        let base = if list.is_empty() {
            self.path.clone()
        } else {
            format!("{}.{list}", self.path)
        };
        At {
            section: self.section,
            path: format!("{base}[{index}]"),
            item: Some(id.clone()),
        }
    }
}

impl Checker<'_> {
    fn push(&mut self, at: &At, field: &'static str, severity: Severity, message: String) {
        let path = if field.is_empty() {
            at.path.clone()
        } else {
            format!("{}.{field}", at.path)
        };
        self.findings.push(Finding {
            section: at.section,
            item: at.item.clone(),
            field,
            path,
            message,
            severity,
        });
    }

    /// A required part: counted for completeness, reported as missing when not `ok`.
    fn require(&mut self, at: &At, field: &'static str, ok: bool, message: &str) {
        let c = &mut self.counts[at.section as usize];
        c.0 += 1;
        if ok {
            c.1 += 1;
        } else {
            self.push(at, field, Severity::Missing, message.to_string());
        }
    }

    fn owner_exists(&mut self, at: &At, field: &'static str, owner: &Owner) {
        if let Owner::Party(id) = owner {
            if self.a.party(id).is_none() {
                self.push(at, field, Severity::Error, msg::owner_gone().to_string());
            }
        }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Checks an alliance against the template it records (the standard one when none).
/// `today` decides whether the review date has passed.
pub fn validate(a: &Alliance, today: Date) -> Report {
    validate_as(a, today, a.template.as_ref())
}

/// Checks an alliance as made with `template` (the standard one when none): sections it
/// leaves out are not asked for, and its required questions must be answered.
pub fn validate_as(a: &Alliance, today: Date, template: Option<&TemplateRef>) -> Report {
    let shown =
        |s: SectionId| template.is_none_or(|t| t.sections.is_empty() || t.sections.contains(&s));
    let mut c = Checker {
        a,
        findings: Vec::new(),
        counts: [(0, 0); 11],
    };

    // Basics.
    let at = At::section(SectionId::Basics, "");
    let root = At {
        path: "alliance".into(),
        ..at.clone()
    };
    c.require(&root, "title", filled(&a.title), msg::title_missing());
    c.require(
        &root,
        "relationship",
        a.relationship.is_some(),
        msg::relationship_missing(),
    );
    let parties = At {
        path: "alliance.parties".into(),
        ..at.clone()
    };
    c.require(&parties, "", a.parties.len() >= 2, msg::too_few_parties());
    let mut seen: Vec<String> = Vec::new();
    for (i, p) in a.parties.iter().enumerate() {
        let pat = parties.item("", i, &p.id);
        c.require(
            &pat,
            "name",
            filled(&p.name),
            &msg::party_name_missing(i + 1),
        );
        // Case-insensitive for ASCII letters; other letters compare as written.
        let key = p.name.trim().to_ascii_lowercase();
        if key.is_empty() {
            continue;
        }
        if seen.contains(&key) {
            c.push(
                &pat,
                "name",
                Severity::Error,
                msg::duplicate_party(p.name.trim()),
            );
        } else {
            seen.push(key);
        }
    }

    // 1. Goal.
    let at = At::section(SectionId::Goal, "goal");
    c.require(&at, "what", filled(&a.goal.what), msg::goal_what_missing());
    c.require(&at, "why", filled(&a.goal.why), msg::goal_why_missing());

    // 2. Progress.
    let at = At::section(SectionId::Progress, "progress");
    c.require(&at, "", !a.progress.is_empty(), msg::no_measures());
    for (i, m) in a.progress.iter().enumerate() {
        let it = at.item("", i, &m.id);
        c.require(
            &it,
            "signal",
            filled(&m.signal),
            msg::measure_signal_missing(),
        );
        c.require(
            &it,
            "howWeCheck",
            filled(&m.how_we_check),
            msg::measure_check_missing(),
        );
        c.require(
            &it,
            "howOften",
            m.how_often.is_some(),
            msg::measure_often_missing(),
        );
    }

    // 3. Commitments.
    let at = At::section(SectionId::Commitments, "commitments");
    c.require(&at, "", !a.commitments.is_empty(), msg::no_commitments());
    for (i, x) in a.commitments.iter().enumerate() {
        let it = at.item("", i, &x.id);
        c.require(&it, "what", filled(&x.what), msg::commitment_what_missing());
        c.owner_exists(&it, "owner", &x.owner);
        match &x.when {
            None => c.require(&it, "when", false, msg::commitment_when_missing()),
            Some(When::After { event }) => {
                c.require(&it, "when", filled(event), msg::commitment_after_empty())
            }
            Some(When::Date { .. }) => c.require(&it, "when", true, ""),
        }
    }

    // 4. Communication.
    let at = At::section(SectionId::Communication, "communication");
    let comm = &a.communication;
    c.require(
        &at,
        "channels",
        !comm.channels.is_empty(),
        msg::no_channels(),
    );
    for (i, ch) in comm.channels.iter().enumerate() {
        let it = at.item("channels", i, &ch.id);
        c.require(&it, "name", filled(&ch.name), msg::channel_name_missing());
    }
    let check_in = At {
        path: "alliance.communication.checkIn".into(),
        ..at.clone()
    };
    c.require(
        &check_in,
        "rhythm",
        comm.check_in.rhythm.is_some(),
        msg::check_in_missing(),
    );
    c.require(
        &at,
        "raisingProblems",
        filled(&comm.raising_problems),
        msg::raising_problems_missing(),
    );
    for (i, u) in comm.updates.iter().enumerate() {
        if a.party(&u.party_id).is_none() {
            let it = At {
                path: format!("alliance.communication.updates[{i}]"),
                item: Some(u.party_id.clone()),
                ..at.clone()
            };
            c.push(
                &it,
                "partyId",
                Severity::Error,
                msg::update_party_gone().to_string(),
            );
        }
    }

    // 5. Celebrations.
    let at = At::section(SectionId::Celebrations, "celebrations");
    c.require(
        &at,
        "goal",
        filled(&a.celebrations.goal),
        msg::celebrate_goal_missing(),
    );
    for (i, m) in a.celebrations.milestones.iter().enumerate() {
        let it = at.item("milestones", i, &m.id);
        c.require(
            &it,
            "milestone",
            filled(&m.milestone),
            msg::milestone_missing(),
        );
        c.require(&it, "how", filled(&m.how), msg::milestone_how_missing());
    }

    // Sections 6 to 10 go deeper, and may be skipped: only what is started in them must be
    // finished (an empty need, an assumption without words), and nothing in them is needed
    // to agree.

    // 6. Needs and offers.
    let at = At::section(SectionId::NeedsAndOffers, "needsAndOffers");
    for (i, n) in a.needs_and_offers.iter().enumerate() {
        let it = at.item("", i, &n.id);
        c.require(&it, "text", filled(&n.text), msg::need_or_offer_empty());
        c.owner_exists(&it, "partyId", &Owner::Party(n.party_id.clone()));
    }
    for p in &a.parties {
        let has = |kind| {
            a.needs_and_offers
                .iter()
                .any(|n| n.party_id == p.id && n.kind == kind && filled(&n.text))
        };
        if has(NeedOrOfferKind::Need) && !has(NeedOrOfferKind::Offer) {
            let it = At {
                item: Some(p.id.clone()),
                ..at.clone()
            };
            c.push(
                &it,
                "",
                Severity::Hint,
                msg::ask_without_offer(&a.party_label(&p.id)),
            );
        }
    }

    // 7. Assumptions (optional section).
    let at = At::section(SectionId::Assumptions, "assumptions");
    for (i, x) in a.assumptions.iter().enumerate() {
        let it = at.item("", i, &x.id);
        c.require(&it, "text", filled(&x.text), msg::assumption_empty());
        c.owner_exists(&it, "heldBy", &x.held_by);
        // "What we agreed instead" is optional: a suggestion, never "missing".
        if x.status == AssumptionStatus::Revised && !filled(&x.instead) {
            c.push(
                &it,
                "instead",
                Severity::Hint,
                msg::assumption_instead_hint().to_string(),
            );
        }
    }

    // 8. When it gets hard.
    let at = At::section(SectionId::HardTimes, "hardTimes");
    let h = &a.hard_times;
    for (i, p) in h.permissions.iter().enumerate() {
        let it = at.item("permissions", i, &p.id);
        c.require(&it, "text", filled(&p.text), msg::permission_empty());
        c.owner_exists(&it, "givenBy", &p.given_by);
    }

    // 9. Trade-offs and decisions (optional section).
    let at = At::section(SectionId::Decisions, "decisions");
    for (i, d) in a.decisions.iter().enumerate() {
        let it = at.item("", i, &d.id);
        c.require(
            &it,
            "question",
            filled(&d.question),
            msg::decision_question_missing(),
        );
        for (j, o) in d.options.iter().enumerate() {
            let ot = it.item("options", j, &o.id);
            c.require(
                &ot,
                "name",
                filled(&o.name),
                &msg::option_name_missing(j + 1),
            );
        }
        if let Some(chosen) = &d.chosen {
            if d.options.iter().any(|o| &o.id == chosen) {
                // "Why we chose it" is optional: a suggestion, never "missing".
                if !filled(&d.why) {
                    c.push(
                        &it,
                        "why",
                        Severity::Hint,
                        msg::decision_why_hint().to_string(),
                    );
                }
            } else {
                c.push(
                    &it,
                    "chosen",
                    Severity::Error,
                    msg::chosen_gone().to_string(),
                );
            }
        }
    }

    // 10. Keeping it alive.
    let at = At::section(SectionId::KeepingAlive, "keepingAlive");
    let k = &a.keeping_alive;
    if let Some(date) = k.next_review {
        if date < today {
            c.push(
                &at,
                "nextReview",
                Severity::Warning,
                msg::review_in_past().to_string(),
            );
        }
    }

    // The coach's required questions.
    for q in template.map_or(&[][..], |t| &t.required[..]) {
        let answered = a
            .answers
            .iter()
            .any(|answer| answer.question == q.question && filled(&answer.value));
        let at = At {
            section: q.section,
            path: "alliance.answers".into(),
            item: Id::new(q.question.clone()),
        };
        c.require(&at, "", answered, &msg::answer_missing(&q.prompt));
    }

    // In the order of the way through: the template's sections, each with the coach's
    // questions after its own. What the template leaves out is not asked for (what is in it
    // is kept all the same).
    let order = template
        .map(|t| &t.sections[..])
        .filter(|s| !s.is_empty())
        .unwrap_or(&SectionId::ALL);
    let all = std::mem::take(&mut c.findings);
    for s in order {
        c.findings
            .extend(all.iter().filter(|f| f.section == *s).cloned());
    }
    let sections = SectionId::ALL
        .iter()
        .filter(|&&section| shown(section))
        .map(|&section| {
            let (required, done) = c.counts[section as usize];
            let errors = c
                .findings
                .iter()
                .any(|f| f.section == section && f.severity == Severity::Error);
            let state = if errors {
                SectionState::NeedsAttention
            } else if !has_content(a, section) {
                SectionState::NotStarted
            } else if done == required {
                SectionState::Complete
            } else {
                SectionState::InProgress
            };
            SectionProgress {
                section,
                required,
                filled: done,
                state,
            }
        })
        .collect();
    Report {
        findings: c.findings,
        sections,
    }
}

/// Whether anything at all has been entered in a section.
pub fn has_content(a: &Alliance, section: SectionId) -> bool {
    // An answer to one of the coach's questions asked here counts as well.
    if a.answers.iter().any(|answer| answer.section == section) {
        return true;
    }
    match section {
        SectionId::Basics => {
            filled(&a.title)
                || a.relationship.is_some()
                || a.parties.iter().any(|p| filled(&p.name) || filled(&p.role))
        }
        SectionId::Goal => filled(&a.goal.what) || filled(&a.goal.why) || filled(&a.goal.pain),
        SectionId::Progress => !a.progress.is_empty(),
        SectionId::Commitments => !a.commitments.is_empty(),
        SectionId::Communication => {
            let c = &a.communication;
            !c.channels.is_empty()
                || c.check_in != CheckIn::default()
                || !c.updates.is_empty()
                || filled(&c.raising_problems)
        }
        SectionId::Celebrations => {
            filled(&a.celebrations.goal) || !a.celebrations.milestones.is_empty()
        }
        SectionId::NeedsAndOffers => !a.needs_and_offers.is_empty(),
        SectionId::Assumptions => !a.assumptions.is_empty(),
        SectionId::HardTimes => {
            let h = &a.hard_times;
            filled(&h.surprises)
                || filled(&h.missed_commitments)
                || filled(&h.mistakes)
                || !h.permissions.is_empty()
        }
        SectionId::Decisions => !a.decisions.is_empty(),
        SectionId::KeepingAlive => {
            let k = &a.keeping_alive;
            k.next_review.is_some() || k.review_rhythm.is_some()
        }
    }
}
