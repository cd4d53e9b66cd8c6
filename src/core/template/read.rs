//! Reading a coach's template: every member checked, each problem named with its place.

#[allow(unused_imports)]
use super::*;

pub(super) fn fail<T>(path: &str, problem: impl Into<String>) -> Result<T, TemplateError> {
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

pub(super) const MEMBERS: [&str; 10] = [
    "$schema",
    "format",
    "version",
    "name",
    "coach",
    "welcome",
    "welcomeText",
    "sections",
    "sectionText",
    "questions",
];

pub(super) fn read(value: &Value) -> Result<Template, TemplateError> {
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
    let coach = coach(top.get("coach"))?;
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
        coach,
        welcome,
        welcome_text,
        sections,
        wording,
        questions,
    })
}

/// Who the coach is (`coach`: `{"name": "Jordan", "email": "jordan@example.com"}`, either
/// may be left out): where "Send to Jordan" sends, unless the page names them itself.
fn coach(value: Option<&Value>) -> Result<TemplateCoach, TemplateError> {
    let Some(value) = value else {
        return Ok(TemplateCoach::default());
    };
    let Value::Object(map) = value else {
        return fail("coach", "must be an object with the coach's name and email");
    };
    if let Some(key) = map.keys().find(|k| !matches!(k.as_str(), "name" | "email")) {
        return fail(
            &format!("coach.{key}"),
            "is not a member of coach (it has name, email)",
        );
    }
    // Either may be left out; one that is there must say something.
    let member = |key: &str, max: usize| match map.get(key) {
        None => Ok(None),
        Some(v) => text(Some(v), &format!("coach.{key}"), max, true),
    };
    let name = member("name", MAX_NAME)?;
    let email = member("email", 254)?;
    if let Some(e) = email
        .as_deref()
        .filter(|e| !crate::core::coach::email_ok(e))
    {
        return fail("coach.email", format!("{e:?} is not an email address"));
    }
    Ok(TemplateCoach { name, email })
}

/// The coach's wording for the widget's own questions of `section` (`sectionText.<section>.
/// questions`), keyed by [`question_key`].
pub(super) fn rewords(
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

pub(super) const QUESTION_MEMBERS: [&str; 8] = [
    "id", "section", "prompt", "help", "example", "examples", "kind", "required",
];

pub(super) fn question(
    value: &Value,
    path: &str,
    sections: &[SectionId],
) -> Result<Question, TemplateError> {
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

pub(super) fn choices(value: Option<&Value>, path: &str) -> Result<Vec<String>, TemplateError> {
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
pub(super) fn text(
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

pub(super) fn list(items: &[&str]) -> String {
    items.join(", ")
}
