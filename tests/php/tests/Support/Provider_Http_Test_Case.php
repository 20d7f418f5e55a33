<?php
/**
 * Base for the provider-manager tests: the mock upstream, settings snapshots, REST and SSE
 * over real HTTP to the running site.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Support;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Test_Case;
use AgenticWriter\Usage\Pricing;
use AgenticWriter\Usage\Usage_Repository;

/**
 * No transaction: the web server is another connection and must see what the test writes.
 * Every test starts from a known configuration pointing every provider at the mock, and the
 * site's previous settings are put back afterwards.
 */
abstract class Provider_Http_Test_Case extends Test_Case {

	protected bool $use_transaction = false;

	/**
	 * Settings option before the test (false: none).
	 *
	 * @var mixed
	 */
	private $saved_settings = false;

	/**
	 * Base URL of the mock upstream. Fails loudly when it is not there: CI must run these.
	 */
	public static function mock_url(): string {
		$url = getenv( 'AW_MOCK_URL' );
		if ( false === $url || '' === $url ) {
			self::fail( 'AW_MOCK_URL is not set. Start the mock upstream (npx tsx tests/mocks/upstream/cli.ts --port 8099) and export AW_MOCK_URL=http://127.0.0.1:8099; npm test does both.' );
		}
		return rtrim( $url, '/' );
	}

	/**
	 * Snapshot settings and start from the standard configuration.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_cache_flush();
		$this->saved_settings = get_option( Settings::OPTION, false );
		$this->mock( 'POST', '/__mock/reset' );
		$this->configure( self::standard_settings(), true );
	}

	/**
	 * Put the site's settings back and forget breaker and health state.
	 */
	protected function tearDown(): void {
		$this->mock( 'POST', '/__mock/reset' );
		if ( false === $this->saved_settings ) {
			delete_option( Settings::OPTION );
		} else {
			update_option( Settings::OPTION, $this->saved_settings, true );
		}
		Settings::flush_cache();
		$this->forget_state();
		parent::tearDown();
	}

	/**
	 * Every provider configured against the mock; hybrid mode so local ones may serve.
	 *
	 * @return array<string,mixed>
	 */
	public static function standard_settings(): array {
		$mock = self::mock_url();
		return array(
			'provider_mode' => 'hybrid',
			'routing'       => array(
				'mode'   => 'simple',
				'simple' => array(
					'text'  => 'openrouter',
					'image' => 'openrouter',
				),
				'matrix' => array(),
			),
			'providers'     => array(
				'openrouter'        => array(
					'api_key'     => 'sk-or-test-0123456789',
					'base_url'    => $mock . '/api/v1',
					'model'       => 'openai/gpt-4o-mini',
					'image_model' => 'google/gemini-2.5-flash-image',
				),
				'local_backend'     => array(
					'api_key'  => 'local-test-0123456789',
					'base_url' => $mock,
					'model'    => 'sonnet',
				),
				'anthropic'         => array(
					'api_key'  => 'sk-ant-test-0123456789',
					'base_url' => $mock,
					'model'    => 'claude-sonnet-4-5',
				),
				'openai_compatible' => array(
					array(
						'id'       => 'lab',
						'label'    => 'Lab vLLM',
						'api_key'  => 'sk-oc-test-0123456789',
						'base_url' => $mock . '/v1',
						'model'    => 'gpt-4o-mini',
					),
				),
			),
			'breaker'       => array(
				'failure_threshold' => 3,
				'cooldown_seconds'  => 30,
			),
			'timeouts'      => array(
				'connect_seconds' => 1,
				'read_seconds'    => 20,
			),
		);
	}

	/**
	 * Changes the settings in-process, as POST settings would (the server reads them on its
	 * next request), and forgets breaker and health state.
	 *
	 * @param array<string,mixed> $patch Partial settings, as POST settings takes them.
	 * @param bool                $fresh Start from the defaults instead of the stored settings.
	 */
	protected function configure( array $patch, bool $fresh = false ): void {
		if ( $fresh ) {
			delete_option( Settings::OPTION );
		}
		Settings::flush_cache();
		$result = Settings::update( $patch );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		Settings::flush_cache();
		$this->forget_state();
	}

	/**
	 * Forgets breakers, health and the price catalogue.
	 */
	protected function forget_state(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup of the plugin's transients.
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_agentic\\_writer\\_breaker\\_%' OR option_name LIKE '\\_transient\\_agentic\\_writer\\_health\\_%' OR option_name LIKE 'agentic\\_writer\\_state\\_%'" );
		Pricing::forget();
		wp_cache_flush();
	}

