#!/usr/bin/env bash
# php -l on every plugin PHP file, then Debian's phpcs with the project's ruleset (phpcs.xml.dist),
# then the check that the WordPress stand-in sniffs (scripts/phpcs/) still flag their fixtures and
# that every `phpcs:ignore WordPress.…` comment in the plugin silences what it names.
source "$(dirname "$0")/lib.sh"
cd "$REPO"
fail=0
while IFS= read -r -d '' f; do
	out=$(php -l "$f" 2>&1) || { echo "$out"; fail=1; }
done < <(find plugin tests/php scripts/wp scripts/phpcs -name '*.php' -not -path 'plugin/build/*' -print0)
[ $fail = 0 ] || die "php -l found syntax errors"
command -v phpcs >/dev/null || apt_install php-codesniffer
phpcs -q --report=full --standard=phpcs.xml.dist plugin
php scripts/phpcs/check.php
