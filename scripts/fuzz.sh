#!/usr/bin/env bash
# `make fuzz`: fuzzes the JSON import with cargo-fuzz (libFuzzer) for FUZZ_SECONDS (default 60).
# cargo-fuzz needs nightly-only flags; RUSTC_BOOTSTRAP=1 lets the pinned stable toolchain accept them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
CARGO_FUZZ_VERSION="0.13.1"
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
mkdir -p fuzz/corpus/import
cp examples/*.json fuzz/corpus/import/
RUSTC_BOOTSTRAP=1 cargo fuzz run import fuzz/corpus/import -- \
  -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 -timeout=10
