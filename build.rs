//! Lists the languages there is a catalogue for (`lang/<code>.json`), English first, so adding
//! a language is adding its file.

use std::io::Write;

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
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("languages.rs");
    let list = codes
        .iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    if let Ok(mut f) = std::fs::File::create(out) {
        let _ = writeln!(f, "&[{list}]");
    }
}
