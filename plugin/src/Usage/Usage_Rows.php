<?php
/**
 * Pages of usage rows: the breakdown table, fallback and error events, the CSV export.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

/**
 * Filters are column = value pairs from a fixed list; sorting by a fixed list of columns, with
 * the id as tie-breaker so pages never overlap.
 */
final class Usage_Rows {

	/** Filter name => column and placeholder. */
	public const FILTERS = array(
		'provider'  => array( 'provider', '%s' ),
		'model'     => array( 'model', '%s' ),
		'task'      => array( 'task_type', '%s' ),
		'user'      => array( 'user_id', '%d' ),
		'status'    => array( 'status', '%s' ),
		'cost_kind' => array( 'cost_kind', '%s' ),
		'source'    => array( 'source', '%s' ),
	);

	/** Columns the breakdown may be sorted by. */
	public const SORTABLE = array( 'created_at', 'cost_usd', 'latency_ms', 'ttft_ms', 'tokens_total', 'tokens_prompt', 'tokens_completion' );

	/** Columns a row is shown with (the table's, in order). */
	public const SHOWN = 'id, created_at, user_id, post_id, request_id, task_type, provider, model, tokens_prompt, tokens_completion, tokens_total,'
		. ' cost_usd, cost_kind, latency_ms, ttft_ms, status, fallback_from, error_code, source, attempt';

	/**
	 * One page of rows and how many there are in all.
	 *
	 * @param string               $from    UTC, inclusive.
	 * @param string               $to      UTC, exclusive.
	 * @param array<string,mixed>  $filters Filter name => value.
	 * @param string               $orderby One of SORTABLE.
	 * @param string               $order   asc|desc.
	 * @param int                  $limit   Rows.
	 * @param int                  $offset  Rows skipped.
	 * @return array{rows:array<int,array<string,mixed>>,total:int}
	 */
	public function page( string $from, string $to, array $filters, string $orderby, string $order, int $limit, int $offset ): array {
		global $wpdb;
		$table = Usage_Table::name();
		[ $where, $args ] = self::where( $from, $to, $filters );
		$orderby          = in_array( $orderby, self::SORTABLE, true ) ? $orderby : 'created_at';
		$order            = 'asc' === strtolower( $order ) ? 'ASC' : 'DESC';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where}", $args ) );
		$sql   = 'SELECT ' . self::SHOWN . " FROM {$table} WHERE {$where} ORDER BY {$orderby} {$order}, id {$order} LIMIT %d OFFSET %d";
		$rows  = $wpdb->get_results( $wpdb->prepare( $sql, array_merge( $args, array( $limit, $offset ) ) ), ARRAY_A );
		// phpcs:enable
		return array(
			'rows'  => is_array( $rows ) ? $rows : array(),
			'total' => $total,
		);
	}

	/**
	 * Fallbacks and errors of a range, newest first.
	 *
	 * @param string $from   UTC, inclusive.
	 * @param string $to     UTC, exclusive.
	 * @param int    $limit  Rows.
	 * @param int    $offset Rows skipped.
	 * @return array{rows:array<int,array<string,mixed>>,total:int}
	 */
	public function events( string $from, string $to, int $limit, int $offset ): array {
		global $wpdb;
		$table = Usage_Table::name();
		$where = "status IN ('error', 'fallback') AND created_at >= %s AND created_at < %s";
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where}", $from, $to ) );
		$sql   = 'SELECT ' . self::SHOWN . " FROM {$table} WHERE {$where} ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d";
		$rows  = $wpdb->get_results( $wpdb->prepare( $sql, $from, $to, $limit, $offset ), ARRAY_A );
		// phpcs:enable
		return array(
			'rows'  => is_array( $rows ) ? $rows : array(),
			'total' => $total,
		);
	}

	/**
	 * Every row of some requests, oldest first (to tell who answered after a failure).
	 *
	 * @param string[] $request_ids Ids.
	 * @return array<int,array<string,mixed>>
	 */
	public function of_requests( array $request_ids ): array {
		global $wpdb;
		$request_ids = array_values( array_unique( array_filter( $request_ids, static fn ( string $id ): bool => '' !== $id ) ) );
		if ( array() === $request_ids ) {
			return array();
		}
		$table  = Usage_Table::name();
		$holder = implode( ', ', array_fill( 0, count( $request_ids ), '%s' ) );
		$sql    = 'SELECT ' . self::SHOWN . " FROM {$table} WHERE request_id IN ({$holder}) ORDER BY id ASC";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- placeholders only.
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, $request_ids ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Rows of a range after an id, in id order (the CSV export reads the range in chunks).
	 *
	 * @param string $from     UTC, inclusive.
	 * @param string $to       UTC, exclusive.
	 * @param int    $after_id Last id already read.
	 * @param int    $limit    Rows.
	 * @return array<int,array<string,mixed>>
	 */
	public function chunk( string $from, string $to, int $after_id, int $limit ): array {
		global $wpdb;
		$table = Usage_Table::name();
		$sql   = 'SELECT ' . self::SHOWN . " FROM {$table} WHERE created_at >= %s AND created_at < %s AND id > %d ORDER BY id ASC LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, $from, $to, $after_id, $limit ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * WHERE clause and values for a range and filters.
	 *
	 * @param string              $from    UTC, inclusive.
	 * @param string              $to      UTC, exclusive.
	 * @param array<string,mixed> $filters Filter name => value.
	 * @return array{0:string,1:array<int,mixed>}
	 */
	private static function where( string $from, string $to, array $filters ): array {
		$where = 'created_at >= %s AND created_at < %s';
		$args  = array( $from, $to );
		foreach ( self::FILTERS as $name => [ $column, $holder ] ) {
			if ( isset( $filters[ $name ] ) && '' !== $filters[ $name ] ) {
				$where .= " AND {$column} = {$holder}";
				$args[] = $filters[ $name ];
			}
		}
		return array( $where, $args );
	}
}
