<?php
/**
 * The analytics reads of the usage table: sums, buckets, percentiles, spend.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

/**
 * Every query is a prepared statement over a `created_at` range (UTC, half-open) that the
 * indexes serve. The sums are additive (a bucket's or a group's figures add up to the range's),
 * which is why a request is counted by its first row (`attempt = 1`) rather than by
 * COUNT(DISTINCT request_id). The SQL is plain enough for MySQL/MariaDB and the SQLite drop-in
 * alike: CASE instead of IF(), SUBSTR() instead of date functions.
 */
final class Usage_Queries {

	/** Columns a summary may be grouped by, by the name the API uses. */
	public const GROUP_COLUMNS = array(
		'provider' => 'provider',
		'model'    => 'model',
		'task'     => 'task_type',
		'user'     => 'user_id',
	);

	/**
	 * The aggregate columns, each one additive.
	 */
	private static function sums(): string {
		$sql = 'SUM(CASE WHEN attempt = 1 THEN 1 ELSE 0 END) AS requests, COUNT(*) AS attempts,'
			. " SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,"
			. " SUM(CASE WHEN status = 'fallback' THEN 1 ELSE 0 END) AS fallbacks,"
			. ' SUM(tokens_prompt) AS tokens_prompt, SUM(tokens_completion) AS tokens_completion,'
			. " SUM(CASE WHEN status <> 'error' THEN 1 ELSE 0 END) AS served,"
			. " SUM(CASE WHEN status <> 'error' AND ttft_ms IS NOT NULL THEN 1 ELSE 0 END) AS ttft_n,"
			. " SUM(CASE WHEN cost_kind IN ('subscription', 'local') THEN tokens_prompt ELSE 0 END) AS own_prompt,"
			. " SUM(CASE WHEN cost_kind IN ('subscription', 'local') THEN tokens_completion ELSE 0 END) AS own_completion,"
			. " SUM(CASE WHEN cost_kind IN ('subscription', 'local') AND status <> 'error' THEN 1 ELSE 0 END) AS own_served";
		foreach ( Usage_Repository::COST_KINDS as $kind ) {
			$sql .= ", SUM(CASE WHEN cost_kind = '{$kind}' THEN COALESCE(cost_usd, 0) ELSE 0 END) AS cost_{$kind}";
		}
		return $sql;
	}

