//! serde's errors, said in plain words.
//!
//! serde and serde_json explain a problem for a programmer ("invalid type: integer `7`,
//! expected a string at line 1 column 80"). A person opening a file needs to know where the
//! problem is, in the file's own terms, and what would be right: "Problem at
//! alliance.commitments[2].owner: should be text, but it is a number." The place comes from
//! `serde_path_to_error`; what is wrong comes from the kind of error serde reports (its
//! messages start with fixed words, one kind each) and from the value actually found there.
//! The format's own types (ids, dates, times, owners) already explain themselves in plain
//! words, and pass through as they are.

use super::super::text::{detail as words, import as msg};
use super::{err, ImportError, ImportErrorKind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use serde_path_to_error::Segment;

/// Decodes `value` as `T`, or says where and what the first problem is.
pub fn decode<T: DeserializeOwned + Serialize>(value: &Value) -> Result<T, ImportError> {
    let invalid = |place: &[Segment], detail: &str| {
        let path = path_text(place);
        err(
            ImportErrorKind::InvalidField { path: path.clone() },
            msg::invalid_field(&path, detail),
        )
    };
    let decoded: T = serde_path_to_error::deserialize(value).map_err(|e| {
        let mut place: Vec<Segment> = e.path().iter().cloned().collect();
        let found = value_at(value, &place);
        let detail = explain(&e.inner().to_string(), found, &mut place);
        invalid(&place, &detail)
    })?;
    // serde also reads an object from a list of its members' values, and a name from an
    // object holding it as its only key; the format allows neither.
    // Written back through compact text, which drafts use anyway: `to_value` would compile
    // every type's serialiser once more (4.3 KB gzipped).
    let written: Value = serde_json::to_string(&decoded)
        .and_then(|text| serde_json::from_str(&text))
        .map_err(|e| invalid(&[], &e.to_string()))?;
    let mut place = Vec::new();
    match different_shape(value, &written, &mut place) {
        Some(detail) => Err(invalid(&place, &detail)),
        None => Ok(decoded),
    }
}

/// Where `found` has another kind of value than `expected` (the same data, written back), and
/// what should be there; `None` when their shapes agree everywhere.
fn different_shape(found: &Value, expected: &Value, place: &mut Vec<Segment>) -> Option<String> {
    match (found, expected) {
        (Value::Object(f), Value::Object(e)) => {
            for (key, e) in e {
                place.push(Segment::Map { key: key.clone() });
                if let Some(detail) = f.get(key).and_then(|f| different_shape(f, e, place)) {
                    return Some(detail);
                }
                place.pop();
            }
            None
        }
        (Value::Array(f), Value::Array(e)) => {
            for (index, (f, e)) in f.iter().zip(e).enumerate() {
                place.push(Segment::Seq { index });
                if let Some(detail) = different_shape(f, e, place) {
                    return Some(detail);
                }
                place.pop();
            }
            None
        }
        (f, e) if std::mem::discriminant(f) == std::mem::discriminant(e) => None,
        // An absent optional member is written back as null.
        (f, Value::Null) if f.is_null() => None,
        (f, e) => Some(words::should_be(kind_of(e), kind_of(f))),
    }
}

/// The value at `place` in `root`, if there is one.
fn value_at<'a>(root: &'a Value, place: &[Segment]) -> Option<&'a Value> {
    place.iter().try_fold(root, |v, segment| match segment {
        Segment::Seq { index } => v.get(*index),
        Segment::Map { key } | Segment::Enum { variant: key } => v.get(key.as_str()),
        Segment::Unknown => None,
    })
}

/// `alliance.commitments[2].owner`; "the top level" for the file itself.
fn path_text(place: &[Segment]) -> String {
    let mut path = String::new();
    for segment in place {
        match segment {
            Segment::Seq { index } => path.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Segment::Unknown => path.push_str(".?"),
        }
    }
    if path.is_empty() {
        words::top_level().to_string()
    } else {
        path
    }
}

/// The first name between backticks in serde's message (a field or variant name).
fn quoted(message: &str) -> Option<&str> {
    let rest = message.split_once('`')?.1;
    Some(rest.split_once('`')?.0)
}

