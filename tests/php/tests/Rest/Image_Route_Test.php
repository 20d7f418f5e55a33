<?php
/**
 * POST image: OpenRouter image output saved to the media library.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use WP_Application_Passwords;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * The mock answers image requests with a 64×64 PNG data URL.
 */
final class Image_Route_Test extends Provider_Http_Test_Case {

	/**
	 * An editor's image becomes an attachment with alt text, attached to the post; usage is recorded.
	 */
	public function test_image_is_saved_with_alt_text(): void {
		$post_id  = wp_insert_post(
			array(
				'post_title'  => 'Post with a picture',
				'post_status' => 'draft',
				'post_author' => Site::user( 'editor' )->ID,
			)
		);
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/image',
			'editor',
			array(
				'prompt'  => 'A lighthouse at dawn, watercolour',
				'alt'     => 'Lighthouse at dawn',
				'post_id' => $post_id,
			)
		);
		try {
			$this->assertSame( 201, $response['status'], $response['body'] );
			$body = $response['json'];
			$id   = (int) $body['attachment_id'];
			$this->assertSame( 'openrouter', $body['provider'] );
			$this->assertSame( 'google/gemini-2.5-flash-image', $body['model'] );
			$this->assertSame( 'image/png', $body['mime'] );
			$this->assertSame( 'Lighthouse at dawn', $body['alt'] );
			$this->assertSame( 'metered', $body['usage']['cost_kind'] );
			wp_cache_flush();
			$this->assertSame( 'attachment', get_post_type( $id ) );
			$this->assertSame( $post_id, (int) get_post( $id )->post_parent );
			$this->assertSame( 'Lighthouse at dawn', get_post_meta( $id, '_wp_attachment_image_alt', true ) );
			$this->assertSame( array( 64, 64 ), array_slice( (array) getimagesize( (string) get_attached_file( $id ) ), 0, 2 ) );
			$this->assertStringStartsWith( Site::url() . '/wp-content/uploads/', $body['url'] );
			$sent = $this->mock_requests( '/api/v1/chat/completions' )[0]['body'];
			$this->assertSame( array( 'image', 'text' ), $sent['modalities'] );
			$rows = $this->usage_rows( $body['request_id'] );
			$this->assertSame( array( 'image', 'openrouter', 'ok' ), array( $rows[0]['task_type'], $rows[0]['provider'], $rows[0]['status'] ) );
		} finally {
			if ( isset( $id ) ) {
				wp_delete_attachment( $id, true );
			}
			wp_delete_post( $post_id, true );
		}
	}

	/**
	 * Alt text defaults to the prompt; a failing upstream is an error with a stable code.
	 */
	public function test_default_alt_and_upstream_failure(): void {
		$response = $this->rest( 'POST', '/agentic-writer/v1/image', 'admin', array( 'prompt' => 'Three blue circles' ) );
		$this->assertSame( 201, $response['status'], $response['body'] );
		$this->assertSame( 'Three blue circles', $response['json']['alt'] );
		wp_delete_attachment( (int) $response['json']['attachment_id'], true );

		$this->script( '/api/v1/chat/completions', 'status=503' );
		$failed = $this->rest( 'POST', '/agentic-writer/v1/image', 'admin', array( 'prompt' => 'Will fail' ) );
		$this->assertSame( 502, $failed['status'] );
		$this->assertSame( 'agentic_writer_upstream_error', $failed['json']['code'] );
	}

	/**
	 * The aspect ratio reaches OpenRouter as image_config; 1:1 when none is asked for.
	 */
	public function test_aspect_ratio_reaches_the_upstream(): void {
		foreach ( array( '16:9' => '16:9', '9:16' => '9:16', 'default' => null ) as $label => $ratio ) {
			$this->mock( 'POST', '/__mock/reset' );
			$body     = array( 'prompt' => 'A wide field of lavender' ) + ( null === $ratio ? array() : array( 'aspect_ratio' => $ratio ) );
			$response = $this->rest( 'POST', '/agentic-writer/v1/image', 'editor', $body );
			$this->assertSame( 201, $response['status'], $response['body'] );
			wp_delete_attachment( (int) $response['json']['attachment_id'], true );
			$sent = $this->mock_requests( '/api/v1/chat/completions' );
			$this->assertCount( 1, $sent, $label );
			$this->assertSame( array( 'aspect_ratio' => $ratio ?? '1:1' ), $sent[0]['body']['image_config'], $label );
			$this->assertSame( $ratio ?? '1:1', $response['json']['aspect_ratio'], $label );
			$this->assertFalse( $response['json']['featured'], $label );
		}
	}

	/**
	 * featured: the image becomes the post's featured image; every generated image is labelled
	 * as such (caption naming the model, `_agentic_writer_generated`).
	 */
	public function test_featured_image_and_generated_label(): void {
		$post_id = wp_insert_post(
			array(
				'post_title'  => 'Post with a featured picture',
				'post_status' => 'draft',
				'post_author' => Site::user( 'editor' )->ID,
			)
		);
		try {
			$response = $this->rest(
				'POST',
				'/agentic-writer/v1/image',
				'editor',
				array(
					'prompt'       => 'A beehive in snow',
					'post_id'      => $post_id,
					'featured'     => true,
					'aspect_ratio' => '4:3',
				)
			);
			$this->assertSame( 201, $response['status'], $response['body'] );
			$id = (int) $response['json']['attachment_id'];
			$this->assertTrue( $response['json']['featured'] );
			$this->assertSame( 'AI-generated image (google/gemini-2.5-flash-image)', $response['json']['caption'] );
			wp_cache_flush();
			$this->assertSame( $id, (int) get_post_thumbnail_id( $post_id ) );
			$this->assertSame( 'AI-generated image (google/gemini-2.5-flash-image)', get_post( $id )->post_excerpt );
			$this->assertSame( 'AI-generated image (google/gemini-2.5-flash-image)', wp_get_attachment_caption( $id ) );
			$this->assertSame( '1', get_post_meta( $id, '_agentic_writer_generated', true ) );
			$this->assertSame( 'google/gemini-2.5-flash-image', get_post_meta( $id, '_agentic_writer_model', true ) );
			$this->assertSame( '4:3', $this->mock_requests( '/api/v1/chat/completions' )[0]['body']['image_config']['aspect_ratio'] );

			$plain = $this->rest(
				'POST',
				'/agentic-writer/v1/image',
				'editor',
				array(
					'prompt'  => 'Just attached',
					'post_id' => $post_id,
				)
			);
			$this->assertSame( 201, $plain['status'], $plain['body'] );
			$this->assertFalse( $plain['json']['featured'] );
			wp_cache_flush();
			$this->assertSame( $id, (int) get_post_thumbnail_id( $post_id ), 'the featured image stays unless asked' );
			$this->assertSame( '1', get_post_meta( (int) $plain['json']['attachment_id'], '_agentic_writer_generated', true ) );
			wp_delete_attachment( (int) $plain['json']['attachment_id'], true );
		} finally {
			if ( isset( $id ) ) {
				wp_delete_attachment( $id, true );
			}
			wp_delete_post( $post_id, true );
		}
	}

	/**
	 * featured without a post, or an unknown aspect ratio, is refused before anything is paid for;
	 * featured on a post the author cannot edit is refused as the post is.
	 */
	public function test_bad_featured_and_aspect_ratio(): void {
		$no_post = $this->rest(
			'POST',
			'/agentic-writer/v1/image',
			'editor',
			array(
				'prompt'   => 'Nowhere to go',
				'featured' => true,
			)
		);
		$this->assertSame( 400, $no_post['status'], $no_post['body'] );
		$this->assertSame( 'featured', $no_post['json']['data']['field'] );
		$ratio = $this->rest(
			'POST',
			'/agentic-writer/v1/image',
			'editor',
			array(
				'prompt'       => 'Too wide',
				'aspect_ratio' => '21:9',
			)
		);
		$this->assertSame( 400, $ratio['status'], $ratio['body'] );
		$this->assertSame( 'aspect_ratio', $ratio['json']['data']['field'] );
		$this->assertSame( array(), $this->mock_requests( '/api/v1/chat/completions' ), 'no upstream call' );

		$admin_post = (int) wp_insert_post(
			array(
				'post_title'  => 'Admin draft',
				'post_status' => 'draft',
				'post_author' => Site::user( 'admin' )->ID,
			)
		);
		$login      = 'aw-image-' . wp_generate_password( 8, false );
		$author_id  = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password(),
				'role'       => 'author',
			)
		);
		$this->assertIsInt( $author_id );
		[ $password ] = WP_Application_Passwords::create_new_application_password( $author_id, array( 'name' => 'image test' ) );
		try {
			// An author may upload but not edit the administrator's draft.
			$other = $this->rest(
				'POST',
				'/agentic-writer/v1/image',
				array(
					'login'        => $login,
					'app_password' => $password,
				),
				array(
					'prompt'   => 'Not mine',
					'post_id'  => $admin_post,
					'featured' => true,
				)
			);
			$this->assertSame( 403, $other['status'], $other['body'] );
			$this->assertSame( 'agentic_writer_forbidden', $other['json']['code'] );
			wp_cache_flush();
			$this->assertSame( 0, (int) get_post_thumbnail_id( $admin_post ) );
		} finally {
			wp_delete_post( $admin_post, true );
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $author_id );
		}
	}
}
