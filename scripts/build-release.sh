#!/usr/bin/env bash
# Builds the release widget into target/site (what a coach uploads, and what e2e tests load).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
# Size-first standard library: std is rebuilt with the release profile, and a panic stops the
# widget at once instead of formatting a message (about 14 KB gzipped less; measured in
# DEVELOPERS.md). Both are unstable cargo/rustc options, enabled for this one build with
# RUSTC_BOOTSTRAP on the pinned stable toolchain; tests and `make serve` build normally.
# The crash notice does not depend on the panic message: it listens for the trap (src/crash.rs).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg=erase_components"
trunk build --release --offline --dist "$SITE_DIR"
node scripts/post-build.mjs "$SITE_DIR"
