<?php
/**
 * Loads the running local WordPress (`npm run wp -- up --db=<AW_WP_DB>`) into this process.
 *
 * Reads `.wp/sites/<db>/info.json` (written by the runtime) for the site folder and URL.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

// PHPUnit includes this file inside a method: WordPress expects these at global scope.
global $table_prefix, $wpdb, $wp_version, $wp_db_version, $wp_locale, $wp_rewrite, $wp, $wp_query, $wp_the_query,
	$wp_roles, $wp_embed, $wp_widget_factory, $wp_textdomain_registry, $wp_filter, $wp_actions, $wp_current_filter,
	$current_site, $current_blog, $shortcode_tags, $phpmailer, $wp_theme_directories, $blog_id, $pagenow;

( static function (): void {
	$db = getenv( 'AW_WP_DB' );
	$db = ( false === $db || '' === $db ) ? 'sqlite' : $db;
	if ( ! in_array( $db, array( 'sqlite', 'mariadb' ), true ) ) {
		fwrite( STDERR, "AW_WP_DB must be sqlite or mariadb, got \"{$db}\".\n" );
		exit( 1 );
	}

	$repo      = dirname( __DIR__, 2 );
	$info_file = getenv( 'AW_WP_INFO' ); // Another site's info.json (same shape), e.g. a scratch copy.
	$info_file = ( false === $info_file || '' === $info_file ) ? "{$repo}/.wp/sites/{$db}/info.json" : $info_file;
	$start = "Start it with: npm run wp -- up --db={$db}";
	if ( ! is_readable( $info_file ) ) {
		fwrite( STDERR, "No local WordPress for AW_WP_DB={$db}: {$info_file} is missing. {$start}\n" );
		exit( 1 );
	}
	$info = json_decode( (string) file_get_contents( $info_file ), true );
	if ( ! is_array( $info ) || ! isset( $info['url'], $info['path'], $info['users']['admin'] ) ) {
		fwrite( STDERR, "{$info_file} is not the JSON the runtime writes (url, path, users). {$start}\n" );
		exit( 1 );
	}
	if ( ! is_readable( $info['path'] . '/wp-load.php' ) ) {
		fwrite( STDERR, "{$info['path']}/wp-load.php is missing: the site folder is gone. Recreate it with: npm run wp -- reset --db={$db}\n" );
		exit( 1 );
	}

	// The HTTP tests need the server; a dead server also hints at a dead database (MariaDB).
	$curl = curl_init( rtrim( $info['url'], '/' ) . '/wp-json/' );
	curl_setopt_array( $curl, array( CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10, CURLOPT_NOBODY => true ) );
	curl_exec( $curl );
	$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
	curl_close( $curl );
	if ( 200 !== $status ) {
		fwrite( STDERR, "The local WordPress at {$info['url']} does not answer (HTTP {$status} on /wp-json/). {$start}\n" );
		exit( 1 );
	}

	$GLOBALS['aw_test_site'] = $info + array( 'db_kind' => $db );

	$parts = parse_url( $info['url'] );
	$host  = $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	$_SERVER['HTTP_HOST']       = $host;
	$_SERVER['SERVER_NAME']     = $parts['host'];
	$_SERVER['SERVER_PORT']     = (string) ( $parts['port'] ?? 80 );
	$_SERVER['REQUEST_URI']     = '/';
	$_SERVER['REQUEST_METHOD']  = 'GET';
	$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
	$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
} )();

require_once $GLOBALS['aw_test_site']['path'] . '/wp-load.php';

if ( ! function_exists( 'is_plugin_active' ) ) {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
}
if ( ! class_exists( \AgenticWriter\Plugin::class ) ) {
	fwrite( STDERR, "The site at {$GLOBALS['aw_test_site']['url']} does not load Agentic Writer (is it active?). Recreate it with: npm run wp -- reset\n" );
	exit( 1 );
}

require_once __DIR__ . '/includes/Site.php';
require_once __DIR__ . '/includes/Http_Client.php';
require_once __DIR__ . '/includes/Schema_Inspector.php';
require_once __DIR__ . '/includes/Test_Case.php';
