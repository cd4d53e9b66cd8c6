#!/usr/bin/env bash
# Installs every tool the build and the tests need, and nothing twice.
#
# Every tool version is pinned here, in this block. Two pins live where their
# ecosystem expects them and are read from there, so they cannot drift:
#   - wasm-bindgen-cli must equal the exact `wasm-bindgen = "=x.y.z"` pin in Cargo.toml;
#   - the npm packages (Playwright, axe-core, binaryen) are pinned exactly in
#     tests/e2e/package.json and locked in tests/e2e/package-lock.json.
#
# Traps measured on these machines (see DEVELOPERS.md):
#   - trunk 0.22.x needs a newer rustc than 1.95: stay on 0.21.14, run it with --offline.
#   - wasm-bindgen-cli must be installed WITHOUT --locked (resolution fails otherwise).
#   - Debian's binaryen (108) emits a wasm that dies at start; the npm binaryen is used instead.
#   - `npx playwright install` cannot download browsers here: Debian's chromium is used.
#   - Firefox and WebKit come from Debian too (firefox-esr, webkit2gtk-driver); geckodriver is
#     built with cargo; WebKitGTK has no headless mode, so its driver runs under xvfb-run.
set -euo pipefail

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.0"
# wasm-split-cli: cuts the release wasm into the main module and its parts (scripts/build-release.sh).
WASM_SPLIT_VERSION="0.2.4"
WASM_TARGET="wasm32-unknown-unknown"
# The three engines the tests run in: Chromium, Firefox (ESR) and WebKitGTK (Safari's engine,
# driven by WebKitWebDriver under a virtual display).
BROWSER_PACKAGES="chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "install: Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=x.y.z\")" >&2
  exit 1
fi

did=0
step() { echo "install: $*"; did=1; }
have() { command -v "$1" >/dev/null 2>&1; }

# 1. Rust target for the browser.
if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
  step "adding Rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi
# The release build rebuilds std for the browser (scripts/build-release.sh): it needs std's source.
if ! rustup component list --installed 2>/dev/null | grep -qx "rust-src"; then
  step "adding the rust-src component"
  rustup component add rust-src
fi
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  step "adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# 1b. Every crate the builds need, in cargo's cache: Trunk runs cargo with --offline. The
# project's own (from Cargo.lock), and the standard library's for the release build, which
# rebuilds std (-Zbuild-std) with the crates its Cargo.lock names (`cargo fetch` reads that
# workspace's nightly-only manifest keys only with RUSTC_BOOTSTRAP=1).
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
for manifest in "$root/Cargo.toml" "$std_manifest"; do
  if ! RUSTC_BOOTSTRAP=1 cargo fetch --locked --offline --manifest-path "$manifest" >/dev/null 2>&1; then
    step "fetching the crates of $manifest"
    RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$manifest"
  fi
done

# 2. Trunk, the bundler.
if ! have trunk || [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 2b. wasm-split-cli, which splits the release build into parts (Leptos' code splitting).
if ! have wasm-split-cli || ! grep -qx "$WASM_SPLIT_VERSION" "$HOME/.cargo/.wasm-split-version" 2>/dev/null; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support, the binary)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
    || cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  echo "$WASM_SPLIT_VERSION" >"$HOME/.cargo/.wasm-split-version"
fi

# 3. wasm-bindgen-cli (also provides wasm-bindgen-test-runner), equal to the crate pin.
if ! have wasm-bindgen || ! have wasm-bindgen-test-runner \
  || [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. Browsers and their drivers from the system packages; geckodriver from crates.io.
if ! have chromium || ! have chromedriver || ! have firefox-esr || ! have WebKitWebDriver || ! have xvfb-run; then
  if [ "$(id -u)" = "0" ] && have apt-get; then
    step "installing $BROWSER_PACKAGES with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $BROWSER_PACKAGES >/dev/null
  else
    echo "install: a browser or its driver is missing." >&2
    echo "install: install the system packages '$BROWSER_PACKAGES' (e.g. sudo apt-get install $BROWSER_PACKAGES)" >&2
    echo "install: so that chromium, chromedriver, firefox-esr, WebKitWebDriver and xvfb-run are on PATH, then run this again." >&2
    exit 1
  fi
fi
if ! have geckodriver || [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  step "installing geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION"
fi

# 5. npm packages for the end-to-end tests and the release optimiser.
if ! have node || ! have npm; then
  echo "install: Node.js and npm are missing: install Node.js 20 or newer, then run this again." >&2
  exit 1
fi
lock_sum="$(sha256sum tests/e2e/package-lock.json | awk '{print $1}')"
stamp="tests/e2e/node_modules/.installed-from-lock"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  step "installing npm packages in tests/e2e (Playwright, axe-core, binaryen, SurveyJS)"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: browser downloads fail here; Debian's chromium is used.
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

if [ "$did" = 0 ]; then
  echo "install: all tools present (trunk $TRUNK_VERSION, wasm-split-cli $WASM_SPLIT_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, geckodriver $GECKODRIVER_VERSION, chromium, firefox-esr, WebKitWebDriver, npm packages); nothing to do"
else
  echo "install: done"
fi
