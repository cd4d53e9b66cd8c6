//! JSON: export and import.

use super::*;

#[test]
fn export_writes_the_documented_envelope() {
    let text = json::export(&coaching(), now()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "designed-alliance");
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["exportedAt"], NOW);
    assert_eq!(v["alliance"]["commitments"][0]["owner"], "p-1");
    assert_eq!(v["alliance"]["commitments"][2]["owner"], "everyone");
    assert_eq!(v["alliance"]["commitments"][0]["when"]["kind"], "date");
    assert_eq!(
        v["alliance"]["commitments"][0]["when"]["date"],
        "2026-12-15"
    );
    assert_eq!(v["alliance"]["communication"]["checkIn"]["time"], "08:30");
    assert_eq!(v["alliance"]["relationship"], "coachAndClient");
    assert_eq!(v["alliance"]["needsAndOffers"][0]["partyId"], "p-1");
}

#[test]
fn import_of_export_is_the_same_alliance() {
    for a in [
        coaching(),
        coaching_agreed(),
        Alliance::new(id("blank"), now()),
        large(),
    ] {
        let file = json::export(&a, now()).unwrap();
        let back = json::import(file.as_bytes()).unwrap();
        assert_eq!(back.alliance, a);
        assert_eq!(back.exported_at, now());
        assert_eq!(back.migrated_from, None);
    }
}

#[test]
fn hard_text_survives_the_round_trip() {
    let mut a = coaching();
    a.goal.what = "Emoji 👩🏽‍💻🎉, combining e\u{301}, right-to-left مرحبا بالعالم, </script><script>alert(1)</script>".into();
    a.goal.why = "x".repeat(1_000_000);
    a.title = "\"quotes\" \\ backslash \u{0} nul \u{2028} separator".into();
    let file = json::export(&a, now()).unwrap();
    assert!(
        file.len() <= json::MAX_FILE_BYTES,
        "a 1 MB answer still fits the file limit"
    );
    assert_eq!(json::import(file.as_bytes()).unwrap().alliance, a);
}

fn import_err(text: &str) -> json::ImportError {
    json::import(text.as_bytes()).expect_err("should be refused")
}

pub(super) fn valid_value() -> serde_json::Value {
    serde_json::from_str(&json::export(&coaching(), now()).unwrap()).unwrap()
}

#[test]
fn import_refuses_what_is_not_an_alliance_file_with_a_specific_message() {
    let e = import_err("");
    assert_eq!(e.kind, ImportErrorKind::Empty);
    assert_eq!(e.message, "This file is empty.");
    assert_eq!(import_err("  \n ").kind, ImportErrorKind::Empty);

    let e = import_err("{hello there");
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, .. }),
        "{e:?}"
    );
    assert!(
        e.message
            .starts_with("This file is not valid JSON (line 1, column"),
        "{}",
        e.message
    );

    let full = json::export(&coaching(), now()).unwrap();
    let e = import_err(&full[..full.len() / 2]);
    assert_eq!(e.kind, ImportErrorKind::Truncated);
    assert!(e.message.contains("cut off"));

    assert_eq!(import_err("[1, 2]").kind, ImportErrorKind::NotAnObject);
    assert_eq!(import_err("\"text\"").kind, ImportErrorKind::NotAnObject);
    assert_eq!(
        import_err("{\"name\": \"a survey\"}").kind,
        ImportErrorKind::WrongFormat
    );

    let e = json::import(&[0xff, 0xfe, b'{', b'}']).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::NotUtf8);
}

