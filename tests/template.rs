//! The coach's template file: read, checked, and refused with a reason that says where.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{coaching, coaching_agreed, ts};
use designed_alliance::core::model::{Answer, RelationshipKind, SectionId, Status};
use designed_alliance::core::template::{self, QuestionKind};
use designed_alliance::core::{email, json as file, markdown, summary, validate, Action, Iso};
use serde_json::{json, Value};

fn answer(question: &str, section: SectionId, prompt: &str, value: &str) -> Answer {
    Answer {
        question: question.into(),
        section,
        prompt: prompt.into(),
        value: value.into(),
    }
}

fn first_sessions() -> template::Template {
    template::parse(example().as_bytes()).expect("the example template reads")
}

#[test]
fn what_agreeing_needs_follows_the_template_the_alliance_records() {
    let today = ts("2026-11-23T14:02:00Z").date();
    let mut a = coaching();
    a.progress.clear();
    let standard = validate::validate(&a, today);
    assert!(
        !standard.ready_to_agree(),
        "the standard template asks how we measure"
    );
    assert!(standard
        .findings
        .iter()
        .any(|f| f.section == SectionId::Progress));

    // First sessions leaves out how we measure, and asks where sessions happen (required).
    let t = first_sessions();
    let reference = t.reference();
    assert_eq!(reference.sections, t.sections);
    assert_eq!(reference.required.len(), 1);
    assert_eq!(reference.required[0].question, "sessionFormat");
    a.template = Some(reference);
    let report = validate::validate(&a, today);
    assert!(report
        .findings
        .iter()
        .all(|f| f.section != SectionId::Progress));
    assert!(report
        .sections
        .iter()
        .all(|s| t.sections.contains(&s.section)));
    let missing: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity.blocks_agreement())
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].section, SectionId::Communication);
    assert_eq!(missing[0].path, "alliance.answers");
    assert_eq!(
        missing[0].message,
        "Answer \u{201c}Where would you like our sessions to happen?\u{201d}."
    );
    assert!(!report.ready_to_agree());
    let party = a.parties[0].id.clone();
    assert!(a
        .apply(
            Action::Agree {
                party: party.clone(),
                date: today
            },
            ts("2026-11-23T14:03:00Z")
        )
        .is_err());

    // An answer left empty is no answer.
    a.answers = vec![answer(
        "sessionFormat",
        SectionId::Communication,
        "Where would you like our sessions to happen?",
        " ",
    )];
    assert!(!validate::validate(&a, today).ready_to_agree());
    a.answers[0].value = "By video".into();
    let report = validate::validate(&a, today);
    assert!(report.ready_to_agree(), "{:?}", report.findings);
    assert_eq!(report.percent_complete(), 100);
    assert_eq!(
        a.apply(
            Action::Agree { party, date: today },
            ts("2026-11-23T14:03:00Z")
        ),
        Ok(true)
    );
    // The same alliance checked as made with the standard template still asks for it all.
    assert!(!validate::validate_as(&a, today, None).ready_to_agree());

    // The record travels in the file and is checked on import.
    let now = ts("2026-11-23T14:04:00Z");
    let text = file::export(&a, now).unwrap();
    assert!(text.contains("\"required\""));
    assert_eq!(file::import(text.as_bytes()).expect("imports").alliance, a);
    let mut broken: Value = serde_json::from_str(&text).unwrap();
    broken["alliance"]["template"]["required"][0]["question"] = json!("no spaces");
    let err = file::import(broken.to_string().as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .contains("alliance.template.required[0].question"),
        "{err}"
    );
}

#[test]
fn answers_to_a_coachs_questions_are_set_changed_and_taken_away() {
    let now = ts("2026-11-23T14:02:00Z");
    let mut a = coaching();
    let energy = |v: &str| answer("energy", SectionId::Goal, "What gives you energy?", v);
    assert_eq!(
        a.apply(Action::SetAnswer(energy("")), now),
        Ok(false),
        "nothing to take away"
    );
    assert_eq!(
        a.apply(Action::SetAnswer(energy("Mentoring")), now),
        Ok(true)
    );
    assert_eq!(
        a.apply(Action::SetAnswer(energy("Mentoring")), now),
        Ok(false),
        "unchanged"
    );
    let date_answer = answer(
        "first",
        SectionId::Commitments,
        "When is our first session?",
        "2026-12-09",
    );
    assert_eq!(
        a.apply(Action::SetAnswer(date_answer.clone()), now),
        Ok(true)
    );
    assert_eq!(
        a.apply(Action::SetAnswer(energy("Mentoring new designers")), now),
        Ok(true)
    );
    assert_eq!(
        a.answers,
        [energy("Mentoring new designers"), date_answer.clone()]
    );
    assert_eq!(a.apply(Action::SetAnswer(energy("")), now), Ok(true));
    assert_eq!(a.answers, [date_answer]);
    // A changed answer changes the terms: an agreed alliance is a draft again. Recording the
    // template does not.
    let mut agreed = coaching_agreed();
    let template = first_sessions().reference();
    assert_eq!(
        agreed.apply(Action::SetTemplate(Some(template.clone())), now),
        Ok(true)
    );
    assert_eq!(agreed.status, Status::Agreed);
    assert_eq!(
        agreed.apply(Action::SetAnswer(energy("Mentoring")), now),
        Ok(true)
    );
    assert_eq!(agreed.status, Status::Draft);
    assert_eq!(agreed.template, Some(template));
}

