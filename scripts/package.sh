#!/usr/bin/env bash
# npm run package: dist/agentic-writer.zip (installs through wp-admin → Plugins → Add New → Upload;
# carries the backend zip) and dist/agentic-writer-local-backend.zip. --no-build: zip what plugin/build has.
source "$(dirname "$0")/lib.sh"
cd "$REPO"
[ "${1:-}" = --no-build ] || bash scripts/build.sh
mkdir -p dist
node scripts/package-plugin.mjs plugin dist/agentic-writer.zip
cp plugin/build/agentic-writer-local-backend.zip dist/agentic-writer-local-backend.zip
ls -l dist/*.zip >&2
