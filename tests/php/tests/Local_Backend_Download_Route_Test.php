<?php
/**
 * GET agentic-writer/v1/local-backend/download: permission matrix, the file, the missing-file error.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Rest\Local_Backend_Download_Controller;
use WP_REST_Request;

/**
 * Download route, in-process and over HTTP.
 */
final class Local_Backend_Download_Route_Test extends Test_Case {

	private const ROUTE = '/agentic-writer/v1/local-backend/download';

	/**
	 * The web server is another connection: the HTTP half needs no open transaction.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	/**
	 * Dispatches in-process as a role.
	 *
	 * @param string|null $role Role or null.
	 */
	private function dispatch( ?string $role ): \WP_REST_Response {
		if ( null !== $role ) {
			$this->act_as( $role );
		}
		return rest_do_request( new WP_REST_Request( 'GET', self::ROUTE ) );
	}

	/**
	 * The zip `npm run build` puts into the plugin. The suites run after the build, so a
	 * missing zip is a failure here, not another answer to accept.
	 */
	private function built_zip(): string {
		$zip = Local_Backend_Download_Controller::zip_path();
		$this->assertFileIsReadable( $zip, 'npm run build did not put the local backend zip into the plugin' );
		return $zip;
	}

	/**
	 * Only administrators: editor, contributor and subscriber get 403, anonymous 401.
	 *
	 * @dataProvider forbidden_roles
	 *
	 * @param string|null $role     Role.
	 * @param int         $expected Status.
	 */
	public function test_non_admins_are_refused_in_process( ?string $role, int $expected ): void {
		$response = $this->dispatch( $role );
		$this->assertSame( $expected, $response->get_status() );
		$this->assertSame( 'agentic_writer_forbidden', $response->get_data()['code'] );
	}

	/**
	 * Same matrix over HTTP with application passwords.
	 *
	 * @dataProvider forbidden_roles
	 *
	 * @param string|null $role     Role.
	 * @param int         $expected Status.
	 */
	public function test_non_admins_are_refused_over_http( ?string $role, int $expected ): void {
		$response = Http_Client::rest_get( self::ROUTE, $role );
		$this->assertSame( $expected, $response['status'], $response['body'] );
		$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'] ?? null );
	}

	/**
	 * Roles without manage_options and the status they get.
	 *
	 * @return array<string, array{0: string|null, 1: int}>
	 */
	public static function forbidden_roles(): array {
		return array(
			'editor'      => array( 'editor', 403 ),
			'contributor' => array( 'contributor', 403 ),
			'subscriber'  => array( 'subscriber', 403 ),
			'anonymous'   => array( null, 401 ),
		);
	}

	/**
	 * Administrator in-process with a zip present: attachment headers, and the server streams it.
	 */
	public function test_admin_gets_the_zip_in_process(): void {
		$zip = (string) tempnam( sys_get_temp_dir(), 'aw-backend-zip' );
		file_put_contents( $zip, "PK\x05\x06" . str_repeat( "\0", 18 ) ); // An empty zip archive.
		$use_zip = static fn (): string => $zip;
		add_filter( 'agentic_writer_local_backend_zip_path', $use_zip );
		try {
			$response = $this->dispatch( 'admin' );
			$this->assertSame( 200, $response->get_status() );
			$headers = $response->get_headers();
			$this->assertSame( 'application/zip', $headers['Content-Type'] );
			$this->assertSame( 'attachment; filename="agentic-writer-local-backend.zip"', $headers['Content-Disposition'] );
			$this->assertSame( '22', $headers['Content-Length'] );

			ob_start();
			$served = Local_Backend_Download_Controller::serve_file( false, $response, new WP_REST_Request( 'GET', self::ROUTE ), rest_get_server() );
			$body = (string) ob_get_clean();
			$this->assertTrue( $served );
			$this->assertSame( (string) file_get_contents( $zip ), $body );
		} finally {
			remove_filter( 'agentic_writer_local_backend_zip_path', $use_zip );
			unlink( $zip );
		}
	}

	/**
	 * Administrator in-process without the zip: 404 with a message saying how to get it.
	 */
	public function test_missing_zip_is_a_404_with_advice(): void {
		$missing = static fn (): string => '/nonexistent/agentic-writer-local-backend.zip';
		add_filter( 'agentic_writer_local_backend_zip_path', $missing );
		try {
			$response = $this->dispatch( 'admin' );
		} finally {
			remove_filter( 'agentic_writer_local_backend_zip_path', $missing );
		}
		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'agentic_writer_backend_zip_missing', $response->get_data()['code'] );
		$this->assertStringContainsString( 'npm run build', $response->get_data()['message'] );
	}

	/**
	 * Administrator in-process, with the zip the build made.
	 */
	public function test_admin_in_process(): void {
		$zip      = $this->built_zip();
		$response = $this->dispatch( 'admin' );
		$this->assertSame( 200, $response->get_status() );
		$headers = $response->get_headers();
		$this->assertSame( 'application/zip', $headers['Content-Type'] );
		$this->assertSame( 'attachment; filename="agentic-writer-local-backend.zip"', $headers['Content-Disposition'] );
		$this->assertSame( (string) filesize( $zip ), $headers['Content-Length'] );
	}

	/**
	 * Administrator over HTTP: the built zip's bytes as an attachment.
	 */
	public function test_admin_over_http(): void {
		$zip      = $this->built_zip();
		$response = Http_Client::rest_get( self::ROUTE, 'admin' );
		$this->assertSame( 200, $response['status'], substr( $response['body'], 0, 300 ) );
		$this->assertSame( 'application/zip', $response['headers']['content-type'] ?? null );
		$this->assertStringStartsWith( 'attachment;', $response['headers']['content-disposition'] ?? '' );
		$this->assertSame( (string) file_get_contents( $zip ), $response['body'] );
		$this->assertStringStartsWith( "PK\x03\x04", $response['body'] );
	}

	/**
	 * A cookie-authenticated link (what the Settings page renders) needs the REST nonce.
	 */
	public function test_settings_link_nonce_is_required_for_cookie_auth(): void {
		$this->act_as( 'admin' );
		$url = \AgenticWriter\Admin\Admin_Menu::page_config()['localBackendDownload']['url'];
		$this->assertStringContainsString( '_wpnonce=', $url );
		$this->assertStringStartsWith( Site::url() . '/', $url );
	}
}
