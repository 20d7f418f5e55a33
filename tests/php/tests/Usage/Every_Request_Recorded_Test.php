<?php
/**
 * Nothing lost: every request that reached the router leaves a usage row, whatever ended it.
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
 * Real requests to the running site; faults no upstream can cause (an exception, a PHP fatal
 * error) come from the fixture mu-plugin, installed for this class only.
 */
final class Every_Request_Recorded_Test extends Provider_Http_Test_Case {

	private const GENERATE = '/agentic-writer/v1/generate';

	private const FAULT = array( 'x-aw-test-fault: 1' );

	/**
	 * Installs the fault fixture.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::fault_fixture( true );
	}

	/**
	 * Removes it.
	 */
	public static function tearDownAfterClass(): void {
		self::fault_fixture( false );
		parent::tearDownAfterClass();
	}

	/**
	 * No provider can serve the task: the 503 carries a request id and the request has a row.
	 */
	public function test_no_provider_configured_leaves_a_row(): void {
		$this->configure(
			array(
				'provider_mode' => 'local',
				'providers'     => array(
					'local_backend'     => array( 'api_key' => null ),
					'openai_compatible' => array(),
				),
			)
		);
		$json = $this->rest( 'POST', self::GENERATE, 'editor', array( 'task' => 'chat', 'prompt' => 'Anyone?' ) );
		$sse  = $this->sse( array( 'task' => 'writing', 'prompt' => 'Anyone?' ), 'editor' );

		$this->assertSame( 503, $json['status'], $json['body'] );
		$this->assertSame( 'agentic_writer_no_provider', $json['json']['code'] );
		$this->assertSame( 503, $sse['status'], 'no stream without a provider' );
		foreach ( array( $json['json'], json_decode( $sse['raw'], true ) ) as $body ) {
			$rows = $this->usage_rows( (string) $body['data']['request_id'] );
			$this->assertCount( 1, $rows );
			$this->assertSame( array( 'error', 'no_provider', '' ), array( $rows[0]['status'], $rows[0]['error_code'], $rows[0]['provider'] ) );
		}
	}

	/**
	 * An exception inside a provider: the person gets a plain 500 or `error` event with the
	 * request id (no internals), the PHP error log the details, the request its row.
	 */
	public function test_an_exception_leaves_a_row_and_a_clean_error(): void {
		$body = array(
			'task'     => 'chat',
			'prompt'   => 'Break please',
			'provider' => 'openai_compatible:test-throws',
		);
		$json = $this->rest( 'POST', self::GENERATE, 'admin', $body, self::FAULT );
		$this->assertSame( 500, $json['status'], $json['body'] );
		$this->assertSame( 'agentic_writer_internal_error', $json['json']['code'] );
		$this->assertStringNotContainsString( '10.20.30.40', $json['body'] );
		$this->assertStringNotContainsString( '/srv/internal', $json['body'] );
		$id   = (string) $json['json']['data']['request_id'];
		$rows = $this->usage_rows( $id );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( 'error', 'internal_error', 'openai_compatible:test-throws' ), array( $rows[0]['status'], $rows[0]['error_code'], $rows[0]['provider'] ) );
		$log = (string) file_get_contents( WP_CONTENT_DIR . '/debug.log' );
		$this->assertStringContainsString( "request {$id} failed with RuntimeException: Fixture exception", $log, 'the details are in the log' );

		$out = $this->sse( array( 'task' => 'writing' ) + $body, 'admin', null, self::FAULT );
		$this->assertSame( array( 'start', 'delta', 'error', 'done' ), self::types( $out['events'] ) );
		$error = $this->event( $out['events'], 'error' );
		$this->assertSame( 'agentic_writer_internal_error', $error['code'] );
		$this->assertStringNotContainsString( '10.20.30.40', $out['raw'] );
		$this->assertFalse( $this->event( $out['events'], 'done' )['ok'] );
		$rows = $this->usage_rows( (string) $this->event( $out['events'], 'start' )['request_id'] );
		$this->assertSame( array( 'internal_error' ), array_column( $rows, 'error_code' ) );
	}

	/**
	 * A PHP fatal error (not catchable) in the middle of a request: the stream still ends with
	 * `error` and `done`, the request has its row, and its slot comes back (two such requests,
	 * then a third one is served, not refused as a third at once).
	 */
	public function test_a_fatal_error_leaves_a_row_ends_the_stream_and_frees_the_slot(): void {
		$body = array(
			'task'     => 'writing',
			'prompt'   => 'Crash please',
			'provider' => 'openai_compatible:test-fatal',
		);
		$out = $this->sse( $body, 'admin', null, self::FAULT );
		$this->assertSame( array( 'start', 'delta', 'error', 'done' ), self::types( $out['events'] ) );
		$this->assertSame( 'agentic_writer_internal_error', $this->event( $out['events'], 'error' )['code'] );
		$stream_id = (string) $this->event( $out['events'], 'start' )['request_id'];
		$this->assertSame( $stream_id, $this->event( $out['events'], 'error' )['request_id'] );

		$json = $this->rest( 'POST', self::GENERATE, 'admin', array( 'task' => 'chat' ) + $body, self::FAULT );
		$this->assertSame( 500, $json['status'], 'WordPress\'s critical error page' );

		$after = $this->rest( 'POST', self::GENERATE, 'admin', array( 'task' => 'chat', 'prompt' => 'Still serving?' ) );
		$this->assertSame( 200, $after['status'], 'both slots came back: ' . $after['body'] );

		$rows = $this->usage_rows( $stream_id );
		$this->assertSame( array( array( 'error', 'internal_error', 'openai_compatible:test-fatal' ) ), array_map( static fn ( array $r ): array => array( $r['status'], $r['error_code'], $r['provider'] ), $rows ) );
		global $wpdb;
		$table = Usage_Table::name();
		$fatal = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE error_code = %s AND created_at >= %s", 'internal_error', gmdate( 'Y-m-d H:i:s', time() - 60 ) ) ); // phpcs:ignore
		$this->assertGreaterThanOrEqual( 2, $fatal, 'the JSON request\'s row too' );
	}

	/**
	 * A usage row the database refuses is not dropped silently: the PHP error log gets it whole.
	 */
	public function test_a_failed_insert_is_logged(): void {
		$log   = (string) tempnam( sys_get_temp_dir(), 'aw-error-log' );
		$saved = ini_set( 'error_log', $log ); // phpcs:ignore WordPress.PHP.IniSet
		$break = static fn ( string $sql ): string => str_contains( $sql, 'agentic_writer_usage (' ) ? str_replace( 'agentic_writer_usage (', 'agentic_writer_usage_gone (', $sql ) : $sql;
		add_filter( 'query', $break );
		global $wpdb;
		$wpdb->suppress_errors( true );
		try {
			$written = ( new Usage_Repository() )->insert(
				array(
					'request_id' => 'lost-row-0001',
					'task_type'  => 'chat',
					'provider'   => 'openrouter',
					'status'     => 'ok',
				)
			);
		} finally {
			$wpdb->suppress_errors( false );
			remove_filter( 'query', $break );
			ini_set( 'error_log', (string) $saved ); // phpcs:ignore WordPress.PHP.IniSet
		}
		$this->assertFalse( $written );
		$logged = (string) file_get_contents( $log );
		unlink( $log );
		$this->assertStringContainsString( 'Agentic Writer: could not write a usage row', $logged );
		$this->assertStringContainsString( '"request_id":"lost-row-0001"', $logged );
	}
}
