<?php
/**
 * Many REST requests to the site at once (curl_multi), JSON or SSE.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Support;

use AgenticWriter\Tests\Site;

/**
 * Requests run side by side in this one process; run() pumps them until a condition holds or
 * they are all done, so a test can act while some are still open.
 */
final class Parallel_Http {

	/**
	 * curl multi handle.
	 *
	 * @var \CurlMultiHandle
	 */
	private $multi;

	/**
	 * Per key: handle, status, headers, raw body, parsed events, start time.
	 *
	 * @var array<string,array<string,mixed>>
	 */
	private array $requests = array();

	/**
	 * Opens the multi handle.
	 */
	public function __construct() {
		$this->multi = curl_multi_init();
		// One connection per request, opened at once: never queued behind another to reuse it.
		curl_multi_setopt( $this->multi, CURLMOPT_PIPELINING, CURLPIPE_NOTHING );
	}

	/**
	 * Closes everything still open.
	 */
	public function __destruct() {
		foreach ( $this->requests as $r ) {
			curl_multi_remove_handle( $this->multi, $r['handle'] );
			curl_close( $r['handle'] );
		}
		curl_multi_close( $this->multi );
	}

	/**
	 * Adds a request (it starts at the next run()).
	 *
	 * @param string                                          $key     Name for the results.
	 * @param string                                          $method  Method.
	 * @param string                                          $route   REST route.
	 * @param string|array{login:string,app_password:string} $who     Role or credentials.
	 * @param array<string,mixed>|null                        $body    JSON body.
	 * @param bool                                            $stream  Ask for SSE.
	 * @param int                                             $timeout Seconds.
	 */
	public function add( string $key, string $method, string $route, string|array $who, ?array $body = null, bool $stream = false, int $timeout = 60 ): void {
		$this->requests[ $key ] = array(
			'status'  => 0,
			'headers' => array(),
			'raw'     => '',
			'buffer'  => '',
			'events'  => array(),
			'done'    => false,
			'error'   => '',
			'start'   => microtime( true ),
			'ms'      => 0.0,
		);
		$slot    = &$this->requests[ $key ];
		$handle  = curl_init( Site::url() . '/wp-json' . $route );
		$c       = is_array( $who ) ? $who : Site::credentials( $who );
		$headers = array( 'accept: ' . ( $stream ? 'text/event-stream' : 'application/json' ) );
		if ( null !== $body ) {
			$headers[] = 'content-type: application/json';
			curl_setopt( $handle, CURLOPT_POSTFIELDS, (string) wp_json_encode( $body ) );
		}
		curl_setopt_array(
			$handle,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_HTTPHEADER     => $headers,
				CURLOPT_USERPWD        => $c['login'] . ':' . $c['app_password'],
				CURLOPT_TIMEOUT        => $timeout,
				CURLOPT_FRESH_CONNECT  => true,
				CURLOPT_FORBID_REUSE   => true,
				CURLOPT_HEADERFUNCTION => static function ( $h, string $line ) use ( &$slot ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$slot['headers'][ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
				CURLOPT_WRITEFUNCTION  => static function ( $h, string $chunk ) use ( &$slot ): int {
					$slot['raw']    .= $chunk;
					$slot['buffer'] .= $chunk;
					while ( false !== ( $pos = strpos( $slot['buffer'], "\n\n" ) ) ) {
						$frame          = substr( $slot['buffer'], 0, $pos );
						$slot['buffer'] = substr( $slot['buffer'], $pos + 2 );
						$type           = '';
						$data           = '';
						foreach ( explode( "\n", $frame ) as $line ) {
							if ( str_starts_with( $line, 'event: ' ) ) {
								$type = substr( $line, 7 );
							} elseif ( str_starts_with( $line, 'data: ' ) ) {
								$data .= substr( $line, 6 );
							}
						}
						if ( '' !== $type ) {
							$slot['events'][] = array(
								'type' => $type,
								'data' => (array) json_decode( $data, true ),
							);
						}
					}
					return strlen( $chunk );
				},
			)
		);
		$slot['handle'] = $handle;
		curl_multi_add_handle( $this->multi, $handle );
	}

	/**
	 * Pumps the requests until $until( $this ) is true or every request is done.
	 *
	 * @param callable(self):bool|null $until       Condition.
	 * @param float                    $max_seconds Upper bound.
	 * @return bool Whether the condition held (or all finished, without a condition).
	 */
	public function run( ?callable $until = null, float $max_seconds = 60.0 ): bool {
		$deadline = microtime( true ) + $max_seconds;
		do {
			curl_multi_exec( $this->multi, $running );
			while ( false !== ( $info = curl_multi_info_read( $this->multi ) ) ) {
				foreach ( $this->requests as $key => $r ) {
					if ( $r['handle'] === $info['handle'] ) {
						$this->requests[ $key ]['done']   = true;
						$this->requests[ $key ]['status'] = (int) curl_getinfo( $info['handle'], CURLINFO_RESPONSE_CODE );
						$this->requests[ $key ]['error']  = CURLE_OK === $info['result'] ? '' : curl_strerror( $info['result'] );
						$this->requests[ $key ]['ms']     = ( microtime( true ) - $r['start'] ) * 1000;
					}
				}
			}
			if ( null !== $until && $until( $this ) ) {
				return true;
			}
			if ( 0 === $running ) {
				return null === $until;
			}
			curl_multi_select( $this->multi, 0.05 );
		} while ( microtime( true ) < $deadline );
		return false;
	}

	/**
	 * One request's outcome so far.
	 *
	 * @param string $key Key.
	 * @return array{status:int,headers:array<string,string>,raw:string,events:array<int,array{type:string,data:array<string,mixed>}>,done:bool,error:string,ms:float,json:mixed}
	 */
	public function result( string $key ): array {
		$r = $this->requests[ $key ];
		unset( $r['handle'], $r['buffer'] );
		$r['json'] = json_decode( $r['raw'], true );
		return $r;
	}

	/**
	 * Every key.
	 *
	 * @return string[]
	 */
	public function keys(): array {
		return array_keys( $this->requests );
	}

	/**
	 * Whether a request has received an event of a type.
	 *
	 * @param string $key  Key.
	 * @param string $type Event type.
	 */
	public function has_event( string $key, string $type ): bool {
		return in_array( $type, array_column( $this->requests[ $key ]['events'], 'type' ), true );
	}
}
