<?php
/**
 * GET agentic-writer/v1/usage/timeseries.
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
 * One point per hour or day of the site's clock (a daylight-saving day has 23 or 25 hours);
 * the points of a range add up to the summary's totals of the same range.
 */
final class Usage_Timeseries_Controller extends Usage_Range_Controller {

	/** Longest range of hourly buckets, in days. */
	public const MAX_HOURLY_DAYS = 62;

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/timeseries';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return self::range_args() + array(
			'bucket' => array(
				'description' => 'hour (ranges up to 62 days) or day. Default: day.',
				'type'        => 'string',
				'enum'        => array( 'hour', 'day' ),
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
	 * The points.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$params = Request_Validator::validate( $request, self::args() );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$bucket = (string) ( $params['bucket'] ?? 'day' );
		$range  = self::range( $params, 'hour' === $bucket ? self::MAX_HOURLY_DAYS : self::MAX_DAYS );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		return new WP_REST_Response( ( new Usage_Report() )->timeseries( $range, $bucket ), 200 );
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		$totals = self::totals_schema()['properties'];
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-usage-timeseries',
			'type'       => 'object',
			'properties' => array(
				'bucket'   => array(
					'type' => 'string',
					'enum' => array( 'hour', 'day' ),
				),
				'from'     => array( 'type' => 'string' ),
				'to'       => array( 'type' => 'string' ),
				'timezone' => array( 'type' => 'string' ),
				'points'   => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'start' => array(
								'description' => 'Start of the bucket, ISO 8601 with the site\'s offset at that time.',
								'type'        => 'string',
							),
						) + array_intersect_key( $totals, array_flip( array( 'requests', 'errors', 'fallbacks', 'tokens_prompt', 'tokens_completion', 'cost_usd' ) ) ),
					),
				),
			),
		);
	}
}
