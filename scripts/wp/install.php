<?php
/**
 * Installs a fresh local site and prints its info JSON on stdout.
 *   php install.php SITE_DIR URL DB_KIND PLUGIN_FILE
 * Users: admin, editor, author, contributor, subscriber; password "password"; one application password each.
 */
[ , $aw_site_dir, $aw_url, $aw_db, $aw_plugin ] = $argv;
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = parse_url( $aw_url, PHP_URL_HOST ) . ':' . parse_url( $aw_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
function wp_new_blog_notification() {} // Pluggable in upgrade.php: no mail on install.
require $aw_site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/** Installs WordPress, the users and the plugin; returns the info array. */
function aw_install( string $url, string $db, string $plugin, string $site_dir ): array {
	if ( is_blog_installed() ) {
		fwrite( STDERR, "already installed\n" );
		exit( 2 );
	}
	$result = wp_install( 'Agentic Writer Dev', 'admin', 'admin@example.com', false, '', wp_slash( 'password' ) );
	update_option( 'permalink_structure', '/%postname%/' );
	flush_rewrite_rules( false );
	$users = array( 'admin' => $result['user_id'] );
	foreach ( array( 'editor', 'author', 'contributor', 'subscriber' ) as $role ) {
		$id = wp_insert_user(
			array(
				'user_login' => $role,
				'user_pass'  => 'password',
				'user_email' => "$role@example.com",
				'role'       => $role,
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 3 );
		}
		$users[ $role ] = $id;
	}
	$info = array( 'url' => $url, 'db' => $db, 'path' => $site_dir, 'users' => array() );
	foreach ( $users as $role => $id ) {
		[ $app ] = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'local-runtime' ) );
		$info['users'][ $role ] = array( 'login' => $role, 'password' => 'password', 'app_password' => $app );
	}
	if ( '' !== $plugin ) {
		$activated = activate_plugin( $plugin, '', false, false );
		if ( is_wp_error( $activated ) ) {
			fwrite( STDERR, 'plugin activation failed: ' . $activated->get_error_message() . "\n" );
			exit( 4 );
		}
	}
	return $info;
}
echo json_encode( aw_install( $aw_url, $aw_db, $aw_plugin, $aw_site_dir ), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ), "\n";
