<?php
/**
 * The usage table: one row per finished or failed AI request (DESIGN.md §5).
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

/**
 * Schema, install and upgrade of `{prefix}agentic_writer_usage`.
 *
 * The schema is plain MySQL that `dbDelta()` understands and the SQLite drop-in translates, so
 * the same statement serves MySQL/MariaDB and SQLite.
 */
final class Usage_Table {

	/**
	 * Bump when the schema below changes; `maybe_upgrade()` then brings old sites up to date.
	 */
	public const SCHEMA_VERSION = 2;

	public const VERSION_OPTION = 'agentic_writer_schema_version';

	public const TABLE_SUFFIX = 'agentic_writer_usage';

	/**
	 * Every column, in order (tests and the repository check against this list).
	 */
	public const COLUMNS = array(
		'id',
		'created_at',
		'user_id',
		'post_id',
		'request_id',
		'task_type',
		'provider',
		'model',
		'tokens_prompt',
		'tokens_completion',
		'tokens_total',
		'cost_usd',
		'cost_kind',
		'latency_ms',
		'ttft_ms',
		'status',
		'fallback_from',
		'error_code',
		'source',
		'attempt',
	);

	/**
	 * Secondary indexes => columns. Each serves an analytics query: time range, per provider /
	 * user / model / task / status over time, one request's rows, one post's rows.
	 */
	public const INDEXES = array(
		'created_at'       => array( 'created_at' ),
		'created_latency'  => array( 'created_at', 'latency_ms' ),
		'provider_created' => array( 'provider', 'created_at' ),
		'user_created'     => array( 'user_id', 'created_at' ),
		'model_created'    => array( 'model', 'created_at' ),
		'task_created'     => array( 'task_type', 'created_at' ),
		'status_created'   => array( 'status', 'created_at' ),
		'request_id'       => array( 'request_id' ),
		'post_id'          => array( 'post_id' ),
	);

	/**
	 * Full table name with the site's prefix.
	 */
	public static function name(): string {
		global $wpdb;
		return $wpdb->prefix . self::TABLE_SUFFIX;
	}

	/**
	 * The CREATE TABLE statement in dbDelta's dialect (two spaces after PRIMARY KEY, one
	 * column or key per line).
	 */
	public static function schema(): string {
		global $wpdb;
		$table   = self::name();
		$collate = $wpdb->get_charset_collate();

		// provider/model stay at 191 chars so (col, created_at) indexes fit utf8mb4 on old MySQL.
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  user_id bigint(20) unsigned NOT NULL DEFAULT 0,
  post_id bigint(20) unsigned NOT NULL DEFAULT 0,
  request_id varchar(64) NOT NULL DEFAULT '',
  task_type varchar(32) NOT NULL DEFAULT '',
  provider varchar(191) NOT NULL DEFAULT '',
  model varchar(191) NOT NULL DEFAULT '',
  tokens_prompt int(10) unsigned NOT NULL DEFAULT 0,
  tokens_completion int(10) unsigned NOT NULL DEFAULT 0,
  tokens_total int(10) unsigned NOT NULL DEFAULT 0,
  cost_usd decimal(18,8) DEFAULT NULL,
  cost_kind varchar(16) NOT NULL DEFAULT 'metered',
  latency_ms int(10) unsigned NOT NULL DEFAULT 0,
  ttft_ms int(10) unsigned DEFAULT NULL,
  status varchar(16) NOT NULL DEFAULT 'ok',
  fallback_from varchar(191) NOT NULL DEFAULT '',
  error_code varchar(64) NOT NULL DEFAULT '',
  source varchar(64) NOT NULL DEFAULT 'plugin',
  attempt smallint(5) unsigned NOT NULL DEFAULT 1,
  PRIMARY KEY  (id),
  KEY created_at (created_at),
  KEY created_latency (created_at,latency_ms),
  KEY provider_created (provider,created_at),
  KEY user_created (user_id,created_at),
  KEY model_created (model,created_at),
  KEY task_created (task_type,created_at),
  KEY status_created (status,created_at),
  KEY request_id (request_id),
  KEY post_id (post_id)
) {$collate};";
	}

	/**
	 * Creates the table or brings it to the current schema, then records the schema version.
	 *
	 * @return bool Whether the table exists afterwards.
	 */
	public static function install(): bool {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		dbDelta( self::schema() );

		$exists = self::exists();
		if ( $exists ) {
			update_option( self::VERSION_OPTION, self::SCHEMA_VERSION, true );
		}
		return $exists;
	}

	/**
	 * Upgrade routine: runs the install when the stored schema version is older than the code's.
	 * A newer stored version (a downgraded plugin) is left alone: dbDelta never drops columns,
	 * but the older code must not claim the newer schema either.
	 *
	 * @return bool Whether an upgrade ran.
	 */
	public static function maybe_upgrade(): bool {
		if ( self::stored_version() >= self::SCHEMA_VERSION ) {
			return false;
		}
		return self::install();
	}

	/**
	 * Schema version recorded on this site (0 when never installed).
	 */
	public static function stored_version(): int {
		return (int) get_option( self::VERSION_OPTION, 0 );
	}

	/**
	 * Whether the table exists.
	 */
	public static function exists(): bool {
		global $wpdb;
		$table = self::name();
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}

	/**
	 * Drops the table and forgets the schema version (uninstall only).
	 */
	public static function drop(): void {
		global $wpdb;
		$table = self::name();
		// The name is the site prefix plus a constant: no user input reaches this statement.
		$wpdb->query( "DROP TABLE IF EXISTS {$table}" ); // phpcs:ignore
		delete_option( self::VERSION_OPTION );
	}
}
