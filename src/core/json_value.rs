//! A small JSON parser and value type for imports and stored drafts.
//!
//! Our own rather than serde_json's because, in WebAssembly, serde_json's parser and number
//! formatting cost more than the whole parser below, and we want messages in our own words.
//! Numbers are kept as their text: the format only has small whole numbers.

/// A parsed JSON value. Object members keep their order; a repeated name keeps the last value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number exactly as written (already checked against JSON's grammar).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why the text is not JSON, and where (1-based line and column, counted in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text ends in the middle of a value.
    Eof,
    /// Nested deeper than allowed.
    TooDeep,
    /// A `\u` escape that is not a valid character (a lone surrogate).
    LoneSurrogate,
    /// Anything else, described in words.
    Syntax(&'static str),
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number written without sign, fraction or exponent, if it fits.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => super::parse_whole(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Sets or adds the member `key` of an object; does nothing on other values.
    pub fn set(&mut self, key: &str, value: Json) {
        if let Json::Object(members) = self {
            match members.iter_mut().rev().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key.to_string(), value)),
            }
        }
    }

    /// Removes every member `key` of an object.
    pub fn remove(&mut self, key: &str) -> Option<Json> {
        if let Json::Object(members) = self {
            let i = members.iter().rposition(|(k, _)| k == key)?;
            let (_, v) = members.remove(i);
            members.retain(|(k, _)| k != key);
            return Some(v);
        }
        None
    }

    /// Compact JSON text (for tests and migrations; messages describe values in words).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u");
                out.push_str(&super::hex(u64::from(c), 4));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
}

/// Parses a whole JSON document, nested at most `max_depth` arrays and objects deep.
pub fn parse(text: &str, max_depth: usize) -> Result<Json, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth,
    };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.err(ParseErrorKind::Syntax(
            "there is more text after the end of the document",
        )));
    }
    Ok(v)
}

