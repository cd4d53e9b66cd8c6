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
/// gives what makes its view, `show` makes it. Nothing shows meanwhile (a part loads in a
/// moment, and usually was fetched ahead). When it cannot be fetched, a plain message with "Try
/// again" takes its place.
///
/// A part gives a function rather than a view: the view is then made here, in this component's
/// own reactive scope, as any other view is, not in a future.
#[component]
pub fn Part<F, Fut, V, S>(
    /// Fetches the part; gives what makes its view.
    load: F,
    /// Makes the view.
    show: S,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<V, Unavailable>> + 'static,
    V: Copy + Send + Sync + 'static,
    S: Fn(V) -> AnyView + Send + Sync + 'static,
{
    let state = RwSignal::new(None::<Result<V, Unavailable>>);
    let fetch = move || {
        let mut loading = Box::pin(load());
        // Arrived already (or not split at all): ready at the first look, shown at once.
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match loading.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(made) => state.set(Some(made)),
            std::task::Poll::Pending => leptos::task::spawn_local(async move {
                let made = loading.await;
                state.try_set(Some(made));
            }),
        }
    };
    fetch();
    move || match state.get() {
        None => ().into_any(),
        Some(Ok(make)) => show(make),
        Some(Err(Unavailable)) => view! {
            <div class="da-notice da-notice-error da-part-missing" role="alert">
                <p>{t::unavailable()}</p>
                <button
                    type="button"
                    class="da-button"
                    on:click=move |_| {
                        state.set(None);
                        fetch();
                    }
                >
                    {t::try_again()}
                </button>
            </div>
        }
        .into_any(),
    }
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
