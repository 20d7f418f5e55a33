<?php
/**
 * Plugin Name:       Agentic Writer
 * Plugin URI:        https://github.com/agentic-writer/agentic-writer
 * Description:       Write posts with AI in the block editor, routed to the right provider with fallback, and see what every request cost.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Agentic Writer contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       agentic-writer
 * Domain Path:       /languages
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/src/Autoloader.php';

Autoloader::register( __NAMESPACE__, __DIR__ . '/src' );

register_activation_hook( __FILE__, array( Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( Plugin::class, 'deactivate' ) );

Plugin::boot( __FILE__ );
