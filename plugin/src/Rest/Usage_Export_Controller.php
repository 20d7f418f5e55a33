<?php
/**
 * GET agentic-writer/v1/usage/export — the rows of a range as CSV.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Usage_Rows;
use WP_HTTP_Response;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * A REST route (so application passwords and the REST nonce work as for every other route)
 * whose body is `text/csv`, streamed in chunks of rows so a month of a busy site does not have
 * to fit in memory. Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
final class Usage_Export_Controller extends Usage_Range_Controller {

	/** Marker header between the callback and the streaming filter. */
	private const CSV_HEADER = 'X-Agentic-Writer-Csv';

	private const CHUNK = 2000;

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/export';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => array( 'get_items', Request_Validator::documented( self::range_args() ) ) ) );
	}

	/**
	 * The file's headers; the body follows from serve_csv().
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$params = Request_Validator::validate( $request, self::range_args() );
		$range  = is_wp_error( $params ) ? $params : self::range( $params );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		$name     = sprintf( 'agentic-writer-usage-%s-to-%s.csv', $range->start->format( 'Y-m-d' ), $range->end->modify( '-1 day' )->format( 'Y-m-d' ) );
		$response = new WP_REST_Response(
			array(
				'from' => $range->from_utc(),
				'to'   => $range->to_utc(),
				'file' => $name,
			),
			200
		);
		$response->header( 'Content-Disposition', 'attachment; filename="' . $name . '"' );
		$response->header( 'Cache-Control', 'no-store' );
		$response->header( self::CSV_HEADER, '1' );
		return $response;
	}

	/**
	 * Streams the CSV in place of the JSON body (filter `rest_pre_serve_request`).
	 *
	 * @param bool             $served  Whether the request was already served.
	 * @param WP_HTTP_Response $result  Response about to be sent.
	 * @param WP_REST_Request  $request Request.
	 * @param \WP_REST_Server  $server  Server.
	 * @return bool
	 */
	public static function serve_csv( $served, $result, $request, $server ) {
		if ( $served || ! $result instanceof WP_HTTP_Response || 200 !== $result->get_status() || ! isset( $result->get_headers()[ self::CSV_HEADER ] ) ) {
			return (bool) $served;
		}
		$data = (array) $result->get_data();
		if ( ! headers_sent() ) {
			header_remove( self::CSV_HEADER );
			header( 'Content-Type: text/csv; charset=utf-8' );
		}
		$out     = fopen( 'php://output', 'w' );
		$columns = array_map( 'trim', explode( ',', Usage_Rows::SHOWN ) );
		fputcsv( $out, $columns, ',', '"', '' );
		$rows  = new Usage_Rows();
		$after = 0;
		do {
			$chunk = $rows->chunk( (string) $data['from'], (string) $data['to'], $after, self::CHUNK );
			foreach ( $chunk as $row ) {
				$after = (int) $row['id'];
				fputcsv( $out, array_map( array( self::class, 'cell' ), array_values( $row ) ), ',', '"', '' );
			}
			flush();
		} while ( count( $chunk ) === self::CHUNK );
		fclose( $out );
		return true;
	}

	/**
	 * A cell a spreadsheet will not run as a formula.
	 *
	 * @param mixed $value Value.
	 */
	public static function cell( $value ): string {
		$text = (string) $value;
		return '' !== $text && in_array( $text[0], array( '=', '+', '-', '@', "\t", "\r" ), true ) && ! is_numeric( $text ) ? "'" . $text : $text;
	}

	/**
	 * Schema of the JSON view (the file itself is streamed).
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-usage-export',
			'type'       => 'object',
			'properties' => array(
				'file' => array(
					'description' => 'The CSV is the body: one line per usage row of the range, the columns of DESIGN.md §5, created_at in UTC.',
					'type'        => 'string',
				),
			),
		);
	}
}
