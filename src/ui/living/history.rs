//! The history of check-ins on "Keeping it alive": newest first, the latest open in full, the
//! earlier ones folded to one line each (open any to read it all).

use crate::core::living;
use crate::core::summary::check_in_blocks;
use crate::core::summary::{prune, Block};
use crate::core::text::living as w;
use crate::core::{AllianceStoreFields, Dates};
use crate::ui::browser::Local;
use crate::ui::ctx::{use_ctx, use_page};
use leptos::prelude::*;

/// For the table of "Keeping it alive".
pub fn history_view() -> AnyView {
    view! { <History/> }.into_any()
}

#[component]
fn History() -> impl IntoView {
    let ctx = use_ctx();
    let page = use_page();
    let heading = page.id("history-heading");
    let labelled = heading.clone();
    let held = Memo::new(move |_| {
        ctx.alliance().check_ins().track();
        ctx.try_with_untracked(|a| {
            let mut all: Vec<_> = a
                .check_ins
                .iter()
                .map(|c| {
                    (
                        c.id.to_string(),
                        w::history_item(&Local.date(c.date)),
                        living::one_line(c),
                        prune(check_in_blocks(a, c)),
                        c.date,
                    )
                })
                .collect();
            all.sort_by_key(|c| std::cmp::Reverse(c.4));
            all
        })
        .unwrap_or_default()
    });
    view! {
        <section class="da-list-section da-history" aria-labelledby=labelled>
            <h3 class="da-subheading" id=heading tabindex="-1">{w::history_heading()}</h3>
            <Show
                when=move || held.with(|h| !h.is_empty())
                fallback=|| view! { <p class="da-help">{w::history_empty()}</p> }
            >
                <ol class="da-history-list">
                    {move || {
                        held.get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, (id, title, line, blocks, _))| {
                                view! {
                                    <li class="da-history-item" data-check-in=id>
                                        <details class="da-fold" open=i == 0>
                                            <summary class="da-fold-summary">
                                                <span class="da-history-head">
                                                    <span class="da-history-title">{title}</span>
                                                    <span class="da-history-line">{line}</span>
                                                </span>
                                            </summary>
                                            <div class="da-fold-body">{blocks_view(blocks)}</div>
                                        </details>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
            <super::HoldButton/>
        </section>
    }
}

/// A check-in's blocks: labelled texts, and labelled lists.
fn blocks_view(blocks: Vec<Block>) -> AnyView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Text { label, text } => view! {
                <p class="da-history-text">
                    {label.map(|l| view! { <strong>{l.to_string()}": "</strong> })}
                    {text}
                </p>
            }
            .into_any(),
            Block::List { label, items } => view! {
                <div class="da-history-list-block">
                    {label.map(|l| view! { <p class="da-history-label"><strong>{l}</strong></p> })}
                    <ul>
                        {items
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        {l.lead.map(|lead| view! { <strong>{lead}": "</strong> })}
                                        {l.text}
                                        {l.extra.map(|e| view! { <br/><span class="da-help">{e}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Block::Group { heading, blocks } => view! {
                <div>
                    <p><strong>{heading}</strong></p>
                    {blocks_view(blocks)}
                </div>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}
