#!/usr/bin/env bash
# Prints the gzipped size of the widget a coach embeds (its wasm, JS and CSS) and fails above
# the guard. The demo page's own stylesheet is listed for information but not counted: it
# never ships to a coach's site.
#
# The guard is 392 KB (401,408 bytes): the named stack as published with the UI in Leptos'
# view! measured 305.8 kB, a person's pace (the welcome, the stages, the recap, locale dates,
# copy for email, growing text areas) brought it to 331.1 kB, theming to 332.7 kB, the
# coach's template (its reader with its messages, loading it, its answers) to 344.3 kB, its way
# through and its questions on screen to 354.6 kB, and the words in catalogues (English built
# in, other languages fetched only by the pages that speak them) to 370.1 kB, the share link
# and bringing two versions together to 398.2 kB (December 2026;
# what each part costs is in DEVELOPERS.md, "Architecture, and the size guard"). It stops a
# change that adds bytes by accident; a feature that truly needs more raises it in the same
# commit, with the measurement.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
budget=$((392 * 1024))
dir="${1:-$SITE_DIR}"
total=0
shopt -s nullglob globstar
# Every file of the widget, including the scripts wasm-bindgen puts under snippets/.
files=("$dir"/**/*.wasm "$dir"/**/*.js "$dir"/**/*.css)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no release build in $dir (run scripts/build-release.sh)" >&2
  exit 1
fi
printf '%-60s %10s %10s\n' "file" "bytes" "gzipped"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  name=${f#"$dir"/}
  case "$name" in
    demo*.css)
      printf '%-60s %10d %10d  (demo page only, not counted)\n' "$name" "$raw" "$gz"
      continue
      ;;
  esac
  total=$((total + gz))
  printf '%-60s %10d %10d\n' "$name" "$raw" "$gz"
done
printf '%-60s %10s %10d  (budget %d)\n' "widget total" "" "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size: the widget is $total gzipped bytes, over the budget of $budget" >&2
  exit 1
fi
