<?php
/**
 * POST usage/ingest: who may post, what is refused, idempotency, HMAC and its replay window.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Usage;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Ingest_Secret;
use AgenticWriter\Usage\Usage_Table;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Records carry request ids of this test only; they are removed afterwards.
 */
final class Usage_Ingest_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/usage/ingest';

	/**
	 * Prefix of this run's request ids.
	 *
	 * @var string
	 */
	private string $prefix = '';

	/**
	 * A fresh prefix.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->prefix = 'ingest-test-' . wp_generate_password( 8, false ) . '-';
	}

	/**
	 * Removes the ingested rows.
	 */
	protected function tearDown(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Usage_Table::name() . ' WHERE request_id LIKE %s', $wpdb->esc_like( $this->prefix ) . '%' ) );
		parent::tearDown();
	}

	/**
	 * A batch of n valid records.
	 *
	 * @param int $n Records.
	 * @return array<string,mixed>
	 */
	private function batch( int $n ): array {
		$records = array();
		for ( $i = 0; $i < $n; $i++ ) {
			$records[] = array(
				'request_id'        => $this->prefix . $i,
				'created_at'        => '2026-12-01T10:0' . $i . ':00+01:00',
				'provider'          => 'litellm',
				'model'             => 'openai/gpt-4o',
				'task_type'         => 'chat',
				'tokens_prompt'     => 1000,
				'tokens_completion' => 100,
				'cost_usd'          => 0 === $i ? null : 0.5,
				'latency_ms'        => 1200,
			);
		}
		return array(
			'source'  => 'py-router',
			'records' => $records,
		);
	}

	/**
	 * Rows written for this test.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	private function rows(): array {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test read.
		return (array) $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Usage_Table::name() . ' WHERE request_id LIKE %s ORDER BY request_id', $wpdb->esc_like( $this->prefix ) . '%' ), ARRAY_A );
	}

	/**
	 * Signed headers for a body.
	 *
	 * @param string   $body   Raw body.
	 * @param string   $secret Secret.
	 * @param int|null $at     Timestamp.
	 * @return string[]
	 */
	private static function signed( string $body, string $secret, ?int $at = null ): array {
		$at = $at ?? time();
		return array( 'X-Agentic-Writer-Timestamp: ' . $at, 'X-Agentic-Writer-Signature: sha256=' . hash_hmac( 'sha256', $at . '.' . $body, $secret ) );
	}

	/**
	 * No credentials: 401; an editor: 403; an administrator: accepted.
	 */
	public function test_only_administrators_or_signed_senders(): void {
		$anonymous = $this->rest( 'POST', self::ROUTE, null, $this->batch( 1 ) );
		$this->assertSame( 401, $anonymous['status'], $anonymous['body'] );
		$this->assertSame( 'agentic_writer_forbidden', $anonymous['json']['code'] );
		$this->assertSame( 403, $this->rest( 'POST', self::ROUTE, 'editor', $this->batch( 1 ) )['status'] );
		$this->assertSame( array(), $this->rows() );
	}

	/**
	 * The same batch twice is written once; the rows are as sent, times in UTC, costs known.
	 */
	public function test_the_same_batch_twice_counts_once(): void {
		$first = $this->rest( 'POST', self::ROUTE, 'admin', $this->batch( 3 ) );
		$this->assertSame( 200, $first['status'], $first['body'] );
		$this->assertSame( array( 'accepted' => 3, 'duplicates' => 0 ), $first['json'] );
		$again = $this->rest( 'POST', self::ROUTE, 'admin', $this->batch( 4 ) );
		$this->assertSame( array( 'accepted' => 1, 'duplicates' => 3 ), $again['json'] );
		$rows = $this->rows();
		$this->assertCount( 4, $rows );
		$this->assertSame( '2026-12-01 09:00:00', $rows[0]['created_at'] );
		$this->assertSame( 'ingest:py-router', $rows[0]['source'] );
		// No cost sent: priced from the catalogue (gpt-4o: $2.5 / $10 per million), estimated.
		$this->assertSame( 'estimated', $rows[0]['cost_kind'] );
		$this->assertEqualsWithDelta( 1000 * 0.0000025 + 100 * 0.00001, (float) $rows[0]['cost_usd'], 1e-9 );
		$this->assertSame( array( 'metered', 0.5 ), array( $rows[1]['cost_kind'], (float) $rows[1]['cost_usd'] ) );
	}

	/**
	 * A bad record is a 400 naming it, and nothing of the batch is written.
	 */
	public function test_bad_payload_names_the_field(): void {
		$batch                                  = $this->batch( 5 );
		$batch['records'][3]['tokens_prompt']   = -4;
		$response                               = $this->rest( 'POST', self::ROUTE, 'admin', $batch );
		$this->assertSame( 400, $response['status'], $response['body'] );
		$this->assertSame( 'agentic_writer_invalid_param', $response['json']['code'] );
		$this->assertSame( 'records[3][tokens_prompt]', $response['json']['data']['field'] );
		$batch                                = $this->batch( 2 );
		$batch['records'][1]['created_at']    = 'last tuesday';
		$this->assertSame( 'records[1][created_at]', $this->rest( 'POST', self::ROUTE, 'admin', $batch )['json']['data']['field'] );
		$this->assertSame( 'source', $this->rest( 'POST', self::ROUTE, 'admin', array( 'source' => 'Bad Name' ) + $this->batch( 1 ) )['json']['data']['field'] );
		$this->assertSame( array(), $this->rows() );
		$huge = $this->rest( 'POST', self::ROUTE, 'admin', '{"source":"x","records":[],"pad":"' . str_repeat( 'a', 1100000 ) . '"}' );
		$this->assertSame( 413, $huge['status'] );
	}

	/**
	 * A signed body is accepted without a user; a wrong signature, a changed body or an old
	 * timestamp (a replay) is a 401.
	 */
	public function test_hmac_signature_and_replay_window(): void {
		$secret = Ingest_Secret::rotate();
		$body   = (string) wp_json_encode( $this->batch( 2 ) );
		$ok     = $this->rest( 'POST', self::ROUTE, null, $body, self::signed( $body, $secret ) );
		$this->assertSame( 200, $ok['status'], $ok['body'] );
		$this->assertSame( 2, $ok['json']['accepted'] );
		$this->assertSame( '0', $this->rows()[0]['user_id'] );

		$other = (string) wp_json_encode( $this->batch( 3 ) );
		foreach ( array(
			'wrong secret'   => self::signed( $other, 'not-the-secret' ),
			'changed body'   => self::signed( $body, $secret ),
			'replayed later' => self::signed( $other, $secret, time() - Ingest_Secret::WINDOW - 5 ),
		) as $case => $headers ) {
			$refused = $this->rest( 'POST', self::ROUTE, null, $other, $headers );
			$this->assertSame( 401, $refused['status'], $case );
			$this->assertSame( 'agentic_writer_bad_signature', $refused['json']['code'], $case );
		}
		$this->assertCount( 2, $this->rows() );
		$rotated = $this->rest( 'POST', self::ROUTE . '/secret', 'admin' );
		$this->assertSame( 200, $rotated['status'] );
		$this->assertSame( 401, $this->rest( 'POST', self::ROUTE, null, $other, self::signed( $other, $secret ) )['status'], 'the old secret stops working' );
		$this->assertSame( 200, $this->rest( 'POST', self::ROUTE, null, $other, self::signed( $other, $rotated['json']['secret'] ) )['status'] );
		$settings = $this->rest( 'GET', '/agentic-writer/v1/settings', 'admin' )['json']['ingest'];
		$this->assertTrue( $settings['secret_set'] );
		$this->assertSame( '…' . substr( $rotated['json']['secret'], -4 ), $settings['secret_hint'] );
		$this->assertStringNotContainsString( $rotated['json']['secret'], (string) wp_json_encode( $settings ) );
	}
}
