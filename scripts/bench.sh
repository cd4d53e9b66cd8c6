#!/usr/bin/env bash
# `make bench`: the native benchmark of the core (export and import of a large alliance), then
# the release widget against SurveyJS and a hand-written page in headless Chromium
# (tests/e2e/bench/run.mjs). Results go to target/bench/ and the table into README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
scripts/install-tools.sh
scripts/build-release.sh
mkdir -p target/bench
cargo run --quiet --example bench_questions >target/bench/questions.json
cargo bench --bench round_trip
cd tests/e2e
node bench/run.mjs --site "$SITE_DIR" --out "$root/target/bench" \
  --questions "$root/target/bench/questions.json" --readme "$root/README.md" --rounds "${BENCH_ROUNDS:-5}"