#[test]
fn import_explains_json_syntax_errors_in_plain_words_and_places() {
    for (text, line, column, words) in [
        ("[this is not json]", 1, 2, "expected a value"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("{\"a\": 1,}", 1, 9, "a comma is followed by nothing"),
        ("{\"a\" 1}", 1, 6, "expected a colon after a field name"),
        ("[1 2]", 1, 4, "expected a comma or ] in a list"),
        ("{a: 1}", 1, 2, "expected a field name in quotes"),
        ("{\"a\": \"\\q\"}", 1, 9, "unknown escape after a backslash"),
        ("{} x", 1, 4, "more text after the end"),
        (
            "{\n  \"a\": 1e400\n}",
            2,
            8,
            "the number 1e400 is too large to read",
        ),
    ] {
        let e = import_err(text);
        assert_eq!(
            e.kind,
            ImportErrorKind::NotJson { line, column },
            "{text:?}: {}",
            e.message
        );
        assert!(
            e.message.starts_with(&format!(
                "This file is not valid JSON (line {line}, column {column}: "
            )),
            "{text:?}: {}",
            e.message
        );
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
    }
}

/// The files people choose by mistake are named, with which file to choose instead.
#[test]
fn import_recognises_the_usual_wrong_files() {
    use designed_alliance::core::json::FileKind;
    let ics = ics::to_ics(&coaching(), now());
    let markdown = markdown::to_markdown(&coaching(), now());
    let cases: Vec<(Vec<u8>, FileKind, &str)> = vec![
        (ics.into_bytes(), FileKind::Calendar, "calendar file"),
        (markdown.into_bytes(), FileKind::Text, "text or Markdown"),
        (
            b"Our alliance, as I remember it".to_vec(),
            FileKind::Text,
            "text or Markdown",
        ),
        (b"%PDF-1.7\n%\xe2\xe3".to_vec(), FileKind::Pdf, "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), FileKind::Image, "image"),
        (
            b"\xff\xd8\xff\xe0\0\x10JFIF".to_vec(),
            FileKind::Image,
            "image",
        ),
        (
            b"PK\x03\x04\x14\0\x06\0".to_vec(),
            FileKind::Document,
            ".docx",
        ),
    ];
    for (bytes, kind, words) in cases {
        let e = json::import(&bytes).expect_err("refused");
        assert_eq!(e.kind, ImportErrorKind::WrongFile(kind), "{}", e.message);
        assert!(e.message.contains(words), "{}", e.message);
        assert!(
            e.message.contains(".json"),
            "says which file to choose: {}",
            e.message
        );
    }
    // Broken JSON is still explained as JSON, not as another kind of file.
    assert!(matches!(
        import_err("{\"format\": ").kind,
        ImportErrorKind::Truncated
    ));
    // Text handed over by a program (the host page's importJson) was never a file chosen by
    // mistake: it is said not to be JSON, with where.
    let e = json::import_text("not json").expect_err("refused");
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, column: 1 }),
        "{}",
        e.message
    );
    assert!(e.message.contains("not valid JSON"), "{}", e.message);
    assert!(json::import_text(&json::export(&coaching(), now()).unwrap()).is_ok());
}

#[test]
fn import_accepts_a_byte_order_mark() {
    let file = format!("\u{feff}{}", json::export(&coaching(), now()).unwrap());
    assert_eq!(json::import(file.as_bytes()).unwrap().alliance, coaching());
}

#[test]
fn import_explains_version_problems() {
    let mut v = valid_value();
    v.as_object_mut().unwrap().remove("schemaVersion");
    assert_eq!(import_err(&v.to_string()).kind, ImportErrorKind::NoVersion);

    for bad in [
        serde_json::json!("1"),
        serde_json::json!(0),
        serde_json::json!(1.5),
        serde_json::json!(-1),
        serde_json::json!(null),
    ] {
        let mut v = valid_value();
        v["schemaVersion"] = bad.clone();
        let e = import_err(&v.to_string());
        assert_eq!(e.kind, ImportErrorKind::BadVersion, "{bad}");
        assert!(e.message.contains("whole number"), "{}", e.message);
    }

    let mut v = valid_value();
    v["schemaVersion"] = serde_json::json!(2);
    let e = import_err(&v.to_string());
    assert_eq!(e.kind, ImportErrorKind::NewerVersion(2));
    assert!(e.message.contains("newer version"), "{}", e.message);

    let text = valid_value()
        .to_string()
        .replace("\"schemaVersion\":1", "\"schemaVersion\":1e400");
    let e = import_err(&text);
    assert!(
        matches!(e.kind, ImportErrorKind::NotJson { line: 1, .. }),
        "huge numbers are refused: {e:?}"
    );
    assert!(e.message.contains("1e400"), "{}", e.message);
    assert!(e.message.contains("too large"), "{}", e.message);
}

