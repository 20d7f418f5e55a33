<?php
/**
 * POST agentic-writer/v1/image — an image into the media library.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Generation\Error_Messages;
use AgenticWriter\Generation\Generation_Service;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Routing\Router;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Validation\Invalid_Param;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Generates an image through the router and saves it as an attachment with alt text.
 */
final class Image_Controller extends Writing_Controller {

	/** Attachment meta that marks an image as AI-generated. */
	public const GENERATED_META = '_agentic_writer_generated';

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'image';

	/**
	 * Arg schemas.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function args(): array {
		return array(
			'prompt'       => array(
				'description' => 'What to draw. Required.',
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => 4000,
			),
			'alt'          => array(
				'description' => 'Alt text for the attachment (defaults to the prompt, shortened).',
				'type'        => 'string',
				'maxLength'   => 500,
			),
			'post_id'      => array(
				'description' => 'Post the image is attached to. The user must be able to edit it.',
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'provider'     => array(
				'description' => 'Force one provider (no fallback). Administrators only.',
				'type'        => 'string',
				'pattern'     => Provider_Types::id_pattern(),
			),
			'model'        => array(
				'description' => 'Image model for the first provider. Administrators only.',
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'aspect_ratio' => array(
				'description' => 'Width:height of the image.',
				'type'        => 'string',
				'enum'        => Image_Request::ASPECT_RATIOS,
				'default'     => '1:1',
			),
			'featured'     => array(
				'description' => 'Also make it the featured image of post_id (which is then required).',
				'type'        => 'boolean',
				'default'     => false,
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
	 * Authors who may upload files (Author role or higher) and edit the post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		$can = self::can_write_for( $request );
		if ( true !== $can ) {
			return $can;
		}
		if ( ! current_user_can( 'upload_files' ) ) {
			return self::permission_error( __( 'Your account cannot add images: it needs the "upload_files" capability (Author role or higher).', 'agentic-writer' ) );
		}
		return self::can_choose_provider( $request );
	}

	/**
	 * Generates and saves the image.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$params = Request_Validator::validate( $request, self::args(), array( 'prompt' ) );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$post_id  = (int) ( $params['post_id'] ?? 0 );
		$featured = ! empty( $params['featured'] );
		// Refused before the image is paid for: there would be no post to feature it on.
		if ( $featured && 0 === $post_id ) {
			return Invalid_Param::error( 'featured', 'featured needs post_id: the post whose featured image it becomes.' );
		}
		$guard = self::guard( 'image', $post_id );
		if ( ! $guard->take_slot() ) {
			return self::too_many( $guard );
		}
		$out = ( new Generation_Service( Router::for_site() ) )->image( $params, $guard );
		if ( is_wp_error( $out ) ) {
			return $out;
		}
		/** @var Image_Result $image */
		$image = $out['result'];
		$alt   = trim( (string) ( $params['alt'] ?? '' ) );
		$alt   = '' !== $alt ? $alt : wp_trim_words( (string) $params['prompt'], 20, '…' );
		/* translators: %s: model that made the image */
		$caption = sprintf( __( 'AI-generated image (%s)', 'agentic-writer' ), $image->model );
		$id      = $this->save( $image, (string) $params['prompt'], $alt, $caption, $post_id );
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		// The permission check already proved the author may edit post_id.
		$featured = $featured && false !== set_post_thumbnail( $post_id, $id );
		return new WP_REST_Response(
			array(
				'attachment_id' => $id,
				'url'           => (string) wp_get_attachment_url( $id ),
				'alt'           => $alt,
				'caption'       => $caption,
				'featured'      => $featured,
				'aspect_ratio'  => (string) ( $params['aspect_ratio'] ?? '1:1' ),
				'mime'          => (string) get_post_mime_type( $id ),
				'request_id'    => $out['request_id'],
				'provider'      => $out['provider'],
				'model'         => $image->model,
				'usage'         => array(
					'tokens_prompt'     => $image->tokens_prompt,
					'tokens_completion' => $image->tokens_completion,
					'cost_usd'          => $image->cost_usd,
					'cost_kind'         => $image->cost_kind,
				),
				'fallbacks'     => array_map(
					static fn ( array $f ): array => array(
						'from'   => $f['from'],
						'reason' => $f['reason'],
					),
					$out['fallbacks']
				),
			),
			201
		);
	}

	/**
	 * Writes the file to uploads and creates the attachment.
	 *
	 * @param Image_Result $image   Image.
	 * @param string       $prompt  Prompt (title, description).
	 * @param string       $alt     Alt text.
	 * @param string       $caption Caption that says the image is generated.
	 * @param int          $post_id Parent post.
	 * @return int|WP_Error Attachment id.
	 */
	private function save( Image_Result $image, string $prompt, string $alt, string $caption, int $post_id ) {
		// Type and extension from the bytes: a header (or a data URL) may claim anything.
		$mime = Image_Result::detect_mime( $image->bytes );
		if ( null === $mime ) {
			return new WP_Error( 'agentic_writer_bad_response', 'The provider sent something that is not a PNG, JPEG, WebP or GIF image; it was not saved.', array( 'status' => 502 ) );
		}
		$name   = sanitize_file_name( 'agentic-writer-' . sanitize_title( wp_trim_words( $prompt, 6, '' ) ) . '.' . Image_Result::TYPES[ $mime ] );
		$upload = wp_upload_bits( $name, null, $image->bytes );
		if ( ! empty( $upload['error'] ) ) {
			return self::upload_failed( (string) $upload['error'] );
		}
		$id = wp_insert_attachment(
			array(
				'post_mime_type' => $mime,
				'post_title'     => wp_trim_words( $prompt, 12, '…' ),
				'post_content'   => $prompt,
				'post_excerpt'   => $caption,
				'post_status'    => 'inherit',
			),
			$upload['file'],
			$post_id,
			true
		);
		if ( is_wp_error( $id ) ) {
			return self::upload_failed( $id->get_error_message() );
		}
		require_once ABSPATH . 'wp-admin/includes/image.php';
		wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $upload['file'] ) );
		update_post_meta( $id, '_wp_attachment_image_alt', $alt );
		update_post_meta( $id, '_agentic_writer_model', $image->model );
		// Provenance a site can query (and keeps after uninstall): this file was made by a model.
		update_post_meta( $id, self::GENERATED_META, 1 );
		return (int) $id;
	}

	/**
	 * The media library would not take the file: the detail (a server path, a permission) is
	 * for administrators and the log.
	 *
	 * @param string $detail What WordPress said.
	 */
	private static function upload_failed( string $detail ): WP_Error {
		error_log( 'Agentic Writer: a generated image could not be saved: ' . $detail ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the administrator's copy.
		$message = Error_Messages::reader_sees_details()
			? 'The image could not be saved to the uploads folder: ' . $detail
			: __( 'The image was made but could not be saved to the media library. Ask a site administrator to check that the uploads folder is writable.', 'agentic-writer' );
		return new WP_Error( 'agentic_writer_upload_failed', $message, array( 'status' => 500 ) );
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-image',
			'type'       => 'object',
			'properties' => array(
				'attachment_id' => array( 'type' => 'integer' ),
				'url'           => array(
					'type'   => 'string',
					'format' => 'uri',
				),
				'alt'           => array( 'type' => 'string' ),
				'caption'       => array(
					'description' => 'Caption of the attachment, saying the image is AI-generated and by which model.',
					'type'        => 'string',
				),
				'featured'      => array(
					'description' => 'Whether the image is now the featured image of post_id.',
					'type'        => 'boolean',
				),
				'aspect_ratio'  => array(
					'type' => 'string',
					'enum' => Image_Request::ASPECT_RATIOS,
				),
				'mime'          => array( 'type' => 'string' ),
				'request_id'    => array( 'type' => 'string' ),
				'provider'      => array( 'type' => 'string' ),
				'model'         => array( 'type' => 'string' ),
				'usage'         => array( 'type' => 'object' ),
				'fallbacks'     => array( 'type' => 'array' ),
			),
		);
	}
}
