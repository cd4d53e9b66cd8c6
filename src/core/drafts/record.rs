//! How a draft is written in storage: the record around the alliance, and reading it back.

#[allow(unused_imports)]
use super::*;

/// What decides whether a save would change anything, with what this browser keeps: the
/// alliance (as compact JSON) and the step.
pub(super) fn content_of(json: &str, step: &str) -> String {
    let mut s = String::with_capacity(json.len() + 1 + step.len());
    s.push_str(json);
    s.push('\n');
    s.push_str(step);
    s
}

/// The alliance as compact JSON: what decides whether a save would change anything.
pub(super) fn compact(a: &Alliance) -> String {
    // Plain data with string keys: serde_json cannot fail on it.
    serde_json::to_string(a).unwrap_or_default()
}

/// A stored draft: a versioned record around the alliance in the file format, read back with
/// the file's types and limits (quickly, [`json::read_own`]; closely, [`explain`], when it does
/// not read). The members before `file` let
/// the drafts list show a draft without checking all of it; `me` and `seen` are what this
/// browser keeps with the draft ([`Here`]), outside the file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Record<'a> {
    pub(super) format: &'static str,
    pub(super) draft_version: u64,
    pub(super) saved_at: Timestamp,
    pub(super) writer: &'a str,
    pub(super) sequence: u64,
    pub(super) step: &'a str,
    pub(super) title: &'a str,
    pub(super) relationship: Option<RelationshipKind>,
    pub(super) progress: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) me: Option<&'a Id>,
    #[serde(skip_serializing_if = "Seen::is_empty")]
    pub(super) seen: &'a Seen,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) check_in: Option<&'a crate::core::living::Walk>,
    pub(super) file: File<'a>,
}

/// The alliance as an exported file would hold it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct File<'a> {
    pub(super) format: &'static str,
    pub(super) schema_version: u32,
    pub(super) exported_at: Timestamp,
    pub(super) alliance: &'a Alliance,
}

/// The stored form of a draft (compact JSON).
pub fn encode(
    draft: Draft,
    now: Timestamp,
    writer: &str,
    sequence: u64,
) -> Result<String, StorageError> {
    let Draft {
        alliance: a,
        here,
        step,
        progress,
    } = draft;
    let record = Record {
        format: DRAFT_FORMAT,
        draft_version: DRAFT_VERSION,
        saved_at: now,
        writer,
        sequence,
        step,
        title: &a.title,
        relationship: a.relationship,
        progress,
        me: here.me.as_ref(),
        seen: &here.seen,
        check_in: here.walk.as_ref(),
        file: File {
            format: FORMAT,
            schema_version: SCHEMA_VERSION,
            exported_at: now,
            alliance: a,
        },
    };
    // Plain data with string keys cannot fail; if it ever did, nothing is written.
    serde_json::to_string(&record).map_err(|e| StorageError::Failed(e.to_string()))
}

/// Parses the record and checks its format and version (the reason, in words, if not).
pub(super) fn record(raw: &str) -> Result<Value, String> {
    use crate::core::text::drafts as t;
    let value = json::parse_limited(raw.as_bytes(), MAX_DRAFT_BYTES).map_err(|e| e.message)?;
    if value.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
        return Err(t::not_a_draft().to_string());
    }
    match value.get("draftVersion").and_then(Value::as_u64) {
        Some(v) if v > DRAFT_VERSION => Err(t::newer().to_string()),
        Some(v) if v >= 1 => Ok(value),
        _ => Err(t::not_a_draft().to_string()),
    }
}

/// A stored draft, read back.
pub(super) struct Decoded {
    pub(super) alliance: Alliance,
    pub(super) here: Here,
    pub(super) step: String,
    pub(super) sequence: u64,
    pub(super) saved_at: Timestamp,
    pub(super) progress: u32,
}

impl Decoded {
    /// The draft, opened from `slot`.
    pub(super) fn opened(self, slot: Id) -> Opened {
        Opened {
            slot,
            alliance: self.alliance,
            here: self.here,
            step: self.step,
            saved_at: self.saved_at,
        }
    }
}

/// A stored draft in full, or why it cannot be read.
pub(super) fn decode(raw: &str) -> Result<Decoded, Reason> {
    let mut v = record(raw).map_err(Reason::Said)?;
    // What the list shows is read leniently: only the file itself must be right.
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let step = text(&v, "step");
    let saved_at = Timestamp::parse(&text(&v, "savedAt")).unwrap_or_default();
    let sequence = v.get("sequence").and_then(Value::as_u64).unwrap_or(0);
    let progress = v
        .get("progress")
        .and_then(Value::as_u64)
        .map_or(0, |p| p.min(100) as u32);
    let file = v
        .get_mut("file")
        .map(Value::take)
        .ok_or_else(|| Reason::Said(crate::core::text::drafts::not_a_draft().to_string()))?;
    let alliance = json::read_own(&file).ok_or(Reason::InItsFile)?;
    Ok(Decoded {
        here: Here::read(&v, &alliance),
        alliance,
        step,
        sequence,
        saved_at,
        progress,
    })
}

/// Why the alliance in a stored draft cannot be opened, read closely: where in it and what is
/// wrong ([`json::import_value`]). The widget calls it from a part, only for a draft that
/// [`decode`] could not read.
pub fn explain(raw: &str) -> String {
    let file = record(raw).and_then(|mut v| {
        v.get_mut("file")
            .map(Value::take)
            .ok_or_else(|| crate::core::text::drafts::not_a_draft().to_string())
    });
    match file.map(|file| json::import_value(file, SCHEMA_VERSION, MIGRATIONS)) {
        Err(words) => words,
        Ok(Err(e)) => e.message,
        Ok(Ok(_)) => crate::core::text::drafts::file_unreadable().to_string(),
    }
}

// A stored draft is read quickly (`json::read_own`) when it is of this build's version; an
// older one would need the migrations, which only the close reading runs. Adding a migration
// means reading older drafts through it (a part the start waits for), not calling them unreadable.
const _: () = assert!(
    MIGRATIONS.is_empty(),
    "a migration: read stored drafts of older versions through json::import_value"
);

impl Here {
    /// What a stored record says, read leniently: a "me" who is not one of `a`'s parties,
    /// or a history that cannot be read, is as good as none.
    pub(super) fn read(record: &Value, a: &Alliance) -> Here {
        let me = record
            .get("me")
            .and_then(Value::as_str)
            .and_then(Id::new)
            .filter(|id| a.party(id).is_some());
        // Read by reference, as the alliance is: the same deserialising code serves both
        // (reading an owned value would compile a second copy of it for every type).
        let seen = record
            .get("seen")
            .and_then(|v| Seen::deserialize(v).ok())
            .unwrap_or_default();
        // A check-in under way that does not read is as good as none.
        let walk = record
            .get("checkIn")
            .and_then(|v| crate::core::living::Walk::deserialize(v).ok());
        Here { me, seen, walk }
    }
}
