<?php
/**
 * What `uninstall.php` removes. Deactivation keeps everything; only uninstall deletes.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter;

use AgenticWriter\Usage\Usage_Table;

/**
 * Removes the plugin's options and its usage table.
 */
final class Uninstaller {

	/**
	 * Options the plugin owns.
	 */
	public const OPTIONS = array(
		'agentic_writer_settings',
		Usage_Table::VERSION_OPTION,
	);

	/**
	 * Deletes options and drops the usage table.
	 */
	public static function uninstall(): void {
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		Usage_Table::drop();
	}
}
