//! Lists the languages there is a catalogue for (`lang/<code>.json`), English first, so adding
//! a language is adding its file; and splits the English catalogue in two for the release
//! build: the words the first download needs (`en-first.json`), and the words only parts use
//! (`en-later.json`, [`LATER`]), which come with the parts (see `core::text::install_later`).

use std::io::Write;

/// The parts of the English catalogue only parts use, but the keys named after `!`: those
/// the first download asks for. A key asked for before any part ran says so in the console
/// (and every browser test fails on a console error).
const LATER: &[&str] = &[
    "coach",
    "!coach.send",
    "!coach.title",
    "!coach.your_coach",
    "!coach.where_sending",
    "desk",
    "export",
    "fileAdvice",
    "living",
    "merge",
    "questions",
    "!questions.Title",
    "!questions.Relationship",
    "!questions.PartyName",
    "!questions.PartyRole",
];

/// Writes `en-first.json` and `en-later.json` into `out`.
fn split_english(out: &std::path::Path) {
    let Ok(text) = std::fs::read_to_string("lang/en.json") else {
        return;
    };
    let Ok(serde_json::Value::Object(all)) = serde_json::from_str::<serde_json::Value>(&text)
    else {
        return;
    };
    let mut first = serde_json::Map::new();
    let mut later = serde_json::Map::new();
    for (part, words) in all {
        if !LATER.contains(&part.as_str()) {
            first.insert(part, words);
            continue;
        }
        let serde_json::Value::Object(words) = words else {
            continue;
        };
        let (mut kept, mut moved) = (serde_json::Map::new(), serde_json::Map::new());
        for (key, w) in words {
            if LATER.contains(&format!("!{part}.{key}").as_str()) {
                kept.insert(key, w);
            } else {
                moved.insert(key, w);
            }
        }
        if !kept.is_empty() {
            first.insert(part.clone(), serde_json::Value::Object(kept));
        }
        later.insert(part, serde_json::Value::Object(moved));
    }
    for (name, map) in [("en-first.json", first), ("en-later.json", later)] {
        let json = serde_json::Value::Object(map).to_string();
        let _ = std::fs::write(out.join(name), json);
    }
}

fn main() {
    println!("cargo::rerun-if-changed=lang");
    let mut codes: Vec<String> = std::fs::read_dir("lang")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    let code = name.strip_suffix(".json")?;
                    let ok = (2..=3).contains(&code.len())
                        && code.bytes().all(|b| b.is_ascii_lowercase());
                    ok.then(|| code.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    codes.sort_by_key(|c| (c != "en", c.clone()));
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    split_english(&dir);
    let out = dir.join("languages.rs");
    let list = codes
        .iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    if let Ok(mut f) = std::fs::File::create(out) {
        let _ = writeln!(f, "&[{list}]");
    }
}
