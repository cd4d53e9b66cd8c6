//! The JSON Schema (2020-12) of the file format, generated from the types.

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/designed-alliance-v1.schema.json";

/// The schema as pretty JSON with a trailing newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(super::json::Envelope);
    schema.insert(
        "$id".into(),
        "https://designed-alliance.invalid/schema/designed-alliance-v1.schema.json".into(),
    );
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
