#!/usr/bin/env bash
# npm start: install what is missing, build, bring up WordPress (SQLite) with the plugin active and the
# local backend running, then print where to log in. Idempotent; `npm stop` stops it all.
# With no logged-in claude CLI and no ANTHROPIC_API_KEY, the backend talks to the offline demo model
# from tests/mocks/ so every screen can be tried without an account.
source "$(dirname "$0")/lib.sh"
cd "$REPO"
bash scripts/setup.sh
bash scripts/build.sh
bash scripts/wp.sh up --db=sqlite
mkdir -p "$RUN"

BACKEND_PORT=${AW_BACKEND_PORT:-8080}; MOCK_PORT=${AW_MOCK_PORT:-8090}
CLAUDE_BIN=$(command -v claude || echo "$REPO/node_modules/.bin/claude")
# The key lives outside dist/ so a rebuild keeps it (the plugin's settings hold a copy).
backend_env=(AW_BACKEND_PORT="$BACKEND_PORT" AW_CLAUDE_BIN="$CLAUDE_BIN" AW_BACKEND_KEY_FILE="$RUN/backend.api-key")
DEMO=0
if [ -z "${ANTHROPIC_API_KEY:-}" ] && [ ! -s "$HOME/.claude/.credentials.json" ]; then
	DEMO=1
	if ! pid_alive "$RUN/mock.pid"; then
		setsid npx tsx tests/mocks/upstream/cli.ts --port "$MOCK_PORT" > "$RUN/mock.log" 2>&1 < /dev/null &
		echo $! > "$RUN/mock.pid"
		wait_http "http://127.0.0.1:$MOCK_PORT/" 200 || die "demo upstream did not start (log: $RUN/mock.log)"
	fi
	# A private HOME keeps the demo's CLI state out of the user's own ~/.claude.
	mkdir -p "$RUN/demo-home"
	backend_env+=(HOME="$RUN/demo-home" ANTHROPIC_BASE_URL="http://127.0.0.1:$MOCK_PORT" ANTHROPIC_API_KEY=demo-model
		CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_TELEMETRY=1 DISABLE_AUTOUPDATER=1 DISABLE_ERROR_REPORTING=1)
fi
if ! pid_alive "$RUN/backend.pid"; then
	setsid env "${backend_env[@]}" node local-backend/dist/server.js > "$RUN/backend.log" 2>&1 < /dev/null &
	echo $! > "$RUN/backend.pid"
	wait_http "http://127.0.0.1:$BACKEND_PORT/ping" 300 || { tail -20 "$RUN/backend.log" >&2; die "local backend did not start (log: $RUN/backend.log)"; }
fi
KEY=${AW_BACKEND_API_KEY:-$(cat "$RUN/backend.api-key")}

php scripts/wire-local-backend.php .wp/sites/sqlite/info.json "http://127.0.0.1:$BACKEND_PORT" "$KEY"
URL=$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["url"];' .wp/sites/sqlite/info.json)
cat <<MSG

Agentic Writer is running.
  WordPress:      $URL/wp-admin/   (login admin / password; also editor, contributor, subscriber)
  Plugin:         $URL/wp-admin/admin.php?page=agentic-writer
  Local backend:  http://127.0.0.1:$BACKEND_PORT   key: ${KEY:-see $RUN/backend.log}
MSG
[ $DEMO = 1 ] && echo "  Model:          demo model (offline mock; log in with \`claude\` and run npm start again for the real one)"
echo "Stop everything with: npm stop"
