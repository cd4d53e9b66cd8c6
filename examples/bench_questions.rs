//! Prints the wizard's questions as JSON, so the benchmark builds its comparison pages
//! (SurveyJS and a hand-written page) from exactly the same questions: `make bench` runs it.
#[cfg(not(target_arch = "wasm32"))]
use designed_alliance::core::{
    content::{self as text, QuestionId},
    RelationshipKind,
};

/// Native only (it uses serde_json, a native dependency); the wasm build has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let questions: Vec<serde_json::Value> = text::questions()
        .map(|q| {
            let kind = match q.id {
                QuestionId::Relationship => "dropdown",
                QuestionId::Title | QuestionId::PartyName | QuestionId::PartyRole => "text",
                _ => "comment",
            };
            let choices: Vec<&str> = if kind == "dropdown" {
                RelationshipKind::ALL
                    .iter()
                    .map(|k| text::relationship_label(*k))
                    .collect()
            } else {
                Vec::new()
            };
            serde_json::json!({
                "name": format!("{:?}", q.id),
                "type": kind,
                "title": q.prompt,
                "description": q.help,
                "choices": choices,
            })
        })
        .collect();
    let out = serde_json::to_string_pretty(&questions).unwrap_or_default();
    // A closed pipe is not worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
}
