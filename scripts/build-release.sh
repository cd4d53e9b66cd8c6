#!/usr/bin/env bash
# Builds the release widget into target/site: what a coach uploads, what `make serve` serves and
# what every browser test and the benchmarks load.
#
# The widget is split into parts (src/ui/part.rs): what a first visit needs is the main module,
# and each rarely used part is a file of its own, fetched when first used. Trunk runs cargo and
# wasm-bindgen back to back, so it cannot split; this script owns that pipeline, in the order
# cargo-leptos uses for `--split` (its src/compile/front.rs):
#   1. cargo links the wasm with relocations kept (`--emit-relocs`), with `--cfg da_split`;
#   2. wasm-split-cli cuts it into the main module, one file per part and the JS that loads them;
#   3. wasm-bindgen makes the JS glue of the main module, keeping the exports the parts link to;
#   4. wasm-opt shrinks the main module and every part;
#   5. Trunk builds the page around it (HTML, CSS, the scripts and catalogues it copies);
#   6. scripts/post-build.mjs minifies the scripts, names every part after its content, and
#      writes a .gz and a .br next to every file (see README, "Embed on your site").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"

# Size-first standard library: std is rebuilt with the release profile, and a panic stops the
# widget at once instead of formatting a message (about 14 KB gzipped less; measured in
# DEVELOPERS.md). Both are unstable cargo/rustc options, enabled for this one build with
# RUSTC_BOOTSTRAP on the pinned stable toolchain; tests build normally. The crash notice does
# not depend on the panic message: it listens for the trap (src/crash.rs).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort --cfg=erase_components --cfg=da_split -Clink-args=--emit-relocs"

work="$root/target/split"
rm -rf "$work"
mkdir -p "$work"

echo "build: 1/6 cargo (release, wasm32, relocations kept)"
cargo build --release --offline --locked --target wasm32-unknown-unknown --bin designed-alliance

echo "build: 2/6 wasm-split-cli (the main module and its parts)"
wasm-split-cli --target web --out-name designed-alliance \
  "$root/target/wasm32-unknown-unknown/release/designed-alliance.wasm" "$work/split"

echo "build: 3/6 wasm-bindgen (the main module's JS)"
wasm-bindgen --target web --keep-lld-exports --no-typescript \
  --out-dir "$work/out" --out-name designed-alliance "$work/split/designed-alliance.wasm"
cp "$work/split/__wasm_split.js" "$work/out/"

echo "build: 4/6 wasm-opt (every module)"
# The same passes for every module (measured smallest, DEVELOPERS.md).
opt=(-Oz --low-memory-unused --converge --flatten --rereloop -Oz --merge-similar-functions -Oz
  --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int)
wasm-opt "${opt[@]}" "$work/out/designed-alliance_bg.wasm" -o "$work/out/designed-alliance_bg.wasm"
for part in "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
  [ -e "$part" ] || continue
  wasm-opt "${opt[@]}" "$part" -o "$work/out/$(basename "$part")"
done

echo "build: 5/6 trunk (the page around it)"
trunk build --release --offline --dist "$SITE_DIR"
cp -R "$work/out/." "$SITE_DIR/"

echo "build: 6/6 post-build (minified, parts named by content, compressed)"
node scripts/post-build.mjs "$SITE_DIR"
