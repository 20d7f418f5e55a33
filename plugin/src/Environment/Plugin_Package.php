<?php
/**
 * What the plugin package is: version, slug, text domain, where its files are.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Environment;

/**
 * Facts every part may read. Kept apart from Plugin (the wiring) so that the parts Plugin wires
 * do not depend on it in turn.
 */
final class Plugin_Package {

	public const VERSION     = '0.1.0';
	public const TEXT_DOMAIN = 'agentic-writer';
	public const SLUG        = 'agentic-writer';

	/**
	 * Absolute path of the main plugin file, as WordPress loaded it (symlinks included).
	 *
	 * @var string
	 */
	private static string $file = '';

	/**
	 * Remembers the main file's path (from the main file itself).
	 *
	 * @param string $file Absolute path of agentic-writer.php.
	 */
	public static function set_main_file( string $file ): void {
		self::$file = $file;
	}

	/**
	 * Absolute path of the main plugin file.
	 */
	public static function file(): string {
		return '' !== self::$file ? self::$file : dirname( __DIR__, 2 ) . '/agentic-writer.php';
	}

	/**
	 * Absolute path of the plugin folder, with trailing slash.
	 */
	public static function dir(): string {
		return plugin_dir_path( self::file() );
	}
}
