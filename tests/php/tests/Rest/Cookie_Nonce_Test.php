<?php
/**
 * The browser's way in: a login cookie plus the REST nonce, as the editor sidebar and the
 * settings page call the routes.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Rest\Local_Backend_Download_Controller;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Logs in through wp-login.php with a cookie jar, fetches the nonce from admin-ajax.php
 * (`action=rest-nonce`, what wp-api-fetch's nonce middleware is given), then calls the routes.
 * A cookie without a nonce is a logged-out request to WordPress (CSRF protection): 401.
 */
final class Cookie_Nonce_Test extends Provider_Http_Test_Case {

	/**
	 * Cookie jar files to delete.
	 *
	 * @var string[]
	 */
	private array $jars = array();

	/**
	 * Deletes the cookie jars.
	 */
	protected function tearDown(): void {
		foreach ( $this->jars as $jar ) {
			if ( file_exists( $jar ) ) {
				unlink( $jar );
			}
		}
		parent::tearDown();
	}

	/**
	 * One browser request with the jar.
	 *
	 * @param string               $jar     Cookie jar file.
	 * @param string               $method  Method.
	 * @param string               $path    Path below the site URL.
	 * @param array<string,string>|string|null $body Form fields, a JSON string, or nothing.
	 * @param array<int,string>    $headers Header lines.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	private function browser( string $jar, string $method, string $path, $body = null, array $headers = array() ): array {
		$received = array();
		$curl     = curl_init( Site::url() . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_COOKIEFILE     => $jar,
				CURLOPT_COOKIEJAR      => $jar,
				CURLOPT_FOLLOWLOCATION => false,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_HEADERFUNCTION => static function ( $h, string $line ) use ( &$received ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		if ( null !== $body ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, is_array( $body ) ? http_build_query( $body ) : $body );
		}
		$out    = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $received,
			'body'    => $out,
			'json'    => json_decode( $out, true ),
		);
	}

	/**
	 * Logs a role in through wp-login.php.
	 *
	 * @param string $role Role.
	 * @return array{jar:string,nonce:string}
	 */
	private function log_in( string $role ): array {
		$jar          = (string) tempnam( sys_get_temp_dir(), 'aw-cookies' );
		$this->jars[] = $jar;
		$c            = Site::credentials( $role );
		$this->browser( $jar, 'GET', '/wp-login.php' ); // Sets WordPress's test cookie.
		$login = $this->browser(
			$jar,
			'POST',
			'/wp-login.php',
			array(
				'log'         => $c['login'],
				'pwd'         => $c['password'],
				'wp-submit'   => 'Log In',
				'redirect_to' => Site::url() . '/wp-admin/',
				'testcookie'  => '1',
			)
		);
		$this->assertSame( 302, $login['status'], "{$role} logs in: " . substr( $login['body'], 0, 300 ) );
		$this->assertStringContainsString( 'wordpress_logged_in_', (string) file_get_contents( $jar ) );
		$nonce = $this->browser( $jar, 'GET', '/wp-admin/admin-ajax.php?action=rest-nonce' );
		$this->assertSame( 200, $nonce['status'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{10}$/', $nonce['body'] );
		return array(
			'jar'   => $jar,
			'nonce' => $nonce['body'],
		);
	}

	/**
	 * A REST call with the cookie, and the nonce header when given.
	 *
	 * @param array{jar:string,nonce:string} $session Session.
	 * @param string                         $method  Method.
	 * @param string                         $route   Route.
	 * @param array<string,mixed>|null       $body    JSON body.
	 * @param string|null                    $nonce   X-WP-Nonce value (null: none).
	 * @param array<int,string>              $headers More header lines.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	private function call( array $session, string $method, string $route, ?array $body, ?string $nonce, array $headers = array() ): array {
		$lines = array_merge( array( 'accept: application/json' ), $headers );
		if ( null !== $nonce ) {
			$lines[] = 'x-wp-nonce: ' . $nonce;
		}
		if ( null !== $body ) {
			$lines[] = 'content-type: application/json';
		}
		return $this->browser( $session['jar'], $method, '/wp-json' . $route, null === $body ? null : (string) wp_json_encode( $body ), $lines );
	}

	/**
	 * generate, JSON and streamed, the way the sidebar calls it.
	 */
	public function test_generate_needs_the_nonce(): void {
		$session = $this->log_in( 'contributor' );
		$body    = array(
			'task'   => 'chat',
			'prompt' => 'From the browser',
		);

		$bare = $this->call( $session, 'POST', '/agentic-writer/v1/generate', $body, null );
		$this->assertSame( 401, $bare['status'], 'a cookie alone is a logged-out request: ' . $bare['body'] );
		$this->assertStringContainsString( 'Log in', $bare['json']['message'] );

		$forged = $this->call( $session, 'POST', '/agentic-writer/v1/generate', $body, 'abcdef0123' );
		$this->assertSame( 403, $forged['status'] );
		$this->assertSame( 'rest_cookie_invalid_nonce', $forged['json']['code'] );

		$ok = $this->call( $session, 'POST', '/agentic-writer/v1/generate', $body, $session['nonce'] );
		$this->assertSame( 200, $ok['status'], $ok['body'] );
		$this->assertStringContainsString( 'From the browser', $ok['json']['text'] );
		$rows = $this->usage_rows( $ok['json']['request_id'] );
		$this->assertSame( (string) Site::user( 'contributor' )->ID, (string) $rows[0]['user_id'] );

		$stream = $this->call( $session, 'POST', '/agentic-writer/v1/generate', array( 'task' => 'writing' ) + $body, $session['nonce'], array( 'accept: text/event-stream' ) );
		$this->assertSame( 200, $stream['status'] );
		$this->assertStringContainsString( "event: done\ndata: {\"request_id\"", $stream['body'] );
	}

	/**
	 * settings, read and written, the way the settings page calls it; an editor's valid nonce
	 * still cannot.
	 */
	public function test_settings_need_the_nonce_and_the_capability(): void {
		$admin = $this->log_in( 'admin' );
		$this->assertSame( 401, $this->call( $admin, 'GET', '/agentic-writer/v1/settings', null, null )['status'] );
		$this->assertSame( 401, $this->call( $admin, 'POST', '/agentic-writer/v1/settings', array( 'provider_mode' => 'cloud' ), null )['status'] );

		$read = $this->call( $admin, 'GET', '/agentic-writer/v1/settings', null, $admin['nonce'] );
		$this->assertSame( 200, $read['status'] );
		$this->assertSame( 'hybrid', $read['json']['provider_mode'], 'nothing was saved without the nonce' );
		$this->assertTrue( $read['json']['providers']['openrouter']['api_key_set'] );
		$write = $this->call( $admin, 'POST', '/agentic-writer/v1/settings', array( 'provider_mode' => 'cloud' ), $admin['nonce'] );
		$this->assertSame( 200, $write['status'], $write['body'] );
		$this->assertSame( 'cloud', $write['json']['provider_mode'] );

		$editor = $this->log_in( 'editor' );
		$denied = $this->call( $editor, 'GET', '/agentic-writer/v1/settings', null, $editor['nonce'] );
		$this->assertSame( 403, $denied['status'] );
		$this->assertSame( 'agentic_writer_forbidden', $denied['json']['code'] );
	}

	/**
	 * The download is a plain link: its nonce travels as `_wpnonce` in the URL (what the
	 * settings page renders).
	 */
	public function test_the_download_needs_the_nonce(): void {
		$admin = $this->log_in( 'admin' );
		$route = '/agentic-writer/v1/local-backend/download';
		$this->assertSame( 401, $this->call( $admin, 'GET', $route, null, null )['status'] );

		// The suites run after `npm run build`: the zip is there, so only a 200 proves the nonce worked.
		$this->assertFileIsReadable( Local_Backend_Download_Controller::zip_path(), 'npm run build did not put the local backend zip into the plugin' );
		$link = $this->browser( $admin['jar'], 'GET', '/wp-json' . $route . '?_wpnonce=' . $admin['nonce'] );
		$this->assertSame( 200, $link['status'], substr( $link['body'], 0, 300 ) );
		$this->assertSame( 'application/zip', $link['headers']['content-type'] ?? '' );
		$this->assertStringStartsWith( "PK\x03\x04", $link['body'] );
		$this->assertSame( 200, $this->call( $admin, 'GET', $route, null, $admin['nonce'] )['status'], 'the header works too' );
	}
}
