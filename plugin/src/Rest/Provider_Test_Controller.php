<?php
/**
 * POST agentic-writer/v1/providers/{id}/test — a connection test with advice.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Routing\Site_Providers;
use AgenticWriter\Settings\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Runs the provider's connection test. A failed test is still a 200 (the test ran); the body
 * says what failed and what to do. A passing test closes the provider's breaker.
 */
final class Provider_Test_Controller extends Rest_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'providers';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route(
			'/' . $this->rest_base . '/(?P<id>[a-z0-9_:-]+)/test',
			array(
				WP_REST_Server::CREATABLE => array( 'create_item', array(
						'id' => array(
							'description'       => 'Provider id: openrouter, local_backend, anthropic or openai_compatible:<id>.',
							'type'              => 'string',
							'sanitize_callback' => null,
						),
					) ),
			)
		);
	}

	/**
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return self::require_admin();
	}

	/**
	 * Tests the connection.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$id       = (string) $request->get_param( 'id' );
		$provider = Site_Providers::registry()->get( $id );
		if ( null === $provider ) {
			return new WP_Error(
				'agentic_writer_unknown_provider',
				sprintf( 'Invalid parameter id: there is no provider "%s". Known: %s.', $id, implode( ', ', Settings::provider_ids() ) ),
				array(
					'status' => 404,
					'params' => array( 'id' => 'unknown provider' ),
				)
			);
		}
		$result = $provider->test_connection();
		( new Health_Cache() )->record( $id, $result->ok, $result->code, $result->message, $result->latency_ms );
		if ( $result->ok ) {
			Circuit_Breaker::from_settings()->record_success( $id );
		}
		return new WP_REST_Response( array( 'provider' => $id ) + $result->to_array(), 200 );
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-connection-test',
			'type'       => 'object',
			'properties' => array(
				'provider'   => array( 'type' => 'string' ),
				'ok'         => array( 'type' => 'boolean' ),
				'code'       => array( 'type' => 'string' ),
				'message'    => array( 'type' => 'string' ),
				'latency_ms' => array( 'type' => 'integer' ),
				'details'    => array( 'type' => 'object' ),
			),
		);
	}
}
