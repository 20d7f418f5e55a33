<?php
/**
 * Errors fit their reader: writers learn what happened and what to do; addresses, upstream
 * messages and configuration go to administrators and the log.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Real requests to the running site, the mock upstream behind it.
 */
final class Error_Readers_Test extends Provider_Http_Test_Case {

	private const GENERATE = '/agentic-writer/v1/generate';

	/**
	 * Only the local backend, on a port nothing listens on.
	 */
	private function local_backend_down(): string {
		$closed = self::closed_port_url();
		$this->configure(
			array(
				'provider_mode' => 'local',
				'routing'       => array( 'simple' => array( 'text' => 'local_backend' ) ),
				'providers'     => array(
					'local_backend'     => array(
						'base_url' => $closed,
						'api_key'  => 'local-test-0123456789',
					),
					'openai_compatible' => array(),
				),
			)
		);
		return $closed;
	}

	/**
	 * Asserts a message holds nothing internal.
	 *
	 * @param string $text    Text a writer sees.
	 * @param string $address The upstream address.
	 */
	private function assert_no_internals( string $text, string $address ): void {
		$port = (string) wp_parse_url( $address, PHP_URL_PORT );
		foreach ( array( $address, '127.0.0.1', 'localhost', 'http', 'cURL', ':' . $port, 'Mock upstream' ) as $internal ) {
			$this->assertStringNotContainsString( $internal, $text, "no {$internal}" );
		}
	}

	/**
	 * A contributor whose provider is down: a message that says what happened and what to do,
	 * the request id, a stable code; no address. The administrator gets the address, and so
	 * does the PHP error log, under the request id.
	 */
	public function test_a_writer_learns_what_happened_not_where(): void {
		$closed = $this->local_backend_down();

		$json = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Hello?' ) );
		$this->assertSame( 502, $json['status'], $json['body'] );
		$this->assertSame( 'agentic_writer_connection_failed', $json['json']['code'] );
		$this->assertSame( 'Local backend could not be reached, so nothing was written. Try again in a moment.', $json['json']['message'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $json['json']['data']['request_id'] );
		$this->assertTrue( $json['json']['data']['retryable'] );
		$this->assert_no_internals( $json['body'], $closed );

		$sse   = $this->sse( array( 'task' => 'writing', 'prompt' => 'Hello?' ), 'contributor' );
		$error = $this->event( $sse['events'], 'error' );
		$this->assertSame( array( 'start', 'error', 'done' ), self::types( $sse['events'] ) );
		$this->assertSame( 'agentic_writer_connection_failed', $error['code'] );
		$this->assertStringContainsString( 'Try again', $error['message'] );
		$this->assertTrue( $error['retryable'] );
		$this->assertSame( $this->event( $sse['events'], 'start' )['request_id'], $error['request_id'] );
		$this->assert_no_internals( $sse['raw'], $closed );

		$admin = $this->rest( 'POST', self::GENERATE, 'admin', array( 'task' => 'chat', 'prompt' => 'Hello?' ) );
		$this->assertSame( 'agentic_writer_connection_failed', $admin['json']['code'] );
		$this->assertStringContainsString( $closed, $admin['json']['message'], 'administrators get the detail' );

		$log = (string) file_get_contents( WP_CONTENT_DIR . '/debug.log' );
		$this->assertMatchesRegularExpression( '/request ' . $json['json']['data']['request_id'] . ' failed at local_backend \(connection_failed\): .*' . preg_quote( $closed, '/' ) . '/', $log );
	}

	/**
	 * What the upstream said (its error message, or a CLI's output relayed by the local
	 * backend) is for administrators.
	 */
	public function test_upstream_messages_reach_only_administrators(): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'anthropic' ) ) ) );
		$body = array(
			'task'   => 'chat',
			'prompt' => 'Fail [[mock:status=400]]',
		);
		$writer = $this->rest( 'POST', self::GENERATE, 'editor', $body );
		$this->assertSame( 502, $writer['status'], $writer['body'] );
		$this->assertSame( 'agentic_writer_bad_request', $writer['json']['code'] );
		$this->assertStringStartsWith( 'Anthropic did not accept this request.', $writer['json']['message'] );
		$this->assertStringContainsString( 'ask a site administrator', $writer['json']['message'] );
		$this->assert_no_internals( $writer['body'], self::mock_url() );

		$admin = $this->rest( 'POST', self::GENERATE, 'admin', $body );
		$this->assertStringContainsString( 'Mock upstream: scripted failure with status 400', $admin['json']['message'] );
	}

	/**
	 * Nothing set up for the task: writers are told who can fix it, not how the site is
	 * configured.
	 */
	public function test_nothing_set_up_tells_a_writer_whom_to_ask(): void {
		$this->configure( array(), true );
		$writer = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Anyone?' ) );
		$this->assertSame( 503, $writer['status'] );
		$this->assertSame( 'agentic_writer_no_provider', $writer['json']['code'] );
		$this->assertSame( 'No AI provider is set up for this task. Ask a site administrator to set one up under Agentic Writer → Settings.', $writer['json']['message'] );
		$this->assertArrayNotHasKey( 'skipped', $writer['json']['data'] );
		$this->assertArrayHasKey( 'request_id', $writer['json']['data'] );

		$admin = $this->rest( 'POST', self::GENERATE, 'admin', array( 'task' => 'chat', 'prompt' => 'Anyone?' ) );
		$this->assertStringContainsString( 'openrouter: not configured', $admin['json']['message'] );
		$this->assertArrayHasKey( 'skipped', $admin['json']['data'] );
	}

	/**
	 * The status route tells writers the plugin's version only (Status_Route_Test has the
	 * in-process detail); over HTTP, no PHP or WordPress version leaves for a contributor.
	 */
	public function test_status_keeps_the_platform_to_administrators(): void {
		$writer = $this->rest( 'GET', '/agentic-writer/v1/status', 'contributor' );
		$this->assertSame( array( 'version' ), array_keys( $writer['json'] ) );
		$this->assertStringNotContainsString( PHP_VERSION, $writer['body'] );
		$admin = $this->rest( 'GET', '/agentic-writer/v1/status', 'admin' );
		$this->assertSame( PHP_VERSION, $admin['json']['php_version'] );
	}
}
