# Sourced by the Makefile's scripts: the environment every build and test phase shares.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The npm binaryen's wasm-opt goes first: Debian's binaryen 108 emits a wasm that dies at start.
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
export CHROMIUM="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The release site the end-to-end tests, the size check and the benchmarks use.
export SITE_DIR="$root/target/site"
