//! The JSON file format, version 1: `{"format": "designed-alliance", "schemaVersion": 1,
//! "exportedAt": ..., "alliance": {...}}`, written and read with serde, and an import that never
//! panics.
//!
//! Import limits (each refused with its own message): files over [`MAX_FILE_BYTES`], nesting
//! deeper than [`MAX_DEPTH`] (checked before parsing), more than [`MAX_PARTIES`] parties, more
//! than [`MAX_ITEMS`] items in any other list. Older `schemaVersion`s pass through
//! [`MIGRATIONS`] first. Whatever is wrong is said in plain words with where it is
//! ("Problem at alliance.commitments[2].owner: ..."), never in serde's own wording
//! (see [`plain`]).

use super::date::Timestamp;
use super::model::*;
use super::text::nesting_depth;
use super::text::{detail as words, import as msg};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod check_ins;
mod plain;

/// The value of `format` in every file.
pub const FORMAT: &str = "designed-alliance";
/// The version this build writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;
/// Files larger than this are refused before they are read (1 MiB).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Deepest nesting of arrays and objects accepted (a real file needs 7).
pub const MAX_DEPTH: usize = 32;
/// Most parties in one alliance.
pub const MAX_PARTIES: usize = 50;
/// Most items in any other list (commitments, measures, options, …).
pub const MAX_ITEMS: usize = 500;
/// Longest title, in characters: a title is a name to recognise, not a text (the header and
/// the step list show it on every change).
pub const MAX_TITLE: usize = 200;

/// A whole exported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    schemars(
        title = "Designed alliance",
        description = "A designed alliance exported by the Designed Alliance widget."
    )
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope {
    /// Always "designed-alliance".
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "schema_support::format")
    )]
    pub format: String,
    /// The version of this format; this build writes 1.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(schema_with = "schema_support::version")
    )]
    pub schema_version: u32,
    /// When the file was written.
    pub exported_at: Timestamp,
    pub alliance: Alliance,
}

/// The envelope as written: the same members, the alliance borrowed.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeRef<'a> {
    format: &'static str,
    schema_version: u32,
    exported_at: Timestamp,
    alliance: &'a Alliance,
}

#[cfg(not(target_arch = "wasm32"))]
mod schema_support {
    use schemars::{json_schema, Schema, SchemaGenerator};
    pub fn format(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": super::FORMAT })
    }
    pub fn version(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": super::SCHEMA_VERSION })
    }
}

/// What kind of problem stopped an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportErrorKind {
    TooLarge,
    Empty,
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    TooDeep,
    NotAnObject,
    WrongFormat,
    NoVersion,
    BadVersion,
    NewerVersion(u64),
    InvalidField {
        path: String,
    },
    TooManyItems {
        path: String,
    },
    DuplicateId {
        path: String,
    },
    /// Another kind of file altogether: the person chose the wrong one.
    WrongFile(FileKind),
}

/// The files people choose instead of a saved alliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The calendar file the widget makes (.ics).
    Calendar,
    /// Text or Markdown (such as the copied alliance, saved as a file).
    Text,
    Pdf,
    Image,
    /// A word-processor document, a spreadsheet or an archive (all zip files inside).
    Document,
}

impl FileKind {
    /// What this kind of file is, in words ("a calendar file").
    pub fn words(self) -> &'static str {
        match self {
            FileKind::Calendar => msg::file_calendar(),
            FileKind::Text => msg::file_text(),
            FileKind::Pdf => msg::file_pdf(),
            FileKind::Image => msg::file_image(),
            FileKind::Document => msg::file_document(),
        }
    }
}

/// Recognises a file by its first bytes, when it is clearly not JSON.
fn sniff(bytes: &[u8]) -> Option<FileKind> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF") {
        Some(FileKind::Pdf)
    } else if starts(b"\x89PNG")
        || starts(b"\xff\xd8\xff")
        || starts(b"GIF8")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        Some(FileKind::Image)
    } else if starts(b"PK\x03\x04") || starts(b"\xd0\xcf\x11\xe0") {
        Some(FileKind::Document)
    } else {
        None
    }
}

/// Why a file could not be imported, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub kind: ImportErrorKind,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

fn err(kind: ImportErrorKind, message: impl Into<String>) -> ImportError {
    ImportError {
        kind,
        message: message.into(),
    }
}

/// A successfully read file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub alliance: Alliance,
    pub exported_at: Timestamp,
    /// The version the file was written in, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// Writes the alliance as a JSON file (pretty-printed, two-space indents, ends with a newline).
