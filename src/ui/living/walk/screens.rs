//! The five screens of a check-in under way, and the controls they are made of.

use super::*;

fn none(text: &'static str) -> AnyView {
    view! { <p class="da-help da-walk-none">{text}</p> }.into_any()
}

/// A one-line text box with its label, kept in the check-in under way as it is typed.
fn line_box(id: String, label: String, value: String, set: impl Fn(String) + 'static) -> AnyView {
    view! {
        <div class="da-field">
            <label class="da-label" for=id.clone()>{label}</label>
            <input
                type="text"
                class="da-input"
                id=id
                maxlength="2000"
                prop:value=value
                on:input:target=move |ev| set(ev.target().value())
            />
        </div>
    }
    .into_any()
}

/// One radio button of a group (`name`), with its label.
fn radio(
    id: String,
    name: String,
    label: &'static str,
    checked: Signal<bool>,
    choose: impl Fn() + 'static,
) -> AnyView {
    view! {
        <span class="da-choice">
            <input
                type="radio"
                id=id.clone()
                name=name
                prop:checked=move || checked.get()
                on:change=move |_| choose()
            />
            <label for=id>{label}</label>
        </span>
    }
    .into_any()
}

/// A checkbox with its label, described by `described` while there is something to say.
fn check_box(
    id: String,
    label: AnyView,
    checked: Signal<bool>,
    described: Signal<Option<String>>,
    set: impl Fn(bool) + 'static,
) -> AnyView {
    view! {
        <div class="da-check">
            <input
                type="checkbox"
                class="da-checkbox"
                id=id.clone()
                aria-describedby=move || described.get()
                prop:checked=move || checked.get()
                on:change:target=move |ev| set(ev.target().checked())
            />
            <label class="da-label" for=id>{label}</label>
        </div>
    }
    .into_any()
}

pub(super) fn commitments(ctx: Ctx, page: Page, a: &Alliance, walk: &Walk) -> AnyView {
    if walk.held.commitments.is_empty() {
        return none(w::none_commitments());
    }
    let statuses: [(Option<CommitmentStatus>, &'static str); 5] = [
        (None, w::status_none()),
        (Some(CommitmentStatus::Done), w::status_done()),
        (Some(CommitmentStatus::OnTrack), w::status_on_track()),
        (Some(CommitmentStatus::Behind), w::status_behind()),
        (
            Some(CommitmentStatus::NoLongerNeeded),
            w::status_no_longer_needed(),
        ),
    ];
    walk.held
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let owner = a
                .commitments
                .iter()
                .find(|k| k.id == c.commitment_id)
                .map(|k| a.owner_label(&k.owner));
            let legend = match owner {
                Some(o) => format!("{o}: {}", c.what),
                None => c.what.clone(),
            };
            let group = page.id(&format!("walk-c-{i}"));
            let chosen = c.status;
            let choices = statuses
                .iter()
                .enumerate()
                .map(|(j, (status, label))| {
                    let status = *status;
                    radio(
                        format!("{group}-{j}"),
                        group.clone(),
                        label,
                        Signal::stored(chosen == status),
                        move || {
                            change(ctx, |w| {
                                if let Some(x) = w.held.commitments.get_mut(i) {
                                    x.status = status;
                                }
                            })
                        },
                    )
                })
                .collect_view();
            let note = line_box(
                format!("{group}-note"),
                w::note().to_string(),
                c.note.clone(),
                move |v| {
                    change(ctx, |w| {
                        if let Some(x) = w.held.commitments.get_mut(i) {
                            x.note = v;
                        }
                    })
                },
            );
            view! {
                <fieldset class="da-fieldset da-walk-item">
                    <legend class="da-label">{legend}</legend>
                    <p class="da-help">{w::status_legend()}</p>
                    <div class="da-diff-choices">{choices}</div>
                    {note}
                </fieldset>
            }
        })
        .collect_view()
        .into_any()
}

pub(super) fn measures(ctx: Ctx, page: Page, walk: &Walk) -> AnyView {
    if walk.held.measures.is_empty() {
        return none(w::none_measures());
    }
    walk.held
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let field = line_box(
                page.id(&format!("walk-m-{i}")),
                format!("{} — {}", m.signal, w::seen()),
                m.seen.clone(),
                move |v| {
                    change(ctx, |w| {
                        if let Some(x) = w.held.measures.get_mut(i) {
                            x.seen = v;
                        }
                    })
                },
            );
            view! { <div class="da-walk-item">{field}</div> }
        })
        .collect_view()
        .into_any()
}

