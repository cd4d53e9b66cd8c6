//! The catalogues of words: every language has every key, with the same values put in, and
//! nothing left in English; a language in use reaches every word the core writes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{coaching, ts};
use designed_alliance::core::content;
use designed_alliance::core::text::{self, placeholders, Catalogue, LANGUAGES};
use designed_alliance::core::{email, json as file, markdown, validate, Alliance, Iso};
use std::collections::BTreeSet;
use std::path::Path;

fn lang_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lang")
}

fn read(code: &str) -> String {
    std::fs::read_to_string(lang_dir().join(format!("{code}.json"))).expect("the catalogue")
}

#[test]
fn there_is_one_catalogue_file_for_each_language_and_no_other() {
    let mut files: Vec<String> = std::fs::read_dir(lang_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = LANGUAGES.iter().map(|l| format!("{l}.json")).collect();
    expected.sort();
    assert_eq!(files, expected);
    assert_eq!(LANGUAGES[0], "en", "English first: it is built in");
}

#[test]
fn every_catalogue_has_every_key_with_the_same_values_put_in() {
    let english = Catalogue::parse(&read("en")).unwrap();
    let keys: BTreeSet<&str> = english.keys().collect();
    // The code asks for each of these (checked against English in the crate's own tests).
    for key in content::keys() {
        assert!(keys.contains(key.as_str()), "lang/en.json lacks {key}");
    }
    for code in &LANGUAGES[1..] {
        let other = Catalogue::parse(&read(code)).unwrap_or_else(|e| panic!("{code}: {e}"));
        let theirs: BTreeSet<&str> = other.keys().collect();
        let missing: Vec<_> = keys.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&keys).collect();
        assert!(missing.is_empty(), "lang/{code}.json lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "lang/{code}.json has keys English has not: {extra:?}"
        );
        for (key, en) in english.entries() {
            let words = other.get(key).unwrap_or_default();
            assert!(!words.trim().is_empty(), "lang/{code}.json: {key} is empty");
            let mut a = placeholders(en);
            let mut b = placeholders(words);
            a.sort();
            b.sort();
            assert_eq!(a, b, "lang/{code}.json: {key} puts in other values");
        }
    }
}

/// Words only English uses, as whole words: none may be left in another language.
const ENGLISH_ONLY: [&str; 14] = [
    "the", "and", "you", "your", "with", "what", "when", "this", "that", "which", "will", "our",
    "is", "not",
];

#[test]
fn nothing_is_left_in_english_in_another_language() {
    let english = Catalogue::parse(&read("en")).unwrap();
    for code in &LANGUAGES[1..] {
        let other = Catalogue::parse(&read(code)).unwrap();
        for (key, en) in english.entries() {
            let words = other.get(key).unwrap_or_default();
            // The same words are fine only when they are values and signs ("{kind} {n}").
            let mut bare = words.to_string();
            for p in placeholders(words) {
                bare = bare.replace(&format!("{{{p}}}"), "");
            }
            assert!(
                words != en || !bare.chars().any(char::is_alphabetic),
                "lang/{code}.json: {key} is still in English: {words:?}"
            );
            for word in bare
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
            {
                assert!(
                    !ENGLISH_ONLY.contains(&word.to_lowercase().as_str()),
                    "lang/{code}.json: {key} has the English word {word:?}: {words:?}"
                );
            }
        }
    }
}

#[test]
fn a_catalogue_that_cannot_be_used_is_refused_with_why() {
    let refused =
        |language: &str, body: &str| text::install(language, body).unwrap_err().to_string();
    assert!(refused("fr", "{}").contains("\"fr\" is not one of the languages (en, es)"));
    assert!(refused("es", "{\"ui\": ").contains("catalogue: is not valid JSON"));
    assert!(refused("es", "[]").contains("must be a JSON object"));
    assert!(refused("es", "{\"ui\": {\"next\": 3}}").contains("ui.next must be text"));
    assert!(refused("es", &"[".repeat(50)).contains("nests deeper"));
    assert_eq!(text::language(), "en", "nothing changed");
    assert_eq!(text::ui::next(), "Next");
}

