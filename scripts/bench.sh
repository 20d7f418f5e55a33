#!/usr/bin/env bash
# npm run bench: every benchmark in tests/bench/ against real components; prints a table and writes
# tests/bench/results/latest.json ({ "metric": number }).
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh
[ -f plugin/build/editor-sidebar.asset.php ] || bash scripts/build.sh
export AW_WP_PROFILE=test   # benchmarks change settings: never on npm start's site
bash scripts/wp.sh up --db=sqlite
npx tsx tests/bench/run.ts "$@"