#[test]
fn answers_travel_in_the_file_and_a_file_without_them_is_unchanged() {
    let now = ts("2026-11-23T14:02:00Z");
    let plain = file::export(&coaching(), now).unwrap();
    assert!(!plain.contains("\"answers\"") && !plain.contains("\"template\""));
    let mut a = coaching();
    a.template = Some(first_sessions().reference());
    a.answers = vec![
        answer(
            "energy",
            SectionId::Goal,
            "What gives you energy?",
            "Mentoring",
        ),
        answer("oneWord", SectionId::Assumptions, "One word?", "Calm"),
    ];
    let text = file::export(&a, now).unwrap();
    let back = file::import(text.as_bytes()).expect("imports");
    assert_eq!(back.alliance, a, "kept whole, whatever template opens it");
    // Answers to questions the current template does not ask (or no template at all) are
    // still part of the alliance: nothing a person wrote is dropped.
    assert_eq!(back.alliance.answers.len(), 2);
}

/// A change made to a file before it is opened.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn an_answer_that_cannot_be_used_is_refused_on_import_with_where() {
    let now = ts("2026-11-23T14:02:00Z");
    let mut a = coaching();
    a.answers = vec![answer(
        "energy",
        SectionId::Goal,
        "What gives you energy?",
        "Mentoring",
    )];
    let good: Value = serde_json::from_str(&file::export(&a, now).unwrap()).unwrap();
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|f| f["alliance"]["answers"][0]["question"] = json!("has space")),
            "alliance.answers[0].question",
        ),
        (
            Box::new(|f| {
                let one = f["alliance"]["answers"][0].clone();
                f["alliance"]["answers"] = json!([one.clone(), one]);
            }),
            "alliance.answers[1].question: this question is answered twice",
        ),
        (
            Box::new(|f| f["alliance"]["answers"][0]["prompt"] = json!(" ")),
            "alliance.answers[0].prompt",
        ),
        (
            Box::new(|f| f["alliance"]["answers"][0]["section"] = json!("goals")),
            "alliance.answers[0].section",
        ),
        (
            Box::new(|f| f["alliance"]["template"] = json!({"name": "", "version": 1})),
            "alliance.template",
        ),
    ];
    for (change, expected) in cases {
        let mut f = good.clone();
        change(&mut f);
        let e = file::import(f.to_string().as_bytes()).expect_err(expected);
        assert!(
            e.message.contains(expected),
            "{expected}\n got: {}",
            e.message
        );
    }
}

#[test]
fn answers_show_in_their_section_in_the_review_markdown_and_email() {
    let now = ts("2026-11-23T14:02:00Z");
    let mut a = coaching();
    a.answers = vec![
        answer(
            "energy",
            SectionId::Goal,
            "What gives you energy?",
            "Mentoring the new designers",
        ),
        answer(
            "first",
            SectionId::Commitments,
            "When is our first session?",
            "2026-12-09",
        ),
    ];
    let doc = summary::summarize(&a);
    let goal = doc
        .sections
        .iter()
        .find(|s| s.id == SectionId::Goal)
        .unwrap();
    assert!(goal.blocks.iter().any(
        |b| matches!(b, summary::Block::Text { label: Some(l), text }
        if l == "What gives you energy?" && text == "Mentoring the new designers")
    ));
    let md = markdown::to_markdown(&a, now);
    assert!(
        md.contains("**What gives you energy?:** Mentoring the new designers"),
        "{md}"
    );
    let plain = email::to_plain_text(&a, now, &Iso);
    assert!(
        plain.contains("What gives you energy?: Mentoring the new designers"),
        "{plain}"
    );
    let html = email::to_html(&a, now, &Iso);
    assert!(
        html.contains("<strong>What gives you energy?:</strong>"),
        "{html}"
    );
    // An answer with markup in it stays text in the HTML.
    a.answers[0].value = "<b>bold</b>".into();
    assert!(email::to_html(&a, now, &Iso).contains("&lt;b&gt;bold&lt;/b&gt;"));
    // A section with only an answer in it has content.
    let mut empty = designed_alliance::core::model::Alliance::new(common::id("a-1"), now);
    empty.answers = vec![answer(
        "x",
        SectionId::Assumptions,
        "Anything to add?",
        "Yes",
    )];
    assert!(designed_alliance::core::validate::has_content(
        &empty,
        SectionId::Assumptions
    ));
}

