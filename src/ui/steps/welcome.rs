//! The welcome: what a designed alliance is and why it helps, who fills it in, how long it
//! takes, where the answers stay; and, folded away, a few questions to think about first.

use super::Reflections;
use crate::core::text::{ui as t, ReflectionMoment};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// One point of the welcome: a term, and what to know about it.
fn point(term: &'static str, what: &'static str) -> impl IntoView {
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
    // The coach's own welcome, when their template has one: shown as text, paragraph by
    // paragraph, and followed by where the answers stay (which the widget guarantees).
    let coach = move || {
        ctx.template
            .with(|t| t.as_ref().and_then(|t| t.welcome.clone()))
    };
    view! {
        {move || match coach() {
            Some(welcome) => {
                let paragraphs = welcome
                    .split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| view! { <p class="da-welcome-text">{p.to_string()}</p> })
                    .collect_view();
                let (term, what) = t::welcome()[t::welcome().len() - 1];
                view! {
                    <div class="da-welcome-coach">{paragraphs}</div>
                    <dl class="da-welcome">{point(term, what)}</dl>
                }
                    .into_any()
            }
            None => {
                let points = t::welcome()
                    .iter()
                    .map(|(term, what)| point(term, what))
                    .collect_view();
                view! { <dl class="da-welcome">{points}</dl> }.into_any()
            }
        }}
        <Reflections moment=ReflectionMoment::BeforeYouBegin heading=t::reflect_before()/>
    }
}
