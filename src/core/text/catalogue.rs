//! Catalogues of words: one JSON file per language (`lang/<code>.json`), objects of words
//! nested by part (`{"ui": {"next": "Next"}}` holds the key `ui.next`), read into a table
//! sorted by key. English is built into the widget; another language is read from its file
//! and installed when a widget speaks it. A key a catalogue lacks is said in English.

use std::cell::Cell;
use std::fmt;

/// The languages there is a catalogue for, English first: one per file in `lang/` (listed by
/// `build.rs`), so adding a language is adding its file (see DEVELOPERS.md).
pub const LANGUAGES: &[&str] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The English catalogue, built in: whole, but in the release build (`da_split`), where the
/// words only parts use come with the parts ([`install_later`]).
#[cfg(not(da_split))]
const ENGLISH: &str = include_str!("../../../lang/en.json");
#[cfg(da_split)]
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en-first.json"));

/// Limits on a catalogue's file, as for any file read from elsewhere.
pub const MAX_BYTES: usize = 256 * 1024;
const MAX_DEPTH: usize = 6;

/// The words of one language, sorted by key.
#[derive(Debug, Default)]
pub struct Catalogue {
    words: Vec<(String, String)>,
}

/// Why a catalogue file cannot be used: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError(String);

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalogue: {}", self.0)
    }
}

impl Catalogue {
    /// Reads a catalogue file: objects of text, nested at most a few levels. Never panics.
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        if text.len() > MAX_BYTES {
            return Err(CatalogueError(format!(
                "is {} bytes; a catalogue may have at most {MAX_BYTES}",
                text.len()
            )));
        }
        if crate::core::text::nesting_depth(text.as_bytes()) > MAX_DEPTH {
            return Err(CatalogueError(format!(
                "nests deeper than {MAX_DEPTH} levels"
            )));
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            CatalogueError(format!(
                "is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            ))
        })?;
        let mut words = Vec::new();
        flatten(&value, "", &mut words)?;
        words.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = words.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(CatalogueError(format!("{} is there twice", pair[0].0)));
        }
        Ok(Catalogue { words })
    }

    /// The words of `key`, if this catalogue has them.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.words
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .and_then(|i| self.words.get(i))
            .map(|(_, v)| v.as_str())
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|(k, _)| k.as_str())
    }

    /// Every key with its words, in order of key.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.words.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The built-in English catalogue.
    pub fn english() -> Catalogue {
        Catalogue::parse(ENGLISH).unwrap_or_default()
    }
}

fn flatten(
    value: &serde_json::Value,
    path: &str,
    out: &mut Vec<(String, String)>,
) -> Result<(), CatalogueError> {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                // "$schema" or "_comment" members are for people editing the file.
                if key.starts_with('$') || key.starts_with('_') {
                    continue;
                }
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(v, &at, out)?;
            }
            Ok(())
        }
        serde_json::Value::String(s) if !path.is_empty() => {
            out.push((path.to_string(), s.clone()));
            Ok(())
        }
        _ if path.is_empty() => Err(CatalogueError("must be a JSON object".into())),
        _ => Err(CatalogueError(format!("{path} must be text"))),
    }
}

/// The plural categories of Unicode's CLDR, as `Intl.PluralRules` names them: which form of
/// a word a number takes. A count in a catalogue is an object of forms by category
/// (`{"one": "{count} step", "other": "{count} steps"}`); `other` is always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// Its name, in catalogues and in `Intl.PluralRules`.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// How the language in use picks a plural form for a number.
pub type PluralRules = Box<dyn Fn(u64) -> Plural>;

thread_local! {
    static ENGLISH_WORDS: &'static Catalogue = Box::leak(Box::new(Catalogue::english()));
    /// The English words only parts use, once a part has run ([`install_later`]).
    static LATER: Cell<Option<&'static Catalogue>> = const { Cell::new(None) };
    /// What is told of a key no catalogue has (the widget says it in the console).
    static MISSING: Cell<Option<fn(&str)>> = const { Cell::new(None) };
    static CURRENT: Cell<Option<(&'static str, &'static Catalogue)>> = const { Cell::new(None) };
    static RULES: std::cell::RefCell<Option<PluralRules>> = const { std::cell::RefCell::new(None) };
}

