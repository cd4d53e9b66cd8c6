//! Every person-facing string of the widget, in catalogues: one JSON file per language in
//! `lang/` (`lang/en.json` is built into the widget; another language is fetched when the
//! widget is asked to speak it, see [`install`]). Code asks for a string by its key; a word
//! with values in it is a template (`"Step {n} of {total}"`) filled by [`fill`].
//!
//! The wording is ours; the ideas come from the seed documents (see the product brief).

mod catalogue;

pub use catalogue::{
    fill, get, install, install_later, language, on_missing, placeholders, plural, plural_category,
    set_plural_rules, uninstall, Catalogue, CatalogueError, Plural, PluralRules, LANGUAGES,
    MAX_BYTES as MAX_CATALOGUE_BYTES,
};

/// The count `key` for `n`, in its plural form, with `{count}` and `values` put in.
pub fn count(key: &str, n: usize, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("count", &n)];
    all.extend_from_slice(values);
    fill(plural(key, n as u64), &all)
}

/// A word of the catalogue, as a function: what tables of questions hold, since a table is a
/// constant and the word depends on the language in use.
pub type Words = fn() -> &'static str;

/// Static words of one part of the catalogue: `pub fn name() -> &'static str` for each, read
/// from the language in use; `KEYS` lists them, the templates of the part and its counts
/// (whose functions are written by hand, as they take values), for the test that every
/// catalogue has them all. A count is a template with plural forms (see [`plural`]): its
/// number is always `{count}`.
macro_rules! words {
    ($part:literal: $($name:ident),* ; templates: $($template:ident),* $(; plurals: $($plural:ident),*)? $(,)?) => {
        $(pub fn $name() -> &'static str {
            get(concat!($part, ".", stringify!($name)))
        })*
        /// Every key of this part of the catalogue (of a count, its "one" and "other" forms).
        pub const KEYS: &[&str] = &[
            $(concat!($part, ".", stringify!($name)),)*
            $(concat!($part, ".", stringify!($template)),)*
            $($(
                concat!($part, ".", stringify!($plural), ".one"),
                concat!($part, ".", stringify!($plural), ".other"),
            )*)?
        ];
    };
}

words!("common": everyone_label, untitled, not_set, missing_party;
    templates: unnamed_party, revision_changes);

pub fn unnamed_party(position: usize) -> String {
    fill(get("common.unnamed_party"), &[("position", &position)])
}

/// Messages of validation findings.
pub mod findings {
    use super::{fill, get};
    words!("findings": title_missing, relationship_missing, too_few_parties, goal_what_missing, goal_why_missing, no_measures, measure_signal_missing, measure_check_missing, measure_often_missing, no_commitments, commitment_what_missing, commitment_when_missing, commitment_after_empty, owner_gone, no_channels, channel_name_missing, check_in_missing, raising_problems_missing, update_party_gone, celebrate_goal_missing, milestone_missing, milestone_how_missing, need_or_offer_empty, assumption_empty, assumption_instead_hint, permission_empty, decision_question_missing, chosen_gone, decision_why_hint, review_in_past;
        templates: party_name_missing, option_name_missing, duplicate_party, ask_without_offer, answer_missing);
    /// "Name option 2.": each option's own line on the review's list.
    pub fn option_name_missing(n: usize) -> String {
        fill(get("findings.option_name_missing"), &[("n", &n)])
    }
    /// "Add the name of person 2.": each person's own line on the review's list.
    pub fn party_name_missing(n: usize) -> String {
        fill(get("findings.party_name_missing"), &[("n", &n)])
    }
    pub fn duplicate_party(name: &str) -> String {
        fill(get("findings.duplicate_party"), &[("name", &name)])
    }
    pub fn ask_without_offer(name: &str) -> String {
        fill(get("findings.ask_without_offer"), &[("name", &name)])
    }
    pub fn answer_missing(prompt: &str) -> String {
        fill(get("findings.answer_missing"), &[("prompt", &prompt)])
    }
}