fn example() -> String {
    std::fs::read_to_string("examples/templates/first-sessions.json").expect("the example template")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(template::SCHEMA_PATH).expect("the template schema"),
    )
    .expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

#[test]
fn the_example_template_is_read_whole() {
    let t = template::parse(example().as_bytes()).expect("the example reads");
    assert_eq!(t.name, "Sam Rivera Coaching: first sessions");
    assert!(t
        .welcome
        .as_deref()
        .is_some_and(|w| w.starts_with("Before our first session")));
    assert_eq!(
        t.sections,
        [
            SectionId::Basics,
            SectionId::Goal,
            SectionId::Commitments,
            SectionId::Communication,
            SectionId::Celebrations,
            SectionId::KeepingAlive
        ]
    );
    assert!(t.shows(SectionId::Goal) && !t.shows(SectionId::Assumptions));
    let goal = t.wording(SectionId::Goal).expect("the goal's own wording");
    assert_eq!(goal.title.as_deref(), Some("What you want from coaching"));
    assert!(t.wording(SectionId::Basics).is_none());
    assert_eq!(t.questions.len(), 4);
    let energy = &t.questions[0];
    assert_eq!(
        (energy.id.as_str(), energy.section),
        ("energy", SectionId::Goal)
    );
    assert_eq!(energy.kind, QuestionKind::Text);
    assert!(!energy.required);
    assert_eq!(
        energy.example_for(Some(RelationshipKind::ManagerAndReport)),
        Some("Running the weekly demo for the team.")
    );
    assert_eq!(
        energy.example_for(Some(RelationshipKind::Family)),
        Some("Mentoring the two new designers.")
    );
    assert_eq!(
        energy.example_for(None),
        Some("Mentoring the two new designers.")
    );
    let format = &t.questions[1];
    assert_eq!(
        format.kind,
        QuestionKind::Choice(vec![
            "In person".into(),
            "By video".into(),
            "Walking, by phone".into()
        ])
    );
    assert!(format.required);
    assert_eq!(t.questions[2].kind, QuestionKind::Date);
    assert_eq!(t.questions[3].kind, QuestionKind::Line);
    assert_eq!(
        t.questions_in(SectionId::Communication)
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>(),
        ["sessionFormat"]
    );
}

#[test]
fn the_example_and_a_minimal_template_follow_the_published_schema() {
    let v = validator();
    let example: Value = serde_json::from_str(&example()).unwrap();
    assert!(
        v.is_valid(&example),
        "{:?}",
        v.iter_errors(&example)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let minimal = json!({ "format": "designed-alliance-template", "version": 1, "name": "Plain" });
    assert!(v.is_valid(&minimal));
    let t = template::parse(minimal.to_string().as_bytes()).expect("a minimal template");
    assert_eq!(
        t.sections,
        SectionId::ALL,
        "every section, in the standard order"
    );
    assert!(t.questions.is_empty() && t.welcome.is_none());
}

/// A template like the example with one change.
fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&example()).unwrap();
    change(&mut v);
    v.to_string()
}

