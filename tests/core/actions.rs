//! Actions and undo.

use super::*;

#[test]
fn every_change_goes_through_apply_and_stamps_updated_at() {
    let mut a = Alliance::new(id("x"), ts("2026-11-01T00:00:00Z"));
    assert_eq!(
        a.apply(
            Action::SetText(TextField::GoalWhat, "Ship it".into()),
            now()
        ),
        Ok(true)
    );
    assert_eq!(a.goal.what, "Ship it");
    assert_eq!(a.text(TextField::GoalWhat), "Ship it");
    assert_eq!(a.updated_at, now());
    assert_eq!(
        a.apply(
            Action::SetText(TextField::GoalWhat, "Ship it".into()),
            ts("2026-12-01T00:00:00Z")
        ),
        Ok(false)
    );
    assert_eq!(a.updated_at, now(), "no change, no new timestamp");
}

#[test]
fn every_text_field_reads_back_what_was_set() {
    use designed_alliance::core::content::REFLECTIONS;
    let mut fields = vec![
        TextField::Title,
        TextField::RelationshipNote,
        TextField::GoalWhat,
        TextField::GoalWhy,
        TextField::GoalPain,
        TextField::RaisingProblems,
        TextField::CelebrateGoal,
        TextField::Surprises,
        TextField::MissedCommitments,
        TextField::Mistakes,
    ];
    fields.extend(REFLECTIONS.iter().map(|r| TextField::Reflection(r.id)));
    let mut a = Alliance::new(id("x"), now());
    for (i, f) in fields.iter().enumerate() {
        a.apply(Action::SetText(*f, format!("value {i}")), now())
            .unwrap();
    }
    for (i, f) in fields.iter().enumerate() {
        assert_eq!(a.text(*f), format!("value {i}"), "{f:?}");
    }
}

