<?php
/**
 * The plugin's shared-state rows in the options table. The only class outside Usage/ that
 * queries $wpdb.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Storage;

/**
 * Small values every PHP worker must see at once and change without losing each other's
 * writes (breaker counts, probe and request leases): rows `agentic_writer_state_*` of the
 * options table, never autoloaded and never cached in-process, changed by single atomic
 * statements (`INSERT IGNORE`, `SET v = v + 1`, compare-and-swap `UPDATE … WHERE v = old`)
 * that MySQL/MariaDB and the SQLite drop-in both run as one statement.
 */
final class Shared_State_Repository {

	public const PREFIX = 'agentic_writer_state_';

	/**
	 * Current values of some keys; absent keys are left out.
	 *
	 * @param string[] $keys Keys without the prefix.
	 * @return array<string,string> Key => value.
	 */
	public function get_many( array $keys ): array {
		global $wpdb;
		if ( array() === $keys ) {
			return array();
		}
		$names  = array_map( array( self::class, 'name' ), $keys );
		$holder = implode( ', ', array_fill( 0, count( $names ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- placeholders only.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name IN ({$holder})", $names ), ARRAY_A );
		$out  = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$out[ substr( (string) $row['option_name'], strlen( self::PREFIX ) ) ] = (string) $row['option_value'];
		}
		return $out;
	}

	/**
	 * Stores a value only when the key is absent.
	 *
	 * @param string $key   Key.
	 * @param string $value Value.
	 * @return bool Whether this call stored it.
	 */
	public function add( string $key, string $value ): bool {
		global $wpdb;
		$sql = "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared.
		return 1 === (int) $wpdb->query( $wpdb->prepare( $sql, self::name( $key ), $value ) );
	}

	/**
	 * Stores a value whether or not the key exists.
	 *
	 * @param string $key   Key.
	 * @param string $value Value.
	 */
	public function set( string $key, string $value ): void {
		global $wpdb;
		$sql = "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')"
			. ' ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)';
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared.
		$wpdb->query( $wpdb->prepare( $sql, self::name( $key ), $value ) );
	}

	/**
	 * Compare-and-swap: replaces the value only if it still is $expected. Callers pass a new
	 * value that differs from the old one (MySQL counts unchanged rows as not affected).
	 *
	 * @param string $key      Key.
	 * @param string $expected Value it must hold.
	 * @param string $value    New value.
	 * @return bool Whether this call replaced it.
	 */
	public function replace_if( string $key, string $expected, string $value ): bool {
		global $wpdb;
		$sql = "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared.
		return 1 === (int) $wpdb->query( $wpdb->prepare( $sql, $value, self::name( $key ), $expected ) );
	}

	/**
	 * Adds one to a counter (created at 0) in a single statement, so parallel workers never
	 * lose a count.
	 *
	 * @param string $key Key.
	 * @return int The counter afterwards (it may include other workers' increments).
	 */
	public function increment( string $key ): int {
		global $wpdb;
		$this->add( $key, '0' );
		$sql = "UPDATE {$wpdb->options} SET option_value = option_value + 1 WHERE option_name = %s";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared.
		$wpdb->query( $wpdb->prepare( $sql, self::name( $key ) ) );
		return (int) ( $this->get_many( array( $key ) )[ $key ] ?? 0 );
	}

	/**
	 * Deletes keys.
	 *
	 * @param string[] $keys Keys.
	 */
	public function delete( array $keys ): void {
		global $wpdb;
		if ( array() === $keys ) {
			return;
		}
		$names  = array_map( array( self::class, 'name' ), $keys );
		$holder = implode( ', ', array_fill( 0, count( $names ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- placeholders only.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name IN ({$holder})", $names ) );
	}

	/**
	 * Deletes a key only if it still holds $expected (a lease its owner gives back).
	 *
	 * @param string $key      Key.
	 * @param string $expected Value.
	 * @return bool Whether this call deleted it.
	 */
	public function delete_if( string $key, string $expected ): bool {
		global $wpdb;
		// Run at the very end of a request too: a database that went away must not end it in
		// wp_die() (the lease then runs out on its own).
		if ( ! $wpdb->check_connection( false ) ) {
			return false;
		}
		$sql = "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared.
		return 1 === (int) $wpdb->query( $wpdb->prepare( $sql, self::name( $key ), $expected ) );
	}

	/**
	 * Deletes every row of the plugin's shared state.
	 */
	public function delete_all(): void {
		global $wpdb;
		$like = $wpdb->esc_like( self::PREFIX ) . '%';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- whole prefix.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
	}

	/**
	 * Deletes every options row the plugin wrote under its own names (uninstall): options,
	 * shared state and transients, also those of providers no longer in the settings.
	 */
	public function delete_plugin_options(): void {
		global $wpdb;
		$likes = array();
		foreach ( array( 'agentic_writer_', '_transient_agentic_writer_', '_transient_timeout_agentic_writer_' ) as $prefix ) {
			$likes[] = $wpdb->esc_like( $prefix ) . '%';
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s", $likes ) );
		wp_cache_delete( 'alloptions', 'options' );
	}

	/**
	 * Option name of a key.
	 *
	 * @param string $key Key.
	 */
	private static function name( string $key ): string {
		return self::PREFIX . $key;
	}
}
