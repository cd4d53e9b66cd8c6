//! A coach's own template: which sections appear and in what order, the coach's welcome (and
//! their words for any point of the widget's own), their own questions, and their wording for
//! section titles, introductions and the widget's own questions.
//!
//! A template is a JSON file on the coach's own site (`format: "designed-alliance-template"`,
//! `version: 1`; the JSON Schema is `schema/designed-alliance-template-v1.schema.json`). It is
//! data, never markup: every text in it is shown as text. A template that cannot be used is
//! refused with one readable reason that says where ("template: sections[3] "goals" is not a
//! section"), and the widget runs with the standard template.

use super::json::nesting_depth;
use super::model::{RelationshipKind, RequiredQuestion, SectionId, TemplateRef};
use super::text::{section_is_optional, QuestionId, QUESTION_IDS};
use serde_json::Value;
use std::fmt;

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

fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError {
        path: path.to_string(),
        problem: problem.into(),
    })
}

/// Reads a template file. Never panics.
pub fn parse(bytes: &[u8]) -> Result<Template, TemplateError> {
    if bytes.len() > MAX_BYTES {
        return fail(
            "",
            format!(
                "is {} bytes; a template may have at most {MAX_BYTES}",
                bytes.len()
            ),
        );
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail("", "is not UTF-8 text");
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return fail("", "is empty");
    }
    if nesting_depth(text.as_bytes()) > MAX_DEPTH {
        return fail("", format!("nests deeper than {MAX_DEPTH} levels"));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return fail(
                "",
                format!(
                    "is not valid JSON (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        }
    };
    read(&value)
}

const MEMBERS: [&str; 9] = [
    "$schema",
    "format",
    "version",
    "name",
    "welcome",
    "welcomeText",
    "sections",
    "sectionText",
    "questions",
];

fn read(value: &Value) -> Result<Template, TemplateError> {
    let Value::Object(top) = value else {
        return fail("", "must be a JSON object");
    };
    for key in top.keys() {
        if !MEMBERS.contains(&key.as_str()) {
            return fail(
                &format!("{key:?}"),
                format!(
                    "is not a member of a template (it has {})",
                    list(&MEMBERS[1..])
                ),
            );
        }
    }
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return fail("format", format!("is {f:?}; a template says {FORMAT:?}"))
        }
        Some(_) => return fail("format", format!("must be the text {FORMAT:?}")),
        None => return fail("", format!("has no format (\"format\": {FORMAT:?})")),
    }
    match top.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return fail(
                "version",
                format!("is {v}; this widget reads templates of version {VERSION}"),
            )
        }
        _ => return fail("version", format!("must be {VERSION}")),
    }
    let name = text(top.get("name"), "name", MAX_NAME, true)?.unwrap_or_default();
    let welcome = text(top.get("welcome"), "welcome", MAX_WELCOME, false)?;
    let mut welcome_text: [Option<String>; 5] = Default::default();
    match top.get("welcomeText") {
        None => {}
        Some(Value::Object(map)) => {
            for (key, words) in map {
                let path = format!("welcomeText.{key}");
                let Some(i) = WELCOME_POINTS.iter().position(|p| p == key) else {
                    return fail(
                        &path,
                        format!(
                            "{key:?} is not a point of the welcome (they are {})",
                            list(&WELCOME_POINTS)
                        ),
                    );
                };
                welcome_text[i] = text(Some(words), &path, MAX_HELP, true)?;
            }
        }
        Some(_) => {
            return fail(
                "welcomeText",
                "must be an object keyed by point of the welcome",
            )
        }
    }

    let sections = match top.get("sections") {
        None => SectionId::ALL.to_vec(),
        Some(Value::Array(items)) => {
            let mut sections = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let path = format!("sections[{i}]");
                let Value::String(key) = item else {
                    return fail(&path, "must be a section's name");
                };
                let Some(section) = SectionId::from_key(key) else {
                    return fail(
                        &path,
                        format!(
                            "{key:?} is not a section (the sections are {})",
                            list(&SectionId::ALL.map(SectionId::key))
                        ),
                    );
                };
                if sections.contains(&section) {
                    return fail(&path, format!("{key:?} is listed twice"));
                }
                sections.push(section);
            }
            if !sections.contains(&SectionId::Basics) {
                return fail(
                    "sections",
                    "must include \"basics\" (who is involved: the people who agree)",
                );
            }
            sections
        }
        Some(_) => return fail("sections", "must be a list of section names"),
    };

    let mut wording = Vec::new();
    match top.get("sectionText") {
        None => {}
        Some(Value::Object(map)) => {
            for (key, entry) in map {
                let path = format!("sectionText.{key}");
                let Some(section) = SectionId::from_key(key) else {
                    return fail(&path, format!("{key:?} is not a section"));
                };
                let Value::Object(entry) = entry else {
                    return fail(
                        &path,
                        "must be an object with \"title\", \"intro\" and/or \"questions\"",
                    );
                };
                if let Some(other) = entry
                    .keys()
                    .find(|k| !["title", "intro", "questions"].contains(&k.as_str()))
                {
                    return fail(
                        &format!("{path}.{other}"),
                        "is not a member (a section's text has \"title\", \"intro\" and \"questions\")",
                    );
                }
                wording.push((
                    section,
                    Wording {
                        title: text(
                            entry.get("title"),
                            &format!("{path}.title"),
                            MAX_NAME,
                            false,
                        )?,
                        intro: text(
                            entry.get("intro"),
                            &format!("{path}.intro"),
                            MAX_HELP,
                            false,
                        )?,
                        questions: rewords(entry.get("questions"), &path, section)?,
                    },
                ));
            }
        }
        Some(_) => return fail("sectionText", "must be an object keyed by section"),
    }

    let questions = match top.get("questions") {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            if items.len() > MAX_QUESTIONS {
                return fail(
                    "questions",
                    format!(
                        "has {} questions; a template may have at most {MAX_QUESTIONS}",
                        items.len()
                    ),
                );
            }
            let mut questions: Vec<Question> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let q = question(item, &format!("questions[{i}]"), &sections)?;
                if questions.iter().any(|other| other.id == q.id) {
                    return fail(
                        &format!("questions[{i}].id"),
                        format!("{:?} is used by an earlier question", q.id),
                    );
                }
                questions.push(q);
            }
            questions
        }
        Some(_) => return fail("questions", "must be a list of questions"),
    };

    Ok(Template {
        name,
        welcome,
        welcome_text,
        sections,
        wording,
        questions,
    })
}