/// Messages of import errors. `path` is where in the file the problem is.
pub mod import {
    use super::{fill, get};
    words!("import": empty, not_utf8, broken_escape, truncated, too_deep, not_an_object, wrong_format, no_version, file_calendar, file_text, file_pdf, file_image, file_document;
        templates: too_large, wrong_file, not_json, bad_version, newer_version, invalid_field, duplicate_id, inconsistent_status;
        plurals: too_many_items, title_too_long);
    pub fn title_too_long(count: usize, limit: usize) -> String {
        super::count("import.title_too_long", count, &[("limit", &limit)])
    }
    pub fn too_large(bytes: u64, limit: u64) -> String {
        fill(
            get("import.too_large"),
            &[("size", &bytes.div_ceil(1024)), ("limit", &(limit / 1024))],
        )
    }
    pub fn not_json(line: usize, column: usize, detail: &str) -> String {
        fill(
            get("import.not_json"),
            &[("line", &line), ("column", &column), ("detail", &detail)],
        )
    }
    pub fn bad_version(found: &str) -> String {
        fill(get("import.bad_version"), &[("found", &found)])
    }
    pub fn newer_version(found: u64, supported: u32) -> String {
        fill(
            get("import.newer_version"),
            &[("found", &found), ("supported", &supported)],
        )
    }
    pub fn invalid_field(path: &str, detail: &str) -> String {
        fill(
            get("import.invalid_field"),
            &[("path", &path), ("detail", &detail)],
        )
    }
    pub fn too_many_items(path: &str, count: usize, limit: usize) -> String {
        super::count(
            "import.too_many_items",
            count,
            &[("path", &path), ("limit", &limit)],
        )
    }
    pub fn duplicate_id(path: &str, id: &str) -> String {
        fill(get("import.duplicate_id"), &[("path", &path), ("id", &id)])
    }
    /// Which file to choose instead of the one chosen (`what`: which kind of file it is).
    pub fn wrong_file(what: &str) -> String {
        fill(
            get("import.wrong_file"),
            &[("what", &what), ("button", &super::ui::download_json())],
        )
    }
    pub fn inconsistent_status(path: &str) -> String {
        fill(get("import.inconsistent_status"), &[("path", &path)])
    }
}

/// What is wrong at a place in an opened file, in plain words (after "Problem at {path}:").
pub mod detail {
    use super::{fill, get};
    words!("detail": top_level, required_missing, unknown_field, missing, text, true_or_false,
        whole_number_to_65535, whole_number, list, object, something_else, number,
        question_id, answered_twice, answer_prompt_empty, question_empty, template_ref,
        no_such_person, everyone_reserved, agreed_twice, present_twice, present_empty, spoken_twice;
        templates: not_one_of, should_be, not_an_owner, not_a_time, not_an_id, not_a_date,
        not_a_timestamp);
    pub fn not_one_of(given: &str, allowed: &str) -> String {
        fill(
            get("detail.not_one_of"),
            &[("given", &given), ("allowed", &allowed)],
        )
    }
    pub fn should_be(expected: &str, found: &str) -> String {
        fill(
            get("detail.should_be"),
            &[("expected", &expected), ("found", &found)],
        )
    }
    pub fn not_an_owner(value: &str) -> String {
        fill(get("detail.not_an_owner"), &[("value", &value)])
    }
    pub fn not_a_time(value: &str) -> String {
        fill(get("detail.not_a_time"), &[("value", &value)])
    }
    pub fn not_an_id(value: &str) -> String {
        fill(get("detail.not_an_id"), &[("value", &value)])
    }
    pub fn not_a_date(value: &str) -> String {
        fill(get("detail.not_a_date"), &[("value", &value)])
    }
    pub fn not_a_timestamp(value: &str) -> String {
        fill(get("detail.not_a_timestamp"), &[("value", &value)])
    }
}

