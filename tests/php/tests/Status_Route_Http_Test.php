<?php
/**
 * GET agentic-writer/v1/status over real HTTP with application passwords.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Plugin;

/**
 * Status route, over HTTP.
 */
final class Status_Route_Http_Test extends Test_Case {

	/**
	 * The web server is another database connection: no transaction here.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = false;

	private const ROUTE = '/agentic-writer/v1/status';

	/**
	 * Administrator: 200 with the status.
	 */
	public function test_admin_gets_status(): void {
		$response = Http_Client::rest_get( self::ROUTE, 'admin' );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( Plugin::VERSION, $response['json']['version'] );
		$this->assertSame( 'sqlite' === Site::db_kind() ? 'sqlite' : 'mysql', $response['json']['db_engine'] );
		$this->assertStringStartsWith( 'application/json', $response['headers']['content-type'] ?? '' );
	}

	/**
	 * Contributor: 200 (edit_posts is enough).
	 */
	public function test_contributor_gets_status(): void {
		$this->assertSame( 200, Http_Client::rest_get( self::ROUTE, 'contributor' )['status'] );
	}

	/**
	 * Subscriber: 403 with the plugin's error code.
	 */
	public function test_subscriber_gets_403(): void {
		$response = Http_Client::rest_get( self::ROUTE, 'subscriber' );
		$this->assertSame( 403, $response['status'] );
		$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'] );
		$this->assertSame( 403, $response['json']['data']['status'] );
	}

	/**
	 * Anonymous: 401.
	 */
	public function test_anonymous_gets_401(): void {
		$response = Http_Client::rest_get( self::ROUTE );
		$this->assertSame( 401, $response['status'] );
		$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'] );
	}

	/**
	 * A wrong application password is refused by WordPress before the route runs.
	 */
	public function test_wrong_application_password_gets_401(): void {
		$curl = curl_init( Site::url() . '/wp-json' . self::ROUTE );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_USERPWD        => Site::credentials( 'admin' )['login'] . ':not-the-password',
			)
		);
		$body   = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		$this->assertSame( 401, $status, $body );
	}
}