/// The coach's wording for the widget's own questions of `section` (`sectionText.<section>.
/// questions`), keyed by [`question_key`].
fn rewords(
    value: Option<&Value>,
    path: &str,
    section: SectionId,
) -> Result<Vec<(QuestionId, Reword)>, TemplateError> {
    let path = format!("{path}.questions");
    let map = match value {
        None => return Ok(Vec::new()),
        Some(Value::Object(map)) => map,
        Some(_) => {
            return fail(
                &path,
                "must be an object keyed by question (as \"goalWhat\")",
            )
        }
    };
    let mut out = Vec::new();
    for (key, entry) in map {
        let at = format!("{path}.{key}");
        let found = QUESTION_IDS
            .iter()
            .copied()
            .find(|q| question_key(*q) == *key);
        let q = match found {
            Some(q) if section_of(q) == section => q,
            Some(q) => {
                return fail(
                    &at,
                    format!(
                        "{key:?} is asked in {:?}, not in {:?}",
                        section_of(q).key(),
                        section.key()
                    ),
                )
            }
            None => {
                let own: Vec<String> = QUESTION_IDS
                    .iter()
                    .filter(|q| section_of(**q) == section)
                    .map(|q| question_key(*q))
                    .collect();
                return fail(
                    &at,
                    format!(
                        "{key:?} is not one of the questions of {:?} (they are {})",
                        section.key(),
                        own.join(", ")
                    ),
                );
            }
        };
        let Value::Object(r) = entry else {
            return fail(
                &at,
                "must be an object with \"prompt\", \"help\" and/or \"example\"",
            );
        };
        if let Some(other) = r
            .keys()
            .find(|k| !["prompt", "help", "example"].contains(&k.as_str()))
        {
            return fail(
                &format!("{at}.{other}"),
                "is not a member (a question's wording has \"prompt\", \"help\" and \"example\")",
            );
        }
        out.push((
            q,
            Reword {
                prompt: text(r.get("prompt"), &format!("{at}.prompt"), MAX_PROMPT, false)?,
                help: text(r.get("help"), &format!("{at}.help"), MAX_HELP, false)?,
                example: text(
                    r.get("example"),
                    &format!("{at}.example"),
                    MAX_PROMPT,
                    false,
                )?,
            },
        ));
    }
    Ok(out)
}

const QUESTION_MEMBERS: [&str; 8] = [
    "id", "section", "prompt", "help", "example", "examples", "kind", "required",
];