pub fn export(alliance: &Alliance, now: Timestamp) -> Result<String, serde_json::Error> {
    let envelope = EnvelopeRef {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exported_at: now,
        alliance,
    };
    // Written compact (as drafts are), then laid out through a `Value`: one pretty printer, for
    // `Value`, rather than one per type of the model (17 KB of code in the first download).
    let laid_out: Value = serde_json::from_str(&serde_json::to_string(&envelope)?)?;
    let mut s = serde_json::to_string_pretty(&laid_out)?;
    s.push('\n');
    Ok(s)
}

/// One step of the migration chain: turns a file of version `n` into version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, ImportError>;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`. Version 1 is the first, so the
/// chain is empty; adding version 2 means adding one function here.
pub const MIGRATIONS: &[Migration] = &[];

const _: () = assert!(MIGRATIONS.len() + 1 == SCHEMA_VERSION as usize);

/// Runs `steps` from version `from` up to the newest.
pub fn migrate(mut value: Value, from: u32, steps: &[Migration]) -> Result<Value, ImportError> {
    let start = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for step in steps.iter().skip(start) {
        value = step(value)?;
    }
    Ok(value)
}

/// Reads a file the person chose. Never panics; any problem comes back as a readable
/// [`ImportError`] and the caller's current alliance is untouched because nothing is changed here.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, SCHEMA_VERSION, MIGRATIONS)
}

/// A file's title within [`MAX_TITLE`]. Checked for what arrives (files, links, the host
/// page's text), not for a draft this browser kept: one an older widget saved with a longer
/// title still opens.
fn title_within_limit(imported: Imported) -> Result<Imported, ImportError> {
    let title = imported.alliance.title.chars().count();
    if title > MAX_TITLE {
        return Err(err(
            ImportErrorKind::InvalidField {
                path: "alliance.title".to_string(),
            },
            msg::title_too_long(title, MAX_TITLE),
        ));
    }
    Ok(imported)
}

/// Reads file text handed over by a program (the host page's `importJson`): as [`import`], but
/// text that is not JSON is said to be so rather than taken for a file chosen by mistake.
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    import_value(
        parse_limited(text.as_bytes(), MAX_FILE_BYTES)?,
        SCHEMA_VERSION,
        MIGRATIONS,
    )
    .and_then(title_within_limit)
}

/// [`import`] with a given newest version and migration chain (for testing the chain).
pub fn import_with(
    bytes: &[u8],
    newest: u32,
    migrations: &[Migration],
) -> Result<Imported, ImportError> {
    import_value(parse_file(bytes)?, newest, migrations).and_then(title_within_limit)
}

/// Reads the bytes of a file the person chose as JSON, within the size and nesting limits.
/// The files people choose by mistake (the calendar file, a PDF, an image, a document, text
/// or Markdown) are named as such, with the file to choose instead.
pub fn parse_file(bytes: &[u8]) -> Result<Value, ImportError> {
    let wrong = |kind| {
        err(
            ImportErrorKind::WrongFile(kind),
            msg::wrong_file(kind.words()),
        )
    };
    if bytes.len() <= MAX_FILE_BYTES {
        if let Some(kind) = sniff(bytes) {
            return Err(wrong(kind));
        }
    }
    parse_limited(bytes, MAX_FILE_BYTES).map_err(|e| {
        let start = std::str::from_utf8(bytes)
            .map(|text| text.trim_start_matches('\u{feff}').trim_start())
            .unwrap_or_default();
        match e.kind {
            ImportErrorKind::NotJson { .. } | ImportErrorKind::Truncated
                if start.starts_with("BEGIN:VCALENDAR") =>
            {
                wrong(FileKind::Calendar)
            }
            // Not JSON at all (it does not even start like an object or a list): text someone
            // saved, such as the copied alliance. Broken JSON is explained as JSON.
            ImportErrorKind::NotJson { .. } | ImportErrorKind::Truncated
                if !start.starts_with(['{', '[']) =>
            {
                wrong(FileKind::Text)
            }
            _ => e,
        }
    })
}

/// Reads text as JSON, refusing more than `limit` bytes and nesting deeper than [`MAX_DEPTH`]
/// (both before parsing: a 100,000-deep file never reaches the parser).
pub fn parse_limited(bytes: &[u8], limit: usize) -> Result<Value, ImportError> {
    if bytes.len() > limit {
        return Err(err(
            ImportErrorKind::TooLarge,
            msg::too_large(bytes.len() as u64, limit as u64),
        ));
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| err(ImportErrorKind::NotUtf8, msg::not_utf8()))?;
    // Editors on Windows often start UTF-8 files with a byte-order mark: it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().is_empty() {
        return Err(err(ImportErrorKind::Empty, msg::empty()));
    }
    if nesting_depth(text.as_bytes()) > MAX_DEPTH {
        return Err(err(ImportErrorKind::TooDeep, msg::too_deep()));
    }
    serde_json::from_str(text).map_err(|e| plain::syntax_error(&e, text))
}

