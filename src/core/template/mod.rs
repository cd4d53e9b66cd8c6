//! A coach's own template: which sections appear and in what order, the coach's welcome (and
//! their words for any point of the widget's own), their own questions, and their wording for
//! section titles, introductions and the widget's own questions.
//!
//! A template is a JSON file on the coach's own site (`format: "designed-alliance-template"`,
//! `version: 1`; the JSON Schema is `schema/designed-alliance-template-v1.schema.json`). It is
//! data, never markup: every text in it is shown as text. A template that cannot be used is
//! refused with one readable reason that says where ("template: sections[3] "goals" is not a
//! section"), and the widget runs with the standard template.

use super::content::{section_is_optional, QuestionId, QUESTION_IDS};
use super::model::{RelationshipKind, RequiredQuestion, SectionId, TemplateRef};
use super::text::nesting_depth;
use serde_json::Value;
use std::fmt;

mod read;
pub use read::*;

/// The `format` every template names.
pub const FORMAT: &str = "designed-alliance-template";
/// The newest version this widget reads.
pub const VERSION: u64 = 1;
/// Where the template format's JSON Schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/designed-alliance-template-v1.schema.json";

/// Limits, checked before or while reading, as for imported files.
pub const MAX_BYTES: usize = 64 * 1024;
pub const MAX_DEPTH: usize = 8;
pub const MAX_QUESTIONS: usize = 60;
pub const MAX_OPTIONS: usize = 20;
pub const MAX_NAME: usize = 120;
pub const MAX_WELCOME: usize = 4_000;
pub const MAX_PROMPT: usize = 300;
pub const MAX_HELP: usize = 1_000;
pub const MAX_OPTION: usize = 120;
pub const MAX_ID: usize = 64;

/// A template, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    /// Who the coach is, as their template says.
    pub coach: TemplateCoach,
    /// The coach's own welcome, shown as text before the points of the widget's own that
    /// say what it is, how long it takes and where the answers stay.
    pub welcome: Option<String>,
    /// The coach's words for the welcome's points, in the order of [`WELCOME_POINTS`]: each
    /// given one takes the place of the widget's own.
    pub welcome_text: [Option<String>; 5],
    /// The sections that appear, in order; review, agreement and finish always follow.
    pub sections: Vec<SectionId>,
    /// The coach's wording for a section's title and introduction.
    pub wording: Vec<(SectionId, Wording)>,
    pub questions: Vec<Question>,
}

/// The coach, as their template names them (the page's `coach-name` and `coach-email`
/// attributes win).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateCoach {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// A section's title and introduction, in the coach's words (either may be left out), and
/// the coach's wording for the section's own questions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    pub title: Option<String>,
    pub intro: Option<String>,
    pub questions: Vec<(QuestionId, Reword)>,
}

/// The coach's wording for one of the widget's own questions; a part left out keeps the
/// widget's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reword {
    pub prompt: Option<String>,
    pub help: Option<String>,
    /// Shown for every kind of relationship, in place of the widget's examples.
    pub example: Option<String>,
}

/// The points of the widget's welcome, by their names in a template's `welcomeText` (and in
/// the catalogue's `welcome`), in the order they are shown.
pub const WELCOME_POINTS: [&str; 5] = [
    "whatItIs",
    "whyItHelps",
    "whoFillsItIn",
    "howLong",
    "whereAnswersStay",
];

/// The name of one of the widget's own questions in a template: its catalogue name, starting
/// lower case (`goalWhat`).
pub fn question_key(q: QuestionId) -> String {
    let name = q.name();
    let mut key = name.get(..1).unwrap_or_default().to_ascii_lowercase();
    key.push_str(name.get(1..).unwrap_or_default());
    key
}