impl Parser<'_> {
    fn err(&self, kind: ParseErrorKind) -> ParseError {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        // One pass, counted by hand: std's searchers cost more code than the whole parser.
        let (mut line, mut column) = (1, 1);
        for c in before.chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        ParseError { line, column, kind }
    }

    fn eof_or(&self, what: &'static str) -> ParseError {
        if self.pos >= self.bytes.len() {
            self.err(ParseErrorKind::Eof)
        } else {
            self.err(ParseErrorKind::Syntax(what))
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.bytes.get(self.pos) == Some(&b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, ParseError> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(value)
        } else if word
            .as_bytes()
            .starts_with(&self.bytes[self.pos..self.bytes.len().min(end)])
        {
            self.pos = self.bytes.len();
            Err(self.err(ParseErrorKind::Eof))
        } else {
            Err(self.err(ParseErrorKind::Syntax("expected a value")))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        match self.bytes.get(self.pos) {
            None => Err(self.err(ParseErrorKind::Eof)),
            Some(b'{') | Some(b'[') if depth >= self.max_depth => {
                Err(self.err(ParseErrorKind::TooDeep))
            }
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err(ParseErrorKind::Syntax("expected a value"))),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        self.eat(b'-');
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 {
            return Err(self.eof_or("a number needs digits"));
        }
        if n > 1 && self.bytes[int_start] == b'0' {
            return Err(self.err(ParseErrorKind::Syntax("a number cannot start with 0")));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.eof_or("a number needs digits after the decimal point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.eof_or("a number needs digits in its exponent"));
            }
        }
        Ok(Json::Number(
            self.text
                .get(start..self.pos)
                .unwrap_or_default()
                .to_string(),
        ))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.bytes.get(self.pos) {
                None => return Err(self.err(ParseErrorKind::Eof)),
                Some(b) => (*b as char).to_digit(16).ok_or_else(|| {
                    self.err(ParseErrorKind::Syntax(
                        "a \\u escape needs four hexadecimal digits",
                    ))
                })?,
            };
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once.
            let start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(start..self.pos).unwrap_or_default());
            match self.bytes.get(self.pos) {
                None => return Err(self.err(ParseErrorKind::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.bytes.get(self.pos) {
                        None => return Err(self.err(ParseErrorKind::Eof)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A high surrogate must be followed by a low one.
                                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                                    return Err(self.err(ParseErrorKind::LoneSurrogate));
                                }
                                self.pos += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.err(ParseErrorKind::LoneSurrogate));
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else if (0xDC00..0xE000).contains(&first) {
                                return Err(self.err(ParseErrorKind::LoneSurrogate));
                            } else {
                                first
                            };
                            // Checked above: never a surrogate, always at most 0x10FFFF.
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        Some(_) => {
                            return Err(self
                                .err(ParseErrorKind::Syntax("unknown escape after a backslash")))
                        }
                    };
                    out.push(c);
                    self.pos += 1;
                }
                Some(_) => {
                    return Err(self.err(ParseErrorKind::Syntax(
                        "a line break or control character inside text must be escaped",
                    )))
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            return Err(self.eof_or("expected a comma or ] in a list"));
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.eof_or("expected a field name in quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return Err(self.eof_or("expected a colon after a field name"));
            }
            self.skip_ws();
            let value = self.value(depth)?;
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key, value)),
            }
            self.skip_ws();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            return Err(self.eof_or("expected a comma or } in an object"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Json, ParseError> {
        parse(s, 32)
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v =
            p(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\n\u00e9\ud83d\ude00\"", "a": 0} "#)
                .unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Number("0".into())),
            "a repeated name keeps the last value"
        );
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x\né😀\""));
        assert_eq!(p("[]").unwrap(), Json::Array(vec![]));
        assert_eq!(p("{}").unwrap(), Json::Object(vec![]));
        assert_eq!(p("12").unwrap().as_u64(), Some(12));
        assert_eq!(p("1e400").unwrap().as_u64(), None);
        assert_eq!(p("99999999999999999999999").unwrap().as_u64(), None);
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        let e = p("{\n  \"a\": tru").unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Eof);
        let e = p("{\n  \"a\": nope}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        assert_eq!(e.kind, ParseErrorKind::Syntax("expected a value"));
        for (text, kind) in [
            ("[1,]", ParseErrorKind::Syntax("expected a value")),
            (
                "[1 2]",
                ParseErrorKind::Syntax("expected a comma or ] in a list"),
            ),
            (
                "{\"a\" 1}",
                ParseErrorKind::Syntax("expected a colon after a field name"),
            ),
            (
                "{a: 1}",
                ParseErrorKind::Syntax("expected a field name in quotes"),
            ),
            ("01", ParseErrorKind::Syntax("a number cannot start with 0")),
            (
                "\"a\nb\"",
                ParseErrorKind::Syntax(
                    "a line break or control character inside text must be escaped",
                ),
            ),
            (
                "\"\\x\"",
                ParseErrorKind::Syntax("unknown escape after a backslash"),
            ),
            ("\"\\ud800\"", ParseErrorKind::LoneSurrogate),
            ("\"\\udc00\"", ParseErrorKind::LoneSurrogate),
            ("\"\\ud800\\u0041\"", ParseErrorKind::LoneSurrogate),
            (
                "[1] 2",
                ParseErrorKind::Syntax("there is more text after the end of the document"),
            ),
            ("[", ParseErrorKind::Eof),
            ("\"abc", ParseErrorKind::Eof),
            ("", ParseErrorKind::Eof),
        ] {
            assert_eq!(p(text).unwrap_err().kind, kind, "{text:?}");
        }
    }

    #[test]
    fn nesting_is_limited_without_recursing_too_far() {
        assert_eq!(
            parse(&"[".repeat(100_000), 32).unwrap_err().kind,
            ParseErrorKind::TooDeep
        );
        assert!(parse(&format!("{}{}", "[".repeat(32), "]".repeat(32)), 32).is_ok());
        assert_eq!(
            parse(&format!("{}{}", "[".repeat(33), "]".repeat(33)), 32)
                .unwrap_err()
                .kind,
            ParseErrorKind::TooDeep
        );
    }

    #[test]
    fn writes_back_what_it_read() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":"x\n\"\\\u0001é"}"#;
        let v = p(text).unwrap();
        assert_eq!(p(&v.to_text()).unwrap(), v);
    }
}
