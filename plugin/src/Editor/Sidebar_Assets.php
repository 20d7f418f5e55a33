<?php
/**
 * The block editor sidebar script.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Editor;

use AgenticWriter\Assets\Bundle;

/**
 * Enqueues the `editor-sidebar` bundle in the block editor for users who can write posts.
 */
final class Sidebar_Assets {

	public const ENTRY = 'editor-sidebar';

	/**
	 * Adds the WordPress hook.
	 */
	public function hook(): void {
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues the sidebar when the current user can edit posts.
	 *
	 * @return bool Whether the script was enqueued.
	 */
	public function enqueue(): bool {
		if ( ! current_user_can( 'edit_posts' ) ) {
			return false;
		}
		$result = ( new Bundle( self::ENTRY ) )->enqueue();
		if ( is_wp_error( $result ) ) {
			// The editor has no admin notice area: leave a trace for the developer instead.
			if ( defined( 'WP_DEBUG' ) && WP_DEBUG ) {
				error_log( 'Agentic Writer: ' . $result->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- WP_DEBUG only.
			}
			return false;
		}
		return true;
	}
}
