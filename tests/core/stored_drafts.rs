//! Drafts in storage.

use super::json_schema::examples;
use super::*;

mod drafts {
    use super::*;
    use designed_alliance::core::drafts::*;

    fn store(ns: &str, writer: &str) -> DraftStore {
        DraftStore::new(ns, writer, id("slot-1"))
    }

    fn draft<'a>(a: &'a Alliance, here: &'a Here, step: &'a str, progress: u32) -> Draft<'a> {
        Draft {
            alliance: a,
            here,
            step,
            progress,
        }
    }

    fn save(
        st: &mut DraftStore,
        s: &mut MemoryStorage,
        a: &Alliance,
        step: &str,
    ) -> Result<Saved, SaveError> {
        st.save(s, draft(a, &Here::default(), step, 40), now())
    }

    #[test]
    fn a_damaged_draft_is_found_at_start_even_when_the_record_of_the_open_one_is_damaged_too() {
        let mut s = MemoryStorage::default();
        let mut st = store("coach", "w-a");
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Written)
        );
        // Nothing damaged: nothing to mention.
        assert_eq!(st.first_unreadable(&s), None);
        let key = st.key("slot-1");
        s.set(&key, "{\"version\":1,\"alli").unwrap();
        s.set(&st.current_key(), "not a slot id!").unwrap();
        let again = store("coach", "w-b");
        assert_eq!(
            again.last_open(&s),
            None,
            "the record of the open draft is damaged"
        );
        let (reason, raw) = again
            .first_unreadable(&s)
            .expect("the damaged draft is found");
        assert!(!reason.words(&raw).is_empty());
        assert_eq!(
            raw, "{\"version\":1,\"alli",
            "its stored value, untouched, for download"
        );
    }

    #[test]
    fn a_saved_draft_opens_again_with_its_step_and_is_listed() {
        let mut s = MemoryStorage::default();
        let mut st = store("coach", "w-a");
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "commitments"),
            Ok(Saved::Written)
        );
        let mut again = store("coach", "w-b");
        assert_eq!(again.last_open(&s), Some(id("slot-1")));
        let opened = again.open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, coaching());
        assert_eq!(opened.step, "commitments");
        let list = again.list(&s).unwrap();
        assert_eq!(
            list,
            vec![Listed::Draft(DraftInfo {
                slot: id("slot-1"),
                alliance: coaching().id,
                people: coaching().parties.iter().map(|p| p.name.clone()).collect(),
                title: "Stepping into the team-lead role".into(),
                relationship: Some(RelationshipKind::CoachAndClient),
                saved_at: now(),
                progress: 40,
            })]
        );
    }

    #[test]
    fn the_list_is_most_recent_first_and_drafts_of_the_same_second_keep_one_order() {
        let mut s = MemoryStorage::default();
        let st = store("ns", "w-a");
        let second = |n: i64| Timestamp::from_unix_seconds(now().unix_seconds() + n);
        // Stored in an order unlike the expected one.
        for (slot, at) in [("b", 0), ("a", 0), ("old", -60), ("c", 0), ("new", 60)] {
            st.store_new(
                &mut s,
                &id(slot),
                draft(&coaching(), &Here::default(), "goal", 0),
                second(at),
            )
            .unwrap();
        }
        let slots: Vec<String> = st
            .list(&s)
            .unwrap()
            .into_iter()
            .map(|l| match l {
                Listed::Draft(d) => d.slot.to_string(),
                Listed::Unreadable { slot, .. } => slot,
            })
            .collect();
        assert_eq!(slots, ["new", "a", "b", "c", "old"]);
    }

    #[test]
    fn a_draft_larger_than_an_importable_file_still_opens_again() {
        let mut s = MemoryStorage::default();
        let mut a = coaching();
        a.goal.why = "\u{e9}".repeat(700_000); // 1.4 MB of text
        save(&mut store("big", "w-a"), &mut s, &a, "goal").unwrap();
        let opened = store("big", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn a_draft_with_a_title_longer_than_a_file_allows_still_opens() {
        let mut s = MemoryStorage::default();
        let mut a = coaching();
        a.title = "t".repeat(json::MAX_TITLE + 50);
        save(&mut store("long", "w-a"), &mut s, &a, "goal").unwrap();
        let opened = store("long", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn nothing_is_written_when_nothing_changed() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        let writes = s.writes;
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Unchanged)
        );
        assert_eq!(s.writes, writes);
        let mut changed = coaching();
        changed.goal.why.push('!');
        assert_eq!(save(&mut st, &mut s, &changed, "goal"), Ok(Saved::Written));
        assert_eq!(
            save(&mut st, &mut s, &changed, "progress"),
            Ok(Saved::Written),
            "the step is saved too"
        );
    }

    #[test]
    fn another_writer_is_detected_and_never_silently_overwritten() {
        let mut s = MemoryStorage::default();
        let mut a = store("ns", "w-a");
        save(&mut a, &mut s, &coaching(), "goal").unwrap();
        let mut b = store("ns", "w-b");
        b.open(&mut s, &id("slot-1")).unwrap();
        let mut theirs = coaching();
        theirs.title = "Changed in the other tab".into();
        save(&mut b, &mut s, &theirs, "goal").unwrap();
        let stored = s.get(&a.key("slot-1")).unwrap();

        let mut mine = coaching();
        mine.title = "Changed here".into();
        let conflict = save(&mut a, &mut s, &mine, "goal");
        assert!(matches!(&conflict, Err(SaveError::Conflict(t)) if Some(t) == stored.as_ref()));
        assert_eq!(
            s.get(&a.key("slot-1")).unwrap(),
            stored,
            "theirs is untouched"
        );

        // Taking theirs makes it the open draft; keeping mine overwrites on the next save.
        let Err(SaveError::Conflict(t)) = conflict else {
            unreachable!()
        };
        let mut a2 = a.clone();
        assert_eq!(
            a2.take_theirs(&t).unwrap().alliance.title,
            "Changed in the other tab"
        );
        assert_eq!(save(&mut a2, &mut s, &theirs, "goal"), Ok(Saved::Unchanged));
        a.keep_mine(t);
        assert_eq!(save(&mut a, &mut s, &mine, "goal"), Ok(Saved::Written));
        let reopened = store("ns", "w-c").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(reopened.alliance.title, "Changed here");
    }

    #[test]
    fn a_new_draft_never_overwrites_a_stored_one_it_did_not_read() {
        let mut s = MemoryStorage::default();
        save(&mut store("ns", "w-a"), &mut s, &coaching(), "goal").unwrap();
        let mut fresh = store("ns", "w-b");
        let blank = Alliance::new(id("x"), now());
        fresh.start(id("slot-1"), Some(&blank));
        let mut typed = blank.clone();
        typed.title = "Typed".into();
        assert!(matches!(
            save(&mut fresh, &mut s, &typed, "goal"),
            Err(SaveError::Conflict(_))
        ));
    }

    #[test]
    fn changes_by_other_writers_are_noticed_before_saving() {
        let mut s = MemoryStorage::default();
        let mut a = store("ns", "w-a");
        assert_eq!(a.check(&s), Check::Same, "nothing stored, nothing known");
        save(&mut a, &mut s, &coaching(), "goal").unwrap();
        assert_eq!(a.check(&s), Check::Same);
        let mut b = store("ns", "w-b");
        b.open(&mut s, &id("slot-1")).unwrap();
        save(&mut b, &mut s, &examples::partners(), "goal").unwrap();
        let theirs = s.get(&a.key("slot-1")).unwrap().unwrap();
        assert_eq!(a.check(&s), Check::Changed(theirs));
        s.remove(&a.key("slot-1")).unwrap();
        assert_eq!(a.check(&s), Check::Gone);
    }

    #[test]
    fn an_imported_draft_is_stored_at_once() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        st.start(id("slot-7"), None);
        assert_eq!(
            save(&mut st, &mut s, &examples::partners(), "review"),
            Ok(Saved::Written)
        );
        let opened = store("ns", "w-b").open(&mut s, &id("slot-7")).unwrap();
        assert_eq!(
            (opened.alliance, opened.step, opened.saved_at),
            (examples::partners(), "review".to_string(), now())
        );
    }

    #[test]
    fn an_untouched_new_draft_is_not_stored() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        let blank = Alliance::new(id("x"), now());
        st.start(id("slot-9"), Some(&blank));
        assert_eq!(
            save(&mut st, &mut s, &blank, "goal"),
            Ok(Saved::Unchanged),
            "moving between steps stores nothing"
        );
        assert_eq!(s.writes, 0);
        let mut typed = blank.clone();
        typed.goal.why = "A".into();
        assert_eq!(save(&mut st, &mut s, &typed, "goal"), Ok(Saved::Written));
        assert_eq!(
            save(&mut st, &mut s, &blank, "goal"),
            Ok(Saved::Written),
            "once stored, emptying it again is saved too"
        );
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-9"))
                .unwrap()
                .alliance,
            blank
        );
    }

    #[test]
    fn other_drafts_can_be_read_and_renamed_without_opening_them() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&examples::partners(), &Here::default(), "basics", 5),
            now(),
        )
        .unwrap();
        let writes = s.writes;
        let peeked = st.peek(&s, &id("slot-2")).unwrap();
        assert_eq!(
            (peeked.alliance, peeked.step),
            (examples::partners(), "basics".to_string())
        );
        assert_eq!(s.writes, writes, "reading writes nothing");
        st.rename(&mut s, &id("slot-2"), "Our household", now())
            .unwrap();
        let renamed = st.peek(&s, &id("slot-2")).unwrap();
        assert_eq!(
            (renamed.alliance.title.as_str(), renamed.step.as_str()),
            ("Our household", "basics")
        );
        assert_eq!(
            save(&mut st, &mut s, &coaching(), "goal"),
            Ok(Saved::Unchanged),
            "the open draft is not disturbed"
        );
        assert_eq!(
            st.rename(&mut s, &id("missing"), "x", now()),
            Err(OpenError::Missing)
        );
    }

    #[test]
    fn a_draft_cleared_elsewhere_is_saved_again() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        s.remove(&st.key("slot-1")).unwrap();
        let mut changed = coaching();
        changed.title = "Still here".into();
        assert_eq!(save(&mut st, &mut s, &changed, "goal"), Ok(Saved::Written));
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-1"))
                .unwrap()
                .alliance
                .title,
            "Still here"
        );
    }

    #[test]
    fn a_full_storage_keeps_the_previous_draft_and_saving_resumes_with_space() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        let before = s.get(&st.key("slot-1")).unwrap();
        s.quota = Some(100);
        let mut big = coaching();
        big.goal.why = "x".repeat(10_000);
        assert_eq!(
            save(&mut st, &mut s, &big, "goal"),
            Err(SaveError::Storage(StorageError::Full))
        );
        assert_eq!(
            s.get(&st.key("slot-1")).unwrap(),
            before,
            "the previous draft survives"
        );
        s.quota = None;
        assert_eq!(save(&mut st, &mut s, &big, "goal"), Ok(Saved::Written));
    }

    #[test]
    fn failing_storage_is_reported_and_changes_nothing() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        for failure in [
            StorageError::Unavailable("SecurityError".into()),
            StorageError::Failed("boom".into()),
        ] {
            s.failure = Some(failure.clone());
            assert_eq!(
                save(&mut st, &mut s, &Alliance::new(id("y"), now()), "goal"),
                Err(SaveError::Storage(failure.clone()))
            );
            assert_eq!(
                store("ns", "w-b").open(&mut s, &id("slot-1")),
                Err(OpenError::Storage(failure))
            );
        }
        s.failure = None;
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-1"))
                .unwrap()
                .alliance,
            coaching()
        );
    }

    #[test]
    fn who_is_me_and_the_versions_exchanged_stay_with_the_draft_and_out_of_its_file() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        let a = coaching();
        let mut here = Here {
            me: Some(id("p-2")),
            ..Here::default()
        };
        here.seen.record(&a);
        assert_eq!(
            st.save(&mut s, draft(&a, &here, "goal", 40), now()),
            Ok(Saved::Written)
        );
        let raw = s.get(&st.key("slot-1")).unwrap().unwrap();
        let mut record: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(record["me"], "p-2");
        assert!(record["seen"].is_array());
        let file = record["file"].to_string();
        assert!(
            !file.contains("\"isMe\":true") && !file.contains("\"me\""),
            "{file}"
        );
        assert_eq!(
            store("ns", "w-b").open(&mut s, &id("slot-1")).unwrap().here,
            here
        );
        // Saying who is me is a change worth saving; the same again is not.
        assert_eq!(
            st.save(&mut s, draft(&a, &here, "goal", 40), now()),
            Ok(Saved::Unchanged)
        );
        let priya = Here {
            me: Some(id("p-1")),
            ..here.clone()
        };
        assert_eq!(
            st.save(&mut s, draft(&a, &priya, "goal", 40), now()),
            Ok(Saved::Written)
        );
        // Someone who is not one of its people, or a history that cannot be read: as good as
        // none, and the draft still opens.
        record["me"] = serde_json::json!("p-9");
        record["seen"] = serde_json::json!("not a history");
        s.set(&st.key("slot-1"), &record.to_string()).unwrap();
        let opened = store("ns", "w-b").open(&mut s, &id("slot-1")).unwrap();
        assert_eq!(opened.here, Here::default());
        assert_eq!(opened.alliance, a);
    }

    #[test]
    fn unreadable_values_are_kept_untouched_and_explained() {
        let st = store("ns", "w-a");
        let good = encode(
            draft(&coaching(), &Here::default(), "goal", 10),
            now(),
            "w-a",
            1,
        )
        .unwrap();
        let cases = [
            ("corrupt", "{{{not json".to_string(), "not valid JSON"),
            ("truncated", good[..good.len() / 2].to_string(), "cut off"),
            (
                "wrong-shape",
                "{\"format\":\"something else\"}".to_string(),
                "not a draft",
            ),
            (
                "newer",
                good.replace("\"draftVersion\":1", "\"draftVersion\":2"),
                "newer version",
            ),
            (
                "bad-alliance",
                good.replacen("\"isMe\":false", "\"isMe\":\"yes\"", 1),
                "alliance.parties[0].isMe",
            ),
            (
                "huge",
                format!("{{\"x\":\"{}\"}}", "y".repeat(MAX_DRAFT_BYTES)),
                "too large",
            ),
            (
                "large-but-not-a-draft",
                format!("{{\"x\":\"{}\"}}", "y".repeat(json::MAX_FILE_BYTES)),
                "not a draft",
            ),
        ];
        let mut s = MemoryStorage::default();
        for (slot, raw, _) in &cases {
            s.set(&st.key(slot), raw).unwrap();
        }
        let writes = s.writes;
        for (slot, raw, words) in &cases {
            match store("ns", "w-b").open(&mut s, &id(slot)) {
                Err(OpenError::Unreadable { reason, raw: kept }) => {
                    let said = reason.words(raw);
                    assert!(said.contains(words), "{slot}: {said}");
                    // Said at once unless the alliance in it is what does not read, which
                    // takes reading it closely (a part of the widget).
                    assert_eq!(
                        reason == Reason::InItsFile,
                        *slot == "bad-alliance",
                        "{slot}: {reason:?}"
                    );
                    assert_eq!(&kept, raw, "{slot}: the raw value is offered for download");
                }
                other => panic!("{slot}: {other:?}"),
            }
            assert_eq!(
                s.get(&st.key(slot)).unwrap().as_ref(),
                Some(raw),
                "{slot} is untouched"
            );
        }
        assert_eq!(s.writes, writes, "opening never writes a draft key");
        let list = st.list(&s).unwrap();
        assert_eq!(
            list.iter()
                .filter(|l| matches!(l, Listed::Unreadable { .. }))
                .count(),
            cases.len()
        );
    }

    #[test]
    fn other_keys_of_the_page_are_never_touched() {
        let mut s = MemoryStorage::default();
        for i in 0..200 {
            s.set(&format!("host-app:{i}"), &format!("value {i}"))
                .unwrap();
        }
        s.set("designed-alliance:other-namespace:draft:x", "theirs")
            .unwrap();
        let mut st = store("mine", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&coaching(), &Here::default(), "goal", 0),
            now(),
        )
        .unwrap();
        assert_eq!(
            st.list(&s).unwrap().len(),
            2,
            "only this namespace's drafts are listed"
        );
        assert_eq!(
            st.forget(&mut s).unwrap(),
            3,
            "two drafts and the open-draft marker"
        );
        let keys = s.keys().unwrap();
        assert_eq!(keys.len(), 201);
        for i in 0..200 {
            assert_eq!(
                s.get(&format!("host-app:{i}")).unwrap(),
                Some(format!("value {i}"))
            );
        }
        assert_eq!(
            s.get("designed-alliance:other-namespace:draft:x")
                .unwrap()
                .as_deref(),
            Some("theirs")
        );
    }

    #[test]
    fn drafts_can_be_deleted_restored_and_duplicated() {
        let mut s = MemoryStorage::default();
        let mut st = store("ns", "w-a");
        save(&mut st, &mut s, &coaching(), "goal").unwrap();
        st.store_new(
            &mut s,
            &id("slot-2"),
            draft(&examples::partners(), &Here::default(), "basics", 5),
            now(),
        )
        .unwrap();
        assert!(
            st.store_new(
                &mut s,
                &id("slot-2"),
                draft(&coaching(), &Here::default(), "goal", 0),
                now()
            )
            .is_err(),
            "a taken slot is refused"
        );
        let raw = st.delete(&mut s, "slot-2").unwrap().unwrap();
        assert_eq!(st.list(&s).unwrap().len(), 1);
        st.restore(&mut s, "slot-2", &raw).unwrap();
        assert_eq!(
            store("ns", "w-b")
                .open(&mut s, &id("slot-2"))
                .unwrap()
                .alliance,
            examples::partners()
        );
    }

    #[test]
    fn namespaces_are_cleaned_and_kept_apart() {
        assert_eq!(clean_namespace("Coach Site #1"), "Coach-Site--1");
        assert_eq!(clean_namespace(""), "default");
        let mut s = MemoryStorage::default();
        save(&mut store("one", "w-a"), &mut s, &coaching(), "goal").unwrap();
        assert!(store("two", "w-b").list(&s).unwrap().is_empty());
        assert_eq!(
            store("two", "w-b").open(&mut s, &id("slot-1")),
            Err(OpenError::Missing)
        );
    }
}
