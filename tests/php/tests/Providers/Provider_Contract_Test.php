<?php
/**
 * The contract every provider passes, run against the mock upstream.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\Anthropic\Anthropic_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Stream_Event;
use AgenticWriter\Providers\Local_Backend\Local_Backend_Provider;
use AgenticWriter\Providers\OpenAI_Compatible\OpenAI_Compatible_Provider;
use AgenticWriter\Providers\OpenRouter\OpenRouter_Provider;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Pricing;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * One suite, four providers: adding a provider means adding a row to providers().
 */
final class Provider_Contract_Test extends Provider_Http_Test_Case {

	/**
	 * Provider ids with the cost kind each reports against the mock.
	 *
	 * @return array<string,array{0:string,1:string}>
	 */
	public function providers(): array {
		return array(
			'openrouter'        => array( 'openrouter', 'metered' ),
			'local_backend'     => array( 'local_backend', 'local' ),
			'anthropic'         => array( 'anthropic', 'estimated' ),
			'openai_compatible' => array( 'openai_compatible:lab', 'local' ),
		);
	}

	/**
	 * Builds a provider from the standard settings, with overrides.
	 *
	 * @param string              $id        Provider id.
	 * @param array<string,mixed> $overrides Config fields to change.
	 */
	private function provider( string $id, array $overrides = array() ): Provider {
		$providers = self::standard_settings()['providers'];
		$config    = str_starts_with( $id, 'openai_compatible:' ) ? $providers['openai_compatible'][0] : $providers[ $id ];
		$config    = array_merge( $config, $overrides, array( 'api_key_error' => false ) );
		$classes   = array(
			'openrouter'            => OpenRouter_Provider::class,
			'local_backend'         => Local_Backend_Provider::class,
			'anthropic'             => Anthropic_Provider::class,
			'openai_compatible:lab' => OpenAI_Compatible_Provider::class,
		);
		return new $classes[ $id ]( $id, $config, new Http_Client( 1.0, 10, 5 ), new Pricing() );
	}

	/**
	 * A one-turn request.
	 *
	 * @param string $text User text (may carry mock directives).
	 */
	private static function ask( string $text ): Chat_Request {
		return new Chat_Request(
			array(
				array(
					'role'    => 'user',
					'content' => $text,
				),
			),
			'You are a test.'
		);
	}

	/**
	 * Non-stream chat: text, model, tokens, cost kind.
	 *
	 * @dataProvider providers
	 * @param string $id   Provider id.
	 * @param string $kind Expected cost kind.
	 */
	public function test_chat_returns_text_and_usage( string $id, string $kind ): void {
		$provider = $this->provider( $id );
		$this->assertTrue( $provider->is_configured() );
		$result = $provider->chat( self::ask( 'Contract check' ) );
		$this->assertStringContainsString( 'Mock reply from', $result->text );
		$this->assertStringContainsString( 'Contract check', $result->text );
		$this->assertNotSame( '', $result->model );
		$this->assertGreaterThan( 0, $result->tokens_prompt );
		$this->assertGreaterThan( 0, $result->tokens_completion );
		$this->assertSame( $kind, $result->cost_kind );
		if ( 'local' === $kind ) {
			$this->assertNull( $result->cost_usd, 'local runs are never a made-up $0' );
		} else {
			$this->assertGreaterThan( 0, $result->cost_usd );
		}
	}

	/**
	 * Streamed chat: several deltas that add up to the result, ttft measured.
	 *
	 * @dataProvider providers
	 * @param string $id   Provider id.
	 * @param string $kind Expected cost kind.
	 */
	public function test_stream_emits_deltas_that_add_up( string $id, string $kind ): void {
		$deltas = array();
		$result = $this->provider( $id )->chat_stream(
			self::ask( 'Stream check [[mock:chunks=4,delay=5]]' ),
			static function ( Stream_Event $e ) use ( &$deltas ): void {
				$deltas[] = $e;
			}
		);
		$this->assertGreaterThanOrEqual( 4, count( $deltas ) );
		$this->assertSame( array( 'delta' ), array_values( array_unique( array_map( static fn ( Stream_Event $e ) => $e->type, $deltas ) ) ) );
		$this->assertSame( $result->text, implode( '', array_map( static fn ( Stream_Event $e ) => $e->data['text'], $deltas ) ) );
		$this->assertStringContainsString( 'Stream check', $result->text );
		$this->assertNotNull( $result->ttft_ms );
		$this->assertGreaterThan( 0, $result->tokens_completion );
		$this->assertSame( $kind, $result->cost_kind );
	}

