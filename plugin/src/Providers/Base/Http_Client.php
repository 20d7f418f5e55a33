<?php
/**
 * Shared HTTP for providers: WordPress's HTTP API for plain calls, curl for streams.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

use AgenticWriter\Providers\Contracts\Provider_Error;

/**
 * Explicit timeouts on every call: a short connect timeout (a dead LAN host must not cost
 * seconds) and a long read timeout (generation takes time; WordPress's 5 s default is wrong).
 * A stream has no total limit short of MAX_STREAM_SECONDS: it may run as long as data keeps
 * coming, and fails when the upstream stays silent for the idle timeout (before the first byte
 * too).
 */
final class Http_Client {

	/** Upper bound for one stream, however lively. */
	public const MAX_STREAM_SECONDS = 900;

	/**
	 * Builds a client.
	 *
	 * @param float    $connect_timeout Seconds to establish the connection.
	 * @param int      $read_timeout    Seconds for a whole non-streamed request.
	 * @param int|null $idle_timeout    Seconds a stream may stay silent before it counts as
	 *                                  stalled (default: the read timeout).
	 */
	public function __construct(
		private float $connect_timeout = 2.0,
		private int $read_timeout = 120,
		private ?int $idle_timeout = null
	) {
		$this->idle_timeout ??= $this->read_timeout;
	}

	/**
	 * Connect timeout in seconds.
	 */
	public function connect_timeout(): float {
		return $this->connect_timeout;
	}

	/**
	 * Read timeout in seconds.
	 */
	public function read_timeout(): int {
		return $this->read_timeout;
	}

	/**
	 * Sets curl's connect timeout on requests made through WordPress's HTTP API, which has no
	 * argument for it (Requests' own default is 10 s).
	 *
	 * @param resource|\CurlHandle  $handle curl handle.
	 * @param array<string,mixed>   $args   wp_remote_request() arguments.
	 */
	public static function apply_connect_timeout( $handle, array $args ): void {
		if ( isset( $args['agentic_writer_connect_timeout'] ) ) {
			curl_setopt( $handle, CURLOPT_CONNECTTIMEOUT_MS, (int) round( 1000 * (float) $args['agentic_writer_connect_timeout'] ) );
		}
	}

