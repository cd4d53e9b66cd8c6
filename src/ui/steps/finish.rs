//! The Finish step: the next dates to keep, what to do with the file, every way to take the
//! alliance away, and (once agreed) a few questions for looking ahead.

use super::Reflections;
use crate::core::content::ReflectionMoment;
use crate::core::summary::next_dates;
use crate::core::text::ui as t;
use crate::core::AllianceStoreFields;
use crate::core::Status;
use crate::ui::browser::{self, Local};
use crate::ui::ctx::{use_ctx, use_way, Step};
use crate::ui::io::ExportButtons;
use leptos::prelude::*;

#[component]
pub fn FinishStep() -> impl IntoView {
    let ctx = use_ctx();
    let way = use_way();
    let agreed = Memo::new(move |_| ctx.alliance().status().get() == Status::Agreed);
    let dates = Memo::new(move |_| ctx.with(|a| next_dates(a, browser::today(), &Local)));
    view! {
        <Show when=move || !agreed.get()>
            <div class="da-notice">
                <p>{t::not_agreed_yet()}</p>
                <button type="button" class="da-button" on:click=move |_| way.go_to(Step::Agreement)>
                    {t::step_agreement()}
                </button>
            </div>
        </Show>
        <section class="da-list-section">
            <h3 class="da-subheading">{t::next_dates_heading()}</h3>
            <Show
                when=move || dates.with(|d| !d.is_empty())
                fallback=|| view! { <p class="da-help">{t::next_dates_none()}</p> }
            >
                <dl class="da-next-dates">
                    {move || {
                        dates
                            .get()
                            .into_iter()
                            .map(|(when, what)| {
                                view! {
                                    <div class="da-next-date">
                                        <dt>{when}</dt>
                                        <dd>{what}</dd>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                </dl>
            </Show>
            <crate::ui::living::HoldButton/>
        </section>
        <section class="da-list-section">
            <h3 class="da-subheading">{t::file_heading()}</h3>
            <ul class="da-advice">
                {t::file_advice().iter().map(|a| view! { <li>{*a}</li> }).collect_view()}
            </ul>
            <ExportButtons large=true/>
        </section>
        // Looking ahead makes sense once there is something agreed to look ahead from.
        <Show when=move || agreed.get()>
            <Reflections moment=ReflectionMoment::AfterAgreeing heading=t::reflect_after()/>
        </Show>
    }
}