/// Words about drafts kept in the browser.
pub mod drafts {
    use super::{fill, get};
    words!("drafts": not_a_draft, newer, file_unreadable, bad_key, slot_taken, my_drafts, saving, saved_as_you_type, not_saved, conflict_status, unavailable, full, download_copy, try_again, conflict, keep_mine, load_other, kept_mine, loaded_other, download_unreadable, unreadable_file, note, memory_note, none_yet, open_now, open, rename, duplicate, delete, download, save_name, cancel, undo_delete, restored, renamed, gone, new_draft, new_started, unreadable_item, forget, forget_question, forget_yes, forget_no, forgotten;
        templates: when_today, when_on, unreadable, saved, failed, last_saved, action_label, new_name_for, copy_of, deleted, opened, duplicated, list_failed, action_failed);

    /// "at 14:02" today, "on 2026-11-20 at 14:02" another day.
    pub fn when(date: Option<&str>, time: &str) -> String {
        match date {
            None => fill(get("drafts.when_today"), &[("time", &time)]),
            Some(date) => fill(get("drafts.when_on"), &[("date", &date), ("time", &time)]),
        }
    }
    pub fn saved(when: &str) -> String {
        fill(get("drafts.saved"), &[("when", &when)])
    }
    pub fn failed(detail: &str) -> String {
        fill(get("drafts.failed"), &[("detail", &detail)])
    }
    pub fn unreadable(reason: &str) -> String {
        let reason = reason.trim_end_matches('.');
        fill(get("drafts.unreadable"), &[("reason", &reason)])
    }
    pub fn last_saved(when: &str) -> String {
        fill(get("drafts.last_saved"), &[("when", &when)])
    }
    pub fn action_label(action: &str, title: &str) -> String {
        fill(
            get("drafts.action_label"),
            &[("action", &action), ("title", &title)],
        )
    }
    pub fn new_name_for(title: &str) -> String {
        fill(get("drafts.new_name_for"), &[("title", &title)])
    }
    pub fn copy_of(title: &str) -> String {
        fill(get("drafts.copy_of"), &[("title", &title)])
    }
    pub fn deleted(title: &str) -> String {
        fill(get("drafts.deleted"), &[("title", &title)])
    }
    pub fn opened(title: &str) -> String {
        fill(get("drafts.opened"), &[("title", &title)])
    }
    pub fn duplicated(title: &str) -> String {
        fill(get("drafts.duplicated"), &[("title", &title)])
    }
    pub fn list_failed(detail: &str) -> String {
        fill(get("drafts.list_failed"), &[("detail", &detail)])
    }
    pub fn action_failed(detail: &str) -> String {
        fill(get("drafts.action_failed"), &[("detail", &detail)])
    }
}

/// Words used by the Markdown and calendar exports.
pub mod export {
    use super::{fill, get};
    words!("export": people, relationship, status_draft, status_agreed, status, why, pain, checked_by, channels, check_in, updates, raising_problems, celebrate_goal, milestones, held_by, instead, surprises, missed, permissions, mistakes, options, pros, cons, chosen, next_review, next_review_of, first_check_in, next_check_in, recap_goal, recap_measure, recap_commitments, recap_communicate, recap_celebrate, recap_deeper, review_rhythm, revisions, agreement, agreed_by, not_agreed, after, by, at, starting;
        templates: exported_on, review_event, check_in_event, commitment_event;
        plurals: minutes);
    /// A length of time: "45 minutes", "1 minute".
    pub fn minutes(n: u16) -> String {
        super::count("export.minutes", usize::from(n), &[])
    }
    pub fn exported_on(date: &str) -> String {
        fill(get("export.exported_on"), &[("date", &date)])
    }
    pub fn review_event(title: &str) -> String {
        fill(get("export.review_event"), &[("title", &title)])
    }
    pub fn check_in_event(title: &str) -> String {
        fill(get("export.check_in_event"), &[("title", &title)])
    }
    pub fn commitment_event(owner: &str, what: &str) -> String {
        fill(
            get("export.commitment_event"),
            &[("owner", &owner), ("what", &what)],
        )
    }
}