#[test]
fn import_names_the_exact_field_that_is_wrong() {
    type Mutation = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Mutation, &str, &str)> = vec![
        (
            Box::new(|v| v["alliance"]["commitments"][2]["owner"] = serde_json::json!(7)),
            "alliance.commitments[2].owner",
            "should be text, but it is a number",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][2]["owner"] = serde_json::json!("not an id!")
            }),
            "alliance.commitments[2].owner",
            "neither",
        ),
        (
            Box::new(|v| {
                v["alliance"].as_object_mut().unwrap().remove("title");
            }),
            "alliance.title",
            "missing",
        ),
        (
            Box::new(|v| v["alliance"]["goal"]["colour"] = serde_json::json!("blue")),
            "alliance.goal.colour",
            "not part of the format",
        ),
        (
            Box::new(|v| {
                v["alliance"]["keepingAlive"]["nextReview"] = serde_json::json!("next Tuesday")
            }),
            "alliance.keepingAlive.nextReview",
            "YYYY-MM-DD",
        ),
        (
            Box::new(|v| v["alliance"]["parties"][0]["isMe"] = serde_json::json!("yes")),
            "alliance.parties[0].isMe",
            "should be true or false, but it is text",
        ),
        (
            Box::new(|v| {
                v["alliance"]["communication"]["checkIn"]["durationMinutes"] =
                    serde_json::json!(99_999_999)
            }),
            "alliance.communication.checkIn.durationMinutes",
            "whole number from 0 to 65535",
        ),
        (
            Box::new(|v| v["alliance"]["relationship"] = serde_json::json!("enemies")),
            "alliance.relationship",
            "\u{201c}enemies\u{201d} is not one of: coachAndClient",
        ),
        (
            Box::new(|v| v["alliance"]["parties"][1]["id"] = serde_json::json!("everyone")),
            "alliance.parties[1].id",
            "reserved",
        ),
        (
            Box::new(|v| v["surprise"] = serde_json::json!(true)),
            "surprise",
            "not part of the format",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][0]["when"] = serde_json::json!({"kind": "soon"})
            }),
            "alliance.commitments[0].when.kind",
            "\u{201c}soon\u{201d} is not one of: date, after",
        ),
        (
            Box::new(|v| {
                v["alliance"]["communication"]["checkIn"]["durationMinutes"] = serde_json::json!(-1)
            }),
            "alliance.communication.checkIn.durationMinutes",
            "whole number from 0 to 65535, but it is -1",
        ),
        // serde alone would read an object from a list of its values, and a name from an
        // object holding it as its only key: the format allows neither.
        (
            Box::new(|v| v["alliance"]["goal"] = serde_json::json!(["a", "b", "c"])),
            "alliance.goal",
            "should be an object, but it is a list",
        ),
        (
            Box::new(|v| {
                v["alliance"]["relationship"] = serde_json::json!({"coachAndClient": null})
            }),
            "alliance.relationship",
            "should be text, but it is an object",
        ),
        (
            Box::new(|v| {
                v["alliance"]["commitments"][0]["when"] = serde_json::json!(["date", "2026-01-01"])
            }),
            "alliance.commitments[0].when",
            "should be an object, but it is a list",
        ),
    ];
    for (mutate, path, words) in cases {
        let mut v = valid_value();
        mutate(&mut v);
        let e = import_err(&v.to_string());
        assert_eq!(
            e.kind,
            ImportErrorKind::InvalidField {
                path: path.to_string()
            },
            "{}",
            e.message
        );
        assert!(
            e.message.starts_with(&format!("Problem at {path}: ")),
            "{}",
            e.message
        );
        assert!(e.message.contains(words), "{path}: {}", e.message);
        for serde_wording in ["`", "invalid type", "invalid value", "expected", "struct "] {
            assert!(
                !e.message.contains(serde_wording),
                "plain words only: {}",
                e.message
            );
        }
    }
}

