//! The coach's template file: read, checked, and refused with a reason that says where.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{coaching, coaching_agreed, ts};
use designed_alliance::core::content::{QuestionId, QUESTION_IDS};
use designed_alliance::core::model::{Answer, RelationshipKind, SectionId, Status};
use designed_alliance::core::template::{self, QuestionKind};
use designed_alliance::core::text::{self as words};
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
        md.contains("**What gives you energy?** Mentoring the new designers"),
        "{md}"
    );
    let plain = email::to_plain_text(&a, now, &Iso);
    assert!(
        plain.contains("What gives you energy? Mentoring the new designers"),
        "{plain}"
    );
    let html = email::to_html(&a, now, &Iso);
    assert!(
        html.contains("<strong>What gives you energy?</strong>"),
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
    // The coach's words for where the answers stay, and for the goal's first question.
    assert!(t.welcome_text[4]
        .as_deref()
        .is_some_and(|w| w.starts_with("In this browser")));
    assert!(t.welcome_text[..4].iter().all(Option::is_none));
    let what = t.reworded(QuestionId::GoalWhat).expect("the goal reworded");
    assert_eq!(
        what.prompt.as_deref(),
        Some("What do you want to be different in three months?")
    );
    assert!(what.help.is_some() && what.example.is_some());
    assert!(t.reworded(QuestionId::GoalWhy).is_none());
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
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWho"] = json!({"prompt": "Who?"})), "template: sectionText.goal.questions.goalWho \"goalWho\" is not one of the questions of \"goal\" (they are goalWhat, goalWhy, goalPain)"),
        (with(|t| t["sectionText"]["goal"]["questions"]["GoalWhy"] = json!({"prompt": "Why?"})), "template: sectionText.goal.questions.GoalWhy \"GoalWhy\" is not one of the questions of \"goal\""),
        (with(|t| t["sectionText"]["goal"]["questions"]["commitmentWhat"] = json!({"prompt": "What?"})), "template: sectionText.goal.questions.commitmentWhat \"commitmentWhat\" is asked in \"commitments\", not in \"goal\""),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"]["prompt"] = json!("x".repeat(301))), "template: sectionText.goal.questions.goalWhat.prompt is longer than 300 characters"),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"]["help"] = json!("x".repeat(1001))), "template: sectionText.goal.questions.goalWhat.help is longer than 1000 characters"),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"]["example"] = json!("x".repeat(301))), "template: sectionText.goal.questions.goalWhat.example is longer than 300 characters"),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"]["label"] = json!("x")), "template: sectionText.goal.questions.goalWhat.label is not a member"),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"] = json!("What now?")), "template: sectionText.goal.questions.goalWhat must be an object"),
        (with(|t| t["sectionText"]["goal"]["questions"]["goalWhat"]["prompt"] = json!(3)), "template: sectionText.goal.questions.goalWhat.prompt must be text"),
        (with(|t| t["sectionText"]["goal"]["questions"] = json!(["goalWhat"])), "template: sectionText.goal.questions must be an object keyed by question"),
        (with(|t| t["welcomeText"]["why"] = json!("x")), "template: welcomeText.why \"why\" is not a point of the welcome (they are whatItIs, whyItHelps, whoFillsItIn, howLong, whereAnswersStay)"),
        (with(|t| t["welcomeText"]["howLong"] = json!(" ")), "template: welcomeText.howLong is empty"),
        (with(|t| t["welcomeText"]["whatItIs"] = json!("x".repeat(1001))), "template: welcomeText.whatItIs is longer than 1000 characters"),
        (with(|t| t["welcomeText"] = json!("Hello")), "template: welcomeText must be an object"),
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

#[test]
fn a_coach_rewords_any_of_the_widgets_own_questions_in_its_section() {
    let t = template::parse(
        with(|t| {
            t["sectionText"]["communication"] = json!({ "questions": {
                "checkInRhythm": { "prompt": "How often shall we meet?" },
                "raisingProblems": { "help": "Tell me the same day.", "example": "A text message." }
            }});
            t["sectionText"]["basics"] =
                json!({ "questions": { "partyName": { "prompt": "Your first name" } } });
            // A section the template leaves out may be worded too (an alliance from another
            // template may show it).
            t["sectionText"]["progress"] =
                json!({ "questions": { "measureSignal": { "prompt": "A sign" } } });
        })
        .as_bytes(),
    )
    .expect("the rewording reads");
    let rhythm = t.reworded(QuestionId::CheckInRhythm).expect("reworded");
    assert_eq!(rhythm.prompt.as_deref(), Some("How often shall we meet?"));
    assert_eq!(
        (rhythm.help.as_deref(), rhythm.example.as_deref()),
        (None, None)
    );
    let raising = t.reworded(QuestionId::RaisingProblems).expect("reworded");
    assert_eq!(raising.prompt, None, "the widget's prompt is kept");
    assert_eq!(raising.help.as_deref(), Some("Tell me the same day."));
    assert_eq!(raising.example.as_deref(), Some("A text message."));
    assert_eq!(
        t.reworded(QuestionId::PartyName)
            .and_then(|r| r.prompt.as_deref()),
        Some("Your first name")
    );
    assert!(t.reworded(QuestionId::MeasureSignal).is_some());
    assert!(t.reworded(QuestionId::CheckInTime).is_none());
    // The goal's own wording from the example is still there, beside its title and intro.
    let goal = t.wording(SectionId::Goal).expect("goal");
    assert_eq!(goal.title.as_deref(), Some("What you want from coaching"));
    assert_eq!(goal.questions.len(), 1);
    // Every question of the widget is named by its catalogue name, lower case first, and
    // can be worded in its own section.
    for &q in QUESTION_IDS {
        let key = template::question_key(q);
        assert!(key.starts_with(|c: char| c.is_ascii_lowercase()), "{key}");
        let section = template::section_of(q).key();
        let doc = json!({ "format": "designed-alliance-template", "version": 1, "name": "All",
            "sectionText": { section: { "questions": { key.clone(): { "prompt": "Reworded" } } } } });
        let t =
            template::parse(doc.to_string().as_bytes()).unwrap_or_else(|e| panic!("{key}: {e}"));
        assert_eq!(
            t.reworded(q).and_then(|r| r.prompt.as_deref()),
            Some("Reworded"),
            "{key}"
        );
        assert!(
            validator().is_valid(&doc),
            "the schema refuses {key} in {section}"
        );
    }
}

