<?php
/**
 * What the database engine itself says about a table: information_schema on MySQL/MariaDB,
 * SQLite's own catalogue (PRAGMA) on SQLite — not the drop-in's MySQL emulation that dbDelta uses.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Environment\Database_Engine;

/**
 * Columns and indexes of a table.
 */
final class Schema_Inspector {

	/**
	 * Column names in table order.
	 *
	 * @param string $table Full table name.
	 * @return list<string>
	 */
	public static function columns( string $table ): array {
		global $wpdb;
		if ( Database_Engine::SQLITE === Database_Engine::current() ) {
			$rows = self::sqlite( "PRAGMA table_info(\"{$table}\")" );
			return array_map( static fn ( array $row ): string => (string) $row['name'], $rows );
		}
		return array_map(
			'strval',
			$wpdb->get_col(
				$wpdb->prepare(
					'SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s ORDER BY ORDINAL_POSITION',
					$table
				)
			)
		);
	}

	/**
	 * Secondary and primary indexes: name => columns in index order. SQLite index names carry
	 * the table name as a prefix (the drop-in's convention); it is stripped.
	 *
	 * @param string $table Full table name.
	 * @return array<string, list<string>>
	 */
	public static function indexes( string $table ): array {
		global $wpdb;
		$indexes = array();
		if ( Database_Engine::SQLITE === Database_Engine::current() ) {
			foreach ( self::sqlite( "PRAGMA index_list(\"{$table}\")" ) as $index ) {
				$name    = (string) $index['name'];
				$columns = array_map(
					static fn ( array $row ): string => (string) $row['name'],
					self::sqlite( "PRAGMA index_info(\"{$name}\")" )
				);
				if ( 'pk' === ( $index['origin'] ?? '' ) || str_starts_with( $name, 'sqlite_autoindex_' ) ) {
					$name = 'PRIMARY';
				}
				$name             = preg_replace( '/^' . preg_quote( $table, '/' ) . '__/', '', $name );
				$indexes[ $name ] = $columns;
			}
			// An INTEGER PRIMARY KEY is the rowid: SQLite lists no index for it.
			foreach ( self::sqlite( "PRAGMA table_info(\"{$table}\")" ) as $column ) {
				if ( (int) $column['pk'] > 0 ) {
					$indexes['PRIMARY'][] = (string) $column['name'];
				}
			}
			$indexes['PRIMARY'] = array_values( array_unique( $indexes['PRIMARY'] ?? array() ) );
			return $indexes;
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				'SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s ORDER BY INDEX_NAME, SEQ_IN_INDEX',
				$table
			),
			ARRAY_A
		);
		foreach ( $rows as $row ) {
			$indexes[ (string) $row['INDEX_NAME'] ][] = (string) $row['COLUMN_NAME'];
		}
		return $indexes;
	}

	/**
	 * MySQL storage engine of a table (transactions need InnoDB); null on SQLite.
	 *
	 * @param string $table Full table name.
	 */
	public static function storage_engine( string $table ): ?string {
		global $wpdb;
		if ( Database_Engine::SQLITE === Database_Engine::current() ) {
			return null;
		}
		return $wpdb->get_var(
			$wpdb->prepare( 'SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s', $table )
		);
	}

	/**
	 * Runs a query on the drop-in's PDO connection, bypassing its MySQL translation.
	 *
	 * @param string $sql SQLite statement (PRAGMA).
	 * @return list<array<string, mixed>>
	 */
	public static function sqlite( string $sql ): array {
		return self::sqlite_pdo()->query( $sql )->fetchAll( \PDO::FETCH_ASSOC );
	}

	/**
	 * The drop-in's PDO connection.
	 */
	public static function sqlite_pdo(): \PDO {
		global $wpdb;
		$dbh = $wpdb->dbh;
		// The drop-in's own object extends PDO but parses MySQL: ask it for the raw connection.
		if ( is_object( $dbh ) && method_exists( $dbh, 'get_connection' ) ) {
			return $dbh->get_connection()->get_pdo();
		}
		if ( is_object( $dbh ) && method_exists( $dbh, 'get_pdo' ) ) {
			return $dbh->get_pdo();
		}
		throw new \RuntimeException( 'Cannot reach the SQLite drop-in\'s PDO connection (' . get_debug_type( $dbh ) . ').' );
	}
}
