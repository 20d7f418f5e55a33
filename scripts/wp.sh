#!/usr/bin/env bash
# The local WordPress runtime: PHP's built-in server on loopback, SQLite drop-in or a private MariaDB.
#   npm run wp -- up|down|reset|info|status|db-stop [--db=sqlite|mariadb] [--bare]
# up: create the site when missing (WordPress, users, app passwords, plugin linked from the working
# tree and activated) and serve it; down: stop only what this script started (pid files);
# reset: recreate the site from scratch; info: the site's JSON (url, db, path, users);
# db-stop: stop only the MariaDB server, PHP keeps serving (the fault tests; `up` starts it again).
source "$(dirname "$0")/lib.sh"
CMD=${1:-}; shift || true
DB=sqlite; DB_GIVEN=0; BARE=0
for a in "$@"; do
	case "$a" in
		--db=sqlite|--db=mariadb) DB=${a#--db=}; DB_GIVEN=1 ;;
		--bare) BARE=1 ;;   # a third SQLite site without the plugin, for installing the zip through wp-admin
		*) die "unknown option '$a' (expected --db=sqlite|mariadb or --bare)" ;;
	esac
done

# Profiles keep the suites off the site `npm start` serves: AW_WP_PROFILE=test (set by npm test and
# npm run bench) has its own folder, ports and MariaDB database.
case "${AW_WP_PROFILE:-dev}" in
	dev) SITES="$WPR/sites"; BASE_PORT=8880; DB_NAME=wordpress ;;
	test) SITES="$WPR/test-sites"; BASE_PORT=8890; DB_NAME=wordpress_test ;;
	bench) SITES="$WPR/bench-sites"; BASE_PORT=8900; DB_NAME=wordpress_bench ;;   # tests/bench/analytics.bench.ts: 1M usage rows
	*) die "AW_WP_PROFILE must be dev, test or bench" ;;
esac
port_of() { case "$1" in sqlite) echo "${AW_WP_PORT_SQLITE:-$((BASE_PORT + 1))}" ;; mariadb) echo "${AW_WP_PORT_MARIADB:-$((BASE_PORT + 2))}" ;; esac; }
MDB="$WPR/mariadb"; MDB_PORT=${AW_MARIADB_PORT:-3307}
PLUGIN_SRC=${AW_PLUGIN_SRC:-$REPO/plugin}   # the plugin folder linked in: the working tree
SITE="$SITES/$DB"; PORT=$(port_of "$DB")
if [ $BARE = 1 ]; then DB=sqlite; SITE="$SITES/bare"; PORT=${AW_WP_PORT_BARE:-$((BASE_PORT + 3))}; fi
URL="http://127.0.0.1:$PORT"

mariadb_up() {
	if mariadb-admin --no-defaults --socket="$MDB/mysqld.sock" -uroot ping >/dev/null 2>&1; then return 0; fi
	command -v mariadbd >/dev/null || apt_install mariadb-server
	if [ ! -d "$MDB/data/mysql" ]; then
		say "initialising a private MariaDB in $MDB"
		rm -rf "$MDB"; mkdir -p "$MDB"
		mariadb-install-db --no-defaults --datadir="$MDB/data" --user="$(id -un)" --auth-root-authentication-method=normal \
			--skip-test-db > "$MDB/install.log" 2>&1 || { cat "$MDB/install.log" >&2; die "mariadb-install-db failed"; }
	fi
	setsid mariadbd --no-defaults --datadir="$MDB/data" --socket="$MDB/mysqld.sock" --port="$MDB_PORT" \
		--bind-address=127.0.0.1 --user="$(id -un)" --skip-name-resolve --pid-file="$MDB/mariadbd.pid" \
		--log-error="$MDB/error.log" < /dev/null > /dev/null 2>&1 &
	echo $! > "$MDB/server.pid"
	for _ in $(seq 400); do
		mariadb-admin --no-defaults --socket="$MDB/mysqld.sock" -uroot ping >/dev/null 2>&1 && return 0
		kill -0 "$(cat "$MDB/server.pid")" 2>/dev/null || break
		sleep 0.05
	done
	tail -20 "$MDB/error.log" >&2; die "MariaDB did not start (log: $MDB/error.log)"
}
mariadb_down() {
	[ -S "$MDB/mysqld.sock" ] && mariadb-admin --no-defaults --socket="$MDB/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
	stop_pid "$MDB/server.pid"
}
mariadb_sql() { mariadb --no-defaults --socket="$MDB/mysqld.sock" -uroot -e "$1"; }

serving() { pid_alive "$SITE/server.pid" && wait_http "$URL/wp-json/" 1; }
serve() {
	serving && return 0
	stop_pid "$SITE/server.pid"
	# output_buffering=0: php -S buffers 4 KB by default, which would hold back streamed events.
	PHP_CLI_SERVER_WORKERS=${AW_WP_WORKERS:-4} setsid php -d output_buffering=0 -d memory_limit=512M \
		-S "127.0.0.1:$PORT" -t "$SITE" "$REPO/scripts/wp/router.php" > "$SITE/server.log" 2>&1 < /dev/null &
	echo $! > "$SITE/server.pid"
	wait_http "$URL/wp-json/" 300 || { tail -20 "$SITE/server.log" >&2; die "WordPress did not answer on $URL (log: $SITE/server.log)"; }
}