/// Every question an essential step's table labels, with the section of the step.
fn asked_in_tables() -> Vec<(QuestionId, SectionId)> {
    use designed_alliance::ui::steps::blocks;
    use designed_alliance::ui::steps::table::{Block, Field, Label};
    fn field(f: &Field, s: SectionId, out: &mut Vec<(QuestionId, SectionId)>) {
        if let Label::Question(q) | Label::Compact(q) = f.label {
            out.push((q, s));
        }
    }
    fn walk(blocks: &[Block], s: SectionId, out: &mut Vec<(QuestionId, SectionId)>) {
        for b in blocks {
            match b {
                Block::Field(f) => field(f, s, out),
                Block::Row(fields) => fields.iter().for_each(|f| field(f, s, out)),
                Block::List(list) => {
                    out.extend(list.help.iter().map(|q| (*q, s)));
                    list.items.fields.iter().for_each(|f| field(f, s, out));
                }
                Block::More { blocks, .. } => walk(blocks, s, out),
                Block::Heading(_) | Block::Custom(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    // The essentials' tables (a deeper step's are in a part of their own).
    for s in SectionId::ALL {
        if let Some(b) = blocks(s) {
            walk(b, s, &mut out);
        }
    }
    out
}

#[test]
fn each_question_belongs_to_the_section_whose_step_asks_it() {
    let asked = asked_in_tables();
    assert!(asked.len() > 20, "{}", asked.len());
    for (q, s) in &asked {
        assert_eq!(template::section_of(*q), *s, "{q:?}");
    }
    // Each section's own questions, as the template's schema lists them for its wording.
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(template::SCHEMA_PATH).unwrap()).unwrap();
    for s in SectionId::ALL {
        let listed = &schema["properties"]["sectionText"]["properties"][s.key()]["properties"]
            ["questions"]["propertyNames"]["enum"];
        let ours: Vec<String> = QUESTION_IDS
            .iter()
            .filter(|q| template::section_of(**q) == s)
            .map(|q| template::question_key(*q))
            .collect();
        assert!(!ours.is_empty(), "{s:?}");
        assert_eq!(listed, &json!(ours), "the schema's questions of {s:?}");
    }
    // The welcome's points, as the schema and the catalogue name them (in the catalogue's
    // order, which the welcome shows).
    let mut points: Vec<&str> = schema["properties"]["welcomeText"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut ours = template::WELCOME_POINTS.to_vec();
    points.sort();
    ours.sort();
    assert_eq!(points, ours);
    for (i, p) in template::WELCOME_POINTS.iter().enumerate() {
        assert_eq!(
            words::ui::welcome()[i].0,
            words::get(&format!("welcome.{p}.term"))
        );
    }
}

#[test]
fn how_long_it_takes_follows_the_templates_steps() {
    // The standard way: as the standard welcome says (20 minutes, then 30 more).
    assert_eq!(template::estimate(None), (20, 30));
    let how_long = words::ui::welcome()[3].1;
    assert!(
        how_long.contains("20") && how_long.contains("30"),
        "{how_long}"
    );
    // First sessions keeps one deeper step (keeping it alive) and asks four questions of its own.
    assert_eq!(template::estimate(Some(&first_sessions())), (20, 5));
    // No deeper step: nothing to go deeper into.
    let short = template::parse(
        with(|t| t["sections"] = json!(["basics", "goal", "commitments"])).as_bytes(),
    );
    let short = short.expect_err("its questions name sections it leaves out");
    assert!(short
        .to_string()
        .contains("not one of the template's sections"));
    let short = template::parse(
        json!({ "format": "designed-alliance-template", "version": 1, "name": "Short",
                "sections": ["basics", "goal", "commitments"] })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(template::estimate(Some(&short)), (10, 0));
    // Two deeper steps; and many questions of the coach's own take longer.
    let two = template::parse(
        json!({ "format": "designed-alliance-template", "version": 1, "name": "Two",
                "sections": ["basics", "goal", "assumptions", "hardTimes"] })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(template::estimate(Some(&two)), (5, 10));
    let questions: Vec<Value> = (0..20)
        .map(|i| json!({ "id": format!("q{i}"), "section": "goal", "prompt": format!("Question {i}?"), "kind": "line" }))
        .collect();
    let long = template::parse(
        json!({ "format": "designed-alliance-template", "version": 1, "name": "Long",
                "sections": ["basics", "goal"], "questions": questions })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(template::estimate(Some(&long)), (25, 0));
    // Said in words: the essentials, then going deeper when there is any.
    assert_eq!(
        words::ui::how_long(20),
        "The essentials take about 20 minutes, and you can stop at any time and come back."
    );
    assert_eq!(
        words::ui::deeper_takes(5),
        "Going deeper takes about 5 minutes more, and you can skip any of it."
    );
}

#[test]
fn what_is_missing_is_listed_in_the_order_of_the_way_through() {
    let today = ts("2026-11-23T14:02:00Z").date();
    let mut a = coaching();
    a.goal.what.clear();
    a.commitments.clear();
    a.communication.raising_problems.clear();
    a.celebrations.goal.clear();
    // Communication before the goal, and a required question of the coach's in each of
    // communication and the goal.
    let t = template::parse(
        json!({ "format": "designed-alliance-template", "version": 1, "name": "Order",
            "sections": ["basics", "communication", "goal", "commitments", "celebrations"],
            "questions": [
                { "id": "format", "section": "communication", "prompt": "Where do we meet?", "kind": "line", "required": true },
                { "id": "energy", "section": "goal", "prompt": "What gives you energy?", "kind": "text", "required": true }
            ] })
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    let report = validate::validate_as(&a, today, Some(&t.reference()));
    let missing: Vec<(SectionId, &str)> = report
        .findings
        .iter()
        .filter(|f| f.severity.blocks_agreement())
        .map(|f| (f.section, f.message.as_str()))
        .collect();
    let sections: Vec<SectionId> = missing.iter().map(|(s, _)| *s).collect();
    let mut runs = sections.clone();
    runs.dedup();
    assert_eq!(
        runs,
        [
            SectionId::Communication,
            SectionId::Goal,
            SectionId::Commitments,
            SectionId::Celebrations
        ],
        "{missing:?}"
    );
    // The coach's question comes with its section, after the section's own.
    let at = |m: &str| missing.iter().position(|(_, x)| x.contains(m)).expect(m);
    let last_of = |s: SectionId| sections.iter().rposition(|x| *x == s).unwrap();
    assert!(
        at("Where do we meet?") > 0,
        "after communication's own: {missing:?}"
    );
    assert_eq!(at("Where do we meet?"), last_of(SectionId::Communication));
    assert_eq!(at("What gives you energy?"), last_of(SectionId::Goal));
    assert!(
        at("What gives you energy?") < sections.len() - 2,
        "not last: {missing:?}"
    );
    // The standard way lists the sections in the standard order.
    let standard = validate::validate_as(&a, today, None);
    let mut order: Vec<SectionId> = standard
        .findings
        .iter()
        .filter(|f| f.severity.blocks_agreement())
        .map(|f| f.section)
        .collect();
    order.dedup();
    let mut sorted = order.clone();
    sorted.sort_by_key(|s| *s as usize);
    assert_eq!(order, sorted);
}

#[test]
fn a_template_may_name_the_coach_and_a_bad_address_is_refused_with_where() {
    let v = validator();
    let named = with(|t| {
        t["coach"] = json!({ "name": "Sam Rivera", "email": "sam@example.com" });
    });
    let t = template::parse(named.as_bytes()).expect("a template naming its coach");
    assert_eq!(t.coach.name.as_deref(), Some("Sam Rivera"));
    assert_eq!(t.coach.email.as_deref(), Some("sam@example.com"));
    assert!(v.is_valid(&serde_json::from_str::<Value>(&named).unwrap()));
    // Either may be left out.
    let only_name = with(|t| t["coach"] = json!({ "name": "Sam" }));
    assert_eq!(
        template::parse(only_name.as_bytes()).unwrap().coach.email,
        None
    );
    for (change, said) in [
        (
            json!({ "email": "sam at example" }),
            "template: coach.email \"sam at example\" is not an email address",
        ),
        (
            json!({ "phone": "1" }),
            "template: coach.phone is not a member of coach (it has name, email)",
        ),
        (
            json!("Sam"),
            "template: coach must be an object with the coach's name and email",
        ),
    ] {
        let text = with(|t| t["coach"] = change);
        let e = template::parse(text.as_bytes()).expect_err("refused");
        assert_eq!(e.to_string(), said);
        assert!(
            !v.is_valid(&serde_json::from_str::<Value>(&text).unwrap()),
            "{said}"
        );
    }
}
