//! The welcome: what a designed alliance is and why it helps, who fills it in, how long it
//! takes, where the answers stay; and, folded away, a few questions to think about first.

use super::Reflections;
use crate::core::text::{ui as t, ReflectionMoment};
use leptos::prelude::*;

#[component]
pub fn Welcome() -> impl IntoView {
    let points = t::WELCOME
        .iter()
        .map(|(term, what)| {
            view! {
                <div class="da-welcome-point">
                    <dt>{*term}</dt>
                    <dd>{*what}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <dl class="da-welcome">{points}</dl>
        <Reflections moment=ReflectionMoment::BeforeYouBegin heading=t::REFLECT_BEFORE/>
    }
}
