<?php
/**
 * Maps `AgenticWriter\Usage\Usage_Table` to `src/Usage/Usage_Table.php`.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter;

/**
 * PSR-4 style autoloader with WordPress class names (file name = class name).
 */
final class Autoloader {

	/**
	 * Registers the loader for one namespace prefix.
	 *
	 * @param string $prefix    Namespace prefix without trailing backslash.
	 * @param string $base_dir  Directory holding that namespace's files.
	 */
	public static function register( string $prefix, string $base_dir ): void {
		$prefix   = trim( $prefix, '\\' ) . '\\';
		$base_dir = rtrim( $base_dir, '/' ) . '/';

		spl_autoload_register(
			static function ( string $class_name ) use ( $prefix, $base_dir ): void {
				if ( ! str_starts_with( $class_name, $prefix ) ) {
					return;
				}
				$relative = substr( $class_name, strlen( $prefix ) );
				$file     = $base_dir . str_replace( '\\', '/', $relative ) . '.php';
				if ( is_readable( $file ) ) {
					require_once $file;
				}
			}
		);
	}
}
