//! The shape of the code, checked: no source file over 600 lines, and no import circle between
//! the core's modules (a module that needs another never is needed by it, through any number of
//! steps), so each can be read, tested and changed from the bottom up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_source_file_is_over_600_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(files.len() > 50, "the sources were found");
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).expect("read").lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by what they do (at most {MAX_LINES} lines): {long:#?}"
    );
}

/// The code of a file without comments and without its tests (a `#[cfg(test)]` module, last).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            // `//` inside a string ("https://…") is not a comment.
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names right after each `prefix` in `code`: `prefix name` or each first name of a
/// group, `prefix {a, b::c}` (a and b).
fn names_after(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        // `super::super::x` is found once, by its own prefix, not as `super::` twice.
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        if rest.starts_with("super::") {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Each top-level module of the core and the other core modules it refers to. A file in a
/// module's folder (`json/plain.rs`) belongs to that module.
fn core_graph() -> BTreeMap<String, BTreeSet<String>> {
    let core = src().join("core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    let module_of = |f: &Path| -> String {
        let rel = f.strip_prefix(&core).expect("in the core");
        let first = rel.components().next().expect("a name");
        Path::new(first.as_os_str())
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned()
    };
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f))
        .filter(|m| m != "mod")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let module = module_of(f);
        if module == "mod" {
            continue;
        }
        let code = code(&std::fs::read_to_string(f).expect("read"));
        let depth = f
            .strip_prefix(&core)
            .expect("in the core")
            .components()
            .count();
        // How this file names the core: `crate::core::`, and `super::` from a module's own
        // file, `super::super::` from a file in its folder. (A `super::` inside an inline
        // module names the file's own items, which are never a core module's name.)
        let mut prefixes = vec!["crate::core::".to_string()];
        let up = if f.file_name().is_some_and(|n| n == "mod.rs") {
            depth - 1
        } else {
            depth
        };
        prefixes.push("super::".repeat(up));
        // From an inline module of the file (`mod serde_impls { use super::super::text; }`).
        prefixes.push("super::".repeat(up + 1));
        let deps = graph.entry(module.clone()).or_default();
        for prefix in &prefixes {
            for name in names_after(&code, prefix) {
                if name != module && modules.contains(&name) {
                    deps.insert(name);
                }
            }
        }
    }
    graph
}

/// A circle of modules, if there is one: each needs the next, and the last the first.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut circle = path[i..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(graph, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_has_no_import_circle() {
    let graph = core_graph();
    // The graph is read as it should be: modules known to use others do.
    let needs = |a: &str, b: &str| graph.get(a).is_some_and(|d| d.contains(b));
    assert!(graph.len() >= 20, "{graph:#?}");
    assert!(needs("action", "model") && needs("json", "text") && needs("editor", "action"));
    assert!(needs("merge", "agreement"), "{graph:#?}");
    assert_eq!(circle(&graph), None, "the core's modules: {graph:#?}");
    // The words are the bottom layer: the catalogue needs nothing of the domain.
    assert_eq!(graph.get("text"), Some(&BTreeSet::new()));
}

#[test]
fn the_core_module_only_declares_and_re_exports() {
    let text = std::fs::read_to_string(src().join("core/mod.rs")).expect("read");
    let code: String = code(&text)
        .lines()
        .filter(|l| !l.trim_start().starts_with("#["))
        .collect::<Vec<_>>()
        .join(" ");
    // Each statement: a module declared or names re-exported.
    let stray: Vec<&str> = code
        .split(';')
        .map(str::trim)
        .filter(|s| {
            !(s.is_empty()
                || s.starts_with("pub mod ")
                || s.starts_with("mod ")
                || s.starts_with("pub use "))
        })
        .collect();
    assert!(stray.is_empty(), "code in src/core/mod.rs: {stray:?}");
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(
        circle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        names_after(
            "use super::{date::Date, model::*};\nlet x = super::super::json::f();",
            "super::"
        ),
        ["date", "model"]
    );
    assert_eq!(
        names_after("super::super::json::f(); super::x()", "super::super::"),
        ["json"]
    );
}