/// Reads a file this widget wrote itself (a stored draft's): of this build's version, read as
/// serde reads it, within the limits; `None` when anything is off. It says nothing of what:
/// [`import_value`] does, reading closely (where each value is, in the file's own terms), and
/// is the larger code, so the first download leaves it to a part (a file, a link, the host
/// page's text, or explaining a draft that does not read).
pub fn read_own(value: &Value) -> Option<Alliance> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT)
        || value.get("schemaVersion").and_then(Value::as_u64) != Some(u64::from(SCHEMA_VERSION))
    {
        return None;
    }
    let envelope = Envelope::deserialize(value).ok()?;
    check_limits_and_ids(&envelope.alliance).ok()?;
    Some(envelope.alliance)
}

/// Reads an alliance file already parsed as JSON: format, version, migrations, fields, limits.
pub fn import_value(
    value: Value,
    newest: u32,
    migrations: &[Migration],
) -> Result<Imported, ImportError> {
    if !value.is_object() {
        return Err(err(ImportErrorKind::NotAnObject, msg::not_an_object()));
    }
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(err(ImportErrorKind::WrongFormat, msg::wrong_format()));
    }
    let version = match value.get("schemaVersion") {
        None => return Err(err(ImportErrorKind::NoVersion, msg::no_version())),
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => n,
            _ => {
                return Err(err(
                    ImportErrorKind::BadVersion,
                    msg::bad_version(&plain::short(v)),
                ))
            }
        },
    };
    if version > u64::from(newest) {
        return Err(err(
            ImportErrorKind::NewerVersion(version),
            msg::newer_version(version, newest),
        ));
    }
    // Checked just above: 1 <= version <= newest, which is a u32.
    let from = u32::try_from(version).unwrap_or(newest);
    let mut value = migrate(value, from, migrations)?;
    if let Some(v) = value.get_mut("schemaVersion") {
        *v = Value::from(newest);
    }
    let envelope: Envelope = plain::decode(&value)?;
    check_limits_and_ids(&envelope.alliance)?;
    Ok(Imported {
        alliance: envelope.alliance,
        exported_at: envelope.exported_at,
        migrated_from: (from < newest).then_some(from),
    })
}

/// A list at `path` with `n` items, over its `limit`: said with the path and the numbers.
fn too_many(path: &str, n: usize, limit: usize) -> Result<(), ImportError> {
    if n > limit {
        Err(err(
            ImportErrorKind::TooManyItems {
                path: path.to_string(),
            },
            msg::too_many_items(path, n, limit),
        ))
    } else {
        Ok(())
    }
}

/// The field at `path` cannot be taken, and `why`.
fn invalid(path: String, why: &str) -> Result<(), ImportError> {
    Err(err(
        ImportErrorKind::InvalidField { path: path.clone() },
        msg::invalid_field(&path, why),
    ))
}

