<?php
/**
 * GET local-backend/status against the real local backend (its CLI talking to the mock
 * upstream), a wrong key, a closed port and no configuration.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Tests\Support\Real_Local_Backend;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';
require_once dirname( __DIR__ ) . '/Support/Real_Local_Backend.php';

/**
 * What the settings page's live status panel shows.
 */
final class Local_Backend_Status_Route_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/local-backend/status';

	/**
	 * The status as the administrator reads it.
	 *
	 * @return array<string,mixed>
	 */
	private function status(): array {
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $response['status'], $response['body'] );
		return $response['json'];
	}

	/**
	 * A running backend: reachable, its CLI driver with version and login, its pool; a wrong key
	 * gets no details and says the key does not match.
	 */
	public function test_a_running_backend_and_a_wrong_key(): void {
		$backend = Real_Local_Backend::start( self::mock_url(), self::closed_port_url(), array( 'AW_BACKEND_POOL' => '1' ) );
		try {
			$this->configure( array( 'providers' => array( 'local_backend' => array( 'base_url' => $backend->base_url, 'api_key' => $backend->key ) ) ) );
			$ok = $this->status();
			$this->assertSame( array( true, true, true, 'ok' ), array( $ok['configured'], $ok['reachable'], $ok['ok'], $ok['status'] ), $ok['message'] );
			$this->assertSame( $backend->base_url, $ok['base_url'] );
			$this->assertIsString( $ok['version'] );
			$drivers = array_column( $ok['drivers'], null, 'name' );
			$this->assertArrayHasKey( 'claude', $drivers );
			$this->assertMatchesRegularExpression( '/^\d+\.\d+\.\d+/', (string) $drivers['claude']['version'] );
			$this->assertSame( array( 'name', 'version', 'ready', 'logged_in', 'login_method' ), array_keys( $drivers['claude'] ) );
			$this->assertSame( 1, $ok['pool']['size'] );
			$this->assertIsInt( $ok['latency_ms'] );
			$this->assertStringContainsString( 'answers', $ok['message'] );

			$this->configure( array( 'providers' => array( 'local_backend' => array( 'api_key' => 'not-the-key' ) ) ) );
			$wrong = $this->status();
			$this->assertSame( array( true, false, array(), null ), array( $wrong['reachable'], $wrong['ok'], $wrong['drivers'], $wrong['pool'] ) );
			$this->assertStringContainsString( 'refused the API key', $wrong['message'] );
		} finally {
			$backend->stop();
		}
	}

	/**
	 * Nothing listening, or nothing configured: not reachable, and what to do.
	 */
	public function test_down_or_not_configured(): void {
		$this->configure( array( 'providers' => array( 'local_backend' => array( 'base_url' => self::closed_port_url(), 'api_key' => 'k-0123456789' ) ) ) );
		$down = $this->status();
		$this->assertSame( array( true, false, false, null ), array( $down['configured'], $down['reachable'], $down['ok'], $down['latency_ms'] ) );
		$this->assertStringContainsString( 'is ./start.sh running', $down['message'] );

		$this->configure( array( 'providers' => array( 'local_backend' => array( 'api_key' => null ) ) ) );
		$none = $this->status();
		$this->assertSame( array( false, false ), array( $none['configured'], $none['reachable'] ) );
		$this->assertStringContainsString( 'download it', $none['message'] );
	}
}
