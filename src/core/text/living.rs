//! Words of the living alliance: holding a check-in, its history, and what the exports say of it.

use super::{fill, get};

words!("living": hold, hold_now, not_now, walk_label, screen_commitments, screen_measures,
    screen_milestones, screen_serving, screen_wrap, intro_commitments, intro_measures,
    intro_milestones, intro_serving, intro_wrap, none_commitments, none_measures,
    none_milestones, status_legend, status_none, status_done, status_on_track, status_behind,
    status_no_longer_needed, note, seen, reached, celebrated, keep, change, present,
    takeaway, save, stop, discard, discarded, discard_question, keep_it, nobody_present, back_to, history_heading,
    history_empty, earlier, stopped, serving_legend, changed_note;
    templates: due_check_in, due_today, due_review, walk_title, screen_of, planned, goal_planned,
    go_change, saved, saved_next, under_way, latest, changed_at, reached_earlier, history_item,
    history_present, history_takeaway, discarded_changed);

pub fn due_check_in(date: &str) -> String {
    fill(get("living.due_check_in"), &[("date", &date)])
}
pub fn due_today() -> String {
    get("living.due_today").to_string()
}
pub fn due_review(date: &str) -> String {
    fill(get("living.due_review"), &[("date", &date)])
}
/// "Check-in of 7 December 2026".
pub fn walk_title(date: &str) -> String {
    fill(get("living.walk_title"), &[("date", &date)])
}
/// "2 of 5: What we saw".
pub fn screen_of(n: usize, total: usize, name: &str) -> String {
    fill(
        get("living.screen_of"),
        &[("n", &n), ("total", &total), ("name", &name)],
    )
}
pub fn planned(how: &str) -> String {
    fill(get("living.planned"), &[("how", &how)])
}
pub fn goal_planned(how: &str) -> String {
    fill(get("living.goal_planned"), &[("how", &how)])
}
pub fn go_change(section: &str) -> String {
    fill(get("living.go_change"), &[("section", &section)])
}
pub fn saved() -> String {
    get("living.saved").to_string()
}
pub fn saved_next(date: &str) -> String {
    fill(get("living.saved_next"), &[("date", &date)])
}
pub fn under_way(date: &str) -> String {
    fill(get("living.under_way"), &[("date", &date)])
}
/// "Latest check-in: 7 December 2026".
pub fn latest(date: &str) -> String {
    fill(get("living.latest"), &[("date", &date)])
}
/// The revision log's entry for terms changed during a check-in.
pub fn changed_at(sections: &str) -> String {
    fill(get("living.changed_at"), &[("sections", &sections)])
}
pub fn reached_earlier(list: &str) -> String {
    fill(get("living.reached_earlier"), &[("list", &list)])
}
/// "Check-in of 7 December 2026": an entry of the history.
pub fn history_item(date: &str) -> String {
    fill(get("living.history_item"), &[("date", &date)])
}
pub fn history_present(names: &str) -> String {
    fill(get("living.history_present"), &[("names", &names)])
}
pub fn history_takeaway(text: &str) -> String {
    fill(get("living.history_takeaway"), &[("text", &text)])
}
/// "The check-in was discarded. What you changed during it stays: The goal."
pub fn discarded_changed(sections: &str) -> String {
    fill(get("living.discarded_changed"), &[("sections", &sections)])
}
