# Shared helpers for the project's shell scripts. Source it; it sets REPO and a few functions.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WPR="$REPO/.wp"          # git-ignored: WordPress sites, caches, MariaDB datadir
RUN="$REPO/.run"         # git-ignored: pid and log files of what `npm start` runs

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# as_root CMD...: run as root (sudo when we are not root and sudo exists), never prompting in CI.
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1; then sudo -n "$@" || die "needs root for: $* (run it with sudo once)"
	else die "needs root for: $*"; fi
}

# apt_install PKG...: install only the Debian packages that are missing; apt-get update once per run.
apt_install() {
	local missing=() p
	for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
	[ ${#missing[@]} -eq 0 ] && return 0
	command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
	say "apt-get install ${missing[*]}"
	if [ -z "${AW_APT_UPDATED:-}" ]; then as_root apt-get update -qq >/dev/null; export AW_APT_UPDATED=1; fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${missing[@]}" >/dev/null
}

# pid_alive FILE: the pid in FILE is a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pid FILE: end the process group started with setsid whose leader's pid is in FILE, then remove FILE.
stop_pid() {
	local f=$1 pid i
	[ -f "$f" ] || return 0
	pid=$(cat "$f")
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	fi
	rm -f "$f"
}

# wait_http URL [TRIES]: until URL answers 2xx/3xx (0.05 s apart).
wait_http() {
	local url=$1 tries=${2:-200} code i
	for i in $(seq "$tries"); do
		code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
		case "$code" in 2*|3*) return 0 ;; esac
		sleep 0.05
	done
	return 1
}