	/**
	 * A non-streaming request through WordPress's HTTP API.
	 *
	 * @param string               $method  GET or POST.
	 * @param string               $url     URL.
	 * @param array<string,string> $headers Headers.
	 * @param array<string,mixed>|null $body JSON body.
	 * @param int|null             $timeout Read timeout override in seconds.
	 * @throws Provider_Error On connection failure or timeout (HTTP errors are returned).
	 */
	public function request( string $method, string $url, array $headers, ?array $body = null, ?int $timeout = null ): Http_Response {
		if ( ! has_action( 'http_api_curl', array( self::class, 'apply_connect_timeout' ) ) ) {
			add_action( 'http_api_curl', array( self::class, 'apply_connect_timeout' ), 10, 2 );
		}
		$args = array(
			'method'                         => $method,
			'headers'                        => $headers,
			'timeout'                        => $timeout ?? $this->read_timeout,
			'redirection'                    => 0,
			'agentic_writer_connect_timeout' => $this->connect_timeout,
		);
		if ( null !== $body ) {
			$args['body']                    = wp_json_encode( $body );
			$args['headers']['content-type'] = 'application/json';
		}
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			throw Http_Errors::transport_error( $response->get_error_message(), $url );
		}
		$out = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$out[ strtolower( (string) $name ) ] = is_array( $value ) ? implode( ', ', $value ) : (string) $value;
		}
		return new Http_Response( (int) wp_remote_retrieve_response_code( $response ), $out, (string) wp_remote_retrieve_body( $response ) );
	}

	/**
	 * Downloads a file an upstream pointed to (a generated image's URL) the way WordPress
	 * fetches untrusted URLs: wp_safe_remote_get() refuses private, loopback and link-local
	 * addresses and unusual ports (so an upstream cannot make the site call its own network),
	 * on redirects too; the body is read up to $max_bytes and no further.
	 *
	 * @param string $url       URL.
	 * @param int    $max_bytes Largest body accepted.
	 * @param int    $timeout   Seconds.
	 * @return Http_Response The response; its body is $max_bytes + 1 long when the file is larger.
	 * @throws Provider_Error When the URL is refused or cannot be fetched.
	 */
	public function download( string $url, int $max_bytes, int $timeout ): Http_Response {
		if ( ! has_action( 'http_api_curl', array( self::class, 'apply_connect_timeout' ) ) ) {
			add_action( 'http_api_curl', array( self::class, 'apply_connect_timeout' ), 10, 2 );
		}
		if ( false === wp_http_validate_url( $url ) ) {
			$message = sprintf( 'The file URL points to an address this site does not fetch from (a private or local address, or an unusual port): %s.', Http_Errors::origin( $url ) );
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, $message );
		}
		$response = wp_safe_remote_get(
			$url,
			array(
				'timeout'                        => $timeout,
				'redirection'                    => 3,
				'limit_response_size'            => $max_bytes + 1,
				'agentic_writer_connect_timeout' => $this->connect_timeout,
			)
		);
		if ( is_wp_error( $response ) ) {
			throw Http_Errors::transport_error( $response->get_error_message(), $url );
		}
		$out = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $name => $value ) {
			$out[ strtolower( (string) $name ) ] = is_array( $value ) ? implode( ', ', $value ) : (string) $value;
		}
		return new Http_Response( (int) wp_remote_retrieve_response_code( $response ), $out, (string) wp_remote_retrieve_body( $response ) );
	}

	/**
	 * A streaming POST: parses SSE as bytes arrive and hands each event over at once.
	 *
	 * @param string                             $url      URL.
	 * @param array<string,string>               $headers  Headers.
	 * @param array<string,mixed>                $body     JSON body.
	 * @param callable(string,string): void      $on_event Gets (event name, data) per SSE event.
	 * @param callable(): bool|null              $keep_going Polled while waiting; false aborts (browser gone).
	 * @return Http_Response Status and headers; the body is empty unless the status is an error.
	 * @throws Provider_Error On connection failure, timeout, a stall or a broken stream.
	 * @throws \Throwable Whatever $on_event throws.
	 */
	public function stream( string $url, array $headers, array $body, callable $on_event, ?callable $keep_going = null ): Http_Response {
		if ( ( new \WP_Http() )->block_request( $url ) ) {
			throw new Provider_Error( Provider_Error::CONNECTION, sprintf( 'Requests to %s are blocked by this site (WP_HTTP_BLOCK_EXTERNAL): add the host to WP_ACCESSIBLE_HOSTS.', $url ) );
		}
		$status        = 0;
		$resp_headers  = array();
		$error_body    = '';
		$parser        = new Sse_Parser();
		$pending_error = null;
		$aborted       = false;
		$last_byte     = microtime( true );
		$stalled       = false;

		$lines = array( 'content-type: application/json', 'accept: text/event-stream' );
		foreach ( $headers as $name => $value ) {
			$lines[] = $name . ': ' . $value;
		}

		$handle = curl_init( $url );
		curl_setopt_array(
			$handle,
			array(
				CURLOPT_POST              => true,
				CURLOPT_POSTFIELDS        => wp_json_encode( $body ),
				CURLOPT_HTTPHEADER        => $lines,
				CURLOPT_CONNECTTIMEOUT_MS => (int) round( 1000 * $this->connect_timeout ),
				CURLOPT_TIMEOUT           => self::MAX_STREAM_SECONDS,
				CURLOPT_FOLLOWLOCATION    => false,
				CURLOPT_TCP_NODELAY       => true,
				CURLOPT_HEADERFUNCTION    => static function ( $ch, string $line ) use ( &$status, &$resp_headers, &$last_byte ): int {
					$last_byte = microtime( true );
					if ( preg_match( '#^HTTP/\S+\s+(\d{3})#', $line, $m ) ) {
						$status       = (int) $m[1];
						$resp_headers = array();
					} elseif ( str_contains( $line, ':' ) ) {
						[ $name, $value ]                          = explode( ':', $line, 2 );
						$resp_headers[ strtolower( trim( $name ) ) ] = trim( $value );
					}
					return strlen( $line );
				},
				CURLOPT_WRITEFUNCTION     => static function ( $ch, string $chunk ) use ( &$status, &$error_body, $parser, $on_event, &$pending_error, &$last_byte ): int {
					$last_byte = microtime( true );
					if ( $status >= 300 ) {
						// Enough for a JSON error message; the rest is never used.
						$error_body .= substr( $chunk, 0, max( 0, 65536 - strlen( $error_body ) ) );
						return strlen( $chunk );
					}
					try {
						foreach ( $parser->feed( $chunk ) as $event ) {
							$on_event( $event['event'], $event['data'] );
						}
					} catch ( \Throwable $e ) {
						$pending_error = $e;
						return 0;
					}
					return strlen( $chunk );
				},
				CURLOPT_NOPROGRESS        => false,
				CURLOPT_XFERINFOFUNCTION  => function () use ( $keep_going, &$aborted, &$last_byte, &$stalled ): int {
					if ( null !== $keep_going && ! $keep_going() ) {
						$aborted = true;
						return 1;
					}
					if ( microtime( true ) - $last_byte > $this->idle_timeout ) {
						$stalled = true;
						return 1;
					}
					return 0;
				},
			)
		);
		$ok    = curl_exec( $handle );
		$errno = curl_errno( $handle );
		$error = curl_error( $handle );
		curl_close( $handle );

		if ( null !== $pending_error ) {
			throw $pending_error;
		}
		if ( $aborted ) {
			throw new Provider_Error( Provider_Error::ABORTED, 'The browser closed the connection; the upstream request was cancelled.' );
		}
		if ( $stalled ) {
			throw new Provider_Error( Provider_Error::TIMEOUT, sprintf( 'No data from %s for %d s (read timeout).', Http_Errors::origin( $url ), $this->idle_timeout ) );
		}
		if ( false === $ok || 0 !== $errno ) {
			throw Http_Errors::transport_error( sprintf( 'cURL error %d: %s', $errno, $error ), $url, $status > 0 );
		}
		return new Http_Response( $status, $resp_headers, $error_body );
	}
}
