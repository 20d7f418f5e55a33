<?php
/**
 * POST agentic-writer/v1/generate — text for a task, as SSE or JSON.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Generation\Generation_Service;
use AgenticWriter\Generation\Stream_Writer;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Routing\Router;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Validation\Invalid_Param;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Streams Server-Sent Events (start, delta, fallback, usage, error, done) when the client
 * accepts `text/event-stream`, answers JSON otherwise.
 */
final class Generate_Controller extends Writing_Controller {

	/**
	 * Size limits, in characters. They fit real posts: Write's prompt (brief, answers and
	 * outline) stays under ~80,000; Refine sends the selected blocks' HTML, 100 kB and more for
	 * a long post; the sidebar sends the last 20 chat turns. Past them a 400 names the field.
	 */
	public const MAX_PROMPT         = 100000;
	public const MAX_SELECTION      = 200000;
	public const MAX_MESSAGES       = 50;
	public const MAX_MESSAGE        = 100000;
	public const MAX_MESSAGES_TOTAL = 200000;

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'generate';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return array(
			'task'      => array(
				'description' => 'Task type. Required.',
				'type'        => 'string',
				'enum'        => array_values( array_diff( Settings::TASKS, array( 'image' ) ) ),
			),
			'prompt'    => array(
				'description' => 'What the author asks (for refinement: the instruction). Required unless messages are given. At most 100,000 characters.',
				'type'        => 'string',
				'maxLength'   => self::MAX_PROMPT,
			),
			'messages'  => array(
				'description' => 'Earlier turns of the conversation: at most 50, 200,000 characters in all.',
				'type'        => 'array',
				'maxItems'    => self::MAX_MESSAGES,
				'items'       => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'required'             => array( 'role', 'content' ),
					'properties'           => array(
						'role'    => array(
							'type' => 'string',
							'enum' => array( 'user', 'assistant' ),
						),
						'content' => array(
							'type'      => 'string',
							'maxLength' => self::MAX_MESSAGE,
						),
					),
				),
			),
			'post_id'   => array(
				'description' => 'Post being written; its title and an excerpt go into the prompt. The user must be able to edit it.',
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'selection' => array(
				'description' => 'Selected text (the blocks\' HTML) to rewrite. Required for refinement. At most 200,000 characters.',
				'type'        => 'string',
				'maxLength'   => self::MAX_SELECTION,
			),
			'provider'  => array(
				'description' => 'Force one provider (no fallback). Administrators only.',
				'type'        => 'string',
				'pattern'     => Provider_Types::id_pattern(),
			),
			'model'     => array(
				'description' => 'Model for the first provider of the chain. Administrators only.',
				'type'        => 'string',
				'maxLength'   => 200,
			),
		);
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::CREATABLE => array( 'create_item', Request_Validator::documented( self::args() ) ) ) );
	}

	/**
	 * Authors who can edit posts, and the given post if any.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		$can = self::can_write_for( $request );
		return true === $can ? self::can_choose_provider( $request ) : $can;
	}

	/**
	 * Generates.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$params = Request_Validator::validate( $request, self::args(), array( 'task' ) );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		if ( 'refinement' === $params['task'] && '' === trim( (string) ( $params['selection'] ?? '' ) ) ) {
			return Invalid_Param::error( 'selection', 'selection is required for refinement: send the text to rewrite.' );
		}
		if ( '' === trim( (string) ( $params['prompt'] ?? '' ) ) && array() === ( $params['messages'] ?? array() ) ) {
			return Invalid_Param::error( 'prompt', 'prompt is required (or messages with at least one turn).' );
		}
		$total = array_sum( array_map( static fn ( array $m ): int => mb_strlen( (string) $m['content'] ), $params['messages'] ?? array() ) );
		if ( $total > self::MAX_MESSAGES_TOTAL ) {
			$message = sprintf( 'the turns hold %1$s characters in all; at most %2$s are accepted. Send fewer or shorter turns.', number_format( $total ), number_format( self::MAX_MESSAGES_TOTAL ) );
			return Invalid_Param::error( 'messages', $message );
		}
		$guard = self::guard( (string) $params['task'], (int) ( $params['post_id'] ?? 0 ) );
		if ( ! $guard->take_slot() ) {
			return self::too_many( $guard );
		}
		$service = new Generation_Service( Router::for_site() );
		if ( Stream_Writer::wanted( $request ) ) {
			$error = $service->stream( $params, new Stream_Writer(), $guard );
			if ( null !== $error ) {
				return $error;
			}
			exit;
		}
		$body = $service->generate( $params, $guard );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		add_filter( 'rest_pre_echo_response', array( self::class, 'echo_with_length' ), PHP_INT_MAX, 3 );
		return new WP_REST_Response( $body, 200 );
	}

	/**
	 * Sends the JSON answer with a Content-Length, so the client has it all before PHP writes
	 * the usage rows at shutdown (php -S and most servers close the connection only then).
	 *
	 * @param mixed           $result  Response data.
	 * @param \WP_REST_Server $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed Null when it sent the body itself.
	 */
	public static function echo_with_length( $result, $server, $request ) {
		remove_filter( 'rest_pre_echo_response', array( self::class, 'echo_with_length' ), PHP_INT_MAX );
		if ( ! is_array( $result ) || null !== $request->get_param( '_jsonp' ) || headers_sent() ) {
			return $result;
		}
		/** This filter is documented in wp-includes/rest-api/class-wp-rest-server.php */
		$options = (int) apply_filters( 'rest_json_encode_options', $request->has_param( '_pretty' ) ? JSON_PRETTY_PRINT : 0, $request );
		$json    = wp_json_encode( $result, $options );
		if ( false === $json ) {
			return $result;
		}
		header( 'Content-Length: ' . strlen( $json ) );
		echo $json; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON body, as WP_REST_Server would echo it.
		flush();
		return null;
	}

	/**
	 * Schema of the JSON answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-generation',
			'type'       => 'object',
			'properties' => array(
				'request_id'       => array( 'type' => 'string' ),
				'text'             => array( 'type' => 'string' ),
				'provider'         => array( 'type' => 'string' ),
				'model'            => array( 'type' => 'string' ),
				'usage'            => array(
					'type'       => 'object',
					'properties' => array(
						'tokens_prompt'     => array( 'type' => 'integer' ),
						'tokens_completion' => array( 'type' => 'integer' ),
						'cost_usd'          => array( 'type' => array( 'number', 'null' ) ),
						'cost_kind'         => array(
							'type' => 'string',
							'enum' => array( 'metered', 'estimated', 'subscription', 'local' ),
						),
					),
				),
				'fallbacks'        => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'from'   => array( 'type' => 'string' ),
							'reason' => array( 'type' => 'string' ),
						),
					),
				),
				'structured'       => array(
					'description' => 'clarity: { questions }, planning: the outline; null when the answer did not match.',
					'type'        => array( 'object', 'null' ),
				),
				'structured_error' => array( 'type' => array( 'string', 'null' ) ),
			),
		);
	}
}
