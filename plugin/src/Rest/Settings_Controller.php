<?php
/**
 * GET/POST agentic-writer/v1/settings.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Usage\Ingest_Secret;
use AgenticWriter\Usage\Pricing;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Reads and writes the settings whole or in part. Keys are write-only: GET shows
 * api_key_set / api_key_hint; an empty posted key keeps the stored one. Saving a provider's
 * settings resets its circuit breaker (the owner just fixed it).
 */
final class Settings_Controller extends Rest_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route(
			'/' . $this->rest_base,
			array(
				WP_REST_Server::READABLE => 'get_item',
				WP_REST_Server::EDITABLE => array( 'update_item', Request_Validator::documented( Settings::schema() ) ),
			)
		);
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
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return self::require_admin();
	}

	/**
	 * The settings, keys masked.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return new WP_REST_Response( self::view(), 200 );
	}

	/**
	 * The settings as shown, with whether an ingest secret is set (its value never).
	 *
	 * @return array<string,mixed>
	 */
	private static function view(): array {
		return Settings::public_view() + array( 'ingest' => Ingest_Secret::public_view() );
	}

	/**
	 * Saves a whole or partial settings object.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$patch = $request->get_json_params();
		if ( ! is_array( $patch ) || ( array() !== $patch && array_is_list( $patch ) ) ) {
			return new WP_Error( 'agentic_writer_invalid_body', 'Send the settings as a JSON object (Content-Type: application/json), e.g. {"provider_mode":"hybrid"}.', array( 'status' => 400 ) );
		}
		$saved = Settings::update( $patch );
		if ( is_wp_error( $saved ) ) {
			return $saved;
		}
		$breaker = Circuit_Breaker::from_settings();
		foreach ( $saved['changed'] as $id ) {
			$breaker->reset( $id );
			if ( 'openrouter' === $id ) {
				Pricing::forget();
			}
		}
		return new WP_REST_Response( self::view(), 200 );
	}

	/**
	 * Schema: the settings object with keys replaced by api_key_set / api_key_hint.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-settings',
			'type'       => 'object',
			'properties' => Settings::schema(),
		);
	}
}
