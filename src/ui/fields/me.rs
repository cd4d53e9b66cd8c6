//! "Which of these is you, on this device?": asked where it matters (opening someone's
//! alliance, agreeing, bringing two versions together), answered once per browser and
//! alliance, and kept with the draft in this browser only, never in a file or a link.

use crate::core::text::ui as t;
use crate::core::Id;
use crate::ui::ctx::use_page;
use leptos::prelude::*;

/// The people of an alliance as radio buttons, to say which one uses this browser.
#[component]
pub fn WhoIsMe(
    /// Each person's id and name as shown.
    #[prop(into)]
    people: Signal<Vec<(Id, String)>>,
    /// The person chosen, if any.
    #[prop(into)]
    chosen: Signal<Option<Id>>,
    /// Called with the person chosen. (Choosing nobody is saying nothing: no button is
    /// checked until someone is chosen.)
    #[prop(into)]
    on_choose: Callback<Option<Id>>,
    /// Why it is asked here, under the question; else where the answer is kept.
    #[prop(optional)]
    help: Option<&'static str>,
    /// What makes the radio buttons' names and ids unique on the page.
    name: &'static str,
) -> impl IntoView {
    let page = use_page();
    let group = page.id(&format!("me-{name}"));
    let help_id = format!("{group}-help");
    let described = help_id.clone();
    let choice = move |key: String, label: String, value: Option<Id>| {
        // Checked only for someone chosen: nobody said is no button checked.
        let id = format!("{group}-{key}");
        let (group, is) = (group.clone(), value.clone());
        view! {
            <span class="da-choice">
                <input
                    type="radio"
                    id=id.clone()
                    name=group
                    prop:checked=move || is.is_some() && chosen.get() == is
                    on:change=move |_| on_choose.run(value.clone())
                />
                <label for=id>{label}</label>
            </span>
        }
    };
    view! {
        <fieldset class="da-fieldset da-who" aria-describedby=described>
            <legend class="da-label">{t::which_is_me()}</legend>
            <p class="da-help" id=help_id>
                {help.map(|h| format!("{h} ")).unwrap_or_default()}
                {t::me_help()}
            </p>
            <div class="da-diff-choices">
                {move || {
                    people
                        .get()
                        .into_iter()
                        .map(|(id, label)| choice(id.to_string(), label, Some(id)))
                        .collect_view()
                }}
            </div>
        </fieldset>
    }
}
