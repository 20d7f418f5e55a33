#!/usr/bin/env bash
# npm test: installs what is missing, builds, runs every suite against real components and ends with
# one plain line `Summary: N passed, N failed, N skipped` over all of them. Non-zero on any failure.
#   npm test [-- SUITE...]   SUITE: checks jest mocks backend php-sqlite php-mariadb e2e package (default: all)
source "$(dirname "$0")/lib.sh"
cd "$REPO"
ONLY=" $* "; want() { [ "$ONLY" = "  " ] || [[ "$ONLY" == *" $1 "* ]]; }

bash scripts/setup.sh --test
export AW_WP_PROFILE=test   # own sites, ports 8891-8893 and database: the suites never touch npm start's site
SITES="$WPR/test-sites"
RES="$REPO/tests/results"; rm -rf "$RES"; mkdir -p "$RES"
export FORCE_COLOR=0

# suite NAME RESULT_FILE CMD...: run one suite, never abort the others, note exit code and time.
suite() {
	local name=$1 file=$2 start rc; shift 2
	say "suite: $name"
	start=$(date +%s)
	set +e; "$@"; rc=$?; set -e
	printf '%s\t%s\t%s\t%s\n' "$name" "$rc" "$file" "$(( $(date +%s) - start ))" >> "$RES/suites.tsv"
}
node_tests() {  # node_tests RESULT_FILE FILE...: node's test runner, spec to the console, JUnit to the file
	local out=$1; shift
	[ $# -gt 0 ] || { echo "no test files" >&2; return 1; }
	node --import tsx --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=junit --test-reporter-destination="$out" "$@"
}
shopt -s globstar nullglob

if want checks; then
	suite build '' npm run --silent build
	suite typecheck '' npm run --silent typecheck
	suite typecheck-backend '' npm run --silent --workspace local-backend typecheck
	suite lint-js '' npm run --silent lint:js
	suite lint-php '' bash scripts/lint-php.sh
else
	npm run --silent build
fi
want jest && suite jest jest.json npx jest --ci --json --outputFile="$RES/jest.json"
want mocks && suite mocks mocks.xml node_tests "$RES/mocks.xml" tests/mocks/**/*.test.ts
# The backend's tests run from its own folder (its tsconfig and fixtures); a subshell keeps our cwd.
backend_tests() ( cd local-backend && node_tests "$1" src/**/*.test.ts test/**/*.test.ts )
want backend && suite local-backend local-backend.xml backend_tests "$RES/local-backend.xml"

# The mock upstream (tests/mocks/) that the plugin's providers talk to in the PHP and e2e suites.
export AW_MOCK_URL="http://127.0.0.1:${AW_MOCK_PORT:-8099}"
mock_up() {
	pid_alive "$RES/mock.pid" && return 0
	setsid npx tsx tests/mocks/upstream/cli.ts --port "${AW_MOCK_URL##*:}" > "$RES/mock.log" 2>&1 < /dev/null &
	echo $! > "$RES/mock.pid"
	wait_http "$AW_MOCK_URL/" 300 || { cat "$RES/mock.log" >&2; die "mock upstream did not start"; }
}
trap 'stop_pid "$RES/mock.pid"' EXIT
{ want php-sqlite || want php-mariadb || want e2e; } && mock_up

for db in sqlite mariadb; do
	want "php-$db" || continue
	bash scripts/wp.sh up --db=$db
	suite "phpunit-$db" "phpunit-$db.xml" env AW_WP_DB=$db AW_WP_INFO="$SITES/$db/info.json" phpunit -c tests/php/phpunit.xml.dist --log-junit "$RES/phpunit-$db.xml"
done
if want e2e; then
	bash scripts/wp.sh up --db=sqlite
	suite e2e e2e.xml env AW_WP_DB=sqlite AW_WP_INFO="$SITES/sqlite/info.json" PLAYWRIGHT_JUNIT_OUTPUT_NAME="$RES/e2e.xml" npx playwright test -c tests/e2e/playwright.config.ts
fi

if want package; then
	suite package-zip '' bash scripts/package.sh --no-build
	bash scripts/wp.sh reset --bare
	suite package-install package.xml env PLAYWRIGHT_JUNIT_OUTPUT_NAME="$RES/package.xml" npx playwright test -c tests/package/playwright.config.ts
fi

# Leave nothing running that this run started; the sites' files stay for a quick next run.
bash scripts/wp.sh down
node scripts/test-summary.mjs "$RES"