#[test]
fn the_language_in_use_reaches_every_word_the_core_writes() {
    let now = ts("2026-11-23T14:02:00Z");
    text::install("es", &read("es")).unwrap();
    assert_eq!(text::language(), "es");
    // Steps, messages and findings.
    assert_eq!(text::ui::step_of(3, 14), "Paso 3 de 14");
    let empty = Alliance::new(designed_alliance::core::Id::for_alliance(1), now);
    let report = validate::validate(&empty, now.date());
    assert!(report
        .findings
        .iter()
        .any(|f| f.message == "Pongan un nombre a la alianza."));
    // Exports: Markdown and the email's plain text.
    let a = coaching();
    let md = markdown::to_markdown(&a, now);
    assert!(md.contains("## La meta"), "{md}");
    assert!(md.contains("Quién hace qué, y cuándo"), "{md}");
    let plain = email::to_plain_text(&a, now, &Iso);
    assert!(
        plain.contains("\nQuién hace qué, y cuándo\n────────────────────────\n"),
        "{plain}"
    );
    // Opening a file: what is wrong, and where, in plain Spanish.
    let err = file::import(b"").unwrap_err();
    assert_eq!(err.message, "Este archivo está vacío.");
    let mut broken: serde_json::Value =
        serde_json::from_str(&file::export(&a, now).unwrap()).unwrap();
    broken["alliance"]["goal"]["what"] = serde_json::json!(7);
    let err = file::import(broken.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err.message,
        "Problema en alliance.goal.what: debería ser texto, pero es un número."
    );
    // Counts, in their plural forms.
    assert_eq!(
        text::ui::preview_counts(1, 2),
        "1 compromiso, 2 formas de medir el avance"
    );
    assert_eq!(text::ui::steps_done(0, 1, 0), "0 de 1 paso hecho");
    assert_eq!(
        text::ui::steps_done(0, 14, 5),
        "0 de 14 pasos hechos, 5 omitidos"
    );
    assert_eq!(
        text::merge::save_left(1),
        "Guardar el resultado (queda 1 por elegir)"
    );
    assert_eq!(
        text::merge::save_left(3),
        "Guardar el resultado (quedan 3 por elegir)"
    );
    text::uninstall();
    assert_eq!(text::ui::step_of(3, 14), "Step 3 of 14");
}

/// The values put into words that are words themselves (names, titles, dates, …); any other
/// value is taken for a number.
const WORDS: [&str; 28] = [
    "name", "names", "title", "detail", "value", "date", "path", "kind", "list", "when", "what",
    "time", "sections", "reason", "prompt", "owner", "id", "given", "from", "expected", "button",
    "allowed", "action", "coach", "people", "address", "status", "why",
];

/// After a number that is not a count, only these may follow: units and "of" ("Step 3 of
/// 14"), in each language.
const AFTER_A_NUMBER: [&str; 4] = ["KB", "of", "de", "%"];

/// Whether `key` is a form of a count: its word is an object whose members are all plural
/// forms ("one", "other", …), not an object of words that has one named "other".
fn is_plural_form(catalogue: &Catalogue, key: &str) -> bool {
    let Some((count, _)) = key.rsplit_once('.') else {
        return false;
    };
    let prefix = format!("{count}.");
    catalogue
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix))
        .all(|form| text::Plural::from_name(form).is_some())
}

#[test]
fn no_count_in_any_catalogue_is_without_its_plural_forms() {
    for code in LANGUAGES {
        let catalogue = Catalogue::parse(&read(code)).unwrap();
        for (key, words) in catalogue.entries() {
            if is_plural_form(&catalogue, key) {
                // A count: "{count}" in each form, and "one" and "other" always there.
                assert!(
                    words.contains("{count}"),
                    "lang/{code}.json: {key} lacks {{count}}"
                );
                let (count, _) = key.rsplit_once('.').unwrap();
                for form in ["one", "other"] {
                    assert!(
                        catalogue.get(&format!("{count}.{form}")).is_some(),
                        "lang/{code}.json: {count} has no \"{form}\" form"
                    );
                }
                continue;
            }
            assert!(
                !words.contains("{count}"),
                "lang/{code}.json: {key} counts without plural forms: {words:?}"
            );
            // Any other number is followed by no word but a unit or "of": "{n} commitments"
            // would be a count without plural forms.
            for number in placeholders(words)
                .into_iter()
                .filter(|p| !WORDS.contains(p))
            {
                let mark = format!("{{{number}}}");
                for (at, _) in words.match_indices(&mark) {
                    let next: String = words[at + mark.len()..]
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '%')
                        .collect();
                    assert!(
                        next.is_empty() || AFTER_A_NUMBER.contains(&next.as_str()),
                        "lang/{code}.json: {key} puts a word after {mark} ({next:?}) without \
                         plural forms: {words:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn counts_take_the_form_their_number_asks_for() {
    assert_eq!(
        text::ui::preview_counts(1, 1),
        "1 commitment, 1 way of measuring progress"
    );
    assert_eq!(
        text::ui::preview_counts(0, 3),
        "0 commitments, 3 ways of measuring progress"
    );
    assert_eq!(text::ui::steps_done(1, 1, 0), "1 of 1 step done");
    assert_eq!(text::ui::steps_done(5, 14, 0), "5 of 14 steps done");
    assert_eq!(
        text::ui::steps_done(0, 9, 1),
        "0 of 9 steps done, 1 skipped"
    );
    assert_eq!(text::merge::count(1), "1 difference");
    assert_eq!(text::export::minutes(1), "1 minute");
    assert_eq!(text::export::minutes(45), "45 minutes");
    // Forms come from the rules in use (the browser's Intl.PluralRules); a form a catalogue
    // lacks ("many", say) falls back to "other".
    text::set_plural_rules(Some(Box::new(|n| {
        if n == 2 {
            text::Plural::Two
        } else {
            text::Plural::Many
        }
    })));
    assert_eq!(text::merge::count(1), "1 differences");
    assert_eq!(text::merge::count(2), "2 differences");
    text::set_plural_rules(None);
    assert_eq!(text::merge::count(1), "1 difference");
}