/// The UI reads each list item on its own (`Item::text`, through `positions`): it must say
/// exactly what the alliance-wide accessor says, for every text of every item.
#[test]
fn an_item_read_on_its_own_says_what_the_alliance_says() {
    let a = large();
    let at = a.positions();
    let mut checked = 0;
    for list in ListKind::ALL {
        for id in a.ids_of(list) {
            let item = a
                .item_at(list, at[&id])
                .expect("positions point at the item");
            assert_eq!(item.id(), &id);
            for field in ItemText::ALL {
                let key = match &item {
                    // An option's texts are read with the option's id.
                    Item::Decision(d) if field.is_option() => match d.options.first() {
                        Some(o) => o.id.clone(),
                        None => continue,
                    },
                    _ => id.clone(),
                };
                if field.list() == list {
                    assert_eq!(
                        item.text(field, &key),
                        a.item_text(field, &key),
                        "{field:?} of {key}"
                    );
                    checked += 1;
                } else {
                    assert_eq!(
                        item.text(field, &key),
                        None,
                        "{field:?} is not a text of {list:?}"
                    );
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn list_items_are_added_updated_moved_and_removed_by_id() {
    let mut a = Alliance::new(id("x"), now());
    for n in 1..=3 {
        let item = Item::Measure(Measure {
            id: a.fresh_id(ListKind::Progress.id_prefix()),
            signal: format!("signal {n}"),
            how_we_check: String::new(),
            how_often: None,
        });
        a.apply(Action::Insert(item), now()).unwrap();
    }
    let ids: Vec<_> = a.progress.iter().map(|m| m.id.to_string()).collect();
    assert_eq!(ids, ["m-1", "m-2", "m-3"]);

    a.apply(Action::Move(ListKind::Progress, id("m-3"), 0), now())
        .unwrap();
    assert_eq!(a.progress[0].signal, "signal 3");
    a.apply(Action::Move(ListKind::Progress, id("m-3"), 99), now())
        .unwrap();
    assert_eq!(
        a.progress[2].signal, "signal 3",
        "moving past the end clamps"
    );

    let mut m = a.progress[0].clone();
    m.how_often = Some(Frequency::Weekly);
    a.apply(Action::Update(Item::Measure(m)), now()).unwrap();
    assert_eq!(a.progress[0].how_often, Some(Frequency::Weekly));

    a.apply(Action::Remove(ListKind::Progress, id("m-2")), now())
        .unwrap();
    assert_eq!(a.progress.len(), 2);
    assert!(a.progress.iter().all(|m| m.id != id("m-2")));
}

#[test]
fn bad_actions_change_nothing() {
    let mut a = coaching();
    let before = a.clone();
    let dup = Item::Commitment(Commitment {
        id: id("m-1"),
        owner: Owner::Everyone,
        what: "x".into(),
        when: None,
    });
    assert_eq!(
        a.apply(Action::Insert(dup), now()),
        Err(ActionError::DuplicateId(id("m-1")))
    );
    assert!(matches!(
        a.apply(Action::Remove(ListKind::Commitments, id("nope")), now()),
        Err(ActionError::UnknownItem(..))
    ));
    assert!(matches!(
        a.apply(Action::Move(ListKind::Commitments, id("nope"), 0), now()),
        Err(ActionError::UnknownItem(..))
    ));
    let ghost = Item::Party(party("ghost", "G", ""));
    assert!(matches!(
        a.apply(Action::Update(ghost), now()),
        Err(ActionError::UnknownItem(..))
    ));
    assert_eq!(a, before);
}

#[test]
fn decision_option_ids_must_be_unique_in_the_whole_alliance() {
    let mut a = coaching();
    let mut d = a.decisions[0].clone();
    d.options[1].id = id("c-1"); // a commitment's id
    assert_eq!(
        a.apply(Action::Update(Item::Decision(d)), now()),
        Err(ActionError::DuplicateId(id("d-1")))
    );
    let mut d = a.decisions[0].clone();
    d.options[1].name = "Renamed".into();
    assert_eq!(
        a.apply(Action::Update(Item::Decision(d)), now()),
        Ok(true),
        "its own option ids are fine"
    );
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let mut e = Editor::new(Alliance::new(id("x"), now()));
    let t0 = now().unix_seconds();
    for (i, text) in ["S", "Sh", "Shi", "Ship"].iter().enumerate() {
        e.apply(
            Action::SetText(TextField::GoalWhat, text.to_string()),
            Timestamp::from_unix_seconds(t0 + i as i64),
        )
        .unwrap();
    }
    // A pause longer than the coalescing window starts a new step.
    e.apply(
        Action::SetText(TextField::GoalWhat, "Ship it".into()),
        Timestamp::from_unix_seconds(t0 + 60),
    )
    .unwrap();
    e.apply(
        Action::SetText(TextField::GoalWhy, "Because".into()),
        Timestamp::from_unix_seconds(t0 + 61),
    )
    .unwrap();

    assert!(e.undo());
    assert_eq!(e.alliance().goal.why, "");
    assert!(e.undo());
    assert_eq!(e.alliance().goal.what, "Ship");
    assert!(e.undo());
    assert_eq!(e.alliance().goal.what, "");
    assert!(!e.undo(), "nothing left to undo");
    assert!(e.redo());
    assert_eq!(e.alliance().goal.what, "Ship");
    assert!(e.redo());
    assert!(e.redo());
    assert_eq!(e.alliance().goal.why, "Because");
    assert!(!e.redo());
}

#[test]
fn a_new_change_clears_redo_and_history_is_bounded() {
    let mut e = Editor::new(Alliance::new(id("x"), now()));
    e.apply(Action::SetText(TextField::Title, "a".into()), now())
        .unwrap();
    e.undo();
    assert!(e.can_redo());
    e.apply(Action::SetText(TextField::GoalWhy, "b".into()), now())
        .unwrap();
    assert!(!e.can_redo());

    for i in 0..(editor::HISTORY_LIMIT + 20) {
        e.apply(
            Action::SetRelationship(Some(RelationshipKind::ALL[i % 10])),
            now(),
        )
        .unwrap();
    }
    let mut steps = 0;
    while e.undo() {
        steps += 1;
    }
    assert_eq!(steps, editor::HISTORY_LIMIT);
}

#[test]
fn failed_and_empty_changes_leave_no_undo_step() {
    let mut e = Editor::new(coaching());
    assert!(e
        .apply(Action::Remove(ListKind::Parties, id("nope")), now())
        .is_err());
    assert_eq!(
        e.apply(
            Action::SetText(TextField::Title, e.alliance().title.clone()),
            now()
        ),
        Ok(false)
    );
    assert!(!e.can_undo());
}
