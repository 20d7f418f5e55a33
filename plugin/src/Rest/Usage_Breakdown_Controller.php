<?php
/**
 * GET agentic-writer/v1/usage/breakdown.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Usage_Rows;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The rows of a range, one per provider call: paged, sorted, filtered. X-WP-Total and
 * X-WP-TotalPages as WordPress's own collections give them.
 */
final class Usage_Breakdown_Controller extends Usage_Range_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/breakdown';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		$text = array(
			'type'      => 'string',
			'maxLength' => 191,
		);
		return self::range_args() + array(
			'page'      => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'per_page'  => array(
				'description' => 'Rows per page, 1-200. Default 50.',
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 200,
			),
			'orderby'   => array(
				'type' => 'string',
				'enum' => Usage_Rows::SORTABLE,
			),
			'order'     => array(
				'type' => 'string',
				'enum' => array( 'asc', 'desc' ),
			),
			'provider'  => $text,
			'model'     => $text,
			'task'      => $text,
			'user'      => array(
				'type'    => 'integer',
				'minimum' => 0,
			),
			'status'    => array(
				'type' => 'string',
				'enum' => array( 'ok', 'error', 'fallback' ),
			),
			'cost_kind' => array(
				'type' => 'string',
				'enum' => array( 'metered', 'estimated', 'subscription', 'local' ),
			),
			'source'    => $text,
		);
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => array( 'get_items', Request_Validator::documented( self::args() ) ) ) );
	}

	/**
	 * One page of rows.
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
		$page     = (int) ( $params['page'] ?? 1 );
		$per_page = (int) ( $params['per_page'] ?? 50 );
		$found    = ( new Usage_Rows() )->page(
			$range->from_utc(),
			$range->to_utc(),
			array_intersect_key( $params, Usage_Rows::FILTERS ),
			(string) ( $params['orderby'] ?? 'created_at' ),
			(string) ( $params['order'] ?? 'desc' ),
			$per_page,
			( $page - 1 ) * $per_page
		);
		$pages    = (int) ceil( $found['total'] / $per_page );
		$response = new WP_REST_Response(
			array(
				'total'    => $found['total'],
				'page'     => $page,
				'per_page' => $per_page,
				'rows'     => array_map( array( self::class, 'row' ), $found['rows'] ),
			),
			200
		);
		$response->header( 'X-WP-Total', (string) $found['total'] );
		$response->header( 'X-WP-TotalPages', (string) $pages );
		return $response;
	}

	/**
	 * A row as the API shows it: numbers as numbers, created_at as ISO 8601 UTC.
	 *
	 * @param array<string,mixed> $row Database row.
	 * @return array<string,mixed>
	 */
	public static function row( array $row ): array {
		foreach ( array( 'id', 'user_id', 'post_id', 'tokens_prompt', 'tokens_completion', 'tokens_total', 'latency_ms', 'attempt' ) as $int ) {
			$row[ $int ] = (int) $row[ $int ];
		}
		$row['ttft_ms']    = null === $row['ttft_ms'] ? null : (int) $row['ttft_ms'];
		$row['cost_usd']   = null === $row['cost_usd'] ? null : round( (float) $row['cost_usd'], 8 );
		$row['created_at'] = str_replace( ' ', 'T', (string) $row['created_at'] ) . 'Z';
		return $row;
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-usage-breakdown',
			'type'       => 'object',
			'properties' => array(
				'total'    => array( 'type' => 'integer' ),
				'page'     => array( 'type' => 'integer' ),
				'per_page' => array( 'type' => 'integer' ),
				'rows'     => array(
					'description' => 'Usage rows (DESIGN.md §5 columns), created_at in UTC.',
					'type'        => 'array',
					'items'       => array( 'type' => 'object' ),
				),
			),
		);
	}
}