/// Bringing two versions of an alliance together.
pub mod merge {
    use super::{fill, get};
    words!("merge": title, compare, intro, identical, mine, theirs, not_there, only_mine,
        only_theirs, changed_mine, changed_theirs, changed_both, keep_mine, take_theirs,
        keep_both, keep_it, leave_out, all_mine, all_theirs, save, cancel, close, unchanged,
        done_kept, done_draft_again, whole_text, only_here, only_here_end, who_help;
        templates: brought_together, brought_together_by, taken, taken_away, kept_both, kept_over,
        left_out, kept, agreement_from, earlier_from, same_alliance, other_saved,
        agreement_counts, agreement_kept, failed, earlier, done_agreed;
        plurals: count, save_left, choose_first, done_taken);
    pub fn brought_together(saved: &str) -> String {
        fill(get("merge.brought_together"), &[("date", &saved)])
    }
    pub fn brought_together_by(name: &str, saved: &str) -> String {
        fill(
            get("merge.brought_together_by"),
            &[("name", &name), ("date", &saved)],
        )
    }
    pub fn taken(list: &str) -> String {
        fill(get("merge.taken"), &[("list", &list)])
    }
    pub fn taken_away(list: &str) -> String {
        fill(get("merge.taken_away"), &[("list", &list)])
    }
    pub fn kept_both(list: &str) -> String {
        fill(get("merge.kept_both"), &[("list", &list)])
    }
    pub fn kept_over(list: &str) -> String {
        fill(get("merge.kept_over"), &[("list", &list)])
    }
    pub fn left_out(list: &str) -> String {
        fill(get("merge.left_out"), &[("list", &list)])
    }
    pub fn kept(list: &str) -> String {
        fill(get("merge.kept"), &[("list", &list)])
    }
    pub fn agreement_from(names: &str) -> String {
        fill(get("merge.agreement_from"), &[("names", &names)])
    }
    pub fn earlier_from(names: &str) -> String {
        fill(get("merge.earlier_from"), &[("names", &names)])
    }
    pub fn same_alliance(title: &str) -> String {
        fill(get("merge.same_alliance"), &[("title", &title)])
    }
    pub fn other_saved(date: &str) -> String {
        fill(get("merge.other_saved"), &[("date", &date)])
    }
    pub fn agreement_counts(names: &str) -> String {
        fill(get("merge.agreement_counts"), &[("names", &names)])
    }
    pub fn agreement_kept(names: &str) -> String {
        fill(get("merge.agreement_kept"), &[("names", &names)])
    }
    pub fn failed(detail: &str) -> String {
        fill(get("merge.failed"), &[("detail", &detail)])
    }
    pub fn earlier(name: &str, date: &str) -> String {
        fill(get("merge.earlier"), &[("name", &name), ("date", &date)])
    }
    pub fn done_agreed(names: &str) -> String {
        fill(get("merge.done_agreed"), &[("names", &names)])
    }
    /// "3 differences".
    pub fn count(n: usize) -> String {
        super::count("merge.count", n, &[])
    }
    /// The save button while some differences have no choice yet.
    pub fn save_left(n: usize) -> String {
        super::count("merge.save_left", n, &[])
    }
    /// Said when saving is asked for before every difference has a choice.
    pub fn choose_first(n: usize) -> String {
        super::count("merge.choose_first", n, &[])
    }
    /// Said after saving, when something was taken from the other version.
    pub fn done_taken(n: usize) -> String {
        super::count("merge.done_taken", n, &[])
    }
}

/// Parts of the widget that load when first used.
pub mod part {
    use super::get;
    words!("part": unavailable, try_again, loading, preview_unavailable, link_kept, reader_unavailable, export_unavailable; templates: );
}

/// The share link.
pub mod share {
    use super::{fill, get};
    words!("share": share, title, intro, private, link_label, copy, copied, system, making,
        unsupported, damaged, too_long, failed_title, reader_unavailable;
        templates: failed, too_large_unpacked, message;
        plurals: too_large);
    pub fn too_large(chars: usize, limit: usize) -> String {
        super::count("share.too_large", chars, &[("limit", &limit)])
    }
    pub fn failed(detail: &str) -> String {
        fill(get("share.failed"), &[("detail", &detail)])
    }
    pub fn too_large_unpacked(limit: usize) -> String {
        fill(
            get("share.too_large_unpacked"),
            &[("limit", &(limit / 1024))],
        )
    }
    pub fn message(title: &str) -> String {
        fill(get("share.message"), &[("title", &title)])
    }
}

