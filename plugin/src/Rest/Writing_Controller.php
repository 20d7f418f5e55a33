<?php
/**
 * What the routes that write for authors share: who may, on which post, with which provider,
 * and how many at once.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Generation\Concurrency_Limit;
use AgenticWriter\Generation\Request_Guard;
use AgenticWriter\Usage\Usage_Repository;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Base of `generate` and `image`.
 */
abstract class Writing_Controller extends Rest_Controller {

	/**
	 * Choosing the provider or model is the site owner's call: routing spends their money. A
	 * request from anyone else that names one is refused rather than quietly rerouted.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	protected static function can_choose_provider( WP_REST_Request $request ) {
		foreach ( array( 'provider', 'model' ) as $field ) {
			$value = $request->get_param( $field );
			if ( null !== $value && '' !== $value && ! current_user_can( 'manage_options' ) ) {
				return new WP_Error(
					'agentic_writer_forbidden',
					/* translators: %s: provider or model */
					sprintf( __( 'Only administrators can choose the %s of a request. Leave it out and the site\'s routing picks it.', 'agentic-writer' ), $field ),
					array(
						'status' => 403,
						'field'  => $field,
					)
				);
			}
		}
		return true;
	}

	/**
	 * Authors: edit_posts, and edit_post for a given post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	protected static function can_write_for( WP_REST_Request $request ) {
		$post_id = $request->get_param( 'post_id' );
		return Post_Access::check(
			is_numeric( $post_id ) ? (int) $post_id : 0,
			/* translators: %d: post id */
			__( 'You cannot edit post %d, so Agentic Writer cannot write for it.', 'agentic-writer' )
		);
	}

	/**
	 * The guard of a new generation request by the current user.
	 *
	 * @param string $task    Task type.
	 * @param int    $post_id Post (0: none).
	 */
	protected static function guard( string $task, int $post_id ): Request_Guard {
		return new Request_Guard(
			array(
				'task_type' => $task,
				'user_id'   => get_current_user_id(),
				'post_id'   => $post_id,
			),
			new Usage_Repository(),
			Concurrency_Limit::for_site()
		);
	}

	/**
	 * The 429 for a user whose slots are all taken, with Retry-After.
	 *
	 * @param Request_Guard $guard Guard of the refused request.
	 */
	protected static function too_many( Request_Guard $guard ): WP_REST_Response {
		$wait     = $guard->retry_after();
		$error    = new WP_Error(
			'agentic_writer_too_many_requests',
			__( 'You already have as many answers being written as this site allows at once. Wait for one to finish (or stop it), then try again.', 'agentic-writer' ),
			array(
				'status'      => 429,
				'retryable'   => true,
				'retry_after' => $wait,
				'request_id'  => $guard->request_id,
			)
		);
		$response = rest_convert_error_to_response( $error );
		$response->header( 'Retry-After', (string) $wait );
		return $response;
	}
}
