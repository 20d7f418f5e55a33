<?php
/**
 * The sidebar's chat about a post, kept per post and per author.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Editor;

/**
 * Stored in post meta `_agentic_writer_chat_<user id>`: it goes with the post (export, deletion)
 * and each author sees only their own. Capped so a long conversation cannot grow the post's
 * meta without bound: the oldest messages go first.
 */
final class Chat_History {

	public const META_PREFIX = '_agentic_writer_chat_';

	public const MAX_MESSAGES = 50;

	public const MAX_CHARS = 200000;

	/**
	 * Hooks the clean-up of a deleted account's conversations.
	 */
	public function hook(): void {
		add_action( 'deleted_user', array( self::class, 'forget_user' ) );
	}

	/**
	 * Meta key of one author's conversation.
	 *
	 * @param int $user_id User id.
	 */
	public static function meta_key( int $user_id ): string {
		return self::META_PREFIX . $user_id;
	}

	/**
	 * Messages, oldest first.
	 *
	 * @param int $post_id Post id.
	 * @param int $user_id User id.
	 * @return array<int,array<string,mixed>>
	 */
	public static function get( int $post_id, int $user_id ): array {
		$stored = get_post_meta( $post_id, self::meta_key( $user_id ), true );
		return is_array( $stored ) ? array_values( $stored ) : array();
	}

	/**
	 * Appends messages (stamped with the time now), trims to the caps and saves.
	 *
	 * @param int                              $post_id  Post id.
	 * @param int                              $user_id  User id.
	 * @param array<int,array<string,mixed>>   $messages Validated messages: role, content, meta?.
	 * @return array<int,array<string,mixed>> Every message kept.
	 */
	public static function append( int $post_id, int $user_id, array $messages ): array {
		$at  = gmdate( 'Y-m-d\TH:i:s\Z' );
		$all = self::get( $post_id, $user_id );
		foreach ( $messages as $message ) {
			$entry = array(
				'role'    => (string) $message['role'],
				'content' => (string) $message['content'],
				'at'      => $at,
			);
			if ( isset( $message['meta'] ) && is_array( $message['meta'] ) && array() !== $message['meta'] ) {
				$entry['meta'] = $message['meta'];
			}
			$all[] = $entry;
		}
		$all = self::trim( $all );
		// update_post_meta() unslashes: slashed first, so backslashes in code samples survive.
		update_post_meta( $post_id, self::meta_key( $user_id ), wp_slash( $all ) );
		return $all;
	}

	/**
	 * Deletes one author's conversation about a post.
	 *
	 * @param int $post_id Post id.
	 * @param int $user_id User id.
	 */
	public static function clear( int $post_id, int $user_id ): void {
		delete_post_meta( $post_id, self::meta_key( $user_id ) );
	}

	/**
	 * Drops the oldest messages until both caps hold.
	 *
	 * @param array<int,array<string,mixed>> $messages Messages, oldest first.
	 * @return array<int,array<string,mixed>>
	 */
	public static function trim( array $messages ): array {
		$chars = array_sum( array_map( static fn ( array $m ): int => mb_strlen( (string) $m['content'] ), $messages ) );
		while ( count( $messages ) > self::MAX_MESSAGES || $chars > self::MAX_CHARS ) {
			$oldest = array_shift( $messages );
			$chars -= mb_strlen( (string) $oldest['content'] );
		}
		return array_values( $messages );
	}

	/**
	 * A deleted account's conversations go with it, on every post.
	 *
	 * @param int $user_id User id.
	 */
	public static function forget_user( int $user_id ): void {
		delete_metadata( 'post', 0, self::meta_key( $user_id ), '', true );
	}

	/**
	 * Every conversation on the site (uninstall). Found by meta key prefix through WP_Query, as
	 * the ids of the authors who chatted are not kept anywhere else.
	 */
	public static function forget_all(): void {
		$ids = get_posts(
			array(
				'post_type'        => array_values( get_post_types() ),
				'post_status'      => array_values( get_post_stati() ),
				'posts_per_page'   => -1,
				'fields'           => 'ids',
				'no_found_rows'    => true,
				'suppress_filters' => true,
				'meta_query'       => array( // phpcs:ignore WordPress.DB.SlowDBQuery -- uninstall only.
					array(
						'key'         => self::META_PREFIX,
						'compare_key' => 'LIKE',
					),
				),
			)
		);
		foreach ( $ids as $id ) {
			foreach ( array_keys( (array) get_post_meta( (int) $id ) ) as $key ) {
				if ( str_starts_with( (string) $key, self::META_PREFIX ) ) {
					delete_post_meta( (int) $id, (string) $key );
				}
			}
		}
	}
}
