<?php
/**
 * GET agentic-writer/v1/providers — provider types, configured providers, health, breakers, current routing.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Routing\Router;
use AgenticWriter\Settings\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * What each provider is and how it is doing, and what every task resolves to right now.
 */
final class Providers_Controller extends Rest_Controller {

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
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => 'get_items' ) );
	}

	/**
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return self::require_admin();
	}

	/**
	 * Lists providers.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$router  = Router::for_site();
		$breaker = Circuit_Breaker::from_settings();
		$health  = new Health_Cache();
		$list    = array();
		foreach ( $router->registry()->all() as $id => $provider ) {
			$list[] = array(
				'id'            => $id,
				'type'          => (string) strtok( (string) $id, ':' ),
				'label'         => $provider->label(),
				'kind'          => $provider->kind(),
				'configured'    => $provider->is_configured(),
				'default_model' => $provider->default_model(),
				'tasks'         => array_values( array_filter( Settings::TASKS, array( $provider, 'supports_task_type' ) ) ),
				'health'        => $health->get( $id ),
				'breaker'       => $breaker->snapshot( $id ),
			);
		}
		$routing = array();
		foreach ( Settings::TASKS as $task ) {
			$route            = $router->resolve( $task );
			$routing[ $task ] = is_wp_error( $route )
				? array(
					'chain'   => array(),
					'skipped' => (object) ( $route->get_error_data()['skipped'] ?? array() ),
					'error'   => $route->get_error_message(),
				)
				: array(
					'chain'   => $route['chain'],
					'skipped' => (object) $route['skipped'],
					'error'   => null,
				);
		}
		$settings = Settings::stored();
		return new WP_REST_Response(
			array(
				'provider_mode' => $settings['provider_mode'],
				'routing_mode'  => $settings['routing']['mode'],
				'types'         => array_values( array_map( static fn ( Provider_Descriptor $d ): array => $d->to_array(), Provider_Types::all() ) ),
				'providers'     => $list,
				'routing'       => $routing,
			),
			200
		);
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-providers',
			'type'       => 'object',
			'properties' => array(
				'provider_mode' => array( 'type' => 'string' ),
				'routing_mode'  => array( 'type' => 'string' ),
				'types'         => array(
					'description' => 'Every provider type: label, kind, capabilities, settings fields (the settings page draws them).',
					'type'        => 'array',
					'items'       => array( 'type' => 'object' ),
				),
				'providers'     => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'            => array( 'type' => 'string' ),
							'type'          => array( 'type' => 'string' ),
							'label'         => array( 'type' => 'string' ),
							'kind'          => array(
								'type' => 'string',
								'enum' => array( 'local', 'cloud' ),
							),
							'configured'    => array( 'type' => 'boolean' ),
							'default_model' => array( 'type' => 'string' ),
							'tasks'         => array( 'type' => 'array' ),
							'health'        => array( 'type' => array( 'object', 'null' ) ),
							'breaker'       => array( 'type' => 'object' ),
						),
					),
				),
				'routing'       => array(
					'description' => 'Task => { chain, skipped, error }: what each task resolves to now.',
					'type'        => 'object',
				),
			),
		);
	}
}
