<?php
/**
 * What every Agentic Writer REST controller shares: its namespace and its permission checks.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use WP_Error;
use WP_REST_Controller;

/**
 * Base of the plugin's controllers (one per resource).
 */
abstract class Rest_Controller extends WP_REST_Controller {

	public const NAMESPACE = 'agentic-writer/v1';

	/**
	 * Route namespace.
	 *
	 * @var string
	 */
	protected $namespace = self::NAMESPACE;

	/**
	 * Registers one route: each method maps to a callback whose permission check is named by
	 * WordPress's convention (`get_items` → `get_items_permissions_check`); the route documents
	 * the controller's schema.
	 *
	 * @param string                                             $route     Route under the namespace, e.g. `/providers`.
	 * @param array<string,string|array{0:string,1:array<mixed>}> $endpoints Methods => callback, or [ callback, args ].
	 */
	protected function add_route( string $route, array $endpoints ): void {
		$handlers = array();
		foreach ( $endpoints as $methods => $endpoint ) {
			list( $callback, $args ) = is_array( $endpoint ) ? $endpoint : array( $endpoint, array() );
			$handlers[]              = array(
				'methods'             => $methods,
				'callback'            => array( $this, $callback ),
				'permission_callback' => array( $this, $callback . '_permissions_check' ),
				'args'                => $args,
			);
		}
		$handlers['schema'] = array( $this, 'get_public_item_schema' );
		register_rest_route( $this->namespace, $route, $handlers );
	}

	/**
	 * True when the current user has a capability, else the 401/403 that says what is missing.
	 *
	 * @param string $capability Capability, e.g. `manage_options`.
	 * @param string $need       What the account lacks, for a person.
	 * @return true|WP_Error
	 */
	protected static function require_capability( string $capability, string $need ) {
		return current_user_can( $capability ) ? true : self::permission_error( $need );
	}

	/**
	 * Administrators only: settings, providers, analytics.
	 *
	 * @return true|WP_Error
	 */
	protected static function require_admin() {
		return self::require_capability(
			'manage_options',
			__( 'Only administrators (manage_options) can see and change Agentic Writer\'s providers and settings.', 'agentic-writer' )
		);
	}

	/**
	 * The 401/403 every permission check gives: 401 with how to log in for a visitor, 403 with
	 * what the account lacks for a logged-in user.
	 *
	 * @param string $need What the account lacks, for a person.
	 */
	public static function permission_error( string $need ): WP_Error {
		return new WP_Error(
			'agentic_writer_forbidden',
			is_user_logged_in()
				? $need
				: __( 'Log in to use Agentic Writer: send a logged-in cookie with a REST nonce, or an application password.', 'agentic-writer' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
