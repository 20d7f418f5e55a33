<?php
/**
 * POST agentic-writer/v1/usage/ingest and POST usage/ingest/secret.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Ingest_Secret;
use AgenticWriter\Usage\Usage_Ingest;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * External proxies (a Python LLM router, a gateway) post what they spent. Two ways in: an
 * application password of a user with manage_options, or an HMAC-SHA256 signature of
 * "<timestamp>.<raw body>" with the site's ingest secret (headers X-Agentic-Writer-Timestamp
 * and X-Agentic-Writer-Signature: sha256=<hex>), valid 5 minutes either side.
 */
final class Usage_Ingest_Controller extends Rest_Controller {

	/** Largest body accepted, in bytes. */
	public const MAX_BODY = 1048576;

	/** Most records in one batch. */
	public const MAX_RECORDS = 1000;

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'usage/ingest';

	/**
	 * Arg schemas (the body).
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		$count  = array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 4294967295,
		);
		$string = static fn ( int $max ): array => array(
			'type'      => 'string',
			'maxLength' => $max,
		);
		return array(
			'source'  => array(
				'description' => 'Name of the sender, recorded as ingest:<name> (lowercase letters, digits, . _ -).',
				'type'        => 'string',
				'pattern'     => '^[a-z0-9][a-z0-9._-]{0,47}$',
			),
			'records' => array(
				'description' => 'At most 1,000 usage records.',
				'type'        => 'array',
				'minItems'    => 1,
				'maxItems'    => self::MAX_RECORDS,
				'items'       => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'required'             => array( 'request_id', 'created_at', 'provider', 'model', 'task_type', 'tokens_prompt', 'tokens_completion' ),
					'properties'           => array(
						'request_id'        => array( 'minLength' => 1 ) + $string( 64 ),
						'created_at'        => array(
							'description' => 'ISO 8601 with a time zone, e.g. 2026-12-03T10:15:00Z.',
							'type'        => 'string',
							'format'      => 'date-time',
						),
						'provider'          => array( 'minLength' => 1 ) + $string( 191 ),
						'model'             => $string( 191 ),
						'task_type'         => array( 'minLength' => 1 ) + $string( 32 ),
						'tokens_prompt'     => $count,
						'tokens_completion' => $count,
						'cost_usd'          => array(
							'type'    => array( 'number', 'null' ),
							'minimum' => 0,
						),
						'cost_kind'         => array(
							'type' => 'string',
							'enum' => array( 'metered', 'estimated', 'subscription', 'local' ),
						),
						'latency_ms'        => $count,
						'ttft_ms'           => $count,
						'status'            => array(
							'type' => 'string',
							'enum' => array( 'ok', 'error', 'fallback' ),
						),
						'fallback_from'     => $string( 191 ),
						'error_code'        => $string( 64 ),
					),
				),
			),
		);
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::CREATABLE => array( 'create_item', Request_Validator::documented( self::args() ) ) ) );
		$this->add_route( '/' . $this->rest_base . '/secret', array( WP_REST_Server::CREATABLE => 'rotate_secret' ) );
	}

	/**
	 * An administrator's application password (or cookie and nonce), or a valid signature.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		$signature = (string) $request->get_header( 'x_agentic_writer_signature' );
		if ( '' === $signature || is_user_logged_in() ) {
			return self::permission_error( __( 'Only administrators (manage_options) or a sender with the site\'s ingest secret can post usage.', 'agentic-writer' ) );
		}
		$valid = Ingest_Secret::verify( $request->get_body(), (string) $request->get_header( 'x_agentic_writer_timestamp' ), $signature );
		return true === $valid ? true : new WP_Error( 'agentic_writer_bad_signature', $valid, array( 'status' => 401 ) );
	}

	/**
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function rotate_secret_permissions_check( $request ) {
		return self::require_admin();
	}

	/**
	 * Writes a batch.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		if ( strlen( $request->get_body() ) > self::MAX_BODY ) {
			return new WP_Error(
				'agentic_writer_payload_too_large',
				sprintf( 'The body is %1$s bytes; at most %2$s are accepted. Send smaller batches.', number_format( strlen( $request->get_body() ) ), number_format( self::MAX_BODY ) ),
				array( 'status' => 413 )
			);
		}
		$params = Request_Validator::validate( $request, self::args(), array( 'source', 'records' ) );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$result = ( new Usage_Ingest() )->ingest( (string) $params['source'], (array) $params['records'], get_current_user_id() );
		return new WP_REST_Response( $result, 200 );
	}

	/**
	 * Generates a new ingest secret and shows it, this once.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function rotate_secret( $request ) {
		$secret = Ingest_Secret::rotate();
		return new WP_REST_Response(
			array(
				'secret' => $secret,
				'note'   => 'Shown once: store it in the sender. The previous secret no longer works.',
			) + Ingest_Secret::public_view(),
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
			'title'      => 'agentic-writer-usage-ingest',
			'type'       => 'object',
			'properties' => array(
				'accepted'   => array(
					'description' => 'Records written.',
					'type'        => 'integer',
				),
				'duplicates' => array(
					'description' => 'Records whose request_id was seen before: nothing changed.',
					'type'        => 'integer',
				),
			),
		);
	}
}
