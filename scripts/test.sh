#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every test layer and lint. Stops at the
# first failure, and always prints how long each phase took.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"

timings=()
started=$(date +%s)
report() {
  echo
  echo "== phase timings =="
  for t in "${timings[@]}"; do echo "  $t"; done
  echo "  total: $(($(date +%s) - started))s"
  # Why the end-to-end tests failed, last, where a log's tail shows it.
  if [[ -n "${e2e_failed:-}" && -s tests/e2e/test-results/failures.txt ]]; then
    echo
    echo "== failed end-to-end tests =="
    cat tests/e2e/test-results/failures.txt
  fi
}
trap report EXIT

phase() {
  local name="$1"
  shift
  echo
  echo "== $name =="
  local t0
  t0=$(date +%s)
  if "$@"; then
    timings+=("$(printf '%-28s %5ss  ok' "$name" "$(($(date +%s) - t0))")")
  else
    timings+=("$(printf '%-28s %5ss  FAILED' "$name" "$(($(date +%s) - t0))")")
    echo "make test: phase '$name' failed" >&2
    [[ "$name" == end-to-end* ]] && e2e_failed=1
    exit 1
  fi
}

phase "install tools" scripts/install-tools.sh
phase "rustfmt" cargo fmt --all -- --check
phase "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
phase "clippy (wasm32)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
phase "native tests" cargo test --locked
phase "components (Chromium)" cargo test --locked --target wasm32-unknown-unknown --test web
phase "components (Firefox)" env GECKODRIVER="$(command -v geckodriver)" \
  cargo test --locked --target wasm32-unknown-unknown --test web
phase "release build" scripts/build-release.sh
phase "size guard" scripts/size-check.sh
phase "journey in 3 engines" cargo test --locked --test engines -- --ignored --test-threads=1
phase "end-to-end (Playwright)" bash -c 'cd tests/e2e && npx playwright test'
