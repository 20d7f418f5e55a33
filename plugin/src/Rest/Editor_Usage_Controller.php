<?php
/**
 * GET agentic-writer/v1/editor/usage — running totals for the editor sidebar.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Usage_Repository;
use DateTimeImmutable;
use DateTimeZone;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * What this post has cost so far (every author's requests) and what the current author has
 * spent today (since midnight in the site's time zone).
 */
final class Editor_Usage_Controller extends Rest_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'editor/usage';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return array(
			'post_id' => array(
				'description' => 'Post whose totals to include. The user must be able to edit it.',
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => array( 'get_item', Request_Validator::documented( self::args() ) ) ) );
	}

	/**
	 * Authors, and for a post those who may edit it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		$post_id = $request->get_param( 'post_id' );
		return Post_Access::check(
			is_numeric( $post_id ) ? (int) $post_id : 0,
			/* translators: %d: post id */
			__( 'You cannot edit post %d, so you cannot see what Agentic Writer has spent on it.', 'agentic-writer' )
		);
	}

	/**
	 * The totals.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$params = Request_Validator::validate( $request, self::args() );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$repo     = new Usage_Repository();
		$timezone = wp_timezone();
		// created_at is UTC: local midnight is converted, so "today" follows the site's clock.
		$midnight = ( new DateTimeImmutable( 'today', $timezone ) )->setTimezone( new DateTimeZone( 'UTC' ) );
		return new WP_REST_Response(
			array(
				'post'     => isset( $params['post_id'] ) ? $repo->totals_for_post( (int) $params['post_id'] ) : null,
				'today'    => $repo->totals_for_user_since( get_current_user_id(), $midnight->format( 'Y-m-d H:i:s' ) ),
				'timezone' => wp_timezone_string(),
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
		$money = array();
		foreach ( Usage_Repository::COST_KINDS as $kind ) {
			$money[ $kind ] = array( 'type' => 'number' );
		}
		$totals = array(
			'type'       => 'object',
			'properties' => array(
				'requests'          => array(
					'description' => 'Requests made; one that fell back to another provider counts once.',
					'type'        => 'integer',
				),
				'tokens_prompt'     => array( 'type' => 'integer' ),
				'tokens_completion' => array( 'type' => 'integer' ),
				'cost_usd'          => array(
					'description' => 'US dollars by how the cost is known: metered (the provider said), estimated (from prices), subscription (a plan\'s credit), local (own hardware).',
					'type'        => 'object',
					'properties'  => $money,
				),
			),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-editor-usage',
			'type'       => 'object',
			'properties' => array(
				'post'     => array(
					'description' => 'Every request made for post_id, by any author; null without post_id.',
					'type'        => array( 'object', 'null' ),
				) + $totals,
				'today'    => array( 'description' => 'The current user\'s requests since midnight in the site\'s time zone.' ) + $totals,
				'timezone' => array(
					'description' => 'The site\'s time zone (a name such as Europe/Berlin, or an offset such as +02:00).',
					'type'        => 'string',
				),
			),
		);
	}
}
