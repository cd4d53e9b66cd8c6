//! The welcome: what a designed alliance is and why it helps, who fills it in, how long it
//! takes, where the answers stay (after a coach's own welcome, in their words where they give
//! them); and, folded away, a few questions to think about first.

use super::Reflections;
use crate::core::content::ReflectionMoment;
use crate::core::template::estimate;
use crate::core::text::ui as t;
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// One point of the welcome: a term, and what to know about it.
fn point(term: &'static str, what: String) -> impl IntoView {
    view! {
        <div class="da-welcome-point">
            <dt>{term}</dt>
            <dd>{what}</dd>
        </div>
    }
}

#[component]
pub fn Welcome() -> impl IntoView {
    let ctx = use_ctx();
    let coaching = crate::ui::io::send::use_coaching();
    // With a coach's template: their welcome first, as text, paragraph by paragraph; then what
    // this is, how long it takes (as long as the template's steps) and where the answers stay,
    // each in the coach's words when they give them (why it helps and who fills it in only
    // when they do, as their welcome takes their place). Each point is said once.
    let welcome = move || {
        ctx.template.with(|tpl| {
            let tpl = tpl.as_deref();
            let own = tpl.and_then(|t| t.welcome.clone());
            let (essentials, deeper) = estimate(tpl);
            let points = t::welcome()
                .into_iter()
                .enumerate()
                .filter_map(|(i, (term, what))| {
                    let coach = tpl.and_then(|t| t.welcome_text[i].clone());
                    if coach.is_none() && own.is_some() && (i == 1 || i == 2) {
                        return None;
                    }
                    let what = coach.unwrap_or_else(|| match tpl {
                        // A page that can send the answers to the coach says so.
                        _ if i == 4 && coaching.coach.with(|c| c.reachable()) => {
                            crate::core::text::coach::where_sending(
                                &coaching.coach.with(|c| c.called()),
                            )
                        }
                        Some(_) if i == 3 && deeper > 0 => {
                            format!("{} {}", t::how_long(essentials), t::deeper_takes(deeper))
                        }
                        Some(_) if i == 3 => t::how_long(essentials),
                        _ => what.to_string(),
                    });
                    Some(point(term, what))
                })
                .collect_view();
            let paragraphs = own.map(|welcome| {
                let paragraphs = welcome
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| view! { <p class="da-welcome-text">{p.to_string()}</p> })
                    .collect_view();
                view! { <div class="da-welcome-coach">{paragraphs}</div> }
            });
            view! {
                {paragraphs}
                <dl class="da-welcome">{points}</dl>
            }
        })
    };
    view! {
        {welcome}
        <Reflections moment=ReflectionMoment::BeforeYouBegin heading=t::reflect_before()/>
    }
}
