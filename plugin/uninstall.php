<?php
/**
 * Runs only when the site owner deletes the plugin from wp-admin → Plugins.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

require_once __DIR__ . '/src/Autoloader.php';

AgenticWriter\Autoloader::register( 'AgenticWriter', __DIR__ . '/src' );

AgenticWriter\Uninstaller::uninstall();
