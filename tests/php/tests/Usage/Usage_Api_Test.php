<?php
/**
 * usage/summary, timeseries, breakdown, events and export over real HTTP: sums equal the rows,
 * buckets follow the site's clock across a DST change, percentiles are exact.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Usage;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Usage_Repository;
use AgenticWriter\Usage\Usage_Table;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * The rows live in October 2030 (Europe/Berlin leaves summer time on 2030-10-27 at 03:00
 * CEST = 01:00 UTC), a range no other test writes to; they are removed before and after.
 */
final class Usage_Api_Test extends Provider_Http_Test_Case {

	private const FROM_UTC = '2030-10-20 00:00:00';
	private const TO_UTC   = '2030-11-02 00:00:00';

	/**
	 * Time zone options before the test.
	 *
	 * @var array<string,mixed>
	 */
	private array $saved_zone = array();

	/**
	 * Site in Europe/Berlin, no rows in the range.
	 */
	protected function setUp(): void {
		parent::setUp();
		foreach ( array( 'timezone_string', 'gmt_offset' ) as $option ) {
			$this->saved_zone[ $option ] = get_option( $option );
		}
		$this->zone( 'Europe/Berlin' );
		$this->clear();
	}

	/**
	 * Rows and zone back.
	 */
	protected function tearDown(): void {
		$this->clear();
		foreach ( $this->saved_zone as $option => $value ) {
			update_option( $option, $value );
		}
		parent::tearDown();
	}

	/**
	 * Sets the site's zone.
	 *
	 * @param string $zone Zone name.
	 */
	private function zone( string $zone ): void {
		update_option( 'timezone_string', $zone );
		update_option( 'gmt_offset', '' );
	}