/// The English words only parts use: in the release build they come with the parts, and the
/// first part to run installs them (every part does, through `part!`); elsewhere they are
/// built in with the others, and this does nothing.
pub fn install_later() {
    #[cfg(da_split)]
    if LATER.with(|l| l.get()).is_none() {
        let words = Catalogue::parse(include_str!(concat!(env!("OUT_DIR"), "/en-later.json")))
            .unwrap_or_default();
        LATER.with(|l| l.set(Some(Box::leak(Box::new(words)))));
    }
}

/// What to do with a key no catalogue has: in the browser, say it in the console.
pub fn on_missing(tell: fn(&str)) {
    MISSING.with(|m| m.set(Some(tell)));
}

/// The English words of `key`: built in, or come with the parts.
fn english(key: &str) -> Option<&'static str> {
    ENGLISH_WORDS
        .with(|e| e.get(key))
        .or_else(|| LATER.with(|l| l.get()).and_then(|c| c.get(key)))
}

/// Picks plural forms with `rules` from now on: in the browser, its `Intl.PluralRules` for the
/// language in use. Without rules, "one" is for 1 and "other" for every other number, which
/// is right for English and Spanish.
pub fn set_plural_rules(rules: Option<PluralRules>) {
    RULES.with(|r| *r.borrow_mut() = rules);
}

/// The plural category of `n` in the language in use.
pub fn plural_category(n: u64) -> Plural {
    RULES
        .with(|r| r.borrow().as_ref().map(|f| f(n)))
        .unwrap_or(if n == 1 { Plural::One } else { Plural::Other })
}

/// The form of the count `key` for `n`, in the language in use: the form of its category,
/// else its `other` form (in English when the language's catalogue lacks the word). Never
/// inlined, like [`get`].
#[inline(never)]
pub fn plural(key: &str, n: u64) -> &'static str {
    let category = plural_category(n);
    let pick = |c: &'static Catalogue| -> Option<&'static str> {
        c.get(&format!("{key}.{}", category.name()))
            .or_else(|| c.get(&format!("{key}.other")))
    };
    CURRENT
        .with(|c| c.get())
        .and_then(|(_, catalogue)| pick(catalogue))
        .or_else(|| ENGLISH_WORDS.with(|e| pick(e)))
        .or_else(|| LATER.with(|l| l.get()).and_then(pick))
        .unwrap_or_else(|| missing(key))
}

/// Speaks `language` from now on, with the words of its catalogue `text` (the file's
/// content). Meant to be done once, before a widget starts: the catalogue stays for as long
/// as the page (or test thread) does.
pub fn install(language: &str, text: &str) -> Result<(), CatalogueError> {
    let Some(code) = LANGUAGES.iter().copied().find(|l| *l == language) else {
        return Err(CatalogueError(format!(
            "{language:?} is not one of the languages ({})",
            LANGUAGES.join(", ")
        )));
    };
    let catalogue: &'static Catalogue = Box::leak(Box::new(Catalogue::parse(text)?));
    CURRENT.with(|c| c.set(Some((code, catalogue))));
    Ok(())
}

/// Back to English.
pub fn uninstall() {
    CURRENT.with(|c| c.set(None));
}

/// The language in use: its code ("en", "es").
pub fn language() -> &'static str {
    CURRENT.with(|c| c.get()).map_or("en", |(code, _)| code)
}

/// The words of `key` in the language in use; in English when its catalogue lacks them;
/// empty for a key no catalogue has (a test keeps every key the code asks for in English).
/// Never inlined: hundreds of words call it, and one copy is all the widget needs.
#[inline(never)]
pub fn get(key: &str) -> &'static str {
    CURRENT
        .with(|c| c.get())
        .and_then(|(_, catalogue)| catalogue.get(key))
        .or_else(|| english(key))
        .unwrap_or_else(|| missing(key))
}

/// A key no catalogue has: told (see [`on_missing`]), and said as nothing.
#[cold]
fn missing(key: &str) -> &'static str {
    if let Some(tell) = MISSING.with(|m| m.get()) {
        tell(key);
    }
    ""
}

/// A template with its values: each `{name}` becomes the value named so; other text,
/// including a `{name}` with no value, stays as it is.
#[inline(never)]
pub fn fill(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order (`{name}` → `name`).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if !after[..close].is_empty()
                    && after[..close]
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}
