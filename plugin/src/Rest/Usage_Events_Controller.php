<?php
/**
 * GET agentic-writer/v1/usage/events.
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
 * Recent fallbacks and errors, newest first, each with its reason and who answered instead:
 * an error row names the provider that then served the request (or none), a fallback row the
 * reason the provider before it failed (`circuit_open` when it was skipped).
 */
final class Usage_Events_Controller extends Usage_Range_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/events';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return self::range_args() + array(
			'page'     => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'per_page' => array(
				'description' => 'Events per page, 1-100. Default 20.',
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
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
	 * The events.
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
		$per_page = (int) ( $params['per_page'] ?? 20 );
		$rows     = new Usage_Rows();
		$found    = $rows->events( $range->from_utc(), $range->to_utc(), $per_page, ( (int) ( $params['page'] ?? 1 ) - 1 ) * $per_page );
		$related  = array();
		foreach ( $rows->of_requests( array_column( $found['rows'], 'request_id' ) ) as $row ) {
			$related[ $row['request_id'] ][] = $row;
		}
		$events = array();
		foreach ( $found['rows'] as $row ) {
			$events[] = self::event( Usage_Breakdown_Controller::row( $row ), $related[ $row['request_id'] ] ?? array() );
		}
		$response = new WP_REST_Response(
			array(
				'total'  => $found['total'],
				'events' => $events,
			),
			200
		);
		$response->header( 'X-WP-Total', (string) $found['total'] );
		return $response;
	}

	/**
	 * One event with its reason and who answered instead.
	 *
	 * @param array<string,mixed>            $row     The error or fallback row.
	 * @param array<int,array<string,mixed>> $request Every row of its request, oldest first.
	 * @return array<string,mixed>
	 */
	private static function event( array $row, array $request ): array {
		$answered_by = null;
		$reason      = (string) $row['error_code'];
		if ( 'error' === $row['status'] ) {
			foreach ( $request as $other ) {
				if ( (int) $other['id'] > $row['id'] && $other['fallback_from'] === $row['provider'] && 'error' !== $other['status'] ) {
					$answered_by = (string) $other['provider'];
				}
			}
		} else {
			$answered_by = (string) $row['provider'];
			$reason      = 'circuit_open';
			foreach ( $request as $other ) {
				if ( (int) $other['id'] < $row['id'] && $other['provider'] === $row['fallback_from'] && 'error' === $other['status'] ) {
					$reason = (string) $other['error_code'];
				}
			}
		}
		return array(
			'type'        => 'error' === $row['status'] ? 'error' : 'fallback',
			'created_at'  => $row['created_at'],
			'request_id'  => $row['request_id'],
			'task_type'   => $row['task_type'],
			'user_id'     => $row['user_id'],
			'provider'    => 'error' === $row['status'] ? $row['provider'] : $row['fallback_from'],
			'model'       => $row['model'],
			'reason'      => $reason,
			'answered_by' => $answered_by,
			'source'      => $row['source'],
		);
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		$string = array( 'type' => 'string' );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-usage-events',
			'type'       => 'object',
			'properties' => array(
				'total'  => array( 'type' => 'integer' ),
				'events' => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'type'        => array(
								'type' => 'string',
								'enum' => array( 'error', 'fallback' ),
							),
							'created_at'  => $string,
							'request_id'  => $string,
							'provider'    => array( 'description' => 'The provider that failed (or was skipped).' ) + $string,
							'reason'      => array( 'description' => 'Why: its error code, or circuit_open when it was skipped.' ) + $string,
							'answered_by' => array(
								'description' => 'The provider that served the request instead; null when none did.',
								'type'        => array( 'string', 'null' ),
							),
						),
					),
				),
			),
		);
	}
}
