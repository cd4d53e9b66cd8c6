//! The Finish step: every way to take the alliance away, and reflection on what comes next.

use super::Reflections;
use crate::core::text::{ui as t, ReflectionMoment};
use crate::ui::io::ExportButtons;
use leptos::prelude::*;

#[component]
pub fn FinishStep() -> impl IntoView {
    view! {
        <section class="da-list-section">
            <h3 class="da-subheading">{t::EXPORTS_HEADING}</h3>
            <p class="da-help">{t::WHATS_NEXT}</p>
            <ExportButtons large=true/>
        </section>
        <Reflections moment=ReflectionMoment::AfterAgreeing heading=t::REFLECT_AFTER/>
    }
}
