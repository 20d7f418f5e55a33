<?php
/**
 * Images an upstream points to by URL: fetched like any untrusted URL, bounded in size, typed
 * by their content.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * OpenRouter is pointed at the fixture host images.aw-test.invalid, which answers with the image
 * URL written in the prompt (`image_url=<url>`). The files are served by the test site itself
 * (its own host and port are the only local address WordPress's safe fetch allows).
 */
final class Image_Download_Test extends Provider_Http_Test_Case {

	/**
	 * Folder of the served files.
	 *
	 * @var string
	 */
	private string $dir = '';

	/**
	 * Attachments made.
	 *
	 * @var int[]
	 */
	private array $attachments = array();

	/**
	 * Installs the fixture.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::fault_fixture( true );
	}

	/**
	 * Removes it.
	 */
	public static function tearDownAfterClass(): void {
		self::fault_fixture( false );
		parent::tearDownAfterClass();
	}

	/**
	 * OpenRouter at the fixture host; a folder for the files.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->configure(
			array(
				'providers' => array(
					'openrouter' => array(
						'base_url' => 'http://images.aw-test.invalid/api/v1',
						'api_key'  => 'sk-or-images-0123456789',
					),
				),
			)
		);
		$this->dir = $GLOBALS['aw_test_site']['path'] . '/wp-content/uploads/aw-test-images';
		wp_mkdir_p( $this->dir );
	}

	/**
	 * Removes files and attachments.
	 */
	protected function tearDown(): void {
		foreach ( $this->attachments as $id ) {
			wp_delete_attachment( $id, true );
		}
		foreach ( (array) glob( $this->dir . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->dir );
		parent::tearDown();
	}

	/**
	 * Serves bytes under a file name from the site.
	 *
	 * @param string $name  File name (its extension sets the Content-Type php -S sends).
	 * @param string $bytes Contents.
	 * @return string URL.
	 */
	private function serve( string $name, string $bytes ): string {
		file_put_contents( $this->dir . '/' . $name, $bytes );
		return Site::url() . '/wp-content/uploads/aw-test-images/' . $name;
	}

	/**
	 * Asks for an image whose URL the upstream will answer with.
	 *
	 * @param string $url Image URL.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	private function image_from( string $url ): array {
		$response = $this->rest( 'POST', '/agentic-writer/v1/image', 'editor', array( 'prompt' => "A lighthouse image_url={$url}" ) );
		if ( 201 === $response['status'] ) {
			$this->attachments[] = (int) $response['json']['attachment_id'];
		}
		return $response;
	}

	/**
	 * A JPEG the host calls a PNG (by name and Content-Type) is saved as what it is: image/jpeg
	 * with a .jpg name.
	 */
	public function test_type_and_extension_come_from_the_content(): void {
		$canvas = imagecreatetruecolor( 32, 24 );
		ob_start();
		imagejpeg( $canvas );
		$jpeg = (string) ob_get_clean();
		$url  = $this->serve( 'photo.png', $jpeg );
		$this->assertSame( 'image/png', wp_remote_retrieve_header( wp_remote_head( $url ), 'content-type' ), 'the host says PNG' );

		$response = $this->image_from( $url );

		$this->assertSame( 201, $response['status'], $response['body'] );
		$this->assertSame( 'image/jpeg', $response['json']['mime'] );
		$this->assertStringEndsWith( '.jpg', $response['json']['url'] );
		wp_cache_flush();
		$this->assertSame( 'image/jpeg', get_post_mime_type( (int) $response['json']['attachment_id'] ) );
	}

	/**
	 * Larger than 10 MB: refused (and not read past the limit), nothing saved.
	 */
	public function test_a_huge_image_is_refused(): void {
		$canvas = imagecreatetruecolor( 8, 8 );
		ob_start();
		imagepng( $canvas );
		$png = (string) ob_get_clean();
		$url = $this->serve( 'huge.png', $png . str_repeat( "\0", 11 * 1024 * 1024 ) );

		$response = $this->image_from( $url );

		$this->assertSame( 502, $response['status'], substr( $response['body'], 0, 300 ) );
		$this->assertSame( 'agentic_writer_bad_response', $response['json']['code'] );
		$this->assertStringContainsString( 'larger than 10 MB', $this->rest( 'POST', '/agentic-writer/v1/image', 'admin', array( 'prompt' => "Again image_url={$url}" ) )['json']['message'] );
	}

	/**
	 * Not an image (an SVG with a script, an HTML page named .png): refused.
	 */
	public function test_what_is_not_a_raster_image_is_refused(): void {
		$svg  = $this->serve( 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>' );
		$html = $this->serve( 'page.png', '<html><body>Not an image</body></html>' );
		foreach ( array( $svg, $html ) as $url ) {
			$response = $this->image_from( $url );
			$this->assertSame( 502, $response['status'], $url . ': ' . $response['body'] );
			$this->assertSame( 'agentic_writer_bad_response', $response['json']['code'] );
		}
	}

	/**
	 * An image URL into the site's own network (another local service, a private address) is
	 * never fetched: the upstream cannot make the site call it.
	 */
	public function test_private_addresses_are_not_fetched(): void {
		$this->mock( 'POST', '/__mock/reset' );
		foreach ( array( self::mock_url() . '/v1/models?from=image', 'http://10.255.255.1/x.png', 'http://169.254.169.254/latest/meta-data' ) as $url ) {
			$start    = microtime( true );
			$response = $this->rest( 'POST', '/agentic-writer/v1/image', 'admin', array( 'prompt' => "Draw image_url={$url}" ) );
			$this->assertSame( 502, $response['status'], $url . ': ' . $response['body'] );
			$this->assertStringContainsString( 'does not fetch from', $response['json']['message'], $url );
			$this->assertLessThan( 2.0, microtime( true ) - $start, "{$url} refused without trying to connect" );
		}
		$this->assertSame( array(), $this->mock_requests(), 'the local service was never called' );
	}
}