make_site() {
	bash "$REPO/scripts/wp/fetch-wordpress.sh"
	[ $BARE = 1 ] || [ -f "$PLUGIN_SRC/agentic-writer.php" ] || die "$PLUGIN_SRC/agentic-writer.php is missing"
	say "creating the $DB site in $SITE"
	stop_pid "$SITE/server.pid"; rm -rf "$SITE"; mkdir -p "$SITES"
	cp -a "$WPR/cache/wordpress" "$SITE"
	mkdir -p "$SITE"/wp-content/{plugins,mu-plugins,uploads,upgrade}
	[ $BARE = 1 ] || ln -sfn "$PLUGIN_SRC" "$SITE/wp-content/plugins/agentic-writer"   # edits show without reinstalling
	cp "$REPO"/scripts/wp/mu-plugins/*.php "$SITE/wp-content/mu-plugins/"
	local db
	if [ "$DB" = sqlite ]; then
		local p="$SITE/wp-content/plugins/sqlite-database-integration"
		cp -a "$WPR/cache/sqlite-database-integration" "$p"
		sed -e "s#{SQLITE_IMPLEMENTATION_FOLDER_PATH}#$p#" -e 's#{SQLITE_PLUGIN}#sqlite-database-integration/load.php#' \
			"$p/db.copy" > "$SITE/wp-content/db.php"
		mkdir -p "$SITE/wp-content/database"
		db="define( 'DB_DIR', __DIR__ . '/wp-content/database/' ); define( 'DB_FILE', '.ht.sqlite' );
define( 'DB_NAME', 'wordpress' ); define( 'DB_USER', '' ); define( 'DB_PASSWORD', '' ); define( 'DB_HOST', '' );"
	else
		mariadb_up
		mariadb_sql "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
			CREATE USER IF NOT EXISTS wp@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON $DB_NAME.* TO wp@'127.0.0.1';"
		db="define( 'DB_NAME', '$DB_NAME' ); define( 'DB_USER', 'wp' ); define( 'DB_PASSWORD', 'wp' ); define( 'DB_HOST', '127.0.0.1:$MDB_PORT' );"
	fi
	local keys
	keys=$(php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) echo "define( \x27$k\x27, \x27", bin2hex(random_bytes(32)), "\x27 );\n";')
	cat > "$SITE/wp-config.php" <<PHP
<?php
// Written by scripts/wp.sh for the local runtime; recreated by \`npm run wp -- reset\`.
$db
define( 'DB_CHARSET', 'utf8mb4' ); define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
$keys
define( 'WP_HOME', '$URL' ); define( 'WP_SITEURL', '$URL' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );      // application passwords over plain http
define( 'WP_HTTP_BLOCK_EXTERNAL', true ); define( 'WP_ACCESSIBLE_HOSTS', 'localhost,127.0.0.1' );
define( 'AUTOMATIC_UPDATER_DISABLED', true ); define( 'DISABLE_WP_CRON', true ); define( 'FS_METHOD', 'direct' );
define( 'WP_DEBUG', true ); define( 'WP_DEBUG_LOG', __DIR__ . '/wp-content/debug.log' ); define( 'WP_DEBUG_DISPLAY', false );
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
PHP
	local plugin=agentic-writer/agentic-writer.php; [ $BARE = 1 ] && plugin=''
	php "$REPO/scripts/wp/install.php" "$SITE" "$URL" "$DB" "$plugin" > "$SITE/info.json.tmp" \
		|| die "WordPress install failed (see above; debug log: $SITE/wp-content/debug.log)"
	mv "$SITE/info.json.tmp" "$SITE/info.json"
}

installed() { [ -f "$SITE/info.json" ] && [ -f "$SITE/wp-config.php" ] && { [ "$DB" = sqlite ] || [ -d "$MDB/data/$DB_NAME" ]; }; }

print_logins() {
	php -r '$i = json_decode(file_get_contents($argv[1]), true);
		echo "WordPress (", $i["db"], ") at ", $i["url"], "/wp-admin/\n";
		foreach ($i["users"] as $r => $u) printf("  %-11s login %-11s password %s\n", $r, $u["login"], $u["password"]);' "$SITE/info.json" >&2
}

case "$CMD" in
	up)
		command -v php >/dev/null || apt_install php-cli php-sqlite3 php-mysql php-curl php-xml php-mbstring php-zip php-gd php-intl
		[ "$DB" = mariadb ] && mariadb_up
		installed || make_site
		[ $BARE = 1 ] || ln -sfn "$PLUGIN_SRC" "$SITE/wp-content/plugins/agentic-writer"
		cp "$REPO"/scripts/wp/mu-plugins/*.php "$SITE/wp-content/mu-plugins/"   # the runtime's own fixes, kept current
		serve
		print_logins ;;
	reset)
		stop_pid "$SITE/server.pid"; rm -rf "$SITE"
		[ "$DB" = mariadb ] && mariadb_up
		make_site; serve; print_logins ;;
	down)
		if [ $DB_GIVEN = 1 ] || [ $BARE = 1 ]; then stop_pid "$SITE/server.pid"
		else for d in "$SITES"/*/; do stop_pid "${d}server.pid"; done; fi
		# The MariaDB server is shared by every profile: stop it when no MariaDB site is left serving.
		pid_alive "$WPR/sites/mariadb/server.pid" || pid_alive "$WPR/test-sites/mariadb/server.pid" || pid_alive "$WPR/bench-sites/mariadb/server.pid" || mariadb_down ;;
	info)
		[ -f "$SITE/info.json" ] || die "no $DB site yet ($SITE): run npm run wp -- up --db=$DB"
		cat "$SITE/info.json" ;;
	db-stop)
		mariadb_down ;;
	status)
		if serving; then echo "$DB site up at $URL"; else echo "$DB site down"; exit 1; fi ;;
	*) die "usage: npm run wp -- up|down|reset|info|status|db-stop [--db=sqlite|mariadb]" ;;
esac
