#!/usr/bin/env bash
# npm run build: editor + admin bundles into plugin/build/ (with *.asset.php), the local backend's
# single-file server.js, and its zip inside plugin/build/ (served by the plugin's download route).
source "$(dirname "$0")/lib.sh"
cd "$REPO"
[ -d node_modules ] || bash scripts/setup.sh
say "building JS bundles"
npx wp-scripts build >/dev/null
say "bundling the local backend and its zip"
node local-backend/scripts/package.mjs "$REPO/plugin/build/agentic-writer-local-backend.zip"   # bundles server.js first
