<?php
/**
 * What the OpenAI-compatible provider sends, per kind of endpoint.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\OpenAI_Compatible\OpenAI_Compatible_Provider;
use PHPUnit\Framework\TestCase;

/**
 * OpenAI wants max_completion_tokens; local servers max_tokens. Kind follows the host.
 */
final class OpenAI_Compatible_Body_Test extends TestCase {

	/**
	 * A provider for a base URL.
	 *
	 * @param string $base Base URL.
	 */
	private static function provider( string $base ): OpenAI_Compatible_Provider {
		return new OpenAI_Compatible_Provider(
			'openai_compatible:x',
			array(
				'id'       => 'x',
				'base_url' => $base,
				'model'    => 'gpt-5-mini',
				'api_key'  => '',
			),
			new Http_Client()
		);
	}

	/**
	 * The body for one turn.
	 *
	 * @param OpenAI_Compatible_Provider $provider Provider.
	 * @return array<string,mixed>
	 */
	private static function body( OpenAI_Compatible_Provider $provider ): array {
		$method = new \ReflectionMethod( $provider, 'body' );
		$method->setAccessible( true );
		return $method->invoke(
			$provider,
			new Chat_Request(
				array(
					array(
						'role'    => 'user',
						'content' => 'Hi',
					),
				),
				'System',
				null,
				321
			),
			true
		);
	}

	/**
	 * OpenAI: max_completion_tokens, cloud.
	 */
	public function test_openai(): void {
		$p    = self::provider( 'https://api.openai.com/v1' );
		$body = self::body( $p );
		$this->assertSame( 321, $body['max_completion_tokens'] );
		$this->assertArrayNotHasKey( 'max_tokens', $body );
		$this->assertSame( 'cloud', $p->kind() );
		$this->assertTrue( $body['stream_options']['include_usage'] );
		$this->assertSame( array( 'system', 'user' ), array_column( $body['messages'], 'role' ) );
	}

	/**
	 * Local servers: max_tokens, local; no key needed.
	 */
	public function test_local_servers(): void {
		foreach ( array( 'http://127.0.0.1:1234/v1', 'http://localhost:11434/v1', 'http://192.168.1.20:8000/v1', 'http://gpu-box.local:8080/v1' ) as $base ) {
			$p    = self::provider( $base );
			$body = self::body( $p );
			$this->assertSame( 321, $body['max_tokens'], $base );
			$this->assertSame( 'local', $p->kind(), $base );
			$this->assertTrue( $p->is_configured(), $base );
		}
	}
}