/// The section whose step asks one of the widget's own questions (the questions are listed
/// in the order of the way through, section by section).
pub fn section_of(q: QuestionId) -> SectionId {
    use QuestionId as Q;
    use SectionId as S;
    const FIRST: [(QuestionId, SectionId); 10] = [
        (Q::GoalWhat, S::Goal),
        (Q::MeasureSignal, S::Progress),
        (Q::CommitmentWhat, S::Commitments),
        (Q::ChannelName, S::Communication),
        (Q::CelebrateGoal, S::Celebrations),
        (Q::Need, S::NeedsAndOffers),
        (Q::AssumptionText, S::Assumptions),
        (Q::Surprises, S::HardTimes),
        (Q::DecisionQuestion, S::Decisions),
        (Q::NextReview, S::KeepingAlive),
    ];
    FIRST
        .iter()
        .rev()
        .find(|(first, _)| q as usize >= *first as usize)
        .map_or(S::Basics, |(_, s)| *s)
}

/// About how long the way through takes, in minutes: the essentials (who is involved
/// included) and going deeper, each rounded to five minutes (at least five; none: 0). A
/// step of the widget's own takes 2 to 6 minutes (the standard way: 20 and 30), each of the
/// coach's questions a minute more.
pub fn estimate(template: Option<&Template>) -> (u32, u32) {
    let sections = template.map_or(&SectionId::ALL[..], |t| &t.sections[..]);
    let mut minutes = [0u32; 2];
    for &s in sections {
        let deeper = section_is_optional(s);
        let own = match s {
            SectionId::Basics | SectionId::Celebrations => 2,
            _ if deeper => 6,
            _ => 4,
        };
        let asked = template.map_or(0, |t| t.questions_in(s).count() as u32);
        minutes[usize::from(deeper)] += own + asked;
    }
    let round = |m: u32| if m == 0 { 0 } else { ((m + 2) / 5 * 5).max(5) };
    (round(minutes[0]), round(minutes[1]))
}

/// One of the coach's own questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Unique in the template; the answer is kept under it.
    pub id: String,
    /// The section it is asked in.
    pub section: SectionId,
    pub prompt: String,
    pub help: Option<String>,
    /// An example for every kind of relationship.
    pub example: Option<String>,
    /// Examples for particular kinds of relationship, in place of `example`.
    pub examples: Vec<(RelationshipKind, String)>,
    pub kind: QuestionKind,
    /// Needed before agreeing.
    pub required: bool,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Free text over several lines.
    Text,
    /// One line of text.
    Line,
    /// One of the options, in order.
    Choice(Vec<String>),
    /// A date.
    Date,
}

impl Template {
    /// The coach's wording for `section`, if any.
    pub fn wording(&self, section: SectionId) -> Option<&Wording> {
        self.wording
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, w)| w)
    }

    /// The coach's wording for one of the widget's own questions (in its section's text).
    pub fn reworded(&self, q: QuestionId) -> Option<&Reword> {
        self.wording
            .iter()
            .flat_map(|(_, w)| &w.questions)
            .find(|(id, _)| *id == q)
            .map(|(_, r)| r)
    }

    /// The coach's questions asked in `section`, in the template's order.
    pub fn questions_in(&self, section: SectionId) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| q.section == section)
    }

    /// Whether `section` appears.
    pub fn shows(&self, section: SectionId) -> bool {
        self.sections.contains(&section)
    }

    /// What an alliance made with this template records of it: its name and version, the
    /// sections it shows, and the questions that must be answered before agreeing.
    pub fn reference(&self) -> TemplateRef {
        TemplateRef {
            name: self.name.clone(),
            version: VERSION as u32,
            sections: self.sections.clone(),
            required: self
                .questions
                .iter()
                .filter(|q| q.required)
                .map(|q| RequiredQuestion {
                    question: q.id.clone(),
                    section: q.section,
                    prompt: q.prompt.clone(),
                })
                .collect(),
        }
    }
}

impl Question {
    /// The example for a kind of relationship: its own, else the general one.
    pub fn example_for(&self, kind: Option<RelationshipKind>) -> Option<&str> {
        kind.and_then(|k| self.examples.iter().find(|(r, _)| *r == k))
            .map(|(_, e)| e.as_str())
            .or(self.example.as_deref())
    }
}

/// Why a template cannot be used: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Where in the file, as `sections[3]` or `questions[0].kind`; empty for the whole file.
    pub path: String,
    pub problem: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "template: {}", self.problem)
        } else {
            write!(f, "template: {} {}", self.path, self.problem)
        }
    }
}
