#!/usr/bin/env bash
# Starts the Agentic Writer local backend in the background and prints what to paste into
# WordPress. Usage: ./start.sh [--lan] [--port N]    (stop it with ./stop.sh)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DIR"
PID_FILE="$DIR/backend.pid"
LOG_FILE="$DIR/backend.log"
KEY_FILE="$DIR/.api-key"
LAN=0
PORT="${AW_BACKEND_PORT:-8080}"

while [ $# -gt 0 ]; do
	case "$1" in
		--lan) LAN=1 ;;
		--port) PORT="${2:?--port needs a number}"; shift ;;
		--port=*) PORT="${1#--port=}" ;;
		-h|--help) sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "start.sh: unknown option $1 (use --lan, --port N)" >&2; exit 2 ;;
	esac
	shift
done

fail() { echo "✖ $*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || fail "Node.js is not installed. Install Node.js 20 or newer (https://nodejs.org, or: sudo apt install nodejs / brew install node), then run ./start.sh again."
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || fail "Node.js $(node -v) is too old: the local backend needs Node.js 20 or newer (https://nodejs.org)."

# At least one engine must be installed; which ones are used is decided at start (see /ping).
FOUND=""
for ENGINE in claude codex gemini; do
	case "$ENGINE" in
		claude) BIN="${AW_CLAUDE_BIN:-claude}" ;;
		codex) BIN="${AW_CODEX_BIN:-codex}" ;;
		gemini) BIN="${AW_GEMINI_BIN:-gemini}" ;;
	esac
	if command -v "$BIN" >/dev/null 2>&1; then FOUND="$FOUND $ENGINE"; fi
done
if [ -z "$FOUND" ]; then
	fail "No engine CLI was found on PATH (looked for claude, codex and gemini). Install at least one: npm install -g @anthropic-ai/claude-code (then run \`claude\` once and /login), npm install -g @openai/codex (then \`codex login\`), or npm install -g @google/gemini-cli (then run \`gemini\` once and sign in). If one is installed elsewhere, set AW_CLAUDE_BIN, AW_CODEX_BIN or AW_GEMINI_BIN to its path."
fi

if [ -f "$PID_FILE" ]; then
	OLD_PID="$(cat "$PID_FILE")"
	if kill -0 "$OLD_PID" 2>/dev/null && ps -p "$OLD_PID" -o args= 2>/dev/null | grep -q 'server.js'; then
		echo "The local backend is already running (pid $OLD_PID). Stop it with ./stop.sh first."
		exit 0
	fi
	rm -f "$PID_FILE"
fi

if [ -z "${AW_BACKEND_API_KEY:-}" ]; then
	if [ ! -s "$KEY_FILE" ]; then
		( umask 077; node -e 'process.stdout.write("awlb-" + require("crypto").randomBytes(24).toString("base64url") + "\n")' > "$KEY_FILE" )
		echo "Created a new API key in $KEY_FILE"
	fi
	chmod 600 "$KEY_FILE"
	KEY="$(tr -d '[:space:]' < "$KEY_FILE")"
else
	KEY="$AW_BACKEND_API_KEY"
fi

if [ "$LAN" = 1 ]; then
	HOST=0.0.0.0
else
	HOST="${AW_BACKEND_HOST:-127.0.0.1}"
fi

AW_BACKEND_HOST="$HOST" AW_BACKEND_PORT="$PORT" AW_BACKEND_KEY_FILE="$KEY_FILE" \
	nohup node "$DIR/server.js" >> "$LOG_FILE" 2>&1 < /dev/null &
PID=$!
echo "$PID" > "$PID_FILE"

# Ready when /ping answers; a process that dies early shows why.
for _ in $(seq 1 60); do
	if ! kill -0 "$PID" 2>/dev/null; then
		rm -f "$PID_FILE"
		echo "✖ The local backend stopped right after starting. Last lines of $LOG_FILE:" >&2
		tail -n 15 "$LOG_FILE" >&2
		exit 1
	fi
	if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/ping" 2>/dev/null; then
		break
	fi
	sleep 0.5
done

echo
echo "✔ Agentic Writer local backend is running (pid $PID, log: $LOG_FILE)"
echo
echo "Paste into WordPress → Agentic Writer → Settings → Local backend:"
if [ "$LAN" = 1 ]; then
	LAN_IP="$("$DIR/get-local-ip.sh" 2>/dev/null || true)"
	[ -n "$LAN_IP" ] || LAN_IP="THIS-MACHINE-IP"
	echo "  Base URL: http://$LAN_IP:$PORT    (from other machines on your network)"
	echo "            http://127.0.0.1:$PORT    (WordPress on this machine)"
else
	echo "  Base URL: http://127.0.0.1:$PORT"
	echo "            (WordPress on another machine? Stop and run ./start.sh --lan)"
fi
echo "  API key:  $KEY"
echo
echo "Check it:  ./test-connection.sh      Stop it:  ./stop.sh"
