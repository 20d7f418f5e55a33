<?php
/**
 * GET providers/{id}/models: the provider's own list for the settings page's model picker,
 * cached per configuration, with a message to act on when it cannot be listed.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Against the mock upstream's catalogue.
 */
final class Provider_Models_Route_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/providers/%s/models';

	/**
	 * How many model lists the mock served since the last reset.
	 */
	private function lists_served(): int {
		return count( array_filter( $this->mock_requests(), static fn ( array $r ): bool => str_ends_with( explode( '?', (string) $r['path'] )[0], '/models' ) ) );
	}

	/**
	 * Forget cached lists between tests.
	 */
	protected function setUp(): void {
		parent::setUp();
		delete_transient( 'agentic_writer_model_lists' );
	}

	/**
	 * The list comes from the provider, then from the cache; refresh and a changed configuration ask again.
	 */
	public function test_lists_cached_per_configuration(): void {
		$first = $this->rest( 'GET', sprintf( self::ROUTE, 'openrouter' ) );
		$this->assertSame( 200, $first['status'], $first['body'] );
		$this->assertSame( 'openrouter', $first['json']['provider'] );
		$this->assertFalse( $first['json']['cached'] );
		$ids = array_column( $first['json']['models'], 'id' );
		$this->assertContains( 'openai/gpt-4o-mini', $ids );
		$this->assertSame( array( 'id', 'name' ), array_keys( $first['json']['models'][0] ) );
		$this->assertSame( 1, $this->lists_served() );

		$again = $this->rest( 'GET', sprintf( self::ROUTE, 'openrouter' ) );
		$this->assertTrue( $again['json']['cached'] );
		$this->assertSame( $ids, array_column( $again['json']['models'], 'id' ) );
		$this->assertSame( 1, $this->lists_served(), 'served from the cache' );

		$fresh = $this->rest( 'GET', sprintf( self::ROUTE, 'openrouter' ) . '?refresh=1' );
		$this->assertFalse( $fresh['json']['cached'] );
		$this->assertSame( 2, $this->lists_served() );

		$this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'providers' => array( 'openrouter' => array( 'model' => 'anthropic/claude-sonnet-4.5' ) ) ) );
		$changed = $this->rest( 'GET', sprintf( self::ROUTE, 'openrouter' ) );
		$this->assertFalse( $changed['json']['cached'], 'a changed configuration is asked again' );
		$this->assertSame( 3, $this->lists_served() );

		$instance = $this->rest( 'GET', sprintf( self::ROUTE, 'openai_compatible:lab' ) );
		$this->assertSame( 200, $instance['status'], $instance['body'] );
		$this->assertNotSame( array(), $instance['json']['models'] );
	}

	/**
	 * A provider that cannot list its models: 502 with what to do; unknown ids and bad params named.
	 */
	public function test_failures_say_what_to_do(): void {
		$this->configure(
			array(
				'providers' => array(
					'openai_compatible' => array(
						array(
							'id'       => 'lab',
							'base_url' => self::closed_port_url() . '/v1',
							'model'    => 'm',
						),
					),
				),
			)
		);
		$down = $this->rest( 'GET', sprintf( self::ROUTE, 'openai_compatible:lab' ) );
		$this->assertSame( 502, $down['status'], $down['body'] );
		$this->assertSame( 'agentic_writer_models_unavailable', $down['json']['code'] );
		$this->assertStringContainsString( 'Type the model name instead', $down['json']['message'] );

		$unknown = $this->rest( 'GET', sprintf( self::ROUTE, 'openai_compatible:gone' ) );
		$this->assertSame( 404, $unknown['status'] );
		$this->assertSame( 'agentic_writer_unknown_provider', $unknown['json']['code'] );
		$this->assertStringContainsString( 'openai_compatible:lab', $unknown['json']['message'] );

		$bad = $this->rest( 'GET', sprintf( self::ROUTE, 'openrouter' ) . '?refresh=sometimes' );
		$this->assertSame( 400, $bad['status'] );
		$this->assertSame( array( 'agentic_writer_invalid_param', 'refresh' ), array( $bad['json']['code'], $bad['json']['data']['field'] ) );
	}
}
