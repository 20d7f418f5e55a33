<?php
/**
 * Real HTTP requests to the running site, authenticated with application passwords.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

/**
 * A tiny curl client: no WordPress code runs on the client side.
 */
final class Http_Client {

	/**
	 * Sends a request.
	 *
	 * @param string      $method HTTP method.
	 * @param string      $path   Path below the site URL, e.g. `/wp-json/agentic-writer/v1/status`.
	 * @param string|null $role   User role to authenticate as (application password), null for anonymous.
	 * @param string|null $body   Raw body (JSON), if any.
	 * @return array{status: int, headers: array<string, string>, body: string, json: mixed}
	 */
	public static function request( string $method, string $path, ?string $role = null, ?string $body = null ): array {
		$headers = array( 'Accept: application/json' );
		$curl    = curl_init( Site::url() . $path );
		$received = array();
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 30,
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$received ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		if ( null !== $role ) {
			$credentials = Site::credentials( $role );
			curl_setopt( $curl, CURLOPT_USERPWD, $credentials['login'] . ':' . $credentials['app_password'] );
		}
		if ( null !== $body ) {
			$headers[] = 'Content-Type: application/json';
			curl_setopt( $curl, CURLOPT_POSTFIELDS, $body );
		}
		curl_setopt( $curl, CURLOPT_HTTPHEADER, $headers );

		$response = curl_exec( $curl );
		if ( false === $response ) {
			$error = curl_error( $curl );
			curl_close( $curl );
			throw new \RuntimeException( "{$method} {$path} failed: {$error}" );
		}
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );

		return array(
			'status'  => $status,
			'headers' => $received,
			'body'    => (string) $response,
			'json'    => json_decode( (string) $response, true ),
		);
	}

	/**
	 * GET (or POST a form to) a page as a browser would, cookies kept in a jar file.
	 *
	 * @param string                    $path Path below the site URL.
	 * @param string                    $jar  Cookie file.
	 * @param array<string,string>|null $form Form fields to POST.
	 * @return array{status:int,body:string}
	 */
	public static function page( string $path, string $jar, ?array $form = null ): array {
		$curl = curl_init( Site::url() . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_COOKIEJAR      => $jar,
				CURLOPT_COOKIEFILE     => $jar,
				CURLOPT_COOKIE         => 'wordpress_test_cookie=WP%20Cookie%20check',
			)
		);
		if ( null !== $form ) {
			curl_setopt( $curl, CURLOPT_POSTFIELDS, http_build_query( $form ) );
		}
		$body   = (string) curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status' => $status,
			'body'   => $body,
		);
	}

	/**
	 * GET a REST route.
	 *
	 * @param string      $route Route with leading slash, e.g. `/agentic-writer/v1/status`.
	 * @param string|null $role  Role or null for anonymous.
	 * @return array{status: int, headers: array<string, string>, body: string, json: mixed}
	 */
	public static function rest_get( string $route, ?string $role = null ): array {
		return self::request( 'GET', '/wp-json' . $route, $role );
	}
}