#[test]
fn import_names_the_field_in_a_pretty_printed_file_with_non_ascii_text() {
    let mut a = coaching();
    a.goal.what = "Café ☕, naïve 👩🏽‍💻 — “quoted”".into();
    let mut v: serde_json::Value = serde_json::from_str(&json::export(&a, now()).unwrap()).unwrap();
    v["alliance"]["hardTimes"]["permissions"][0]["givenBy"] = serde_json::json!(false);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = import_err(&text);
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.hardTimes.permissions[0].givenBy".into()
        },
        "{}",
        e.message
    );
    let mut v: serde_json::Value = serde_json::from_str(&json::export(&a, now()).unwrap()).unwrap();
    v["alliance"]["decisions"][0]["options"][1]
        .as_object_mut()
        .unwrap()
        .remove("cons");
    let e = import_err(&serde_json::to_string_pretty(&v).unwrap());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.decisions[0].options[1].cons".into()
        },
        "{}",
        e.message
    );
}

#[test]
fn import_checks_ids_references_and_status() {
    let mut v = valid_value();
    v["alliance"]["commitments"][1]["id"] = serde_json::json!("m-1");
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::DuplicateId {
            path: "alliance.commitments[1].id".into()
        }
    );
    assert!(e.message.contains("used twice"));

    let mut v = valid_value();
    v["alliance"]["status"] = serde_json::json!("agreed");
    let e = import_err(&v.to_string());
    assert!(
        e.message.contains("not everyone has agreed"),
        "{}",
        e.message
    );

    let mut v: serde_json::Value =
        serde_json::from_str(&json::export(&coaching_agreed(), now()).unwrap()).unwrap();
    v["alliance"]["agreement"]["signatures"][0]["partyId"] = serde_json::json!("p-9");
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.agreement.signatures[0].partyId".into()
        }
    );
}

#[test]
fn import_enforces_its_documented_limits() {
    let big = vec![b' '; json::MAX_FILE_BYTES + 1];
    let e = json::import(&big).unwrap_err();
    assert_eq!(e.kind, ImportErrorKind::TooLarge);
    assert!(e.message.contains("too large"));

    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(import_err(&deep).kind, ImportErrorKind::TooDeep);
    let deep_object = format!(
        "{{\"format\":\"designed-alliance\",\"x\":{}1{}}}",
        "{\"a\":".repeat(40),
        "}".repeat(40)
    );
    assert_eq!(import_err(&deep_object).kind, ImportErrorKind::TooDeep);
    // Brackets inside strings are text, not nesting.
    let mut a = coaching();
    a.goal.what = "[".repeat(100);
    assert!(json::import(json::export(&a, now()).unwrap().as_bytes()).is_ok());

    let mut v = valid_value();
    let item = v["alliance"]["progress"][0].clone();
    v["alliance"]["progress"] = serde_json::Value::Array(
        (0..=json::MAX_ITEMS)
            .map(|i| {
                let mut m = item.clone();
                m["id"] = serde_json::json!(format!("m-{i}"));
                m
            })
            .collect(),
    );
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::TooManyItems {
            path: "alliance.progress".into()
        }
    );
    assert!(e.message.contains("501 items"), "{}", e.message);
}

#[test]
fn a_title_is_at_most_200_characters() {
    let mut v = valid_value();
    v["alliance"]["title"] = serde_json::json!("é".repeat(json::MAX_TITLE));
    assert!(json::import(v.to_string().as_bytes()).is_ok());
    v["alliance"]["title"] = serde_json::json!("é".repeat(json::MAX_TITLE + 1));
    let e = import_err(&v.to_string());
    assert_eq!(
        e.kind,
        ImportErrorKind::InvalidField {
            path: "alliance.title".into()
        }
    );
    assert_eq!(
        e.message,
        "Problem at alliance.title: the title has 201 characters; a title may have at most 200."
    );
}

