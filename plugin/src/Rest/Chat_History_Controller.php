<?php
/**
 * GET|POST|DELETE agentic-writer/v1/chat/<post id> — the author's chat about a post.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Editor\Chat_History;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Reads, appends to and clears the current user's conversation on one post, so it survives
 * reloads and follows the author to another device.
 */
final class Chat_History_Controller extends Rest_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'chat';

	/**
	 * Arg schemas of POST.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return array(
			'messages' => array(
				'description' => 'Messages to append, oldest first. Required.',
				'type'        => 'array',
				'minItems'    => 1,
				'maxItems'    => 4,
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
							'maxLength' => 20000,
						),
						'meta'    => self::meta_schema(),
					),
				),
			),
		);
	}

	/**
	 * Who answered and what it cost, as the generate route reported it.
	 *
	 * @return array<string,mixed>
	 */
	private static function meta_schema(): array {
		return array(
			'description'          => 'For answers: provider, model, tokens and cost as the generate route reported them.',
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'provider'          => array(
					'type'      => 'string',
					'maxLength' => 200,
				),
				'model'             => array(
					'type'      => 'string',
					'maxLength' => 200,
				),
				'tokens_prompt'     => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
				'tokens_completion' => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
				'cost_usd'          => array(
					'type'    => array( 'number', 'null' ),
					'minimum' => 0,
				),
				'cost_kind'         => array(
					'type' => 'string',
					'enum' => array( 'metered', 'estimated', 'subscription', 'local' ),
				),
			),
		);
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$post_id = array(
			'post_id' => array(
				'description' => 'Post the conversation is about. The user must be able to edit it.',
				'type'        => 'integer',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<post_id>\d+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $post_id,
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $post_id + Request_Validator::documented( self::args() ),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => $post_id,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Authors who may edit the post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function permissions_check( $request ) {
		$post_id = (int) $request['post_id'];
		$can     = Post_Access::check(
			$post_id,
			/* translators: %d: post id */
			__( 'You cannot edit post %d, so you cannot chat with Agentic Writer about it.', 'agentic-writer' )
		);
		return true === $can && $post_id < 1 ? Post_Access::not_found( $post_id ) : $can;
	}

	/**
	 * The conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return self::answer( Chat_History::get( (int) $request['post_id'], get_current_user_id() ) );
	}

	/**
	 * Appends messages.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$params = Request_Validator::validate( $request, self::args(), array( 'messages' ) );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		return self::answer( Chat_History::append( (int) $request['post_id'], get_current_user_id(), $params['messages'] ) );
	}

	/**
	 * Clears the conversation.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function delete_item( $request ) {
		Chat_History::clear( (int) $request['post_id'], get_current_user_id() );
		return self::answer( array() );
	}

	/**
	 * The body every method answers with.
	 *
	 * @param array<int,array<string,mixed>> $messages Messages.
	 */
	private static function answer( array $messages ): WP_REST_Response {
		return new WP_REST_Response(
			array(
				'messages' => $messages,
				'limits'   => array(
					'max_messages' => Chat_History::MAX_MESSAGES,
					'max_chars'    => Chat_History::MAX_CHARS,
				),
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
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-chat',
			'type'       => 'object',
			'properties' => array(
				'messages' => array(
					'description' => 'The conversation, oldest first; past the limits the oldest messages were dropped.',
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'role'    => array(
								'type' => 'string',
								'enum' => array( 'user', 'assistant' ),
							),
							'content' => array( 'type' => 'string' ),
							'at'      => array(
								'description' => 'When it was saved, ISO 8601 UTC.',
								'type'        => 'string',
								'format'      => 'date-time',
							),
							'meta'    => self::meta_schema(),
						),
					),
				),
				'limits'   => array(
					'type'       => 'object',
					'properties' => array(
						'max_messages' => array( 'type' => 'integer' ),
						'max_chars'    => array( 'type' => 'integer' ),
					),
				),
			),
		);
	}
}