	/**
	 * Deletes the test range's rows.
	 */
	private function clear(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Usage_Table::name() . ' WHERE created_at >= %s AND created_at < %s', self::FROM_UTC, self::TO_UTC ) );
	}

	/**
	 * Writes one row.
	 *
	 * @param string              $at  UTC time.
	 * @param array<string,mixed> $row Columns that differ from a plain ok row.
	 * @return array<string,mixed> The row as written.
	 */
	private function row( string $at, array $row = array() ): array {
		$row += array(
			'created_at'        => $at,
			'request_id'        => wp_generate_uuid4(),
			'task_type'         => 'chat',
			'provider'          => 'openrouter',
			'model'             => 'openai/gpt-4o-mini',
			'status'            => 'ok',
			'cost_kind'         => 'metered',
			'cost_usd'          => 0.001,
			'tokens_prompt'     => 10,
			'tokens_completion' => 5,
			'latency_ms'        => 100,
			'attempt'           => 1,
		);
		$this->assertTrue( ( new Usage_Repository() )->insert( $row ) );
		return $row;
	}

	/**
	 * A varied day of rows around the DST change, and the totals they must give.
	 *
	 * @return array<string,mixed> Expected totals (ints exact, costs by kind).
	 */
	private function seed_dst_rows(): array {
		$rows   = array();
		$rows[] = $this->row( '2030-10-25 22:00:00' );                         // 2030-10-26 00:00 CEST: first hour of the range.
		$rows[] = $this->row( '2030-10-26 21:59:59', array( 'cost_usd' => 0.5 ) ); // 23:59:59 CEST, still the 26th.
		$rows[] = $this->row( '2030-10-26 22:00:00', array( 'tokens_prompt' => 1000, 'cost_kind' => 'subscription', 'provider' => 'local_backend', 'cost_usd' => 0.02 ) );
		$rows[] = $this->row( '2030-10-27 00:30:00', array( 'tokens_completion' => 7 ) ); // 02:30 CEST (first 02:xx).
		$rows[] = $this->row( '2030-10-27 01:30:00', array( 'tokens_completion' => 9, 'cost_kind' => 'estimated', 'cost_usd' => 0.25 ) ); // 02:30 CET (second).
		$failed = wp_generate_uuid4();
		$rows[] = $this->row( '2030-10-27 05:00:00', array( 'request_id' => $failed, 'status' => 'error', 'error_code' => 'timeout', 'cost_usd' => null, 'cost_kind' => 'estimated', 'tokens_prompt' => 0, 'tokens_completion' => 0, 'latency_ms' => 5000 ) );
		$rows[] = $this->row( '2030-10-27 05:00:06', array( 'request_id' => $failed, 'attempt' => 2, 'status' => 'fallback', 'fallback_from' => 'openrouter', 'provider' => 'anthropic', 'model' => 'claude-sonnet-4-5' ) );
		$rows[] = $this->row( '2030-10-27 22:59:59', array( 'cost_kind' => 'local', 'cost_usd' => null, 'provider' => 'openai_compatible:lab' ) ); // 23:59:59 CET.
		$rows[] = $this->row( '2030-10-27 23:00:00', array( 'cost_usd' => 3.0 ) ); // 2030-10-28 00:00 CET.
		$rows[] = $this->row( '2030-10-25 21:59:59', array( 'cost_usd' => 100.0 ) ); // The 25th: outside.
		$rows[] = $this->row( '2030-10-28 23:00:00', array( 'cost_usd' => 100.0 ) ); // The 29th: outside.
		$inside = array_slice( $rows, 0, 9 );
		$money  = array_fill_keys( array( 'metered', 'estimated', 'subscription', 'local' ), 0.0 );
		foreach ( $inside as $r ) {
			$money[ $r['cost_kind'] ] += (float) $r['cost_usd'];
		}
		return array(
			'requests'          => 8,
			'attempts'          => 9,
			'errors'            => 1,
			'fallbacks'         => 1,
			'tokens_prompt'     => array_sum( array_column( $inside, 'tokens_prompt' ) ),
			'tokens_completion' => array_sum( array_column( $inside, 'tokens_completion' ) ),
			'cost_usd'          => $money,
		);
	}

	/**
	 * Summary totals equal the rows of the range, and the groups add up to them.
	 */
	public function test_summary_totals_equal_the_rows(): void {
		$expected = $this->seed_dst_rows();
		$response = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2030-10-26&to=2030-10-28&group_by=provider' );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$body = $response['json'];
		$this->assertSame( array( '2030-10-26', '2030-10-28', 'Europe/Berlin' ), array( $body['from'], $body['to'], $body['timezone'] ) );
		foreach ( array( 'requests', 'attempts', 'errors', 'fallbacks', 'tokens_prompt', 'tokens_completion' ) as $key ) {
			$this->assertSame( $expected[ $key ], $body['totals'][ $key ], $key );
			$this->assertSame( $expected[ $key ], array_sum( array_column( $body['groups'], $key ) ), "groups' {$key}" );
		}
		foreach ( $expected['cost_usd'] as $kind => $usd ) {
			$this->assertEqualsWithDelta( $usd, $body['totals']['cost_usd'][ $kind ], 1e-8, $kind );
		}
		// Most requests first; a fallback's provider has an attempt, not a request; ties by name.
		$this->assertSame( array( 'openrouter', 'local_backend', 'openai_compatible:lab', 'anthropic' ), array_column( $body['groups'], 'key' ) );
		$days = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2030-10-26&to=2030-10-28&group_by=day' )['json'];
		$this->assertSame( array( '2030-10-26', '2030-10-27', '2030-10-28' ), array_column( $days['groups'], 'key' ) );
		$this->assertSame( array( 2, 6, 1 ), array_column( array_column( $days['groups'], null ), 'attempts' ) );
		$this->assertSame( $expected['requests'], array_sum( array_column( $days['groups'], 'requests' ) ) );
	}

	/**
	 * Hourly buckets follow the Berlin clock: 24 + 25 + 24 of them, the repeated 02:00 hour
	 * twice with its own offset; the points add up to the summary of the same range, as do the
	 * daily ones.
	 */
	public function test_timeseries_across_a_dst_change_sums_to_the_summary(): void {
		$expected = $this->seed_dst_rows();
		$hours    = $this->rest( 'GET', '/agentic-writer/v1/usage/timeseries?from=2030-10-26&to=2030-10-28&bucket=hour' );
		$this->assertSame( 200, $hours['status'], $hours['body'] );
		$points = $hours['json']['points'];
		$this->assertCount( 24 + 25 + 24, $points );
		$this->assertSame( '2030-10-26T00:00:00+02:00', $points[0]['start'] );
		$this->assertSame( '2030-10-27T02:00:00+02:00', $points[26]['start'] );
		$this->assertSame( '2030-10-27T02:00:00+01:00', $points[27]['start'] );
		$this->assertSame( '2030-10-28T00:00:00+01:00', $points[49]['start'] );
		$this->assertSame( array( 7, 9 ), array( $points[26]['tokens_completion'], $points[27]['tokens_completion'] ) );
		$this->assertSame( 1, $points[0]['requests'] );
		$this->assertSame( 1, $points[23]['requests'], '23:59:59 CEST is the last hour of the 26th' );
		$days = $this->rest( 'GET', '/agentic-writer/v1/usage/timeseries?from=2030-10-26&to=2030-10-28&bucket=day' )['json']['points'];
		$this->assertSame( array( '2030-10-26T00:00:00+02:00', '2030-10-27T00:00:00+02:00', '2030-10-28T00:00:00+01:00' ), array_column( $days, 'start' ) );
		foreach ( array( $points, $days ) as $series ) {
			foreach ( array( 'requests', 'errors', 'fallbacks', 'tokens_prompt', 'tokens_completion' ) as $key ) {
				$this->assertSame( $expected[ $key ], array_sum( array_column( $series, $key ) ), $key );
			}
			foreach ( $expected['cost_usd'] as $kind => $usd ) {
				$this->assertEqualsWithDelta( $usd, array_sum( array_column( array_column( $series, 'cost_usd' ), $kind ) ), 1e-8, $kind );
			}
		}
	}

	/**
	 * A zone half an hour off UTC (India): buckets start at :30 UTC and still add up.
	 */
	public function test_half_hour_zone_buckets_add_up(): void {
		$this->zone( 'Asia/Kolkata' );
		$this->row( '2030-10-26 18:29:59' ); // 23:59:59 IST on the 26th.
		$this->row( '2030-10-26 18:30:00', array( 'tokens_prompt' => 50 ) ); // 00:00 IST on the 27th.
		$points = $this->rest( 'GET', '/agentic-writer/v1/usage/timeseries?from=2030-10-27&to=2030-10-27&bucket=hour' )['json']['points'];
		$this->assertCount( 24, $points );
		$this->assertSame( '2030-10-27T00:00:00+05:30', $points[0]['start'] );
		$this->assertSame( array( 1, 50 ), array( array_sum( array_column( $points, 'requests' ) ), $points[0]['tokens_prompt'] ) );
		$summary = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2030-10-27&to=2030-10-27' )['json'];
		$this->assertSame( 1, $summary['totals']['requests'] );
	}

	/**
	 * p50/p95 by nearest rank over the answered calls (errors left out), latency and TTFT.
	 */
	public function test_percentiles_are_exact(): void {
		foreach ( range( 1, 100 ) as $i ) {
			$this->row( sprintf( '2030-10-21 10:%02d:%02d', intdiv( $i, 60 ), $i % 60 ), array( 'latency_ms' => $i * 10, 'ttft_ms' => $i <= 20 ? $i : null ) );
		}
		$this->row( '2030-10-21 11:00:00', array( 'status' => 'error', 'latency_ms' => 999999, 'ttft_ms' => 999999 ) );
		$totals = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2030-10-21&to=2030-10-21' )['json']['totals'];
		$this->assertSame(
			array( 500, 950, 10, 19 ),
			array( $totals['latency_ms_p50'], $totals['latency_ms_p95'], $totals['ttft_ms_p50'], $totals['ttft_ms_p95'] )
		);
		$empty = $this->rest( 'GET', '/agentic-writer/v1/usage/summary?from=2030-10-23&to=2030-10-23' )['json']['totals'];
		$this->assertNull( $empty['latency_ms_p50'] );
	}

	/**
	 * Breakdown pages, sorts and filters; events name the reason and who answered instead.
	 */
	public function test_breakdown_and_events(): void {
		$this->seed_dst_rows();
		$url  = '/agentic-writer/v1/usage/breakdown?from=2030-10-26&to=2030-10-28&orderby=cost_usd&order=desc&per_page=2';
		$page = $this->rest( 'GET', $url );
		$this->assertSame( 200, $page['status'], $page['body'] );
		$this->assertSame( 9, $page['json']['total'] );
		$this->assertSame( '5', $page['headers']['x-wp-totalpages'] );
		$this->assertEquals( array( 3.0, 0.5 ), array_column( $page['json']['rows'], 'cost_usd' ) );
		$this->assertSame( '2030-10-27T23:00:00Z', $page['json']['rows'][0]['created_at'] );
		$second = $this->rest( 'GET', $url . '&page=2' )['json']['rows'];
		$this->assertEquals( array( 0.25, 0.02 ), array_column( $second, 'cost_usd' ) );
		$filtered = $this->rest( 'GET', '/agentic-writer/v1/usage/breakdown?from=2030-10-26&to=2030-10-28&provider=anthropic' )['json'];
		$this->assertSame( array( 'anthropic' ), array_column( $filtered['rows'], 'provider' ) );

		$events = $this->rest( 'GET', '/agentic-writer/v1/usage/events?from=2030-10-26&to=2030-10-28' )['json'];
		$this->assertSame( 2, $events['total'] );
		$this->assertSame( array( 'fallback', 'error' ), array_column( $events['events'], 'type' ) );
		$this->assertSame( array( 'openrouter', 'timeout', 'anthropic' ), array( $events['events'][0]['provider'], $events['events'][0]['reason'], $events['events'][0]['answered_by'] ) );
		$this->assertSame( array( 'openrouter', 'timeout', 'anthropic' ), array( $events['events'][1]['provider'], $events['events'][1]['reason'], $events['events'][1]['answered_by'] ) );
	}

	/**
	 * The export is a CSV file of the range's rows, formula-looking cells defused.
	 */
	public function test_csv_export(): void {
		$this->seed_dst_rows();
		$this->row( '2030-10-26 12:00:00', array( 'model' => '=HYPERLINK("x")' ) );
		$response = $this->rest( 'GET', '/agentic-writer/v1/usage/export?from=2030-10-26&to=2030-10-28' );
		$this->assertSame( 200, $response['status'] );
		$this->assertStringStartsWith( 'text/csv', $response['headers']['content-type'] );
		$this->assertStringContainsString( 'agentic-writer-usage-2030-10-26-to-2030-10-28.csv', $response['headers']['content-disposition'] );
		$lines = array_values( array_filter( explode( "\n", $response['body'] ) ) );
		$this->assertCount( 1 + 10, $lines );
		$this->assertStringStartsWith( 'id,created_at,user_id', $lines[0] );
		$this->assertStringContainsString( '"\'=HYPERLINK(""x"")"', $response['body'] );
	}

	/**
	 * Bad ranges are 400s that name the field.
	 */
	public function test_bad_ranges_name_the_field(): void {
		foreach ( array(
			'summary?from=2030-10-28&to=2030-10-26'        => 'from',
			'summary?from=2030-02-30'                      => 'from',
			'summary?to=yesterday'                         => 'to',
			'summary?group_by=planet'                      => 'group_by',
			'timeseries?from=2030-01-01&to=2030-12-31&bucket=hour' => 'from',
			'breakdown?per_page=1000'                      => 'per_page',
		) as $query => $field ) {
			$response = $this->rest( 'GET', '/agentic-writer/v1/usage/' . $query );
			$this->assertSame( 400, $response['status'], $query );
			$this->assertSame( 'agentic_writer_invalid_param', $response['json']['code'], $query );
			$this->assertSame( $field, $response['json']['data']['field'], $query );
		}
	}
}
