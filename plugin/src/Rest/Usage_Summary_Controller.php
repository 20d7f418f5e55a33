<?php
/**
 * GET agentic-writer/v1/usage/summary.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Usage_Report;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Totals of a range of days, optionally per provider, model, task, user or day.
 */
final class Usage_Summary_Controller extends Usage_Range_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/summary';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return self::range_args() + array(
			'group_by' => array(
				'description' => 'Also give the totals per provider, model, task, user or day (at most 100 groups, most requests first; days in order).',
				'type'        => 'string',
				'enum'        => array( 'provider', 'model', 'task', 'user', 'day' ),
			),
		);
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => array( 'get_items', Request_Validator::documented( self::args() ) ) ) );
	}

	/**
	 * The summary.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$params = Request_Validator::validate( $request, self::args() );
		$range  = is_wp_error( $params ) ? $params : self::range( $params );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		return new WP_REST_Response( ( new Usage_Report() )->summary( $range, $params['group_by'] ?? null ), 200 );
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		$totals = self::totals_schema();
		$group  = $totals;
		$group['properties']['key'] = array(
			'description' => 'Provider id, model, task type, user id or day (YYYY-MM-DD).',
			'type'        => array( 'string', 'integer' ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-usage-summary',
			'type'       => 'object',
			'properties' => array(
				'from'     => array( 'type' => 'string' ),
				'to'       => array( 'type' => 'string' ),
				'timezone' => array( 'type' => 'string' ),
				'totals'   => $totals,
				'groups'   => array(
					'type'  => 'array',
					'items' => $group,
				),
			),
		);
	}
}
