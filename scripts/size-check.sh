#!/usr/bin/env bash
# The widget's size, gzipped, against two budgets:
#   - the first download: what a visitor's browser fetches before the first question can be
#     used (the main module, its JS, the script that loads the parts, the custom element's
#     script, the stylesheet and the start script of the embed snippet);
#   - the whole: every file of the widget, the parts loaded when used included.
# The demo page's own stylesheet and the iframe page's script are listed but not counted: they
# never ship inside a coach's page.
#
# The first-download budget is frozen: it was set where the split into parts left it (issue
# 24, December 2026) and no feature raises it. A new capability loads when used, as a part
# (src/ui/part.rs). The whole may grow with features; its budget stops growth by accident, and
# a feature that needs more raises it in the same commit, with the measurement (DEVELOPERS.md,
# "Parts, and the size budgets").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
first_budget=$((346 * 1024))
whole_budget=$((640 * 1024))
dir="${1:-$SITE_DIR}"
shopt -s nullglob globstar
files=("$dir"/**/*.wasm "$dir"/**/*.js "$dir"/**/*.css)
if [ ${#files[@]} -eq 0 ]; then
  echo "size: no release build in $dir (run scripts/build-release.sh)" >&2
  exit 1
fi
first=0
whole=0
printf '%-60s %10s %10s  %s\n' "file" "bytes" "gzipped" "loaded"
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  name=${f#"$dir"/}
  case "$name" in
    demo*.css | designed-alliance-frame.js)
      printf '%-60s %10d %10d  %s\n' "$name" "$raw" "$gz" "(demo or iframe page only, not counted)"
      continue
      ;;
    designed-alliance_bg.wasm | designed-alliance.js | __wasm_split.js | main.css | \
      designed-alliance-start.js | snippets/*)
      when="first"
      first=$((first + gz))
      ;;
    *)
      when="when used"
      ;;
  esac
  whole=$((whole + gz))
  printf '%-60s %10d %10d  %s\n' "$name" "$raw" "$gz" "$when"
done
printf '%-60s %10s %10d  (budget %d)\n' "first download" "" "$first" "$first_budget"
printf '%-60s %10s %10d  (budget %d)\n' "the whole widget" "" "$whole" "$whole_budget"
status=0
if [ "$first" -gt "$first_budget" ]; then
  echo "size: the first download is $first gzipped bytes, over its budget of $first_budget: load what a first visit does not need as a part (src/ui/part.rs)" >&2
  status=1
fi
if [ "$whole" -gt "$whole_budget" ]; then
  echo "size: the whole widget is $whole gzipped bytes, over its budget of $whole_budget" >&2
  status=1
fi
exit "$status"