#[test]
fn a_broken_template_is_refused_with_what_is_wrong_and_where() {
    let v = validator();
    let cases: Vec<(String, &str)> = vec![
        ("{\"format\": ".to_string(), "template: is not valid JSON (line 1, column 11)"),
        ("<html>".to_string(), "template: is not valid JSON (line 1, column 1)"),
        (String::new(), "template: is empty"),
        ("[]".to_string(), "template: must be a JSON object"),
        (with(|t| t["sections"][3] = json!("goals")), "template: sections[3] \"goals\" is not a section"),
        (with(|t| t["sections"][2] = json!("goal")), "template: sections[2] \"goal\" is listed twice"),
        (with(|t| t["sections"] = json!(["goal"])), "template: sections must include \"basics\""),
        (with(|t| t["sections"] = json!("goal")), "template: sections must be a list of section names"),
        (with(|t| t["format"] = json!("designed-alliance")), "template: format is \"designed-alliance\"; a template says \"designed-alliance-template\""),
        (with(|t| { t.as_object_mut().unwrap().remove("format"); }), "template: has no format"),
        (with(|t| t["version"] = json!(2)), "template: version is 2; this widget reads templates of version 1"),
        (with(|t| t["version"] = json!("1")), "template: version must be 1"),
        (with(|t| t["name"] = json!("  ")), "template: name is empty"),
        (with(|t| t["welcome"] = json!(["Hello"])), "template: welcome must be text"),
        (with(|t| t["welcome"] = json!("x".repeat(4001))), "template: welcome is longer than 4000 characters"),
        (with(|t| t["theme"] = json!("dark")), "template: \"theme\" is not a member of a template"),
        (with(|t| t["sectionText"]["goals"] = json!({"title": "x"})), "template: sectionText.goals \"goals\" is not a section"),
        (with(|t| t["sectionText"]["goal"]["heading"] = json!("x")), "template: sectionText.goal.heading is not a member"),
        (with(|t| t["questions"][0]["kind"] = json!("essay")), "template: questions[0].kind \"essay\" is not a kind of question"),
        (with(|t| { t["questions"][1].as_object_mut().unwrap().remove("options"); }), "template: questions[1].options must list the choices"),
        (with(|t| t["questions"][1]["options"] = json!(["Only one"])), "template: questions[1].options has 1 choices; a choice needs 2 to 20"),
        (with(|t| t["questions"][1]["options"] = json!(["A", "A"])), "template: questions[1].options[1] \"A\" is listed twice"),
        (with(|t| t["questions"][0]["options"] = json!(["A", "B"])), "template: questions[0].options is only for a question of kind \"choice\""),
        (with(|t| t["questions"][2]["id"] = json!("energy")), "template: questions[2].id \"energy\" is used by an earlier question"),
        (with(|t| t["questions"][2]["id"] = json!("first session")), "template: questions[2].id \"first session\" may hold only"),
        (with(|t| t["questions"][0]["section"] = json!("assumptions")), "template: questions[0].section \"assumptions\" is not one of the template's sections"),
        (with(|t| t["questions"][0]["section"] = json!("goals")), "template: questions[0].section \"goals\" is not a section"),
        (with(|t| { t["questions"][0].as_object_mut().unwrap().remove("prompt"); }), "template: questions[0].prompt is missing"),
        (with(|t| t["questions"][0]["prompt"] = json!("x".repeat(301))), "template: questions[0].prompt is longer than 300 characters"),
        (with(|t| t["questions"][0]["examples"] = json!({"colleagues": "x"})), "template: questions[0].examples.colleagues \"colleagues\" is not a kind of relationship"),
        (with(|t| t["questions"][0]["required"] = json!("yes")), "template: questions[0].required must be true or false"),
        (with(|t| t["questions"][0]["script"] = json!("alert(1)")), "template: questions[0].script is not a member of a question"),
        (with(|t| t["questions"] = json!(vec![json!({"id": "q", "section": "goal", "prompt": "?", "kind": "line"}); 61])), "template: questions has 61 questions; a template may have at most 60"),
    ];
    for (text, expected) in cases {
        let e = template::parse(text.as_bytes()).expect_err(expected);
        assert!(e.to_string().starts_with(expected), "{expected}\n got: {e}");
        // The published schema refuses what the widget refuses (where the file is JSON), but
        // for what refers across the file, which a schema cannot say.
        let across = [
            "used by an earlier question",
            "not one of the template's sections",
        ];
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            if !across.iter().any(|a| expected.contains(a)) {
                assert!(!v.is_valid(&value), "the schema accepts: {expected}");
            }
        }
    }
}

#[test]
fn limits_are_checked_before_reading() {
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(template::MAX_BYTES));
    assert!(template::parse(big.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("at most 65536"));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = template::parse(deep.as_bytes()).unwrap_err();
    assert!(
        e.to_string().contains("too large") || e.to_string().contains("at most"),
        "{e}"
    );
    let nested = format!("{}{}", "[".repeat(20), "]".repeat(20));
    assert_eq!(
        template::parse(nested.as_bytes()).unwrap_err().to_string(),
        "template: nests deeper than 8 levels"
    );
    assert_eq!(
        template::parse(&[0xff, 0xfe]).unwrap_err().to_string(),
        "template: is not UTF-8 text"
    );
}

#[test]
fn a_template_is_text_never_markup() {
    // Markup in a template is kept as the text it is: nothing is interpreted here, and the
    // widget only ever sets it as text.
    let t = template::parse(
        with(|t| t["questions"][0]["prompt"] = json!("<img src=x onerror=alert(1)> Why?"))
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(t.questions[0].prompt, "<img src=x onerror=alert(1)> Why?");
}
