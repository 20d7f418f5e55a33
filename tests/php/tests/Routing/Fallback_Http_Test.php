<?php
/**
 * Routing over real HTTP: fallback triggers, streams, the circuit breaker.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Routing;

use AgenticWriter\Admin\Fallback_Notice;
use AgenticWriter\Routing\Routing_Rules;
use AgenticWriter\Routing\Site_Providers;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Local backend first, OpenRouter behind it; failures scripted at the mock per upstream path.
 */
final class Fallback_Http_Test extends Provider_Http_Test_Case {

	private const LOCAL_PATH = '/v1/messages';
	private const CLOUD_PATH = '/api/v1/chat/completions';

	/**
	 * Local backend first in hybrid mode.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'local_backend' ) ) ) );
	}

	/**
	 * Non-stream generate.
	 *
	 * @param string $prompt Prompt.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	private function generate( string $prompt = 'Route me' ): array {
		return $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'   => 'chat',
				'prompt' => $prompt,
			)
		);
	}

	/**
	 * Asserts a request was served by OpenRouter after the local backend failed for $reason,
	 * and that the usage table holds one error row and one fallback row.
	 *
	 * @param array<string,mixed> $response Response.
	 * @param string              $reason   Expected reason.
	 */
	private function assert_fell_back( array $response, string $reason ): void {
		$this->assertSame( 200, $response['status'], $response['body'] );
		$body = $response['json'];
		$this->assertSame( 'openrouter', $body['provider'] );
		$this->assertSame(
			array(
				array(
					'from'   => 'local_backend',
					'reason' => $reason,
				),
			),
			$body['fallbacks']
		);
		$rows = $this->usage_rows( $body['request_id'], 2 );
		$this->assertCount( 2, $rows );
		$this->assertSame( array( 'local_backend', 'error', $reason ), array( $rows[0]['provider'], $rows[0]['status'], $rows[0]['error_code'] ) );
		$this->assertSame( array( 'openrouter', 'fallback', 'local_backend' ), array( $rows[1]['provider'], $rows[1]['status'], $rows[1]['fallback_from'] ) );
	}

	/**
	 * With no settings but an OpenRouter key, every task goes to OpenRouter, as before.
	 */
	public function test_defaults_route_every_task_to_openrouter(): void {
		$this->configure( array( 'providers' => array( 'openrouter' => array( 'api_key' => 'sk-or-only-0123456789' ) ) ), true );
		$providers = Site_Providers::registry()->all();
		foreach ( Settings::TASKS as $task ) {
			$route = Routing_Rules::resolve( $task, Settings::stored(), $providers );
			$this->assertIsArray( $route, $task );
			$this->assertSame( array( 'openrouter' ), $route['chain'], $task );
		}
	}

	/**
	 * A closed port: fallback, fast.
	 */
	public function test_connection_refused_falls_back(): void {
		$this->configure( array( 'providers' => array( 'local_backend' => self::local_at( self::closed_port_url() ) ) ) );
		$start = microtime( true );
		$this->assert_fell_back( $this->generate(), 'connection_failed' );
		$this->assertLessThan( 2.0, microtime( true ) - $start );
	}

	/**
	 * An upstream that never answers: read timeout, fallback.
	 */
	public function test_timeout_falls_back(): void {
		$this->configure( array( 'timeouts' => array( 'read_seconds' => 1 ) ) );
		$this->script( self::LOCAL_PATH, 'hang' );
		$start = microtime( true );
		$this->assert_fell_back( $this->generate(), 'timeout' );
		$this->assertLessThan( 4.0, microtime( true ) - $start );
	}

	/**
	 * 429: fallback.
	 */
	public function test_rate_limit_falls_back(): void {
		$this->script( self::LOCAL_PATH, 'status=429,retry_after=3' );
		$this->assert_fell_back( $this->generate(), 'rate_limited' );
	}

	/**
	 * 5xx: fallback.
	 */
	public function test_server_error_falls_back(): void {
		$this->script( self::LOCAL_PATH, 'status=503' );
		$this->assert_fell_back( $this->generate(), 'upstream_error' );
	}

	/**
	 * 401 is not an outage: no fallback, an error that names the key.
	 */
	public function test_auth_failure_does_not_fall_back(): void {
		$this->configure( array( 'providers' => array( 'local_backend' => array( 'api_key' => 'invalid-0123456789' ) ) ) );
		$response = $this->generate();
		$this->assertSame( 502, $response['status'] );
		$this->assertSame( 'agentic_writer_auth_failed', $response['json']['code'] );
		$this->assertStringContainsString( 'Local backend answered HTTP 401', $response['json']['message'] );
		$this->assertCount( 0, $this->mock_requests( self::CLOUD_PATH ) );
	}