	/**
	 * 5xx and 429, streamed or not, are errors the router may fall back on.
	 *
	 * @dataProvider providers
	 * @param string $id Provider id.
	 */
	public function test_upstream_failures_allow_fallback( string $id ): void {
		$provider = $this->provider( $id );
		$cases    = array(
			array( false, 'status=503', Provider_Error::UPSTREAM, 503 ),
			array( true, 'status=500', Provider_Error::UPSTREAM, 500 ),
			array( false, 'status=429,retry_after=2', Provider_Error::RATE_LIMITED, 429 ),
			array( true, 'status=429,retry_after=2', Provider_Error::RATE_LIMITED, 429 ),
		);
		foreach ( $cases as [ $stream, $directive, $code, $status ] ) {
			$request = self::ask( "Fail [[mock:{$directive}]]" );
			try {
				$stream ? $provider->chat_stream( $request, static function (): void {} ) : $provider->chat( $request );
				$this->fail( "{$directive} did not fail" );
			} catch ( Provider_Error $e ) {
				$this->assertSame( $code, $e->error_code, $e->getMessage() );
				$this->assertSame( $status, $e->http_status );
				$this->assertTrue( $e->allows_fallback() );
				if ( 429 === $status ) {
					$this->assertSame( 2, $e->retry_after );
				}
			}
		}
	}

	/**
	 * A wrong key is an auth failure (no fallback) and the connection test says so.
	 *
	 * @dataProvider providers
	 * @param string $id Provider id.
	 */
	public function test_invalid_key_is_reported( string $id ): void {
		$provider = $this->provider( $id, array( 'api_key' => 'invalid-key-0000' ) );
		try {
			$provider->chat( self::ask( 'Key check' ) );
			$this->fail( 'an invalid key was accepted' );
		} catch ( Provider_Error $e ) {
			$this->assertSame( Provider_Error::AUTH, $e->error_code );
			$this->assertFalse( $e->allows_fallback() );
		}
		$test = $provider->test_connection();
		$this->assertFalse( $test->ok );
		$this->assertSame( Provider_Error::AUTH, $test->code );
		$this->assertMatchesRegularExpression( '/key/i', $test->message );
	}

	/**
	 * A closed port fails fast, as a connection failure, with advice.
	 *
	 * @dataProvider providers
	 * @param string $id Provider id.
	 */
	public function test_connection_refused_fails_fast_with_advice( string $id ): void {
		$base     = self::closed_port_url() . ( str_starts_with( $id, 'openai_compatible' ) || 'openrouter' === $id ? '/v1' : '' );
		$provider = $this->provider( $id, array( 'base_url' => $base ) );
		$start    = microtime( true );
		try {
			$provider->chat_stream( self::ask( 'Anyone there?' ), static function (): void {} );
			$this->fail( 'a closed port answered' );
		} catch ( Provider_Error $e ) {
			$this->assertSame( Provider_Error::CONNECTION, $e->error_code );
			$this->assertTrue( $e->allows_fallback() );
		}
		$this->assertLessThan( 1.0, microtime( true ) - $start );
		$test = $provider->test_connection();
		$this->assertFalse( $test->ok );
		$this->assertStringContainsString( 'Connection refused at ' . $base, $test->message );
	}

	/**
	 * The connection test passes against a working upstream; models are listed.
	 *
	 * @dataProvider providers
	 * @param string $id Provider id.
	 */
	public function test_connection_test_and_models( string $id ): void {
		$provider = $this->provider( $id );
		$test     = $provider->test_connection();
		$this->assertTrue( $test->ok, $test->message );
		$this->assertSame( 'ok', $test->code );
		$this->assertNotEmpty( $provider->models() );
	}

	/**
	 * A stream that breaks off after tokens is an interruption, after the deltas that came.
	 *
	 * @dataProvider providers
	 * @param string $id Provider id.
	 */
	public function test_mid_stream_drop_is_an_interruption( string $id ): void {
		$deltas = 0;
		try {
			$this->provider( $id )->chat_stream(
				self::ask( 'Drop [[mock:chunks=5,drop_after=2]]' ),
				static function () use ( &$deltas ): void {
					++$deltas;
				}
			);
			$this->fail( 'a dropped stream succeeded' );
		} catch ( Provider_Error $e ) {
			$this->assertSame( Provider_Error::INTERRUPTED, $e->error_code, $e->getMessage() );
		}
		$this->assertSame( 2, $deltas );
	}
}