/// What serde's `message` about the value `found` means, in plain words. When the problem is a
/// member of the object at `place` (a missing or unknown field, an enum's tag), it is added to
/// `place`.
fn explain(message: &str, found: Option<&Value>, place: &mut Vec<Segment>) -> String {
    let mut step_into = |name: &str| {
        let key = name.to_string();
        if !matches!(place.last(), Some(Segment::Map { key: last }) if *last == key) {
            place.push(Segment::Map { key });
        }
    };
    if message.starts_with("missing field `") {
        if let Some(name) = quoted(message) {
            step_into(name);
        }
        return words::required_missing().to_string();
    }
    if message.starts_with("unknown field `") {
        if let Some(name) = quoted(message) {
            step_into(name);
        }
        return words::unknown_field().to_string();
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let given = rest.split_once('`').map_or("", |(given, _)| given);
        // An internally tagged value (`when`): the problem is its `kind`.
        if found.is_some_and(Value::is_object) {
            step_into("kind");
        }
        let allowed = rest
            .split_once("expected ")
            .map(|(_, names)| names.split('`').skip(1).step_by(2).collect::<Vec<_>>())
            .unwrap_or_default();
        return words::not_one_of(given, &allowed.join(", "));
    }
    if message.starts_with("invalid type: ") || message.starts_with("invalid value: ") {
        let expected = message.rsplit_once(", expected ").map_or("", |(_, e)| e);
        // A number where a number belongs: say which one.
        let show_number = matches!(expected, "u16" | "u32" | "u64");
        let found = found.map_or_else(
            || words::missing().to_string(),
            |v| found_in_words(v, show_number),
        );
        return words::should_be(expected_in_words(expected), &found);
    }
    // The format's own types explain themselves (see `model` and `date`).
    message.to_string()
}

/// What serde expected, as a person would say it.
fn expected_in_words(expected: &str) -> &'static str {
    match expected {
        "a string" | "string or map" => words::text(),
        "a boolean" => words::true_or_false(),
        "u16" => words::whole_number_to_65535(),
        "u32" | "u64" => words::whole_number(),
        "a sequence" => words::list(),
        e if e.starts_with("struct ") || e == "a map" || e.starts_with("internally tagged") => {
            words::object()
        }
        _ => words::something_else(),
    }
}

/// What was found, as a person would say it; numbers as written when they are the problem.
fn found_in_words(v: &Value, show_number: bool) -> String {
    match v {
        Value::Number(n) if show_number => n.to_string(),
        other => kind_of(other).to_string(),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => words::true_or_false(),
        Value::Number(_) => words::number(),
        Value::String(_) => words::text(),
        Value::Array(_) => words::list(),
        Value::Object(_) => words::object(),
    }
}

/// A short rendering of a value for messages: text and numbers as written, others in words.
pub fn short(v: &Value) -> String {
    match v {
        Value::String(s) if s.chars().count() > 40 => format!(
            "\u{201c}{}…\u{201d}",
            s.chars().take(40).collect::<String>()
        ),
        Value::String(s) => format!("\u{201c}{s}\u{201d}"),
        Value::Number(n) => n.to_string(),
        other => kind_of(other).to_string(),
    }
}

/// A parse error of serde_json in plain words, with its line and column.
pub fn syntax_error(e: &serde_json::Error, text: &str) -> ImportError {
    use serde_json::error::Category;
    if e.classify() == Category::Eof {
        return err(ImportErrorKind::Truncated, msg::truncated());
    }
    let line = e.line();
    // serde_json counts columns in bytes, from 1, at the byte it stopped at.
    let row = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let mut column = e.column();
    // serde_json's message without its " at line L column C".
    let full = e.to_string();
    let code = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(c, _)| c);
    let detail = match code {
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            msg::broken_escape().to_string()
        }
        "number out of range" => {
            // Point at where the number starts.
            let (start, number) = number_before(row, column);
            column = start + 1;
            format!("the number {number} is too large to read")
        }
        "expected value" | "expected ident" => {
            // Stopped inside a word (`tru`, `this`): point at where the word starts.
            let bytes = row.as_bytes();
            while column > 1 && bytes.get(column - 2).is_some_and(u8::is_ascii_alphabetic) {
                column -= 1;
            }
            "expected a value".to_string()
        }
        "expected `,` or `]`" => "expected a comma or ] in a list".to_string(),
        "expected `,` or `}`" => "expected a comma or } in an object".to_string(),
        "expected `:`" => "expected a colon after a field name".to_string(),
        "key must be a string" | "expected `\"`" => "expected a field name in quotes".to_string(),
        "trailing comma" => "a comma is followed by nothing".to_string(),
        "trailing characters" => "there is more text after the end of the document".to_string(),
        "invalid escape" => "unknown escape after a backslash".to_string(),
        "invalid number" => "this is not a number".to_string(),
        "invalid unicode code point" => "a \\u escape is not a character".to_string(),
        c if c.starts_with("control character") => {
            "a line break or control character inside text must be escaped".to_string()
        }
        "recursion limit exceeded" => return err(ImportErrorKind::TooDeep, msg::too_deep()),
        _ => "this is not valid JSON here".to_string(),
    };
    err(
        ImportErrorKind::NotJson { line, column },
        msg::not_json(line, column, &detail),
    )
}

/// The number that ends at (or just before) byte `column` (from 1) of `row`, as written, and
/// the byte (from 0) it starts at.
fn number_before(row: &str, column: usize) -> (usize, String) {
    let bytes = row.as_bytes();
    let is_number = |b: &u8| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E');
    let mut end = column.min(bytes.len());
    while end > 0 && !bytes.get(end - 1).is_some_and(is_number) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && bytes.get(start - 1).is_some_and(is_number) {
        start -= 1;
    }
    (start, row.get(start..end).unwrap_or_default().to_string())
}
