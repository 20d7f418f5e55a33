<?php
/**
 * GET agentic-writer/v1/providers/{id}/models — the models a provider offers, for the settings
 * page's model picker.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Routing\Site_Providers;
use AgenticWriter\Settings\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Lists are kept ten minutes per provider and configuration (one transient for all), so opening
 * the picker again does not call the provider again; `refresh=1` asks anew.
 */
final class Provider_Models_Controller extends Rest_Controller {

	public const TRANSIENT = 'agentic_writer_model_lists';

	private const TTL = 10 * MINUTE_IN_SECONDS;

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route(
			'/providers/(?P<id>[a-z0-9_:-]+)/models',
			array( WP_REST_Server::READABLE => array( 'get_items', Request_Validator::documented( self::args() ) ) )
		);
	}

	/**
	 * Args schema.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	private static function args(): array {
		return array(
			'id'      => array(
				'description' => 'Provider id, e.g. openrouter or openai_compatible:<id>.',
				'type'        => 'string',
			),
			'refresh' => array(
				'description' => 'Ask the provider even when a list is cached.',
				'type'        => 'boolean',
			),
		);
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
	 * The list, from the cache or the provider.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$params = Request_Validator::validate( $request, self::args(), array( 'id' ) );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$id       = (string) $params['id'];
		$provider = Site_Providers::registry()->get( $id );
		if ( null === $provider ) {
			return new WP_Error(
				'agentic_writer_unknown_provider',
				sprintf( 'There is no provider "%s". Known: %s.', $id, implode( ', ', Settings::provider_ids() ) ),
				array( 'status' => 404 )
			);
		}
		$version = md5( (string) wp_json_encode( Settings::provider_config( $id ) ) );
		$lists   = get_transient( self::TRANSIENT );
		$lists   = is_array( $lists ) ? $lists : array();
		$cached  = $lists[ $id ] ?? null;
		if ( empty( $params['refresh'] ) && is_array( $cached ) && $cached['version'] === $version && $cached['until'] > time() ) {
			return $this->answer( $id, $cached['models'], true );
		}
		try {
			$models = $provider->models();
		} catch ( Provider_Error $e ) {
			return new WP_Error(
				'agentic_writer_models_unavailable',
				sprintf(
					/* translators: 1: provider label, 2: what failed */
					__( 'Could not list the models of %1$s (%2$s). Type the model name instead, or test the connection to see what is wrong.', 'agentic-writer' ),
					$provider->label(),
					$e->getMessage()
				),
				array( 'status' => 502 )
			);
		}
		$lists[ $id ] = array(
			'version' => $version,
			'until'   => time() + self::TTL,
			'models'  => $models,
		);
		set_transient( self::TRANSIENT, $lists, self::TTL );
		return $this->answer( $id, $models, false );
	}

	/**
	 * The response body.
	 *
	 * @param string                                  $id     Provider id.
	 * @param array<int,array{id:string,name:string}> $models Models.
	 * @param bool                                    $cached From the cache.
	 */
	private function answer( string $id, array $models, bool $cached ): WP_REST_Response {
		return new WP_REST_Response(
			array(
				'provider' => $id,
				'models'   => array_values( $models ),
				'cached'   => $cached,
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
			'title'      => 'agentic-writer-provider-models',
			'type'       => 'object',
			'properties' => array(
				'provider' => array( 'type' => 'string' ),
				'models'   => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'id'   => array( 'type' => 'string' ),
							'name' => array( 'type' => 'string' ),
						),
					),
				),
				'cached'   => array( 'type' => 'boolean' ),
			),
		);
	}
}
