#!/usr/bin/env bash
# Builds the release widget into target/site (what a coach uploads, and what e2e tests load).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
trunk build --release --offline --dist "$SITE_DIR"
node scripts/post-build.mjs "$SITE_DIR"
