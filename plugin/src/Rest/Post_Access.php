<?php
/**
 * Who may use Agentic Writer on a post: the check the editor's routes share.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use WP_Error;

/**
 * `edit_posts` for everything, and `edit_post` on the post a request names. Order matters: an
 * account that may not write learns nothing about which posts exist.
 */
final class Post_Access {

	/**
	 * The 401/403/404 a route answers, or true.
	 *
	 * @param int    $post_id     Post the request is about (0: none).
	 * @param string $cannot_edit What the author cannot do when the post is not theirs to edit
	 *                            (a sentence with %d for the post id).
	 * @return true|WP_Error
	 */
	public static function check( int $post_id, string $cannot_edit ) {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return Rest_Controller::permission_error( __( 'Your account cannot use Agentic Writer: it needs the "edit_posts" capability (Contributor role or higher).', 'agentic-writer' ) );
		}
		if ( $post_id > 0 ) {
			if ( ! get_post( $post_id ) ) {
				return self::not_found( $post_id );
			}
			if ( ! current_user_can( 'edit_post', $post_id ) ) {
				return Rest_Controller::permission_error( sprintf( $cannot_edit, $post_id ) );
			}
		}
		return true;
	}

	/**
	 * The 404 for a post id that names no post.
	 *
	 * @param int $post_id Post id.
	 */
	public static function not_found( int $post_id ): WP_Error {
		return new WP_Error(
			'agentic_writer_post_not_found',
			sprintf( 'Invalid parameter post_id: there is no post %d.', $post_id ),
			array(
				'status' => 404,
				'params' => array( 'post_id' => sprintf( 'There is no post %d.', $post_id ) ),
			)
		);
	}
}
