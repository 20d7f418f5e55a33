<?php
/**
 * Reads and writes the usage table. The only class that touches $wpdb for it.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

/**
 * Single-row inserts (cheap, no locks held across requests) and prepared, indexed reads.
 */
final class Usage_Repository {

	/**
	 * Rows waiting for the end of the request.
	 *
	 * @var array<int,array<string,mixed>>
	 */
	private static array $pending = array();

	/**
	 * Rows queued or written by this PHP request, per request id.
	 *
	 * @var array<string,int>
	 */
	private static array $recorded = array();

	/**
	 * Whether the database was found unreachable in this PHP request (later rows are logged
	 * without waiting for wpdb's reconnect attempts again).
	 *
	 * @var bool
	 */
	private static bool $unreachable = false;

	/** How a cost was known (DESIGN.md §5), each summed on its own. */
	public const COST_KINDS = array( 'metered', 'estimated', 'subscription', 'local' );

	private const FORMATS = array(
		'created_at'        => '%s',
		'user_id'           => '%d',
		'post_id'           => '%d',
		'request_id'        => '%s',
		'task_type'         => '%s',
		'provider'          => '%s',
		'model'             => '%s',
		'tokens_prompt'     => '%d',
		'tokens_completion' => '%d',
		'tokens_total'      => '%d',
		'cost_usd'          => '%f',
		'cost_kind'         => '%s',
		'latency_ms'        => '%d',
		'ttft_ms'           => '%d',
		'status'            => '%s',
		'fallback_from'     => '%s',
		'error_code'        => '%s',
		'source'            => '%s',
		'attempt'           => '%d',
	);

	/**
	 * Inserts one row. Unknown columns are dropped; null cost/ttft stay NULL.
	 *
	 * A prepared INSERT rather than $wpdb->insert(): that one first asks the database for the
	 * table's column charsets (SHOW FULL COLUMNS), which costs more than the insert itself on
	 * every request that records usage.
	 *
	 * @param array<string,mixed> $row Column => value.
	 * @return bool Whether the row was written.
	 */
	public function insert( array $row ): bool {
		global $wpdb;
		$row += array(
			'created_at' => gmdate( 'Y-m-d H:i:s' ),
			'source'     => 'plugin',
		);
		$columns = array();
		$holders = array();
		$values  = array();
		foreach ( self::FORMATS as $column => $format ) {
			if ( ! array_key_exists( $column, $row ) || null === $row[ $column ] ) {
				continue;
			}
			$value = $row[ $column ];
			if ( 'cost_usd' === $column ) {
				// As a string: %f would round to 6 decimals; the column keeps 8.
				$format = '%s';
				$value  = sprintf( '%.10F', (float) $value );
			} elseif ( '%s' === $format ) {
				$value = wp_check_invalid_utf8( (string) $value, true );
			}
			$columns[] = $column;
			$holders[] = $format;
			$values[]  = $value;
		}
		$table = Usage_Table::name();
		$sql   = "INSERT INTO {$table} (" . implode( ', ', $columns ) . ') VALUES (' . implode( ', ', $holders ) . ')';
		// A lost connection: try to reconnect (once per request), but never let wpdb end the
		// request with dead_db() in the middle of an answer.
		self::$unreachable = self::$unreachable || ! $wpdb->check_connection( false );
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- columns are constants, values prepared.
		$written = ! self::$unreachable && false !== $wpdb->query( $wpdb->prepare( $sql, $values ) );
		if ( ! $written ) {
			// Never silent: the row goes to the PHP error log whole, so it can be put back by hand.
			error_log( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- a lost usage row must be seen.
				sprintf(
					'Agentic Writer: could not write a usage row to %s (%s): %s',
					$table,
					self::$unreachable || '' === (string) $wpdb->last_error ? 'database unreachable' : $wpdb->last_error,
					(string) wp_json_encode( array_combine( $columns, $values ) )
				)
			);
		}
		return $written;
	}

	/**
	 * Writes a row once the answer has gone out: bookkeeping must not delay the author. The
	 * rows are written in order at shutdown (after fastcgi_finish_request() where there is one).
	 *
	 * @param array<string,mixed> $row Column => value.
	 */
	public function insert_after_response( array $row ): void {
		$id   = (string) ( $row['request_id'] ?? '' );
		$row += array(
			'created_at' => gmdate( 'Y-m-d H:i:s' ),
			// The first row of a request counts it; fallbacks add rows, not requests.
			'attempt'    => '' === $id ? 1 : ( self::$recorded[ $id ] ?? 0 ) + 1,
		);
		if ( array() === self::$pending ) {
			register_shutdown_function( array( self::class, 'flush_pending' ) );
		}
		self::$pending[]       = $row;
		self::$recorded[ $id ] = ( self::$recorded[ $id ] ?? 0 ) + 1;
	}