pub(super) fn milestones(ctx: Ctx, page: Page, a: &Alliance, walk: &Walk) -> AnyView {
    let goal = a.celebrations.goal.trim().to_string();
    let earlier: Vec<String> = a
        .celebrations
        .milestones
        .iter()
        .filter(|m| living::reached_before(a).contains(&m.id))
        .map(|m| m.milestone.trim().to_string())
        .collect();
    let items = walk
        .held
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let id = page.id(&format!("walk-ms-{i}"));
            let key = m.milestone_id.clone();
            let reached = Memo::new({
                let key = key.clone();
                move |_| {
                    ctx.here
                        .with(|h| h.walk.as_ref().is_some_and(|w| w.reached.contains(&key)))
                }
            });
            let planned = a
                .celebrations
                .milestones
                .iter()
                .find(|x| x.id == m.milestone_id)
                .map(|x| x.how.trim().to_string())
                .filter(|h| !h.is_empty());
            let celebrated = m.celebrated.clone();
            let how_id = format!("{id}-how");
            view! {
                <div class="da-walk-item">
                    {check_box(
                        id,
                        view! { {m.milestone.clone()} " — " {w::reached()} }.into_any(),
                        reached.into(),
                        Signal::stored(None),
                        move |on| {
                            let key = key.clone();
                            change(ctx, move |w| {
                                w.reached.retain(|x| *x != key);
                                if on {
                                    w.reached.push(key);
                                }
                            });
                        },
                    )}
                    {planned.map(|p| view! { <p class="da-help">{w::planned(&p)}</p> })}
                    <Show when=move || reached.get()>
                        {line_box(
                            how_id.clone(),
                            w::celebrated().to_string(),
                            celebrated.clone(),
                            move |v| change(ctx, |w| {
                                if let Some(x) = w.held.milestones.get_mut(i) {
                                    x.celebrated = v;
                                }
                            }),
                        )}
                    </Show>
                </div>
            }
        })
        .collect_view();
    view! {
        {(!goal.is_empty()).then(|| view! { <p class="da-help">{w::goal_planned(&goal)}</p> })}
        {(!earlier.is_empty())
            .then(|| view! { <p class="da-help">{w::reached_earlier(&earlier.join(", "))}</p> })}
        {if walk.held.milestones.is_empty() { Some(none(w::none_milestones())) } else { None }}
        {items}
    }
    .into_any()
}

/// The essential sections on this way through, in its order.
fn essentials(way: Way) -> Vec<SectionId> {
    way.route.with_untracked(|r| {
        r.steps()
            .iter()
            .filter(|s| s.stage() == Stage::Essentials)
            .filter_map(|s| match s {
                Step::Section(id) => Some(*id),
                _ => None,
            })
            .collect()
    })
}

pub(super) fn serving(ctx: Ctx, page: Page, way: Way, a: &Alliance, walk: &Walk) -> AnyView {
    let agreed = a.status == crate::core::Status::Agreed;
    let items = essentials(way)
        .into_iter()
        .map(|section| {
            let title = way.title(Step::Section(section));
            let group = page.id(&format!("walk-s-{}", section.key()));
            let verdict = Memo::new(move |_| {
                ctx.here.with(|h| {
                    h.walk.as_ref().and_then(|w| {
                        w.held
                            .sections
                            .iter()
                            .find(|s| s.section == section)
                            .map(|s| s.verdict)
                    })
                })
            });
            let choose = move |v: Verdict| {
                change(ctx, |w| {
                    w.held.sections.retain(|s| s.section != section);
                    w.held.sections.push(SectionCheck {
                        section,
                        verdict: v,
                    });
                    // In the order of the way through, whatever the order chosen in.
                    w.held
                        .sections
                        .sort_by_key(|s| SectionId::ALL.iter().position(|x| *x == s.section));
                });
            };
            let choice = move |v: Verdict, label: &'static str, j: usize| {
                radio(
                    format!("{group}-{j}"),
                    group.clone(),
                    label,
                    Signal::derive(move || verdict.get() == Some(v)),
                    move || choose(v),
                )
            };
            let go_label = w::go_change(&title);
            view! {
                <fieldset class="da-fieldset da-walk-item">
                    <legend class="da-label">{title.clone()}</legend>
                    <div class="da-diff-choices">
                        {choice(Verdict::Keep, w::keep(), 0)}
                        {choice(Verdict::Change, w::change(), 1)}
                    </div>
                    <Show when=move || verdict.get() == Some(Verdict::Change)>
                        <button
                            type="button"
                            class="da-button"
                            on:click=move |_| {
                                change(ctx, |w| w.away = true);
                                way.go_to(Step::Section(section));
                            }
                        >
                            {go_label.clone()}
                        </button>
                    </Show>
                </fieldset>
            }
        })
        .collect_view();
    let _ = walk;
    view! {
        {agreed.then(|| view! { <p class="da-help">{w::changed_note()}</p> })}
        {items}
    }
    .into_any()
}

pub(super) fn wrap(
    ctx: Ctx,
    page: Page,
    a: &Alliance,
    walk: &Walk,
    nobody: RwSignal<bool>,
) -> AnyView {
    let error_id = page.id("walk-present-msg");
    let people = a
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = page.id(&format!("walk-present-{i}"));
            let party = p.id.clone();
            let label = a.party_label(&p.id);
            let there = walk.held.present.iter().any(|x| x.party_id == p.id);
            let described = error_id.clone();
            check_box(
                id,
                view! { {label} }.into_any(),
                Signal::stored(there),
                Signal::derive(move || nobody.get().then(|| described.clone())),
                move |on| {
                    let party = party.clone();
                    if on {
                        nobody.set(false);
                    }
                    change(ctx, move |w| {
                        w.held.present.retain(|x| x.party_id != party);
                        if on {
                            w.held.present.push(Present {
                                party_id: party,
                                name: String::new(),
                            });
                        }
                    });
                },
            )
        })
        .collect_view();
    let takeaway = line_box(
        page.id("walk-takeaway"),
        // Said as optional, as the notes are: a check-in is kept without it.
        format!("{} ({})", w::takeaway(), u::optional()),
        walk.held.takeaway.clone(),
        move |v| change(ctx, |w| w.held.takeaway = v),
    );
    view! {
        <fieldset class="da-fieldset da-walk-item">
            <legend class="da-label">{w::present()}</legend>
            {people}
            <p class="da-msg da-msg-error" id=error_id hidden=move || !nobody.get()>
                {w::nobody_present()}
            </p>
        </fieldset>
        {takeaway}
    }
    .into_any()
}
