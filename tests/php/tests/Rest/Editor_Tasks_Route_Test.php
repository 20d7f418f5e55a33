<?php
/**
 * GET editor/tasks: what serves each task, for every author, without secrets.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Real requests to the running site with every provider pointed at the mock.
 */
final class Editor_Tasks_Route_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/editor/tasks';

	/**
	 * Contributors, editors and administrators read it; subscribers and strangers do not.
	 */
	public function test_roles(): void {
		foreach ( array( 'contributor', 'editor', 'admin' ) as $role ) {
			$response = $this->rest( 'GET', self::ROUTE, $role );
			$this->assertSame( 200, $response['status'], "{$role}: {$response['body']}" );
			$this->assertSame( Settings::TASKS, array_keys( $response['json']['tasks'] ), $role );
		}
		$subscriber = $this->rest( 'GET', self::ROUTE, 'subscriber' );
		$this->assertSame( 403, $subscriber['status'] );
		$this->assertSame( 'agentic_writer_forbidden', $subscriber['json']['code'] );
		$this->assertStringContainsString( 'edit_posts', $subscriber['json']['message'] );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE, null )['status'] );
	}

	/**
	 * Simple routing: text tasks start at OpenRouter and fall back to every other configured
	 * provider; images only where images can be made, with the image model.
	 */
	public function test_shape_follows_the_router(): void {
		$tasks = $this->rest( 'GET', self::ROUTE, 'contributor' )['json']['tasks'];
		$chat  = $tasks['chat'];
		$this->assertSame(
			array(
				'provider' => 'openrouter',
				'label'    => 'OpenRouter',
				'kind'     => 'cloud',
				'model'    => 'openai/gpt-4o-mini',
				'state'    => 'ready',
				'message'  => '',
			),
			array_diff_key( $chat, array( 'chain' => true ) )
		);
		$this->assertSame(
			array(
				array( 'openrouter', 'OpenRouter', 'cloud', 'openai/gpt-4o-mini', 'ready' ),
				array( 'local_backend', 'Local backend', 'local', 'sonnet', 'ready' ),
				array( 'anthropic', 'Anthropic', 'cloud', 'claude-sonnet-4-5', 'ready' ),
				array( 'openai_compatible:lab', 'Lab vLLM', 'local', 'gpt-4o-mini', 'ready' ),
			),
			array_map( static fn ( array $e ): array => array( $e['provider'], $e['label'], $e['kind'], $e['model'], $e['state'] ), $chat['chain'] )
		);
		foreach ( array( 'clarity', 'planning', 'writing', 'refinement' ) as $task ) {
			$this->assertSame( $chat['chain'], $tasks[ $task ]['chain'], $task );
		}
		$this->assertSame( 'google/gemini-2.5-flash-image', $tasks['image']['model'] );
		$this->assertSame( array( 'openrouter' ), array_column( $tasks['image']['chain'], 'provider' ) );
	}

	/**
	 * Advanced routing shows each task's chain exactly as the owner ordered it; provider mode
	 * filters it like the router does.
	 */
	public function test_matrix_and_provider_mode(): void {
		$this->configure(
			array(
				'provider_mode' => 'local',
				'routing'       => array(
					'mode'   => 'advanced',
					'matrix' => array(
						'writing' => array( 'openai_compatible:lab', 'anthropic', 'local_backend' ),
					),
				),
			)
		);
		$tasks = $this->rest( 'GET', self::ROUTE, 'editor' )['json']['tasks'];
		$this->assertSame( array( 'openai_compatible:lab', 'local_backend' ), array_column( $tasks['writing']['chain'], 'provider' ) );
		$this->assertSame( 'openai_compatible:lab', $tasks['writing']['provider'] );
		$this->assertSame( 'local', $tasks['writing']['kind'] );
		$this->assertSame( 'unconfigured', $tasks['image']['state'], 'no local provider makes images' );
	}

	/**
	 * An open breaker: the task names the provider a request reaches first and says why.
	 */
	public function test_open_breaker_moves_to_the_next_provider(): void {
		$breaker = Circuit_Breaker::from_settings();
		for ( $i = 0; $i < 3; $i++ ) {
			$breaker->record_failure( 'openrouter' );
		}
		$tasks = $this->rest( 'GET', self::ROUTE, 'contributor' )['json']['tasks'];
		$this->assertSame( 'breaker_open', $tasks['chat']['chain'][0]['state'] );
		$this->assertSame( array( 'local_backend', 'Local backend', 'sonnet', 'ready' ), array( $tasks['chat']['provider'], $tasks['chat']['label'], $tasks['chat']['model'], $tasks['chat']['state'] ) );
		$this->assertSame( 'OpenRouter failed recently, so Local backend answers for now.', $tasks['chat']['message'] );
		// Alone in its chain, the open provider is still the one tried (the router tries it anyway).
		$this->assertSame( array( 'openrouter', 'breaker_open' ), array( $tasks['image']['provider'], $tasks['image']['state'] ) );
		$this->assertStringContainsString( 'tries OpenRouter again', $tasks['image']['message'] );
	}

	/**
	 * Nothing configured: every task says so with something a writer can do, not an error.
	 */
	public function test_nothing_configured_is_not_an_error(): void {
		$this->configure( array(), true );
		$response = $this->rest( 'GET', self::ROUTE, 'contributor' );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( array( 'chat', 'clarity', 'planning', 'writing', 'refinement', 'image' ), array_keys( $response['json']['tasks'] ) );
		foreach ( $response['json']['tasks'] as $task => $entry ) {
			$this->assertSame( '', $entry['provider'], $task );
			$this->assertSame( 'unconfigured', $entry['state'], $task );
			$this->assertSame( array(), $entry['chain'], $task );
			$this->assertStringContainsString( 'Ask a site administrator', $entry['message'], $task );
		}
		$admin = $this->rest( 'GET', self::ROUTE, 'admin' )['json']['tasks']['chat']['message'];
		$this->assertStringContainsString( 'Agentic Writer → Settings', $admin );
		$this->assertStringNotContainsString( 'Ask a site administrator', $admin );
	}

	/**
	 * No key, URL, host or IP in the answer, for any role.
	 */
	public function test_reveals_no_secret_or_address(): void {
		$mock = self::mock_url();
		foreach ( array( 'contributor', 'admin' ) as $role ) {
			$body = $this->rest( 'GET', self::ROUTE, $role )['body'];
			foreach ( array( 'sk-or-test-0123456789', 'local-test-0123456789', 'sk-ant-test-0123456789', 'sk-oc-test-0123456789', '0123456789' ) as $secret ) {
				$this->assertStringNotContainsString( $secret, $body, "{$role}: key {$secret}" );
			}
			$host = (string) wp_parse_url( $mock, PHP_URL_HOST );
			foreach ( array( $mock, $mock . '/api/v1', $host, 'http', 'base_url', 'api_key' ) as $address ) {
				$this->assertStringNotContainsString( $address, $body, "{$role}: {$address}" );
			}
			$this->assertDoesNotMatchRegularExpression( '/\b\d{1,3}(\.\d{1,3}){3}\b/', $body, "{$role}: an IP address" );
		}
	}
}
