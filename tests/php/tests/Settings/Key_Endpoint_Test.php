<?php
/**
 * A key goes with its endpoint; upstream bodies stay out of messages.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Settings;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * POST settings over HTTP as the settings page does, and connection tests against upstreams
 * that answer with error pages (the fault fixture's *.aw-test.invalid hosts).
 */
final class Key_Endpoint_Test extends Provider_Http_Test_Case {

	private const SETTINGS = '/agentic-writer/v1/settings';

	/**
	 * Installs the fixture (canned upstream answers for *.aw-test.invalid).
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
	 * A saved settings object's view of one provider.
	 *
	 * @param array<string,mixed> $patch Patch to POST.
	 * @return array<string,mixed> The response's providers.
	 */
	private function save( array $patch ): array {
		$response = $this->rest( 'POST', self::SETTINGS, 'admin', array( 'providers' => $patch ) );
		$this->assertSame( 200, $response['status'], $response['body'] );
		return $response['json']['providers'];
	}

	/**
	 * Moving a provider to another origin (host, port or scheme) without typing a key drops the
	 * stored key; a new path on the same origin, or a new key in the same save, keeps a key.
	 */
	public function test_a_new_origin_drops_the_stored_key(): void {
		$mock = self::mock_url();
		$port = (string) wp_parse_url( $mock, PHP_URL_PORT );

		$same_origin = $this->save( array( 'local_backend' => array( 'base_url' => $mock . '/v1' ) ) );
		$this->assertTrue( $same_origin['local_backend']['api_key_set'], 'a new path on the same origin keeps the key' );

		$moved = $this->save( array( 'anthropic' => array( 'base_url' => 'https://attacker.example' ) ) );
		$this->assertFalse( $moved['anthropic']['api_key_set'], 'another host: key dropped' );

		$scheme = $this->save( array( 'openrouter' => array( 'base_url' => str_replace( 'http://', 'https://', $mock ) . '/api/v1' ) ) );
		$this->assertFalse( $scheme['openrouter']['api_key_set'], 'another scheme: key dropped' );

		$with_key = $this->save(
			array(
				'local_backend' => array(
					'base_url' => 'http://127.0.0.1:1',
					'api_key'  => 'new-key-for-new-host-9876',
				),
			)
		);
		$this->assertTrue( $with_key['local_backend']['api_key_set'], 'a new key in the same save is kept' );
		$this->assertSame( '…9876', $with_key['local_backend']['api_key_hint'] );

		// The same server under another name is another origin: the old key never goes there.
		$list = $this->save(
			array(
				'openai_compatible' => array(
					array(
						'id'       => 'lab',
						'base_url' => "http://localhost:{$port}/v1",
					),
				),
			)
		);
		$this->assertFalse( $list['openai_compatible'][0]['api_key_set'] );
		$this->mock( 'POST', '/__mock/reset' );
		$this->rest( 'POST', '/agentic-writer/v1/providers/openai_compatible:lab/test', 'admin' );
		$sent = $this->mock_requests( '/v1/models' );
		$this->assertCount( 1, $sent, 'an OpenAI-compatible endpoint may need no key: the test still ran' );
		$this->assertArrayNotHasKey( 'authorization', $sent[0]['headers'], 'without the old key' );
	}

	/**
	 * An error page (HTML from a proxy, with an internal address in it) is never quoted; an
	 * upstream's JSON error message is, cut to 300 characters. Connection test and generation
	 * alike.
	 */
	public function test_upstream_bodies_are_not_quoted(): void {
		$this->save(
			array(
				'openai_compatible' => array(
					array(
						'id'       => 'proxy',
						'base_url' => 'http://html-error.aw-test.invalid/v1',
						'api_key'  => 'sk-proxy-0123456789',
						'model'    => 'm',
					),
					array(
						'id'       => 'chatty',
						'base_url' => 'http://long-error.aw-test.invalid/v1',
						'api_key'  => 'sk-chatty-0123456789',
						'model'    => 'm',
					),
				),
			)
		);
		$test = $this->rest( 'POST', '/agentic-writer/v1/providers/openai_compatible:proxy/test', 'admin' )['json'];
		$this->assertFalse( $test['ok'] );
		$this->assertStringContainsString( 'answered HTTP 502 with no error message (a text/html body)', $test['message'] . ' ' . $test['details']['upstream'] );
		$chat = $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'     => 'chat',
				'prompt'   => 'Hello',
				'provider' => 'openai_compatible:proxy',
			)
		);
		foreach ( array( wp_json_encode( $test ), $chat['body'] ) as $text ) {
			$this->assertStringNotContainsString( 'BODY-MARKER', $text );
			$this->assertStringNotContainsString( '10.20.30.40', $text );
			$this->assertStringNotContainsString( '<h1>', $text );
		}

		$long = $this->rest( 'POST', '/agentic-writer/v1/providers/openai_compatible:chatty/test', 'admin' )['json'];
		$this->assertStringContainsString( 'Upstream failed: echo echo', $long['details']['upstream'] );
		$this->assertStringNotContainsString( 'TAIL-MARKER', wp_json_encode( $long ) );
		$this->assertLessThan( 400, mb_strlen( $long['details']['upstream'] ) );
	}
}
