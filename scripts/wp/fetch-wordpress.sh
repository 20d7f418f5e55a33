#!/usr/bin/env bash
# Fetches WordPress 6.8 (Debian trixie's .deb, via a private apt config that leaves the system's
# sources alone) and the SQLite Database Integration drop-in (shipped inside @wp-playground/cli on npm)
# into .wp/cache/. Idempotent: does nothing when both are there.
source "$(dirname "$0")/../lib.sh"
C="$WPR/cache"; mkdir -p "$C"
if [ ! -f "$C/wordpress/wp-settings.php" ]; then
	say "fetching WordPress (Debian trixie package)"
	A="$C/apt"; rm -rf "$A" "$C/debs" "$C/deb-root"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$C/debs"
	MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
	[ -n "$MIRROR" ] || MIRROR=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
	MIRROR=${MIRROR:-http://deb.debian.org/debian}
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" > "$A/trixie.list"
	APT=(-o "Dir::Etc::SourceList=$A/trixie.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache")
	apt-get "${APT[@]}" update -qq >/dev/null
	(cd "$C/debs" && apt-get "${APT[@]}" download -qq wordpress wordpress-theme-twentytwentyfive libjs-cropper libjs-lodash libjs-underscore php-getid3 >/dev/null)
	mkdir "$C/deb-root"; for d in "$C"/debs/*.deb; do dpkg-deb -x "$d" "$C/deb-root"; done
	# Deb symlinks point into the other packages extracted beside it; only .htaccess dangles (not needed).
	cp -rL "$C/deb-root/usr/share/wordpress" "$C/wordpress.tmp" 2>/dev/null || true
	rm -f "$C/wordpress.tmp/wp-config.php"       # Debian's loader for /etc/wordpress/config-*.php
	rm -rf "$C/wordpress" "$C/deb-root" "$C/debs" "$A"; mv "$C/wordpress.tmp" "$C/wordpress"
	[ -f "$C/wordpress/wp-settings.php" ] || die "WordPress extraction failed"
fi
if [ ! -f "$C/sqlite-database-integration/load.php" ]; then
	say "fetching the SQLite drop-in"
	T=$(mktemp -d); (cd "$T" && npm pack --loglevel=error @wp-playground/cli@3.1.56 >/dev/null && tar xzf wp-playground-cli-3.1.56.tgz package/sqlite-database-integration.zip)
	rm -rf "$C/sqlite-database-integration"; unzip -q "$T/package/sqlite-database-integration.zip" -d "$T/x"
	mv "$T/x/plugin-sqlite-database-integration" "$C/sqlite-database-integration"; rm -rf "$T"
fi