#[test]
fn lone_surrogates_are_refused_readably() {
    for lone in [
        "\\ud800 Stepping into",
        "\\udc00Stepping into",
        "\\ud800\\u0041Stepping into",
    ] {
        let text = valid_value().to_string().replace("Stepping into", lone);
        let e = import_err(&text);
        assert!(
            matches!(e.kind, ImportErrorKind::NotJson { .. }),
            "{lone}: {e:?}"
        );
        assert!(
            e.message.contains("lone surrogate"),
            "{lone}: {}",
            e.message
        );
    }
}

#[test]
fn the_migration_chain_runs_every_step_from_the_file_version() {
    use serde_json::Value;
    fn alliance(v: &mut Value) -> &mut Value {
        &mut v["alliance"]
    }
    fn v1_to_v2(mut v: Value) -> Result<Value, json::ImportError> {
        // Pretend version 2 renamed "title" to "name", and version 3 renamed it back.
        let a = alliance(&mut v);
        let title = a["title"].take();
        let a = a.as_object_mut().expect("an object");
        a.remove("title");
        a.insert("name".into(), title);
        Ok(v)
    }
    fn v2_to_v3(mut v: Value) -> Result<Value, json::ImportError> {
        let a = alliance(&mut v).as_object_mut().expect("an object");
        let name = a.remove("name").unwrap_or(Value::Null);
        a.insert(
            "title".into(),
            Value::String(format!("{} (migrated)", name.as_str().unwrap_or(""))),
        );
        Ok(v)
    }
    let steps: &[json::Migration] = &[v1_to_v2, v2_to_v3];
    let v1 = json::export(&coaching(), now()).unwrap();
    let got = json::import_with(v1.as_bytes(), 3, steps).unwrap();
    assert_eq!(got.migrated_from, Some(1));
    assert_eq!(
        got.alliance.title,
        "Stepping into the team-lead role (migrated)"
    );

    let mut v2 = valid_value();
    v2["schemaVersion"] = serde_json::json!(2);
    v2["alliance"]["name"] = v2["alliance"]["title"].take();
    v2["alliance"].as_object_mut().unwrap().remove("title");
    let got = json::import_with(v2.to_string().as_bytes(), 3, steps).unwrap();
    assert_eq!(got.migrated_from, Some(2));
    assert_eq!(
        got.alliance.title,
        "Stepping into the team-lead role (migrated)"
    );
}

/// The first download reads a stored draft's file quickly (`read_own`: serde, this version,
/// the limits); files from elsewhere are read closely (`import`). On what this widget writes,
/// and on the examples, both read the same alliance; what the close reader refuses for the
/// alliance's sake, the quick one refuses too (it then leaves the words to the close one).
#[test]
fn the_quick_reader_of_drafts_reads_what_the_close_reader_reads() {
    let mut files: Vec<String> = [coaching(), coaching_agreed(), large()]
        .iter()
        .map(|a| json::export(a, now()).unwrap())
        .collect();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            files.push(std::fs::read_to_string(&path).unwrap());
        }
    }
    assert!(files.len() >= 6);
    for text in &files {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let closely = json::import(text.as_bytes()).unwrap().alliance;
        assert_eq!(json::read_own(&value), Some(closely));
    }
    let good: serde_json::Value = serde_json::from_str(&files[0]).unwrap();
    let refused = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        change(&mut v);
        assert!(json::import(v.to_string().as_bytes()).is_err(), "{v}");
        assert_eq!(json::read_own(&v), None, "{v}");
    };
    refused(&|v| v["alliance"]["parties"][0]["isMe"] = "yes".into());
    refused(&|v| v["alliance"]["title"] = 5.into());
    refused(&|v| v["schemaVersion"] = 2.into());
    refused(&|v| v["format"] = "something else".into());
    refused(&|v| {
        v["alliance"]["commitments"][1]["id"] = v["alliance"]["commitments"][0]["id"].clone()
    });
    refused(&|v| {
        let one = v["alliance"]["commitments"][0].clone();
        v["alliance"]["commitments"] = serde_json::Value::Array(vec![one; json::MAX_ITEMS + 1]);
    });
}
