#!/usr/bin/env bash
# Stops the local backend that ./start.sh started (only that process, by its pid file).
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PID_FILE="$DIR/backend.pid"

if [ ! -f "$PID_FILE" ]; then
	echo "The local backend is not running (no $PID_FILE)."
	exit 0
fi
PID="$(cat "$PID_FILE")"
if ! kill -0 "$PID" 2>/dev/null; then
	echo "The local backend was not running (stale pid $PID); cleaned up."
	rm -f "$PID_FILE"
	exit 0
fi
if ! ps -p "$PID" -o args= 2>/dev/null | grep -q 'server.js'; then
	echo "pid $PID is not the local backend any more; not touching it. Removing $PID_FILE."
	rm -f "$PID_FILE"
	exit 0
fi

# SIGTERM: the backend ends every claude process it started, then exits.
kill -TERM "$PID"
for _ in $(seq 1 50); do
	kill -0 "$PID" 2>/dev/null || break
	sleep 0.2
done
if kill -0 "$PID" 2>/dev/null; then
	echo "Still running after 10 s; forcing it to stop."
	kill -KILL "$PID" 2>/dev/null || true
fi
rm -f "$PID_FILE"
echo "✔ Local backend stopped (pid $PID)."