	/**
	 * A stream whose first provider fails before any token: fallback event, then OpenRouter's deltas.
	 */
	public function test_stream_falls_back_before_the_first_token(): void {
		$this->script( self::LOCAL_PATH, 'status=503' );
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Stream with fallback [[mock:chunks=3,delay=10]]',
			)
		);
		$this->assertSame( 200, $out['status'] );
		$this->assertSame( array( 'start', 'fallback', 'delta', 'delta', 'delta', 'usage', 'done' ), self::types( $out['events'] ) );
		$this->assertSame( 'local_backend', $this->event( $out['events'], 'start' )['provider'] );
		$this->assertSame(
			array(
				'from'   => 'local_backend',
				'to'     => 'openrouter',
				'reason' => 'upstream_error',
			),
			$this->event( $out['events'], 'fallback' )
		);
		$this->assertStringContainsString( 'Mock reply from openai/gpt-4o-mini', self::text_of( $out['events'] ) );
		$done = $this->event( $out['events'], 'done' );
		$this->assertTrue( $done['ok'] );
		$this->assertSame( 'openrouter', $done['provider'] );
		$rows = $this->usage_rows( $done['request_id'], 2 );
		$this->assertSame( array( 'error', 'fallback' ), array_column( $rows, 'status' ) );
		$this->assertNotNull( $rows[1]['ttft_ms'] );
	}

	/**
	 * A stream whose first provider never answers: the read timeout, then the fallback.
	 */
	public function test_stream_timeout_falls_back(): void {
		$this->configure( array( 'timeouts' => array( 'read_seconds' => 1 ) ) );
		$this->script( self::LOCAL_PATH, 'hang' );
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Nobody home',
			)
		);
		$this->assertSame( 'timeout', $this->event( $out['events'], 'fallback' )['reason'] );
		$this->assertTrue( $this->event( $out['events'], 'done' )['ok'] );
		$this->assertLessThan( 4000, end( $out['events'] )['ms'] );
	}

	/**
	 * A stream that goes silent after tokens went out: an error event after the read timeout.
	 */
	public function test_mid_stream_stall_ends_with_an_error_event(): void {
		$this->configure(
			array(
				'routing'  => array( 'simple' => array( 'text' => 'openrouter' ) ),
				'timeouts' => array( 'read_seconds' => 1 ),
			)
		);
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Stall [[mock:chunks=5,stall_after=2]]',
			)
		);
		$this->assertSame( array( 'start', 'delta', 'delta', 'error', 'done' ), self::types( $out['events'] ) );
		$this->assertSame( 'agentic_writer_stream_interrupted', $this->event( $out['events'], 'error' )['code'] );
		$this->assertStringContainsString( 'read timeout', $this->event( $out['events'], 'error' )['message'] );
	}

	/**
	 * A stream that breaks after tokens went out: an error event (no silent end, no fallback)
	 * and a usage row with status error.
	 */
	public function test_mid_stream_drop_ends_with_an_error_event(): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'openrouter' ) ) ) );
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Drop me [[mock:chunks=5,delay=10,drop_after=2]]',
			)
		);
		$this->assertSame( array( 'start', 'delta', 'delta', 'error', 'done' ), self::types( $out['events'] ) );
		$error = $this->event( $out['events'], 'error' );
		$this->assertSame( 'agentic_writer_stream_interrupted', $error['code'] );
		$this->assertTrue( $error['retryable'] );
		$this->assertNotSame( '', $error['message'] );
		$this->assertFalse( $this->event( $out['events'], 'done' )['ok'] );
		$rows = $this->usage_rows( $this->event( $out['events'], 'start' )['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( 'openrouter', 'error', 'stream_interrupted' ), array( $rows[0]['provider'], $rows[0]['status'], $rows[0]['error_code'] ) );
		$this->assertNotNull( $rows[0]['ttft_ms'] );
		$this->assertCount( 0, $this->mock_requests( self::LOCAL_PATH ), 'no fallback after tokens were sent' );
	}

	/**
	 * A browser that goes away cancels the upstream request: the usage row says so long before
	 * the upstream would have finished, and the provider is not blamed.
	 */
	public function test_browser_disconnect_cancels_the_upstream_request(): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'openrouter' ) ) ) );
		$out  = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Leave early [[mock:chunks=10,delay=400]]',
			),
			'admin',
			1
		);
		$rows = $this->usage_rows( $this->event( $out['events'], 'start' )['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( 'error', 'client_aborted' ), array( $rows[0]['status'], $rows[0]['error_code'] ) );
		$this->assertLessThan( 3000, (int) $rows[0]['latency_ms'], 'cancelled, not run to the end (3.6 s)' );
		$this->assertSame( 'closed', $this->breaker_state( 'openrouter' ) );
	}

	/**
	 * Breaker: opens after the threshold (no more calls), half-open after the cool-down, closes
	 * when the probe succeeds.
	 */
	public function test_breaker_opens_half_opens_and_closes(): void {
		$this->configure(
			array(
				'breaker' => array(
					'failure_threshold' => 2,
					'cooldown_seconds'  => 2,
				),
			)
		);
		$this->script( self::LOCAL_PATH, 'status=503', 2 );
		$this->assertSame( 'upstream_error', $this->generate()['json']['fallbacks'][0]['reason'] );
		$this->assertSame( 'closed', $this->breaker_state() );
		$this->assertSame( 'upstream_error', $this->generate()['json']['fallbacks'][0]['reason'] );
		$opened = microtime( true );
		$this->assertSame( 'open', $this->breaker_state() );

		$skipped = $this->generate();
		$this->assertSame( 'circuit_open', $skipped['json']['fallbacks'][0]['reason'] );
		$this->assertCount( 2, $this->mock_requests( self::LOCAL_PATH ), 'an open breaker makes no call' );

		usleep( (int) max( 0, ( $opened + 2.1 - microtime( true ) ) * 1_000_000 ) );
		$this->assertSame( 'half_open', $this->breaker_state() );
		$probe = $this->generate();
		$this->assertSame( 'local_backend', $probe['json']['provider'] );
		$this->assertSame( array(), $probe['json']['fallbacks'] );
		$this->assertSame( 'closed', $this->breaker_state() );
	}

	/**
	 * When every provider of the chain is open, the first is tried anyway.
	 */
	public function test_all_open_tries_the_first_anyway(): void {
		$this->configure(
			array(
				'routing' => array(
					'mode'   => 'advanced',
					'matrix' => array( 'chat' => array( 'local_backend' ) ),
				),
				'breaker' => array(
					'failure_threshold' => 1,
					'cooldown_seconds'  => 60,
				),
			)
		);
		$this->script( self::LOCAL_PATH, 'status=503' );
		$failed = $this->generate();
		$this->assertSame( 502, $failed['status'] );
		$this->assertSame( 'agentic_writer_upstream_error', $failed['json']['code'] );
		$this->assertSame( 'open', $this->breaker_state() );
		$again = $this->generate();
		$this->assertSame( 200, $again['status'], $again['body'] );
		$this->assertSame( 'local_backend', $again['json']['provider'] );
	}

	/**
	 * Saving a provider's settings resets its breaker.
	 */
	public function test_saving_provider_settings_resets_its_breaker(): void {
		$this->configure(
			array(
				'breaker'   => array( 'failure_threshold' => 1 ),
				'providers' => array( 'local_backend' => self::local_at( self::closed_port_url() ) ),
			)
		);
		$this->generate();
		$this->assertSame( 'open', $this->breaker_state() );
		$saved = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'providers' => array( 'local_backend' => self::local_at( self::mock_url() ) ) ) );
		$this->assertSame( 200, $saved['status'], $saved['body'] );
		$this->assertSame( 'closed', $this->breaker_state() );
		$this->assertSame( 'local_backend', $this->generate()['json']['provider'] );
	}

	/**
	 * Fallbacks show up in the admin notice.
	 */
	public function test_fallbacks_are_summarised_in_an_admin_notice(): void {
		$this->script( self::LOCAL_PATH, 'status=503' );
		$this->usage_rows( $this->generate()['json']['request_id'], 2 );
		wp_cache_flush();
		$this->act_as( 'admin' );
		ob_start();
		( new Fallback_Notice() )->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'served by a fallback provider', $html );
		$this->assertStringContainsString( 'local_backend → openrouter', $html );
		$this->act_as( 'editor' );
		ob_start();
		( new Fallback_Notice() )->render();
		$this->assertSame( '', ob_get_clean(), 'only administrators see it' );
	}

	/**
	 * A provider's breaker state as the providers route reports it.
	 *
	 * @param string $id Provider id.
	 */
	private function breaker_state( string $id = 'local_backend' ): string {
		$list = $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['providers'];
		foreach ( $list as $p ) {
			if ( $id === $p['id'] ) {
				return $p['breaker']['state'];
			}
		}
		$this->fail( "{$id} missing from the providers route" );
	}

	/**
	 * The local backend at another address, with its key (a new origin without one drops it).
	 *
	 * @param string $base Base URL.
	 * @return array{base_url:string,api_key:string}
	 */
	private static function local_at( string $base ): array {
		return array(
			'base_url' => $base,
			'api_key'  => 'local-test-0123456789',
		);
	}
}