	/**
	 * How many rows this PHP request has recorded for a request id (queued or written).
	 *
	 * @param string $request_id Request id.
	 */
	public static function recorded_for( string $request_id ): int {
		return self::$recorded[ $request_id ] ?? 0;
	}

	/**
	 * Writes the rows queued by insert_after_response().
	 */
	public static function flush_pending(): void {
		if ( array() === self::$pending ) {
			return;
		}
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		}
		$repo = new self();
		while ( array() !== self::$pending ) {
			$repo->insert( (array) array_shift( self::$pending ) );
		}
	}

	/**
	 * Rows of one request, oldest first.
	 *
	 * @param string $request_id Request id.
	 * @return array<int,array<string,mixed>>
	 */
	public function find_by_request( string $request_id ): array {
		global $wpdb;
		$table = Usage_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is the site prefix plus a constant.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE request_id = %s ORDER BY id ASC", $request_id ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Fallbacks since a time, grouped by the provider that failed.
	 *
	 * @param string $since_utc `Y-m-d H:i:s` UTC.
	 * @return array<int,array{fallback_from:string,provider:string,count:int,last_at:string}>
	 */
	public function fallbacks_since( string $since_utc ): array {
		global $wpdb;
		$table = Usage_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name is the site prefix plus a constant.
		$sql  = "SELECT fallback_from, provider, COUNT(*) AS count, MAX(created_at) AS last_at FROM {$table}"
			. ' WHERE status = %s AND created_at >= %s GROUP BY fallback_from, provider ORDER BY count DESC';
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, 'fallback', $since_utc ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! is_array( $rows ) ) {
			return array();
		}
		return array_map(
			static fn ( array $r ): array => array(
				'fallback_from' => (string) $r['fallback_from'],
				'provider'      => (string) $r['provider'],
				'count'         => (int) $r['count'],
				'last_at'       => (string) $r['last_at'],
			),
			$rows
		);
	}

	/**
	 * Running totals of one post's rows, whoever made them.
	 *
	 * @param int $post_id Post id.
	 * @return array{requests:int,tokens_prompt:int,tokens_completion:int,cost_usd:array<string,float>}
	 */
	public function totals_for_post( int $post_id ): array {
		return $this->totals( 'post_id = %d', array( $post_id ) );
	}

	/**
	 * Running totals of one user's rows since a time.
	 *
	 * @param int    $user_id   User id.
	 * @param string $since_utc `Y-m-d H:i:s` UTC.
	 * @return array{requests:int,tokens_prompt:int,tokens_completion:int,cost_usd:array<string,float>}
	 */
	public function totals_for_user_since( int $user_id, string $since_utc ): array {
		return $this->totals( 'user_id = %d AND created_at >= %s', array( $user_id, $since_utc ) );
	}

	/**
	 * One aggregate row over the rows a condition selects. A request that fell back has a row
	 * per provider tried: it counts once (distinct request_id; rows without one count alone).
	 *
	 * @param string       $where Condition with placeholders, written by this class only.
	 * @param array<mixed> $args  Values for the placeholders.
	 * @return array{requests:int,tokens_prompt:int,tokens_completion:int,cost_usd:array<string,float>}
	 */
	private function totals( string $where, array $args ): array {
		global $wpdb;
		$table = Usage_Table::name();
		$costs = '';
		foreach ( self::COST_KINDS as $kind ) {
			$costs .= ", SUM(CASE WHEN cost_kind = '{$kind}' THEN COALESCE(cost_usd, 0) ELSE 0 END) AS cost_{$kind}";
		}
		$sql = "SELECT COUNT(DISTINCT NULLIF(request_id, '')) AS distinct_requests,"
			. " SUM(CASE WHEN request_id = '' THEN 1 ELSE 0 END) AS loose_requests,"
			. ' SUM(tokens_prompt) AS tokens_prompt, SUM(tokens_completion) AS tokens_completion'
			. $costs
			. " FROM {$table} WHERE {$where}";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- table, columns and condition are this class's constants; values prepared.
		$row   = $wpdb->get_row( $wpdb->prepare( $sql, $args ), ARRAY_A );
		$row   = is_array( $row ) ? $row : array();
		$money = array();
		foreach ( self::COST_KINDS as $kind ) {
			$money[ $kind ] = round( (float) ( $row[ 'cost_' . $kind ] ?? 0 ), 8 );
		}
		return array(
			'requests'          => (int) ( $row['distinct_requests'] ?? 0 ) + (int) ( $row['loose_requests'] ?? 0 ),
			'tokens_prompt'     => (int) ( $row['tokens_prompt'] ?? 0 ),
			'tokens_completion' => (int) ( $row['tokens_completion'] ?? 0 ),
			'cost_usd'          => $money,
		);
	}
}
