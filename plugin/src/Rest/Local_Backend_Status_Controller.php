<?php
/**
 * GET agentic-writer/v1/local-backend/status — the local backend's live state for the settings
 * page: reachable, CLI drivers and their login, warm pool.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Providers\Local_Backend\Local_Backend_Provider;
use AgenticWriter\Routing\Site_Providers;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Asks the backend's `/ping` with the saved key. A backend that is down is a normal answer here
 * (200, reachable false, what to do), not an error of this route.
 */
final class Local_Backend_Status_Controller extends Rest_Controller {

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/local-backend/status', array( WP_REST_Server::READABLE => 'get_item' ) );
	}

	/**
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return self::require_admin();
	}

	/**
	 * The status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$provider = Site_Providers::registry()->get( 'local_backend' );
		$status   = $provider instanceof Local_Backend_Provider
			? $provider->live_status()
			: array(
				'configured' => false,
				'reachable'  => false,
				'ok'         => false,
				'message'    => __( 'The local backend provider is not available on this site.', 'agentic-writer' ),
			);
		return new WP_REST_Response( $status, 200 );
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		$nullable_int = array( 'type' => array( 'integer', 'null' ) );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-local-backend-status',
			'type'       => 'object',
			'properties' => array(
				'configured' => array( 'type' => 'boolean' ),
				'base_url'   => array( 'type' => 'string' ),
				'reachable'  => array( 'type' => 'boolean' ),
				'ok'         => array( 'type' => 'boolean' ),
				'message'    => array( 'type' => 'string' ),
				'latency_ms' => $nullable_int,
				'status'     => array( 'type' => array( 'string', 'null' ) ),
				'version'    => array( 'type' => array( 'string', 'null' ) ),
				'drivers'    => array( 'type' => 'array' ),
				'pool'       => array( 'type' => array( 'object', 'null' ) ),
				'queue'      => array( 'type' => array( 'object', 'null' ) ),
			),
		);
	}
}
