//! Parts of the widget that load when first used.
//!
//! What a first visit does not need (the comparison, the share dialog, the preview of a file,
//! My drafts, the review, agreement and finish, …) is written as a *part*: a function declared
//! with [`part!`], whose code the release build splits into a file of its own
//! (`wasm_split`, Leptos' `#[lazy]` underneath, in its `fallible` form). The first call fetches
//! that file; once the first screen is up and the browser is idle, the parts most likely next
//! are fetched ahead ([`fetch_ahead`]), so a person rarely waits on a click.
//!
//! A part that cannot be fetched stops nothing: [`Part`] shows, where it would have been, that
//! it could not be loaded, with "Try again"; everything else on the page works on, and nothing
//! typed is touched. Builds that are not split (the component tests, `cargo check`) call the
//! same functions directly: `cfg(da_split)` is set by `scripts/build-release.sh` only.

use crate::core::text::part as t;
use leptos::prelude::*;
use std::future::Future;

/// A part of the widget could not be fetched (offline, or the file is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Declares a part: `part!(chunk, fetch_name: fn name(args) -> T { body })` makes
/// `async fn name(args) -> Result<T, Unavailable>`, whose body goes into the file `chunk` of
/// the release build, and `async fn fetch_name()`, which fetches that file without running
/// anything. Parts declared with the same chunk share a file.
macro_rules! part {
    ($chunk:ident, $fetch:ident: $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        #[cfg(da_split)]
        #[allow(dead_code)]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            fallible,
            wasm_split_path = ::leptos::wasm_split,
            preload($fetch)
        )]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::part::Unavailable> {
            // The English words only parts use come with them.
            $crate::core::text::install_later();
            Ok($body)
        }

        #[cfg(not(da_split))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::part::Unavailable> {
            Ok($body)
        }

        /// Fetches this part's file ahead of its first use (nothing to fetch when the build is
        /// not split).
        #[cfg(not(da_split))]
        #[allow(dead_code)]
        $vis async fn $fetch() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use part;

/// Shows a part's view: `load` fetches the part (at once when it has arrived already) and
/// gives what makes its view, `show` makes it. While it is on its way, "Loading…" shows after
/// a moment (a part loads in a moment, and usually was fetched ahead). When it cannot be
/// fetched, a plain message (`missing`, or the general one) with "Try again" takes its place,
/// and "Close" too when the part is a dialog's (`close`), so a dialog never traps a person
/// who cannot press Escape. After "Try again", focus goes to what came (or to "Try again" once
/// more), not to the top of the page.
///
/// A part gives a function rather than a view: the view is then made here, in this component's
/// own reactive scope, as any other view is, not in a future.
#[component]
pub fn Part<F, Fut, V, S>(
    load: F,
    show: S,
    /// What the message says when the part cannot be fetched (the general message if not given).
    #[prop(optional)]
    missing: Option<fn() -> &'static str>,
    /// Closes the dialog this part is in (offered beside "Try again").
    #[prop(optional)]
    close: Option<Callback<()>>,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<V, Unavailable>> + 'static,
    V: Copy + Send + Sync + 'static,
    S: Fn(V) -> AnyView + Send + Sync + 'static,
{
    let state = RwSignal::new(None::<Result<V, Unavailable>>);
    let place = NodeRef::<leptos::html::Div>::new();
    let fetch = move |retried: bool| {
        let settle = move |made| {
            if state.try_set(Some(made)).is_none() && retried {
                refocus(place);
            }
        };
        let mut loading = Box::pin(load());
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match loading.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(made) => settle(made),
            std::task::Poll::Pending => {
                leptos::task::spawn_local(async move { settle(loading.await) })
            }
        }
    };
    fetch(false);
    let retry = Callback::new(move |()| {
        state.set(None);
        fetch(true);
    });
    let body = move || match state.get() {
        None => loading(),
        Some(Ok(make)) => show(make),
        Some(Err(Unavailable)) => unavailable(missing, close, retry),
    };
    let busy = Signal::derive(move || state.with(Option::is_none));
    around(place, busy, ViewFn::from(body))
}

/// The place of a part: busy while it loads; focus may be put here after "Try again" (never
/// by Tab). Not generic, so each part does not carry a copy.
fn around(place: NodeRef<leptos::html::Div>, busy: Signal<bool>, body: ViewFn) -> AnyView {
    view! {
        <div
            class="da-part"
            node_ref=place
            tabindex="-1"
            aria-busy=move || busy.get().then_some("true")
        >
            {move || body.run()}
        </div>
    }
    .into_any()
}

/// What shows while a part is on its way ("Loading…", after a moment: see the stylesheet).
fn loading() -> AnyView {
    view! { <p class="da-help da-part-loading">{t::loading()}</p> }.into_any()
}

/// What shows when a part could not be fetched: why, "Try again", and "Close" in a dialog.
fn unavailable(
    missing: Option<fn() -> &'static str>,
    close: Option<Callback<()>>,
    retry: Callback<()>,
) -> AnyView {
    view! {
        <div class="da-notice da-notice-error da-part-missing" role="alert">
            <p>{missing.map_or_else(t::unavailable, |said| said())}</p>
            <div class="da-dialog-buttons">
                <button type="button" class="da-button" on:click=move |_| retry.run(())>
                    {t::try_again()}
                </button>
                {close
                    .map(|close| {
                        view! {
                            <button type="button" class="da-button" on:click=move |_| close.run(())>
                                {crate::core::text::ui::close()}
                            </button>
                        }
                    })}
            </div>
        </div>
    }
    .into_any()
}

/// After "Try again": focus on "Try again" once more if the part is still missing, else on the
/// part's place, so it is not lost to the top of the page.
fn refocus(place: NodeRef<leptos::html::Div>) {
    crate::ui::browser::after_updates(move || {
        let Some(place) = place.get_untracked() else {
            return;
        };
        let again = crate::ui::browser::first_in(&place, ".da-part-missing button");
        let _ = match again {
            Some(button) => button.focus(),
            None => place.focus(),
        };
    });
}

/// Once the first screen is up and the browser has nothing else to do, fetches the parts a
/// person is likely to open next, one after the other, most likely first. A part that cannot be
/// fetched now is fetched again when it is used.
pub fn fetch_ahead(parts: Vec<std::pin::Pin<Box<dyn Future<Output = ()>>>>) {
    crate::ui::browser::when_idle(move || {
        leptos::task::spawn_local(async move {
            for part in parts {
                part.await;
            }
        });
    });
}