	/**
	 * Sums over a range, optionally per value of a column.
	 *
	 * @param string      $from  UTC `Y-m-d H:i:s`, inclusive.
	 * @param string      $to    UTC `Y-m-d H:i:s`, exclusive.
	 * @param string|null $group Key of GROUP_COLUMNS, or null for one row.
	 * @return array<int,array<string,mixed>> Rows of sums (with `group_key` when grouped).
	 */
	public function sums_between( string $from, string $to, ?string $group = null ): array {
		global $wpdb;
		$table  = Usage_Table::name();
		$column = null === $group ? null : self::GROUP_COLUMNS[ $group ];
		$select = ( null === $column ? '' : "{$column} AS group_key, " ) . self::sums();
		$sql    = "SELECT {$select} FROM {$table} WHERE created_at >= %s AND created_at < %s"
			. ( null === $column ? '' : " GROUP BY {$column}" );
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- table and columns are constants; values prepared.
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, $from, $to ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Sums per UTC hour (`YYYY-MM-DD HH`) or minute (`YYYY-MM-DD HH:MM`) slot of a range, for
	 * time zones whose bucket edges fall on the hour or only on the minute.
	 *
	 * @param string $from      UTC, inclusive.
	 * @param string $to        UTC, exclusive.
	 * @param bool   $by_minute Minute slots instead of hours.
	 * @return array<int,array<string,mixed>> Rows with `slot`, ordered by slot.
	 */
	public function sums_by_slot( string $from, string $to, bool $by_minute ): array {
		global $wpdb;
		$table = Usage_Table::name();
		$len   = $by_minute ? 16 : 13;
		$sql   = "SELECT SUBSTR(created_at, 1, {$len}) AS slot, " . self::sums()
			. " FROM {$table} WHERE created_at >= %s AND created_at < %s GROUP BY SUBSTR(created_at, 1, {$len}) ORDER BY slot";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$rows = $wpdb->get_results( $wpdb->prepare( $sql, $from, $to ), ARRAY_A );
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * The k-th smallest (from 0) latency or TTFT of the served rows of a range: an exact
	 * percentile once the caller picks k from the count (ORDER BY on the range, no estimate).
	 *
	 * @param string          $column     `latency_ms` or `ttft_ms`.
	 * @param string          $from       UTC, inclusive.
	 * @param string          $to         UTC, exclusive.
	 * @param int             $k          Rank from 0.
	 * @param int             $n          How many rows there are (a rank in the upper half is read
	 *                                    from the top: the database keeps fewer rows while sorting).
	 * @param string|null     $group      Key of GROUP_COLUMNS to restrict to one value.
	 * @param string|int|null $value      That value.
	 */
	public function nth_value( string $column, string $from, string $to, int $k, int $n, ?string $group = null, $value = null ): ?int {
		global $wpdb;
		$table  = Usage_Table::name();
		$column = 'ttft_ms' === $column ? 'ttft_ms' : 'latency_ms';
		$where  = "created_at >= %s AND created_at < %s AND status <> 'error'" . ( 'ttft_ms' === $column ? ' AND ttft_ms IS NOT NULL' : '' );
		$args   = array( $from, $to );
		if ( null !== $group ) {
			$where .= ' AND ' . self::GROUP_COLUMNS[ $group ] . ( 'user' === $group ? ' = %d' : ' = %s' );
			$args[] = $value;
		}
		$top    = $k > intdiv( $n, 2 );
		$args[] = $top ? max( 0, $n - 1 - $k ) : max( 0, $k );
		$order  = $top ? 'DESC' : 'ASC';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT {$column} FROM {$table} WHERE {$where} ORDER BY {$column} {$order} LIMIT 1 OFFSET %d", $args ) );
		return null === $value ? null : (int) $value;
	}

	/**
	 * Dollars billed (metered and estimated) since a time, for the site or one or more users.
	 *
	 * @param string     $since_utc UTC `Y-m-d H:i:s`.
	 * @param int[]|null $users     Users, or null for the whole site.
	 */
	public function billed_since( string $since_utc, ?array $users = null ): float {
		global $wpdb;
		$table = Usage_Table::name();
		$sql   = "SELECT SUM(COALESCE(cost_usd, 0)) FROM {$table} WHERE created_at >= %s AND cost_kind IN ('metered', 'estimated')";
		$args  = array( $since_utc );
		if ( null !== $users ) {
			$users = array() === $users ? array( -1 ) : array_map( 'intval', $users );
			$sql  .= ' AND user_id IN (' . implode( ', ', array_fill( 0, count( $users ), '%d' ) ) . ')';
			$args  = array_merge( $args, $users );
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		return (float) $wpdb->get_var( $wpdb->prepare( $sql, $args ) );
	}

	/**
	 * Average billed cost of the site's last billed answers (what a request in flight is
	 * expected to cost), or null when there are none.
	 *
	 * @param int $last How many answers to average.
	 */
	public function recent_average_cost( int $last = 50 ): ?float {
		global $wpdb;
		$table = Usage_Table::name();
		$sql   = "SELECT AVG(c) FROM (SELECT cost_usd AS c FROM {$table} WHERE cost_kind IN ('metered', 'estimated') AND cost_usd > 0 ORDER BY id DESC LIMIT %d) AS recent";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- constants; values prepared.
		$avg = $wpdb->get_var( $wpdb->prepare( $sql, $last ) );
		return null === $avg ? null : (float) $avg;
	}

	/**
	 * Deletes the rows older than a time.
	 *
	 * @param string $before_utc UTC `Y-m-d H:i:s`.
	 * @return int Rows deleted.
	 */
	public function delete_before( string $before_utc ): int {
		global $wpdb;
		$table = Usage_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table is a constant.
		return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s", $before_utc ) );
	}

	/**
	 * Which of these request ids already have rows.
	 *
	 * @param string[] $request_ids Ids.
	 * @return string[]
	 */
	public function existing_request_ids( array $request_ids ): array {
		global $wpdb;
		if ( array() === $request_ids ) {
			return array();
		}
		$table  = Usage_Table::name();
		$holder = implode( ', ', array_fill( 0, count( $request_ids ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- placeholders only.
		$found = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT request_id FROM {$table} WHERE request_id IN ({$holder})", $request_ids ) );
		return array_map( 'strval', is_array( $found ) ? $found : array() );
	}
}
