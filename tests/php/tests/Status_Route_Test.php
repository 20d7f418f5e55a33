<?php
/**
 * GET agentic-writer/v1/status, in-process through rest_do_request().
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Plugin;
use AgenticWriter\Usage\Usage_Table;
use WP_REST_Request;

/**
 * Status route, in-process.
 */
final class Status_Route_Test extends Test_Case {

	private const ROUTE = '/agentic-writer/v1/status';

	/**
	 * Dispatches GET status as the given role (null: anonymous).
	 *
	 * @param string|null $role Role.
	 */
	private function get_status( ?string $role ): \WP_REST_Response {
		if ( null !== $role ) {
			$this->act_as( $role );
		}
		return rest_do_request( new WP_REST_Request( 'GET', self::ROUTE ) );
	}

	/**
	 * Administrators get the whole status.
	 */
	public function test_returns_status_to_administrators(): void {
		$response = $this->get_status( 'admin' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( Plugin::VERSION, $data['version'] );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, $data['schema_version'] );
		$this->assertSame( 'sqlite' === Site::db_kind() ? 'sqlite' : 'mysql', $data['db_engine'] );
		$this->assertSame( PHP_VERSION, $data['php_version'] );
	}

	/**
	 * Editors and contributors get only what they need: the plugin's version, not what the
	 * site runs on.
	 */
	public function test_tells_other_authors_only_the_version(): void {
		foreach ( array( 'editor', 'contributor' ) as $role ) {
			$response = $this->get_status( $role );
			$this->assertSame( 200, $response->get_status(), $role );
			$this->assertSame( array( 'version' => Plugin::VERSION ), $response->get_data(), $role );
		}
	}

	/**
	 * The response matches the route's own schema.
	 */
	public function test_response_matches_schema(): void {
		$response = $this->get_status( 'admin' );
		$schema   = ( new \AgenticWriter\Rest\Status_Controller() )->get_public_item_schema();
		$this->assertTrue( rest_validate_value_from_schema( $response->get_data(), $schema ) );
		$this->assertEqualsCanonicalizing( array_keys( $schema['properties'] ), array_keys( $response->get_data() ) );
	}

	/**
	 * Subscribers get 403 with the plugin's error code and a message saying what to do.
	 */
	public function test_subscriber_is_forbidden(): void {
		$response = $this->get_status( 'subscriber' );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'agentic_writer_forbidden', $response->get_data()['code'] );
		$this->assertStringContainsString( 'edit_posts', $response->get_data()['message'] );
	}

	/**
	 * Anonymous requests get 401.
	 */
	public function test_anonymous_is_unauthorized(): void {
		$response = $this->get_status( null );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'agentic_writer_forbidden', $response->get_data()['code'] );
	}

	/**
	 * The route is discoverable with its schema and args (OPTIONS).
	 */
	public function test_route_describes_itself(): void {
		$this->act_as( 'admin' );
		$response = rest_do_request( new WP_REST_Request( 'OPTIONS', self::ROUTE ) );
		$data     = $response->get_data();
		$this->assertSame( 'agentic-writer-status', $data['schema']['title'] );
		$this->assertSame( array( 'sqlite', 'mysql' ), $data['schema']['properties']['db_engine']['enum'] );
		$this->assertArrayHasKey( 'context', $data['endpoints'][0]['args'] );
	}
}
