<?php
/**
 * GET agentic-writer/v1/status — what the plugin runs on. Cheap on purpose: the benchmark uses
 * it as the REST round-trip baseline.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Environment\Database_Engine;
use AgenticWriter\Environment\Plugin_Package;
use AgenticWriter\Usage\Usage_Table;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Plugin status for authors (the version) and administrators (everything).
 */
final class Status_Controller extends Rest_Controller {

	public const ROUTE     = '/status';

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'status';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$context = array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) );
		$this->add_route( self::ROUTE, array( WP_REST_Server::READABLE => array( 'get_item', $context ) ) );
	}

	/**
	 * Authors (anyone who can edit posts) may read the status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return self::require_capability(
			'edit_posts',
			__( 'Your account cannot use Agentic Writer: it needs the "edit_posts" capability (Contributor role or higher). Ask a site administrator to change your role.', 'agentic-writer' )
		);
	}

	/**
	 * Returns the status: the plugin version for every author; what it runs on (PHP, WordPress,
	 * database) for administrators only, as it helps whoever probes a site for weak versions.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		global $wp_version;
		$data = array(
			'version'        => Plugin_Package::VERSION,
			'schema_version' => Usage_Table::stored_version(),
			'db_engine'      => Database_Engine::current(),
			'php_version'    => PHP_VERSION,
			'wp_version'     => (string) $wp_version,
		);
		if ( ! current_user_can( 'manage_options' ) ) {
			$data = array( 'version' => $data['version'] );
		}
		$data = $this->filter_response_by_context( $data, $request['context'] ?? 'view' );
		return rest_ensure_response( $data );
	}

	/**
	 * Response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-status',
			'type'       => 'object',
			'properties' => array(
				'version'        => array(
					'description' => __( 'Plugin version.', 'agentic-writer' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'schema_version' => array(
					'description' => __( 'Usage table schema version stored on this site (0: not installed). Administrators only.', 'agentic-writer' ),
					'type'        => 'integer',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'db_engine'      => array(
					'description' => __( 'Database engine behind WordPress. Administrators only.', 'agentic-writer' ),
					'type'        => 'string',
					'enum'        => array( Database_Engine::SQLITE, Database_Engine::MYSQL ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'php_version'    => array(
					'description' => __( 'PHP version. Administrators only.', 'agentic-writer' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
				'wp_version'     => array(
					'description' => __( 'WordPress version. Administrators only.', 'agentic-writer' ),
					'type'        => 'string',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
