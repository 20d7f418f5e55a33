<?php
/**
 * GET providers and POST providers/{id}/test.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * What the providers screen shows and the advice a failing connection test gives.
 */
final class Providers_Route_Test extends Provider_Http_Test_Case {

	/**
	 * Each provider with kind, configuration, health and breaker; each task's chain.
	 */
	public function test_lists_providers_and_routing(): void {
		$this->configure(
			array(
				'routing' => array(
					'mode'   => 'advanced',
					'matrix' => array( 'writing' => array( 'local_backend', 'anthropic' ) ),
				),
			)
		);
		$body = $this->rest( 'GET', '/agentic-writer/v1/providers' )['json'];
		$this->assertSame( 'hybrid', $body['provider_mode'] );
		$ids = array_column( $body['providers'], 'id' );
		$this->assertSame( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible:lab' ), $ids );
		$kinds = array_column( $body['providers'], 'kind', 'id' );
		$this->assertSame( 'local', $kinds['local_backend'] );
		$this->assertSame( 'cloud', $kinds['anthropic'] );
		foreach ( $body['providers'] as $p ) {
			$this->assertTrue( $p['configured'], $p['id'] );
			$this->assertSame( 'closed', $p['breaker']['state'] );
		}
		$this->assertSame( array( 'local_backend', 'anthropic' ), $body['routing']['writing']['chain'] );
		$this->assertSame( 'openrouter', $body['routing']['chat']['chain'][0] );
		$this->assertSame( array( 'openrouter' ), $body['routing']['image']['chain'] );
	}

	/**
	 * Provider mode filters strictly: local never reaches a cloud provider.
	 */
	public function test_local_mode_keeps_prompts_local(): void {
		$this->configure( array( 'provider_mode' => 'local' ) );
		$routing = $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['routing'];
		$this->assertSame( array( 'local_backend', 'openai_compatible:lab' ), $routing['chat']['chain'] );
		$this->assertSame( array(), $routing['image']['chain'] );
		$this->assertStringContainsString( 'No provider can serve the image task', $routing['image']['error'] );
	}

	/**
	 * A passing test; its health is remembered.
	 */
	public function test_connection_test_passes(): void {
		foreach ( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible:lab' ) as $id ) {
			$body = $this->rest( 'POST', "/agentic-writer/v1/providers/{$id}/test" )['json'];
			$this->assertTrue( $body['ok'], $id . ': ' . $body['message'] );
			$this->assertSame( $id, $body['provider'] );
		}
		$list = $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['providers'];
		$this->assertTrue( $list[1]['health']['ok'] );
	}

	/**
	 * The local backend's failures come with what to do about them.
	 */
	public function test_local_backend_advice(): void {
		$closed = self::closed_port_url();
		$this->configure( array( 'providers' => array( 'local_backend' => self::local_at( $closed ) ) ) );
		$refused = $this->test_local();
		$this->assertSame( 'connection_failed', $refused['code'] );
		$this->assertSame( "Connection refused at {$closed} — is ./start.sh running on that machine? Run ./test-connection.sh there.", $refused['message'] );

		$this->configure(
			array(
				'providers' => array(
					'local_backend' => array(
						'base_url' => self::mock_url(),
						'api_key'  => 'invalid-0123456789',
					),
				),
			)
		);
		$key = $this->test_local();
		$this->assertSame( 'auth_failed', $key['code'] );
		$this->assertStringContainsString( 'does not match the backend\'s', $key['message'] );
		$this->assertStringContainsString( '.api-key', $key['message'] );

		$this->configure(
			array(
				'providers' => array(
					'local_backend' => array(
						'base_url' => self::mock_url() . '/__mock',
						'api_key'  => 'local-test-0123456789',
					),
				),
			)
		);
		$shape = $this->test_local();
		$this->assertSame( 'bad_request', $shape['code'] );
		$this->assertStringContainsString( 'not as the Agentic Writer local backend', $shape['message'] );

		$this->configure(
			array(
				'providers' => array( 'local_backend' => array( 'base_url' => self::mock_url() ) ),
				'timeouts'  => array( 'read_seconds' => 1 ),
			)
		);
		$this->script( '/v1/models', 'hang' );
		$slow = $this->test_local();
		$this->assertSame( 'timeout', $slow['code'] );
		$this->assertStringContainsString( 'get-local-ip.sh', $slow['message'] );
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

	/**
	 * Runs the local backend's connection test.
	 *
	 * @return array<string,mixed>
	 */
	private function test_local(): array {
		$response = $this->rest( 'POST', '/agentic-writer/v1/providers/local_backend/test' );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertFalse( $response['json']['ok'] );
		return $response['json'];
	}

	/**
	 * Serves a one-file stand-in for the local backend on a free port while $body runs.
	 *
	 * @param string   $router PHP code of the router.
	 * @param callable $body   Receives the base URL.
	 */
	private function with_backend_stand_in( string $router, callable $body ): void {
		$dir = sys_get_temp_dir() . '/aw-backend-' . getmypid();
		wp_mkdir_p( $dir );
		file_put_contents( $dir . '/router.php', $router );
		$base   = self::closed_port_url();
		$server = proc_open( array( PHP_BINARY, '-S', substr( $base, 7 ), $dir . '/router.php' ), array( array( 'pipe', 'r' ), array( 'file', '/dev/null', 'w' ), array( 'file', '/dev/null', 'w' ) ), $pipes );
		try {
			$deadline = microtime( true ) + 5;
			while ( false === @file_get_contents( $base . '/ping' ) && microtime( true ) < $deadline ) { // phpcs:ignore
				usleep( 50_000 );
			}
			$body( $base );
		} finally {
			proc_terminate( $server );
			proc_close( $server );
			unlink( $dir . '/router.php' );
			rmdir( $dir );
		}
	}

	/**
	 * A backend whose CLI cannot serve says so on /ping; the test passes that on with what to do.
	 */
	public function test_local_backend_without_a_working_cli(): void {
		$this->with_backend_stand_in(
			'<?php header( "Content-Type: application/json" ); echo json_encode( array( "status" => "degraded", "version" => "0.1.0", "drivers" => array( array( "name" => "claude", "version" => null ) ) ) );',
			function ( string $base ): void {
				$this->configure( array( 'providers' => array( 'local_backend' => self::local_at( $base ) ) ) );
				$result = $this->test_local();
				$this->assertSame( 'unavailable', $result['code'] );
				$this->assertStringContainsString( 'echo test | claude -p', $result['message'] );
			}
		);
	}

	/**
	 * The backend tells its CLI drivers only to a caller with its key (issue 9, item 7): the
	 * connection test sends the key with the ping, so the owner still sees which CLI serves.
	 */
	public function test_local_backend_ping_is_asked_with_the_key(): void {
		$router = <<<'PHP'
<?php
header( 'Content-Type: application/json' );
$keyed = ( $_SERVER['HTTP_X_API_KEY'] ?? '' ) === 'awlb-ping-key';
$path  = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( '/ping' === $path ) {
	echo json_encode( $keyed ? array( 'status' => 'ok', 'version' => '0.2.0', 'drivers' => array( array( 'name' => 'claude', 'version' => '2.1.197', 'ready' => true ) ) ) : array( 'status' => 'ok', 'version' => '0.2.0' ) );
} elseif ( $keyed ) {
	echo json_encode( array( 'data' => array( array( 'type' => 'model', 'id' => 'sonnet', 'display_name' => 'Sonnet' ) ), 'has_more' => false ) );
} else {
	http_response_code( 401 );
	echo json_encode( array( 'type' => 'error', 'error' => array( 'type' => 'authentication_error', 'message' => 'invalid x-api-key' ) ) );
}
PHP;
		$this->with_backend_stand_in(
			$router,
			function ( string $base ): void {
				$this->configure(
					array(
						'providers' => array(
							'local_backend' => array(
								'base_url' => $base,
								'api_key'  => 'awlb-ping-key',
							),
						),
					)
				);
				$response = $this->rest( 'POST', '/agentic-writer/v1/providers/local_backend/test' );
				$this->assertSame( 200, $response['status'], $response['body'] );
				$this->assertTrue( $response['json']['ok'], $response['body'] );
				$this->assertSame( 'claude', $response['json']['details']['drivers'][0]['name'] ?? null, $response['body'] );
			}
		);
	}
}