	/**
	 * Calls the mock's control API.
	 *
	 * @param string                   $method Method.
	 * @param string                   $path   Path under the mock.
	 * @param array<string,mixed>|null $body   JSON body.
	 * @return mixed Decoded JSON.
	 */
	protected function mock( string $method, string $path, ?array $body = null ) {
		$curl = curl_init( self::mock_url() . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 5,
				CURLOPT_HTTPHEADER     => array( 'content-type: application/json' ),
				CURLOPT_POSTFIELDS     => null === $body ? '' : (string) wp_json_encode( $body ),
			)
		);
		$out = curl_exec( $curl );
		$code = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		$this->assertSame( 200, $code, "mock {$method} {$path}: " . (string) $out );
		return json_decode( (string) $out, true );
	}

	/**
	 * Queues a scripted failure at the mock for one upstream path.
	 *
	 * @param string $path      Upstream path, e.g. /v1/messages.
	 * @param string $directive e.g. status=503.
	 * @param int    $times     How many requests it serves.
	 */
	protected function script( string $path, string $directive, int $times = 1 ): void {
		$this->mock(
			'POST',
			'/__mock/script',
			array(
				'path'      => $path,
				'directive' => $directive,
				'times'     => $times,
			)
		);
	}

	/**
	 * Requests the mock received since the last reset, optionally only for one path.
	 *
	 * @param string|null $path Path without query, e.g. /v1/messages.
	 * @return array<int,array<string,mixed>>
	 */
	protected function mock_requests( ?string $path = null ): array {
		$all = (array) $this->mock( 'GET', '/__mock/requests' );
		if ( null === $path ) {
			return $all;
		}
		return array_values( array_filter( $all, static fn ( array $r ): bool => explode( '?', (string) $r['path'] )[0] === $path ) );
	}

	/**
	 * A REST request to the site.
	 *
	 * @param string              $method  Method.
	 * @param string              $route   Route, e.g. /agentic-writer/v1/generate.
	 * @param string|array|null   $role    Role (application password), a user's own
	 *                                     { login, app_password }, or null (anonymous).
	 * @param mixed               $body    Body (encoded as JSON unless a string).
	 * @param array<int,string>   $headers Extra header lines.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	protected function rest( string $method, string $route, string|array|null $role = 'admin', $body = null, array $headers = array() ): array {
		$received = array();
		$curl     = curl_init( Site::url() . '/wp-json' . $route );
		$lines    = array_merge( array( 'accept: application/json' ), $headers );
		if ( null !== $body ) {
			$lines[] = 'content-type: application/json';
			curl_setopt( $curl, CURLOPT_POSTFIELDS, is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		}
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_HTTPHEADER     => $lines,
				CURLOPT_HEADERFUNCTION => static function ( $h, string $line ) use ( &$received ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		if ( null !== $role ) {
			$c = is_array( $role ) ? $role : Site::credentials( $role );
			curl_setopt( $curl, CURLOPT_USERPWD, $c['login'] . ':' . $c['app_password'] );
		}
		$out = curl_exec( $curl );
		if ( false === $out ) {
			$error = curl_error( $curl );
			curl_close( $curl );
			$this->fail( "{$method} {$route}: {$error}" );
		}
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $received,
			'body'    => (string) $out,
			'json'    => json_decode( (string) $out, true ),
		);
	}

	/**
	 * POST generate with Accept: text/event-stream; returns the parsed events with arrival times.
	 *
	 * @param array<string,mixed> $body        Body.
	 * @param string              $role        Role.
	 * @param int|null            $hang_up_after Close the connection after this many deltas (a browser tab closed).
	 * @param array<int,string>   $headers     Extra header lines.
	 * @return array{status:int,headers:array<string,string>,events:array<int,array{type:string,data:array<string,mixed>,ms:float}>,raw:string}
	 */
	protected function sse( array $body, string $role = 'admin', ?int $hang_up_after = null, array $headers = array() ): array {
		$received = array();
		$raw      = '';
		$events   = array();
		$buffer   = '';
		$start    = microtime( true );
		$curl     = curl_init( Site::url() . '/wp-json/agentic-writer/v1/generate' );
		$c        = Site::credentials( $role );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_POST           => true,
				CURLOPT_POSTFIELDS     => (string) wp_json_encode( $body ),
				CURLOPT_HTTPHEADER     => array_merge( array( 'accept: text/event-stream', 'content-type: application/json' ), $headers ),
				CURLOPT_USERPWD        => $c['login'] . ':' . $c['app_password'],
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_HEADERFUNCTION => static function ( $h, string $line ) use ( &$received ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$received[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
				CURLOPT_WRITEFUNCTION  => static function ( $h, string $chunk ) use ( &$raw, &$buffer, &$events, $start, $hang_up_after ): int {
					$raw    .= $chunk;
					$buffer .= $chunk;
					while ( false !== ( $pos = strpos( $buffer, "\n\n" ) ) ) {
						$frame  = substr( $buffer, 0, $pos );
						$buffer = substr( $buffer, $pos + 2 );
						$type   = '';
						$data   = '';
						foreach ( explode( "\n", $frame ) as $line ) {
							if ( str_starts_with( $line, 'event: ' ) ) {
								$type = substr( $line, 7 );
							} elseif ( str_starts_with( $line, 'data: ' ) ) {
								$data .= substr( $line, 6 );
							}
						}
						if ( '' !== $type ) {
							$events[] = array(
								'type' => $type,
								'data' => (array) json_decode( $data, true ),
								'ms'   => ( microtime( true ) - $start ) * 1000,
							);
						}
					}
					if ( null !== $hang_up_after && count( array_filter( $events, static fn ( array $e ): bool => 'delta' === $e['type'] ) ) >= $hang_up_after ) {
						return 0;
					}
					return strlen( $chunk );
				},
			)
		);
		curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array(
			'status'  => $status,
			'headers' => $received,
			'events'  => $events,
			'raw'     => $raw,
		);
	}

	/**
	 * Event types in order.
	 *
	 * @param array<int,array{type:string}> $events Events.
	 * @return string[]
	 */
	protected static function types( array $events ): array {
		return array_column( $events, 'type' );
	}

	/**
	 * Concatenated delta text.
	 *
	 * @param array<int,array{type:string,data:array<string,mixed>}> $events Events.
	 */
	protected static function text_of( array $events ): string {
		$text = '';
		foreach ( $events as $e ) {
			if ( 'delta' === $e['type'] ) {
				$text .= (string) $e['data']['text'];
			}
		}
		return $text;
	}

	/**
	 * The first event of a type.
	 *
	 * @param array<int,array{type:string,data:array<string,mixed>}> $events Events.
	 * @param string                                                 $type   Type.
	 * @return array<string,mixed>
	 */
	protected function event( array $events, string $type ): array {
		foreach ( $events as $e ) {
			if ( $type === $e['type'] ) {
				return $e['data'];
			}
		}
		$this->fail( "no {$type} event in: " . implode( ', ', self::types( $events ) ) );
	}

	/**
	 * Usage rows written for a request. The site writes them after the answer has gone out,
	 * so this waits (up to 5 s) for the expected number.
	 *
	 * @param string $request_id Request id.
	 * @param int    $expected   Rows to wait for.
	 * @return array<int,array<string,mixed>>
	 */
	protected function usage_rows( string $request_id, int $expected = 1 ): array {
		$deadline = microtime( true ) + 5;
		do {
			$rows = ( new Usage_Repository() )->find_by_request( $request_id );
			if ( count( $rows ) >= $expected ) {
				usleep( 50_000 );
				return ( new Usage_Repository() )->find_by_request( $request_id );
			}
			usleep( 20_000 );
		} while ( microtime( true ) < $deadline );
		return $rows;
	}

	/**
	 * Copies the fault fixture (tests/php/fixtures/mu-plugins) into the site, or removes it.
	 *
	 * @param bool $on Install or remove.
	 */
	protected static function fault_fixture( bool $on ): void {
		$file = $GLOBALS['aw_test_site']['path'] . '/wp-content/mu-plugins/agentic-writer-test-faults.php';
		if ( $on ) {
			copy( dirname( __DIR__, 2 ) . '/fixtures/mu-plugins/agentic-writer-test-faults.php', $file );
		} elseif ( file_exists( $file ) ) {
			unlink( $file );
		}
	}

	/**
	 * A port nothing listens on.
	 */
	protected static function closed_port_url(): string {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name   = stream_socket_get_name( $socket, false );
		fclose( $socket );
		return 'http://' . $name;
	}
}
