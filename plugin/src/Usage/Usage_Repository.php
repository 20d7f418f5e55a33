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
	);

	/**
	 * Inserts one row. Unknown columns are dropped; null cost/ttft stay NULL.
	 *
	 * @param array<string,mixed> $row Column => value.
	 * @return int Row id, 0 when the insert failed.
	 */
	public function insert( array $row ): int {
		global $wpdb;
		$row += array(
			'created_at' => gmdate( 'Y-m-d H:i:s' ),
			'source'     => 'plugin',
		);
		$data    = array();
		$formats = array();
		foreach ( self::FORMATS as $column => $format ) {
			if ( ! array_key_exists( $column, $row ) || null === $row[ $column ] ) {
				continue;
			}
			$data[ $column ] = $row[ $column ];
			$formats[]       = $format;
		}
		// cost_usd with %f would be rounded to 6 decimals; send it as a string to keep 8.
		if ( isset( $data['cost_usd'] ) ) {
			$data['cost_usd']                                       = sprintf( '%.10F', (float) $data['cost_usd'] );
			$formats[ array_search( 'cost_usd', array_keys( $data ), true ) ] = '%s';
		}
		$ok = $wpdb->insert( Usage_Table::name(), $data, $formats ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		return false === $ok ? 0 : (int) $wpdb->insert_id;
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
}
