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
}