fn check_limits_and_ids(a: &Alliance) -> Result<(), ImportError> {
    too_many("alliance.parties", a.parties.len(), MAX_PARTIES)?;
    let lists = [
        ("alliance.progress", a.progress.len()),
        ("alliance.commitments", a.commitments.len()),
        (
            "alliance.communication.channels",
            a.communication.channels.len(),
        ),
        (
            "alliance.communication.updates",
            a.communication.updates.len(),
        ),
        (
            "alliance.celebrations.milestones",
            a.celebrations.milestones.len(),
        ),
        ("alliance.needsAndOffers", a.needs_and_offers.len()),
        ("alliance.assumptions", a.assumptions.len()),
        (
            "alliance.hardTimes.permissions",
            a.hard_times.permissions.len(),
        ),
        ("alliance.decisions", a.decisions.len()),
        (
            "alliance.keepingAlive.revisions",
            a.keeping_alive.revisions.len(),
        ),
        (
            "alliance.agreement.signatures",
            a.agreement.signatures.len(),
        ),
        ("alliance.agreement.earlier", a.agreement.earlier.len()),
    ];
    for (path, n) in lists {
        too_many(path, n, MAX_ITEMS)?;
    }
    too_many("alliance.answers", a.answers.len(), MAX_ITEMS)?;
    // Answers to a coach's questions: one per question, each with its question.
    for (i, answer) in a.answers.iter().enumerate() {
        let q = &answer.question;
        if !question_id(q) {
            return invalid(
                format!("alliance.answers[{i}].question"),
                words::question_id(),
            );
        }
        if a.answers.iter().take(i).any(|other| other.question == *q) {
            return invalid(
                format!("alliance.answers[{i}].question"),
                words::answered_twice(),
            );
        }
        if answer.prompt.trim().is_empty() {
            return invalid(
                format!("alliance.answers[{i}].prompt"),
                words::answer_prompt_empty(),
            );
        }
    }
    if let Some(t) = &a.template {
        if t.name.trim().is_empty() || t.version == 0 {
            return invalid("alliance.template".to_string(), words::template_ref());
        }
        too_many("alliance.template.required", t.required.len(), MAX_ITEMS)?;
        for (i, q) in t.required.iter().enumerate() {
            if !question_id(&q.question) {
                return invalid(
                    format!("alliance.template.required[{i}].question"),
                    words::question_id(),
                );
            }
            if q.prompt.trim().is_empty() {
                return invalid(
                    format!("alliance.template.required[{i}].prompt"),
                    words::question_empty(),
                );
            }
        }
    }
    for (i, d) in a.decisions.iter().enumerate() {
        too_many(
            &format!("alliance.decisions[{i}].options"),
            d.options.len(),
            MAX_ITEMS,
        )?;
    }
    check_ins::check(a)?;

    // Ids must be unique across the alliance: list items are found by id.
    // Ids seen so far, in document order: the first repeat is the one reported. Quadratic,
    // but bounded by the item limits, and only when a file is opened.
    let mut seen: Vec<String> = Vec::new();
    let mut first_duplicate: Option<(String, String)> = None;
    let mut visit = |path: String, id: &Id| {
        let id = id.as_str();
        if first_duplicate.is_some() {
            return;
        }
        if seen.iter().any(|s| s == id) {
            first_duplicate = Some((path, id.to_string()));
        } else {
            seen.push(id.to_string());
        }
    };
    macro_rules! ids {
        ($list:expr, $path:literal) => {
            for (i, x) in $list.iter().enumerate() {
                visit(format!(concat!("alliance.", $path, "[{}].id"), i), &x.id);
            }
        };
    }
    ids!(a.parties, "parties");
    ids!(a.progress, "progress");
    ids!(a.commitments, "commitments");
    ids!(a.communication.channels, "communication.channels");
    ids!(a.celebrations.milestones, "celebrations.milestones");
    ids!(a.needs_and_offers, "needsAndOffers");
    ids!(a.assumptions, "assumptions");
    ids!(a.hard_times.permissions, "hardTimes.permissions");
    ids!(a.decisions, "decisions");
    for (i, d) in a.decisions.iter().enumerate() {
        for (j, o) in d.options.iter().enumerate() {
            visit(format!("alliance.decisions[{i}].options[{j}].id"), &o.id);
        }
    }
    ids!(a.keeping_alive.revisions, "keepingAlive.revisions");
    ids!(a.check_ins, "checkIns");
    if let Some((path, id)) = first_duplicate {
        return Err(err(
            ImportErrorKind::DuplicateId { path: path.clone() },
            msg::duplicate_id(&path, &id),
        ));
    }

    // Agreement must refer to people in the alliance, once each, and "agreed" must be true.
    let agreements = [
        ("signatures", &a.agreement.signatures),
        ("earlier", &a.agreement.earlier),
    ];
    for (list, signatures) in agreements {
        for (i, s) in signatures.iter().enumerate() {
            let path = format!("alliance.agreement.{list}[{i}].partyId");
            let why = if a.party(&s.party_id).is_none() {
                words::no_such_person()
            } else if signatures[..i].iter().any(|x| x.party_id == s.party_id)
                || (list == "earlier"
                    && a.agreement
                        .signatures
                        .iter()
                        .any(|x| x.party_id == s.party_id))
            {
                words::agreed_twice()
            } else {
                continue;
            };
            return Err(err(
                ImportErrorKind::InvalidField { path: path.clone() },
                msg::invalid_field(&path, why),
            ));
        }
    }
    let everyone_signed = a
        .parties
        .iter()
        .all(|p| a.agreement.signatures.iter().any(|s| s.party_id == p.id));
    if a.status == Status::Agreed && !everyone_signed {
        let path = "alliance.status".to_string();
        return Err(err(
            ImportErrorKind::InvalidField { path: path.clone() },
            msg::inconsistent_status(&path),
        ));
    }
    Ok(())
}

/// Whether `q` is a question's id: 1 to 64 of `A-Z a-z 0-9 _ -`.
fn question_id(q: &str) -> bool {
    (1..=64).contains(&q.len())
        && q.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