fn question(value: &Value, path: &str, sections: &[SectionId]) -> Result<Question, TemplateError> {
    let Value::Object(q) = value else {
        return fail(path, "must be an object");
    };
    for key in q.keys() {
        if !QUESTION_MEMBERS.contains(&key.as_str()) && key != "options" {
            return fail(
                &format!("{path}.{key}"),
                format!(
                    "is not a member of a question (it has {}, and options for a choice)",
                    list(&QUESTION_MEMBERS)
                ),
            );
        }
    }
    let id = text(q.get("id"), &format!("{path}.id"), MAX_ID, true)?.unwrap_or_default();
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return fail(
            &format!("{path}.id"),
            format!("{id:?} may hold only letters a to z, digits, - and _"),
        );
    }
    let section = match q.get("section") {
        Some(Value::String(key)) => match SectionId::from_key(key) {
            Some(s) if sections.contains(&s) => s,
            Some(_) => {
                return fail(
                    &format!("{path}.section"),
                    format!("{key:?} is not one of the template's sections"),
                )
            }
            None => {
                return fail(
                    &format!("{path}.section"),
                    format!("{key:?} is not a section"),
                )
            }
        },
        _ => {
            return fail(
                &format!("{path}.section"),
                "must name the section it is asked in",
            )
        }
    };
    let prompt =
        text(q.get("prompt"), &format!("{path}.prompt"), MAX_PROMPT, true)?.unwrap_or_default();
    let help = text(q.get("help"), &format!("{path}.help"), MAX_HELP, false)?;
    let example = text(
        q.get("example"),
        &format!("{path}.example"),
        MAX_PROMPT,
        false,
    )?;
    let mut examples = Vec::new();
    match q.get("examples") {
        None => {}
        Some(Value::Object(map)) => {
            for (key, e) in map {
                let at = format!("{path}.examples.{key}");
                let Some(kind) = RelationshipKind::from_key(key) else {
                    return fail(&at, format!("{key:?} is not a kind of relationship"));
                };
                if let Some(e) = text(Some(e), &at, MAX_PROMPT, true)? {
                    examples.push((kind, e));
                }
            }
        }
        Some(_) => {
            return fail(
                &format!("{path}.examples"),
                "must be an object keyed by kind of relationship",
            )
        }
    }
    let options = q.get("options");
    let kind = match q.get("kind") {
        Some(Value::String(k)) if k == "text" => QuestionKind::Text,
        Some(Value::String(k)) if k == "line" => QuestionKind::Line,
        Some(Value::String(k)) if k == "date" => QuestionKind::Date,
        Some(Value::String(k)) if k == "choice" => {
            QuestionKind::Choice(choices(options, &format!("{path}.options"))?)
        }
        Some(Value::String(k)) => {
            return fail(
                &format!("{path}.kind"),
                format!("{k:?} is not a kind of question (text, line, choice or date)"),
            )
        }
        _ => {
            return fail(
                &format!("{path}.kind"),
                "must be text, line, choice or date",
            )
        }
    };
    if options.is_some() && !matches!(kind, QuestionKind::Choice(_)) {
        return fail(
            &format!("{path}.options"),
            "is only for a question of kind \"choice\"",
        );
    }
    let required = match q.get("required") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return fail(&format!("{path}.required"), "must be true or false"),
    };
    Ok(Question {
        id,
        section,
        prompt,
        help,
        example,
        examples,
        kind,
        required,
    })
}

fn choices(value: Option<&Value>, path: &str) -> Result<Vec<String>, TemplateError> {
    let Some(Value::Array(items)) = value else {
        return fail(path, "must list the choices (two or more)");
    };
    if items.len() < 2 || items.len() > MAX_OPTIONS {
        return fail(
            path,
            format!(
                "has {} choices; a choice needs 2 to {MAX_OPTIONS}",
                items.len()
            ),
        );
    }
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let option = text(Some(item), &at, MAX_OPTION, true)?.unwrap_or_default();
        if out.contains(&option) {
            return fail(&at, format!("{option:?} is listed twice"));
        }
        out.push(option);
    }
    Ok(out)
}

/// A text member: trimmed; `required` ones must not be empty; at most `max` characters.
fn text(
    value: Option<&Value>,
    path: &str,
    max: usize,
    required: bool,
) -> Result<Option<String>, TemplateError> {
    match value {
        None if required => fail(path, "is missing"),
        None => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.is_empty() && required {
                fail(path, "is empty")
            } else if s.chars().count() > max {
                fail(path, format!("is longer than {max} characters"))
            } else if s.is_empty() {
                Ok(None)
            } else {
                Ok(Some(s.to_string()))
            }
        }
        Some(_) => fail(path, "must be text"),
    }
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}
