#!/usr/bin/env bash
# Installs what is missing, idempotently and without questions: Debian packages, Node deps,
# and the WordPress + SQLite drop-in files the local runtime copies from.
#   setup.sh [--test]   --test adds what only the suites need (MariaDB, Chromium, PHPUnit, phpcs)
source "$(dirname "$0")/lib.sh"
WITH_TEST=0; [ "${1:-}" = --test ] && WITH_TEST=1

PKGS=(php-cli php-sqlite3 php-mysql php-curl php-xml php-mbstring php-zip php-gd php-intl unzip curl ca-certificates)
[ $WITH_TEST = 1 ] && PKGS+=(mariadb-server chromium phpunit php-codesniffer)
apt_install "${PKGS[@]}"

# Node deps: reinstall only when the lockfile changed since the last install.
cd "$REPO"
LOCK_SUM=$(sha256sum package-lock.json package.json local-backend/package.json | sha256sum | cut -c1-16)
if [ -L node_modules ]; then
	# A git worktree borrowing another checkout's deps: npm ci would empty that checkout's folder.
	[ "$(cat node_modules/.aw-lock-sum 2>/dev/null)" = "$LOCK_SUM" ] || say "node_modules is a link and its install differs from this lockfile: run npm ci where it points"
elif [ "$(cat node_modules/.aw-lock-sum 2>/dev/null)" != "$LOCK_SUM" ]; then
	say "npm ci (lockfile changed or first run)"
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	echo "$LOCK_SUM" > node_modules/.aw-lock-sum
fi
# The pinned claude CLI links its native binary in a postinstall script: fail loudly if a future npm skipped it.
node_modules/.bin/claude --version >/dev/null 2>&1 || die "node_modules/.bin/claude does not run: its postinstall script was skipped (npm rebuild @anthropic-ai/claude-code)"

bash "$REPO/scripts/wp/fetch-wordpress.sh"
