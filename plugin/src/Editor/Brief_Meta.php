<?php
/**
 * The post's brief, clarity questions and answers, and outline: saved with the post.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Editor;

/**
 * Post meta `_agentic_writer_brief`, exposed through `wp/v2/<type>` so the editor saves it with
 * the post (and its autosaves and undo) instead of through a route of its own. Protected (the
 * underscore keeps it out of the Custom Fields panel); whoever may edit the post may write it.
 */
final class Brief_Meta {

	public const META_KEY = '_agentic_writer_brief';

	/**
	 * Registers the meta once every post type exists.
	 */
	public function hook(): void {
		// Late on init: post types of themes and other plugins are registered at the default priority.
		add_action( 'init', array( self::class, 'register' ), 99 );
	}

	/**
	 * Registers the meta on every post type the block editor edits with custom fields.
	 */
	public static function register(): void {
		foreach ( self::post_types() as $type ) {
			register_post_meta(
				$type,
				self::META_KEY,
				array(
					'description'       => 'Agentic Writer: the brief, clarity questions and answers, and the outline of this post.',
					'single'            => true,
					'type'              => 'object',
					'default'           => self::empty_value(),
					'show_in_rest'      => array( 'schema' => self::schema() ),
					'sanitize_callback' => array( self::class, 'complete' ),
					'auth_callback'     => array( self::class, 'can_edit' ),
				)
			);
		}
	}

	/**
	 * Post types shown in REST that support the editor and custom fields.
	 *
	 * @return string[]
	 */
	public static function post_types(): array {
		$types = array();
		foreach ( get_post_types( array( 'show_in_rest' => true ) ) as $type ) {
			if ( post_type_supports( $type, 'editor' ) && post_type_supports( $type, 'custom-fields' ) ) {
				$types[] = $type;
			}
		}
		return $types;
	}

	/**
	 * Whoever may edit the post may read and write its brief.
	 *
	 * @param bool   $allowed  Allowed so far.
	 * @param string $meta_key Meta key.
	 * @param int    $post_id  Post id.
	 * @param int    $user_id  User id.
	 */
	public static function can_edit( $allowed, $meta_key, $post_id, $user_id ): bool {
		return user_can( (int) $user_id, 'edit_post', (int) $post_id );
	}

	/**
	 * The value of a post that has none yet.
	 *
	 * @return array<string,mixed>
	 */
	public static function empty_value(): array {
		return array(
			'brief'     => '',
			'questions' => array(),
			'answers'   => array(),
			'outline'   => array(
				'title'    => '',
				'summary'  => '',
				'sections' => array(),
			),
		);
	}

	/**
	 * Fills in the keys a saved value left out, so every read has the whole shape (an empty
	 * outline stays an object, never a JSON list).
	 *
	 * @param mixed $value Value being saved (already checked against the schema over REST).
	 * @return array<string,mixed>
	 */
	public static function complete( $value ): array {
		$empty            = self::empty_value();
		$value            = is_array( $value ) ? array_intersect_key( $value, $empty ) : array();
		$out              = array_merge( $empty, $value );
		$outline          = is_array( $out['outline'] ) ? array_intersect_key( $out['outline'], $empty['outline'] ) : array();
		$out['outline']   = array_merge( $empty['outline'], $outline );
		$out['questions'] = array_values( (array) $out['questions'] );
		$out['answers']   = array_values( (array) $out['answers'] );
		return $out;
	}

	/**
	 * JSON schema of the value; unknown keys are refused at every level.
	 *
	 * @return array<string,mixed>
	 */
	public static function schema(): array {
		$strings = array(
			'type'  => 'array',
			'items' => array( 'type' => 'string' ),
		);
		return array(
			'type'                 => 'object',
			// The author's working notes: not in the public (view) answer of a published post.
			'context'              => array( 'edit' ),
			'additionalProperties' => false,
			'properties'           => array(
				'brief'     => array(
					'description' => 'What the post should be, in the author\'s words.',
					'type'        => 'string',
					'maxLength'   => 20000,
				),
				'questions' => array(
					'description' => 'Questions that sharpen the brief, as the clarity task asked them.',
					'type'        => 'array',
					'maxItems'    => 10,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'question' => array( 'type' => 'string' ),
							'why'      => array( 'type' => 'string' ),
							'options'  => $strings,
						),
					),
				),
				'answers'   => array(
					'description' => 'The author\'s answers, in the order of the questions.',
					'type'        => 'array',
					'maxItems'    => 10,
					'items'       => array(
						'type'      => 'string',
						'maxLength' => 5000,
					),
				),
				'outline'   => array(
					'description'          => 'The plan of the post, as the planning task made it and the author edited it.',
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(
						'title'    => array( 'type' => 'string' ),
						'summary'  => array( 'type' => 'string' ),
						'sections' => array(
							'type'     => 'array',
							'maxItems' => 30,
							'items'    => array(
								'type'                 => 'object',
								'additionalProperties' => false,
								'properties'           => array(
									'heading' => array( 'type' => 'string' ),
									'points'  => $strings,
								),
							),
						),
					),
				),
			),
		);
	}

	/**
	 * Deletes every post's brief (uninstall).
	 */
	public static function forget_all(): void {
		delete_metadata( 'post', 0, self::META_KEY, '', true );
	}
}
