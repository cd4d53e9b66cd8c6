//! The Review step: the whole alliance on one page (the same summary the Markdown export
//! writes), with everything that still blocks agreement linked to its field.

use crate::core::content;
use crate::core::content::ReflectionMoment;
use crate::core::summary::{Block as DocBlock, Line, Summary};
use crate::core::text::{self, ui as t};
use crate::core::AllianceStoreFields;
use crate::core::{Severity, Status};
use crate::ui::ctx::{use_ctx, use_page, use_way, Step};
use leptos::prelude::*;

/// The one-page view of the whole alliance, with what is missing linked to where it is.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let ctx = use_ctx();
    let way = use_way();
    let summary = Memo::new(move |_| ctx.with(|a| way.summary(a)));
    // Questions for a review: only when there is an agreement to review.
    let reviewing = move || ctx.alliance().agreement().with(|a| a.last_agreed.is_some());
    view! {
        <MissingList/>
        <Show when=reviewing>
            <super::Reflections moment=ReflectionMoment::AtReview heading=t::reflect_review()/>
        </Show>
        <div class="da-doc">{move || view! { <Document summary=summary.get()/> }}</div>
    }
}

/// Everything that blocks agreement, each a link to its field.
#[component]
fn MissingList() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let way = use_way();
    let blocking = Memo::new(move |_| {
        ctx.report(|r| {
            r.findings
                .iter()
                .filter(|f| f.severity.blocks_agreement())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Agreed, with nothing missing: there is nothing left to agree to, and saying "you can
    // agree" would not be true.
    let settled = move || {
        ctx.alliance().status().get() == crate::core::Status::Agreed && blocking.with(Vec::is_empty)
    };
    let heading = page.id("missing-heading");
    let labelledby = heading.clone();
    view! {
        <section class="da-missing da-no-print" aria-labelledby=labelledby hidden=settled>
            <h3 class="da-subheading" id=heading>{t::missing_heading()}</h3>
            <div>
                <Show
                    when=move || blocking.with(|b| !b.is_empty())
                    fallback=|| view! { <p class="da-ok">{t::missing_none()}</p> }
                >
                    <ul class="da-missing-list">
                        {move || {
                            blocking
                                .get()
                                .into_iter()
                                .map(|f| {
                                    let label = format!("{}: {}", way.title(Step::Section(f.section)), f.message);
                                    let class = if f.severity == Severity::Error {
                                        "da-link da-link-error"
                                    } else {
                                        "da-link"
                                    };
                                    view! {
                                        <li>
                                            <button type="button" class=class on:click=move |_| way.go_to_field(&f)>
                                                {label}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Show>
            </div>
        </section>
    }
}

/// Text as typed. The summary holds only what is written: nothing stands in for the rest.
fn text_view(s: String) -> AnyView {
    view! { <span class="da-text">{s}</span> }.into_any()
}

fn doc_line(l: Line) -> impl IntoView {
    let show_text = !l.text.trim().is_empty();
    view! {
        <li>
            {l.lead.map(|lead| view! { <strong>{lead}</strong> {show_text.then_some(": ")} })}
            {show_text.then(|| text_view(l.text))}
            {l.extra.map(|extra| view! { <br/> <span class="da-muted">{extra}</span> })}
        </li>
    }
}

fn labelled(label: Option<impl Into<String>>, body: AnyView) -> AnyView {
    match label.map(Into::into) {
        Some(label) => view! {
            <dl class="da-doc-dl">
                <dt>{label}</dt>
                <dd>{body}</dd>
            </dl>
        }
        .into_any(),
        None => body,
    }
}

fn doc_blocks(blocks: Vec<DocBlock>) -> AnyView {
    blocks
        .into_iter()
        .map(|b| match b {
            DocBlock::Text { label: None, text } => {
                view! { <p class="da-doc-text">{text_view(text)}</p> }.into_any()
            }
            DocBlock::Text { label, text } => labelled(label, text_view(text)),
            DocBlock::List { label, items } => {
                let list = view! {
                    <ul class="da-doc-list">{items.into_iter().map(doc_line).collect_view()}</ul>
                }
                .into_any();
                labelled(label, list)
            }
            DocBlock::Group { heading, blocks } => {
                let heading = (!heading.trim().is_empty())
                    .then(|| view! { <h4 class="da-minor-heading">{heading}</h4> });
                view! {
                    <div class="da-doc-group">
                        {heading}
                        {doc_blocks(blocks)}
                    </div>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn Document(
    /// The alliance as a document (the same summary the Markdown export writes).
    summary: Summary,
) -> impl IntoView {
    let way = use_way();
    let agreed = summary.status == Status::Agreed;
    let status = if agreed {
        text::export::status_agreed()
    } else {
        text::export::status_draft()
    };
    let badge = if agreed {
        "da-badge da-badge-agreed"
    } else {
        "da-badge"
    };
    let signatures = if summary.signatures.is_empty() {
        view! { <p class="da-empty">{text::export::not_agreed()}</p> }.into_any()
    } else {
        view! {
            <ul class="da-doc-list">
                {summary.signatures.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    // A deeper section with nothing written is left out; an essential one keeps its heading and
    // its Edit button (what it still needs is listed above), with nothing standing in.
    let sections = summary
        .sections
        .into_iter()
        .filter(|sec| sec.has_content || !content::section_is_optional(sec.id))
        .map(|sec| {
            let step = Step::Section(sec.id);
            let title = sec.title.to_string();
            // A section the coach's template leaves out is shown (it holds something), not
            // edited.
            let edit = way.route.with_untracked(|r| r.contains(step)).then(|| {
                view! {
                    <button
                        type="button"
                        class="da-button da-button-quiet da-no-print"
                        aria-label=t::edit_section(&title)
                        on:click=move |_| way.go_to(step)
                    >
                        {t::edit()}
                    </button>
                }
            });
            view! {
                <section class="da-doc-section">
                    <div class="da-doc-section-head">
                        <h3 class="da-doc-heading">{title.clone()}</h3>
                        {edit}
                    </div>
                    {doc_blocks(sec.blocks)}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="da-doc-article">
            <header class="da-doc-header">
                <p class="da-doc-title">{summary.title}</p>
                <p class="da-doc-meta">
                    <span class=badge>{status}</span>
                    {summary.relationship.map(|r| format!(" · {r}"))}
                </p>
            </header>
            {sections}
            <section class="da-doc-section">
                <h3 class="da-doc-heading">{text::export::agreement()}</h3>
                {signatures}
            </section>
        </article>
    }
}
