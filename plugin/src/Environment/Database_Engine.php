<?php
/**
 * Which database the site runs on: MySQL/MariaDB or SQLite through the SQLite drop-in.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Environment;

/**
 * Detects the database engine behind `$wpdb`.
 */
final class Database_Engine {

	public const SQLITE = 'sqlite';
	public const MYSQL  = 'mysql';

	/**
	 * `sqlite` when the SQLite Database Integration drop-in serves `$wpdb`, else `mysql`.
	 */
	public static function current(): string {
		global $wpdb;
		// The drop-in defines DB_ENGINE and replaces $wpdb with its own class.
		if ( defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE ) {
			return self::SQLITE;
		}
		if ( class_exists( 'WP_SQLite_DB', false ) && $wpdb instanceof \WP_SQLite_DB ) {
			return self::SQLITE;
		}
		return self::MYSQL;
	}
}
