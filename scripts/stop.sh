#!/usr/bin/env bash
# npm stop: stops what npm start and npm run wp started (pid files only), nothing else.
source "$(dirname "$0")/lib.sh"
stop_pid "$RUN/backend.pid"
stop_pid "$RUN/mock.pid"
AW_WP_PROFILE=test bash "$REPO/scripts/wp.sh" down
AW_WP_PROFILE=dev bash "$REPO/scripts/wp.sh" down
say "stopped"
