//! Words of sending the alliance to the coach.

use super::{fill, get};

words!("coach": your_coach, hello, to, subject_label, body_label, open_email, open_email_note,
    open_email_attach_note, download, share_sheet, share_sheet_note, sending, made_link_failed,
    shortened, shortened_attached, copy, empty;
    templates: send, subject, greeting, about, people, whole_link, whole_attached, title, intro,
    too_long, downloaded, web_heading, web_what, web_send, sent, not_sent, why_unreachable,
    why_status, email_opened, copied, where_sending, copy_failed;
    plurals: and_more);

fn with_coach(key: &str, coach: &str) -> String {
    fill(get(key), &[("coach", &coach)])
}
/// "Send to Jordan".
pub fn send(coach: &str) -> String {
    with_coach("coach.send", coach)
}
pub fn subject(title: &str) -> String {
    fill(get("coach.subject"), &[("title", &title)])
}
/// "Hello Jordan," (or "Hello," without a name).
pub fn greeting(coach: &str) -> String {
    if coach.is_empty() {
        hello().to_string()
    } else {
        with_coach("coach.greeting", coach)
    }
}
pub fn about(title: &str, status: &str) -> String {
    fill(
        get("coach.about"),
        &[("title", &title), ("status", &status)],
    )
}
pub fn people(people: &str) -> String {
    fill(get("coach.people"), &[("people", &people)])
}
pub fn and_more(n: usize) -> String {
    super::count("coach.and_more", n, &[])
}
pub fn whole_link() -> &'static str {
    get("coach.whole_link")
}
pub fn whole_attached(name: &str, address: &str) -> String {
    fill(
        get("coach.whole_attached"),
        &[("name", &name), ("address", &address)],
    )
}
pub fn copy_failed(detail: &str) -> String {
    fill(get("coach.copy_failed"), &[("detail", &detail)])
}
pub fn copied(coach: &str) -> String {
    with_coach("coach.copied", coach)
}
/// Where the answers stay, on a page that names a coach to send them to.
pub fn where_sending(coach: &str) -> String {
    with_coach("coach.where_sending", coach)
}
pub fn title(coach: &str) -> String {
    with_coach("coach.title", coach)
}
pub fn intro(coach: &str) -> String {
    with_coach("coach.intro", coach)
}
pub fn too_long(chars: usize, limit: usize) -> String {
    fill(
        get("coach.too_long"),
        &[("chars", &chars), ("limit", &limit)],
    )
}
pub fn downloaded(name: &str) -> String {
    fill(get("coach.downloaded"), &[("name", &name)])
}
pub fn web_heading(coach: &str) -> String {
    with_coach("coach.web_heading", coach)
}
pub fn web_what(coach: &str, address: &str) -> String {
    fill(
        get("coach.web_what"),
        &[("coach", &coach), ("address", &address)],
    )
}
pub fn web_send(coach: &str) -> String {
    with_coach("coach.web_send", coach)
}
pub fn sent(coach: &str, time: &str) -> String {
    fill(get("coach.sent"), &[("coach", &coach), ("time", &time)])
}
pub fn not_sent(why: &str) -> String {
    fill(get("coach.not_sent"), &[("why", &why)])
}
pub fn why_unreachable(address: &str) -> String {
    fill(get("coach.why_unreachable"), &[("address", &address)])
}
pub fn why_status(coach: &str, status: &str) -> String {
    fill(
        get("coach.why_status"),
        &[("coach", &coach), ("status", &status)],
    )
}
pub fn email_opened(coach: &str) -> String {
    with_coach("coach.email_opened", coach)
}

/// Words of the coach's desk: what was received, and what changed since.
pub mod desk {
    use super::{fill, get};

    words!("desk": file_it, same, changed, mark_received, marked, compare_now, keep_later,
        compare, nobody, note;
        templates: new, filed, same_since, changed_since, kept, received, waiting, not_noted);

    fn with_people(key: &str, people: &str) -> String {
        fill(get(key), &[("people", &people)])
    }
    fn with_date(key: &str, date: &str) -> String {
        fill(get(key), &[("date", &date)])
    }
    pub fn new(people: &str) -> String {
        with_people("desk.new", people)
    }
    pub fn filed(people: &str) -> String {
        with_people("desk.filed", people)
    }
    pub fn kept(people: &str) -> String {
        with_people("desk.kept", people)
    }
    pub fn same_since(date: &str) -> String {
        with_date("desk.same_since", date)
    }
    pub fn changed_since(date: &str) -> String {
        with_date("desk.changed_since", date)
    }
    pub fn received(date: &str) -> String {
        with_date("desk.received", date)
    }
    pub fn waiting(date: &str) -> String {
        with_date("desk.waiting", date)
    }
    pub fn not_noted(detail: &str) -> String {
        fill(get("desk.not_noted"), &[("detail", &detail)])
    }
}