/// Words of the widget's own controls, headings and announcements.
pub mod ui {
    use super::{fill, get};
    words!("ui": widget_heading, steps_label, show_steps, step_review, step_agreement, step_finish, review_intro, agreement_intro, finish_intro, recap_heading, recap_empty, recap_full, next_dates_heading, next_dates_none, not_agreed_yet, file_heading, state_not_started, state_in_progress, state_complete, state_needs_attention, state_skipped, stage_start, stage_essentials, stage_deeper, stage_agree, step_welcome, welcome_intro, skip_to_step, begin, go_deeper, skip_to_review, essentials_done, next, back, undo, redo, undone, redone, nothing_to_undo, nothing_to_redo, take_it_away, toolbar, download_json, copy_email, copy_markdown, print, download_calendar, import, downloaded, calendar_downloaded, calendar_no_dates, copied, copied_markdown, copy_fallback_title, copy_fallback_body, copy_fallback_label, copy_fallback_plain, close, import_title, import_replace, import_cancel, import_warning, import_done, import_cancelled, import_failed_title, import_unchanged, import_read_failed, import_one_file, import_not_text, stopped, drop_here, file_input_label, preview_title, preview_contents, preview_saved, import_fresh, import_not_now, preview_agreed, preview_people, for_example, optional, msg_error, msg_missing, msg_warning, msg_hint, move_up, move_down, remove, item_menu, person, add_person, which_is_me, me_help, me_change, me_first, others_agree, more_goal, more_check_in, measure, add_measure, commitment, add_commitment, when_not_set, when_date, when_after, when_date_label, when_after_label, channel, add_channel, check_in_heading, channels_heading, milestones_heading, permissions_heading, updates_heading, orphans_heading, milestone, add_milestone, need, need_or_offer, relationship_note, offer, assumption, add_assumption, permission, add_permission, permission_from, decision, add_decision, option, add_option, not_chosen, revision, revisions_heading, revisions_empty, add_revision, revision_date, reflect_before, reflect_after, reflect_review, reflect_note, parties_heading, choose, none, missing_heading, missing_none, edit, not_ready, go_to_review, all_agreed, draft_again, status_draft, status_agreed, noscript, crash_title, crash_body, crash_details;
        templates: step_of, agreed_header, download_failed, item_label, me_is, not_agreed_by, date_at, moved, removed, added, update_style_for, update_note_for, needs_of, offers_of, add_need, add_offer, edit_section, agree_as, agreed_on, withdraw, someone_agreed, progress_label;
        plurals: steps_done, steps_skipped, count_commitments, count_measures, how_long, deeper_takes);
    pub fn step_of(n: usize, total: usize) -> String {
        fill(get("ui.step_of"), &[("n", &n), ("total", &total)])
    }
    pub fn agreed_header(date: &str) -> String {
        fill(get("ui.agreed_header"), &[("date", &date)])
    }
    /// How long the essentials take, in minutes, and that one may stop and come back.
    pub fn how_long(minutes: u32) -> String {
        super::count("ui.how_long", minutes as usize, &[])
    }
    /// How long going deeper takes, in minutes, and that any of it may be skipped.
    pub fn deeper_takes(minutes: u32) -> String {
        super::count("ui.deeper_takes", minutes as usize, &[])
    }
    pub fn file_advice() -> [&'static str; 3] {
        ["keep", "send", "calendar"].map(|k| get(&format!("fileAdvice.{k}")))
    }
    /// What the welcome says: a term, and what to know about it.
    pub fn welcome() -> [(&'static str, &'static str); 5] {
        [
            "whatItIs",
            "whyItHelps",
            "whoFillsItIn",
            "howLong",
            "whereAnswersStay",
        ]
        .map(|k| {
            (
                get(&format!("welcome.{k}.term")),
                get(&format!("welcome.{k}.text")),
            )
        })
    }
    /// The buttons that move between steps say a verb, then where they go ("Next: The goal");
    /// on phones only the verb shows, and the whole stays the button's name.
    /// "5 of 9 steps done, 5 skipped": skipped steps are counted apart, never as done.
    pub fn steps_done(done: usize, of: usize, skipped: usize) -> String {
        let done = super::count("ui.steps_done", of, &[("done", &done)]);
        if skipped == 0 {
            return done;
        }
        format!("{done}, {}", super::count("ui.steps_skipped", skipped, &[]))
    }
    pub fn download_failed(detail: &str) -> String {
        fill(get("ui.download_failed"), &[("detail", &detail)])
    }
    /// What an alliance about to be opened holds: "2 commitments, 1 way of measuring progress".
    pub fn preview_counts(commitments: usize, measures: usize) -> String {
        let commitments = super::count("ui.count_commitments", commitments, &[]);
        let measures = super::count("ui.count_measures", measures, &[]);
        [commitments, measures].join(", ")
    }
    pub fn item_label(kind: &str, n: usize) -> String {
        fill(get("ui.item_label"), &[("kind", &kind), ("n", &n)])
    }
    pub fn moved(kind: &str, to: usize, of: usize) -> String {
        fill(
            get("ui.moved"),
            &[("kind", &kind), ("to", &to), ("of", &of)],
        )
    }
    pub fn removed(kind: &str) -> String {
        fill(get("ui.removed"), &[("kind", &kind)])
    }
    pub fn added(kind: &str) -> String {
        fill(get("ui.added"), &[("kind", &kind)])
    }
    pub fn update_style_for(name: &str) -> String {
        fill(get("ui.update_style_for"), &[("name", &name)])
    }
    pub fn update_note_for(name: &str) -> String {
        fill(get("ui.update_note_for"), &[("name", &name)])
    }
    pub fn needs_of(name: &str) -> String {
        fill(get("ui.needs_of"), &[("name", &name)])
    }
    pub fn offers_of(name: &str) -> String {
        fill(get("ui.offers_of"), &[("name", &name)])
    }
    pub fn add_need(name: &str) -> String {
        fill(get("ui.add_need"), &[("name", &name)])
    }
    pub fn add_offer(name: &str) -> String {
        fill(get("ui.add_offer"), &[("name", &name)])
    }
    pub fn edit_section(title: &str) -> String {
        fill(get("ui.edit_section"), &[("title", &title)])
    }
    /// A day and a time: "6 December 2026 at 14:02".
    pub fn date_at(date: &str, time: &str) -> String {
        fill(get("ui.date_at"), &[("date", &date), ("time", &time)])
    }
    pub fn not_agreed_by(name: &str) -> String {
        fill(get("ui.not_agreed_by"), &[("name", &name)])
    }
    pub fn me_is(name: &str) -> String {
        fill(get("ui.me_is"), &[("name", &name)])
    }
    pub fn agree_as(name: &str) -> String {
        fill(get("ui.agree_as"), &[("name", &name)])
    }
    pub fn agreed_on(name: &str, date: &str) -> String {
        fill(get("ui.agreed_on"), &[("name", &name), ("date", &date)])
    }
    pub fn withdraw(name: &str) -> String {
        fill(get("ui.withdraw"), &[("name", &name)])
    }
    pub fn someone_agreed(name: &str) -> String {
        fill(get("ui.someone_agreed"), &[("name", &name)])
    }
    pub fn progress_label(percent: u32) -> String {
        fill(get("ui.progress_label"), &[("percent", &percent)])
    }
}

/// How deeply arrays and objects nest in JSON text (brackets inside strings are text). Only a
/// count: the parser checks everything else.
pub fn nesting_depth(text: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

pub mod coach;
pub mod living;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_by_name() {
        assert_eq!(ui::step_of(3, 14), "Step 3 of 14");
        assert_eq!(
            fill("{a} and {b}, {a}; {c} {", &[("a", &1), ("b", &"two")]),
            "1 and two, 1; {c} {"
        );
        assert_eq!(placeholders("{n} of {total} {Not} {}"), ["n", "total"]);
    }
}
