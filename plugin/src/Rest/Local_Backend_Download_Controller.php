<?php
/**
 * GET agentic-writer/v1/local-backend/download — the local backend zip the build put beside
 * the plugin, as a file download for site administrators.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Environment\Plugin_Package;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Streams `plugin/build/agentic-writer-local-backend.zip`.
 *
 * The callback answers with headers and the file path; `serve_file()` (on
 * `rest_pre_serve_request`) streams the bytes instead of JSON. In-process callers
 * (`rest_do_request`) therefore get a normal response object and never a stray exit.
 */
final class Local_Backend_Download_Controller extends Rest_Controller {

	public const ROUTE     = '/local-backend/download';
	public const FILE_NAME = 'agentic-writer-local-backend.zip';

	/**
	 * Response header that marks our file responses for `serve_file()`.
	 */
	private const FILE_HEADER = 'X-Agentic-Writer-File';

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'local-backend/download';

	/**
	 * Absolute path of the zip: inside the plugin unless a site points elsewhere.
	 */
	public static function zip_path(): string {
		/**
		 * Filters where the local backend zip is read from (e.g. a copy outside the plugin folder).
		 *
		 * @param string $path Absolute path, default `plugin/build/agentic-writer-local-backend.zip`.
		 */
		return (string) apply_filters( 'agentic_writer_local_backend_zip_path', Plugin_Package::dir() . 'build/' . self::FILE_NAME );
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( self::ROUTE, array( WP_REST_Server::READABLE => 'get_item' ) );
	}

	/**
	 * Site administrators only: the zip holds a server that runs on the author's machine.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return self::require_capability( 'manage_options', __( 'Only site administrators (the "manage_options" capability) can download the Agentic Writer local backend.', 'agentic-writer' ) );
	}

	/**
	 * Answers with the file's headers, or 404 when the build did not produce the zip.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$path = self::zip_path();
		if ( ! is_readable( $path ) ) {
			return new WP_Error(
				'agentic_writer_backend_zip_missing',
				__(
					'The local backend package is not in this copy of the plugin. Install the release zip of Agentic Writer, or run "npm run build" in its repository, then try again.',
					'agentic-writer'
				),
				array( 'status' => 404 )
			);
		}

		$response = new WP_REST_Response(
			array(
				'file' => self::FILE_NAME,
				'size' => (int) filesize( $path ),
			),
			200
		);
		$response->header( 'Content-Type', 'application/zip' );
		$response->header( 'Content-Disposition', 'attachment; filename="' . self::FILE_NAME . '"' );
		$response->header( 'Content-Length', (string) filesize( $path ) );
		$response->header( 'Cache-Control', 'no-store' );
		$response->header( self::FILE_HEADER, self::FILE_NAME );
		return $response;
	}

	/**
	 * Streams the zip in place of the JSON body (filter `rest_pre_serve_request`).
	 *
	 * @param bool             $served  Whether the request was already served.
	 * @param WP_HTTP_Response $result  Response about to be sent.
	 * @param WP_REST_Request  $request Request.
	 * @param WP_REST_Server   $server  Server.
	 * @return bool
	 */
	public static function serve_file( $served, $result, $request, $server ) {
		if ( $served || ! $result instanceof WP_HTTP_Response || 200 !== $result->get_status() ) {
			return (bool) $served;
		}
		$headers = $result->get_headers();
		if ( ! isset( $headers[ self::FILE_HEADER ] ) || self::ROUTE !== substr( (string) $request->get_route(), -strlen( self::ROUTE ) ) ) {
			return (bool) $served;
		}
		// The REST server already sent our headers with the status; drop its JSON type and marker.
		if ( ! headers_sent() ) {
			header_remove( self::FILE_HEADER );
			header( 'Content-Type: application/zip' );
		}
		readfile( self::zip_path() ); // phpcs:ignore
		return true;
	}

	/**
	 * Schema of the JSON view of the response (the file itself is streamed).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-local-backend-download',
			'type'       => 'object',
			'properties' => array(
				'file' => array(
					'description' => __( 'File name of the download.', 'agentic-writer' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'size' => array(
					'description' => __( 'Size in bytes.', 'agentic-writer' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
