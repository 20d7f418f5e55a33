<?php
/**
 * API keys: encrypted at rest, write-only, never in REST answers or pages.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Settings\Secret_Box;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Http_Client;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Keys set through POST settings, then looked for everywhere a browser or client can read.
 */
final class Secrets_Test extends Provider_Http_Test_Case {

	private const KEYS = array(
		'openrouter'    => 'sk-or-SECRETopenrouter7f3a9',
		'local_backend' => 'SECRETlocalbackend55c1e2',
		'anthropic'     => 'sk-ant-SECRETanthropic9d2b',
		'compatible'    => 'sk-SECRETcompatible11aa4',
	);

	/**
	 * Sets four recognisable keys through REST.
	 */
	protected function setUp(): void {
		parent::setUp();
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'providers' => array(
					'openrouter'        => array( 'api_key' => self::KEYS['openrouter'] ),
					'local_backend'     => array( 'api_key' => self::KEYS['local_backend'] ),
					'anthropic'         => array( 'api_key' => self::KEYS['anthropic'] ),
					'openai_compatible' => array(
						array(
							'id'       => 'lab',
							'base_url' => self::mock_url() . '/v1',
							'model'    => 'gpt-4o-mini',
							'api_key'  => self::KEYS['compatible'],
						),
					),
				),
			)
		);
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assert_no_secret( $response['body'], 'POST settings answer' );
	}

	/**
	 * Fails when any key (or its sealed form) appears in the text.
	 *
	 * @param string $text  Text.
	 * @param string $where Where it came from.
	 */
	private function assert_no_secret( string $text, string $where ): void {
		wp_cache_flush();
		Settings::flush_cache();
		$stored = get_option( Settings::OPTION );
		$sealed = array( $stored['providers']['openrouter']['api_key'], $stored['providers']['anthropic']['api_key'] );
		foreach ( array_merge( array_values( self::KEYS ), $sealed ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $text, "a key leaked into {$where}" );
			$this->assertStringNotContainsString( str_replace( '/', '\\/', $secret ), $text, "a key leaked into {$where}" );
		}
		$this->assertStringNotContainsString( 'SECRET', $text, "part of a key leaked into {$where}" );
	}

	/**
	 * At rest: sealed, not plain; the provider still gets the plain key.
	 */
	public function test_keys_are_encrypted_at_rest(): void {
		wp_cache_flush();
		Settings::flush_cache();
		$stored = get_option( Settings::OPTION );
		$this->assertStringNotContainsString( 'SECRET', (string) wp_json_encode( $stored ) );
		$this->assertTrue( Secret_Box::is_sealed( $stored['providers']['openrouter']['api_key'] ) );
		$this->assertSame( self::KEYS['openrouter'], Settings::provider_config( 'openrouter' )['api_key'] );
		$sent = $this->mock_requests();
		$this->assertSame( array(), $sent, 'saving settings calls nobody' );
		$this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'   => 'chat',
				'prompt' => 'Key use',
			)
		);
		$headers = $this->mock_requests( '/api/v1/chat/completions' )[0]['headers'];
		$this->assertSame( '…' . substr( self::KEYS['openrouter'], -4 ), $headers['authorization'], 'the mock masks what it got: the real key went upstream' );
	}

	/**
	 * GET settings: api_key_set and a hint, never the key.
	 */
	public function test_get_settings_masks_keys(): void {
		$response = $this->rest( 'GET', '/agentic-writer/v1/settings' );
		$this->assertSame( 200, $response['status'] );
		$this->assert_no_secret( $response['body'], 'GET settings' );
		$or = $response['json']['providers']['openrouter'];
		$this->assertArrayNotHasKey( 'api_key', $or );
		$this->assertTrue( $or['api_key_set'] );
		$this->assertSame( '…' . substr( self::KEYS['openrouter'], -4 ), $or['api_key_hint'] );
		$lab = $response['json']['providers']['openai_compatible'][0];
		$this->assertArrayNotHasKey( 'api_key', $lab );
		$this->assertTrue( $lab['api_key_set'] );
	}

	/**
	 * Posting an empty key keeps the stored one; the compatible list keeps keys by id.
	 */
	public function test_empty_key_keeps_the_stored_one(): void {
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'providers' => array(
					'openrouter'        => array(
						'api_key' => '',
						'model'   => 'openai/gpt-4o',
					),
					'openai_compatible' => array(
						array(
							'id'    => 'lab',
							'label' => 'Renamed',
						),
					),
				),
			)
		);
		$this->assertSame( 200, $response['status'], $response['body'] );
		Settings::flush_cache();
		wp_cache_flush();
		$this->assertSame( self::KEYS['openrouter'], Settings::provider_config( 'openrouter' )['api_key'] );
		$this->assertSame( 'openai/gpt-4o', Settings::provider_config( 'openrouter' )['model'] );
		$lab = Settings::provider_config( 'openai_compatible:lab' );
		$this->assertSame( self::KEYS['compatible'], $lab['api_key'] );
		$this->assertSame( 'Renamed', $lab['label'] );
		$this->assertSame( self::mock_url() . '/v1', $lab['base_url'] );
	}

	/**
	 * Neither the REST index nor the namespace index carries a key.
	 */
	public function test_rest_indexes_carry_no_key(): void {
		foreach ( array( '/', '/agentic-writer/v1', '/agentic-writer/v1/providers' ) as $route ) {
			$response = $this->rest( 'GET', $route );
			$this->assertSame( 200, $response['status'], $route );
			$this->assert_no_secret( $response['body'], "GET {$route}" );
		}
	}

	/**
	 * Pages an administrator opens carry no key.
	 */
	public function test_pages_carry_no_key(): void {
		$jar = tempnam( sys_get_temp_dir(), 'aw-cookies' );
		try {
			Http_Client::page( '/wp-login.php', $jar );
			$login = Http_Client::page(
				'/wp-login.php',
				$jar,
				array(
					'log'        => Site::credentials( 'admin' )['login'],
					'pwd'        => Site::credentials( 'admin' )['password'],
					'testcookie' => '1',
				)
			);
			$this->assertContains( $login['status'], array( 200, 302 ) );
			$dashboard = Http_Client::page( '/wp-admin/', $jar );
			$this->assertStringContainsString( 'wp-admin-bar', $dashboard['body'], 'logged in' );
			foreach ( array( '/wp-admin/', '/wp-admin/admin.php?page=agentic-writer', '/wp-admin/post-new.php', '/' ) as $path ) {
				$page = Http_Client::page( $path, $jar );
				$this->assertSame( 200, $page['status'], $path );
				$this->assert_no_secret( $page['body'], $path );
			}
		} finally {
			unlink( $jar );
		}
	}

	/**
	 * A key that no longer decrypts is reported, not used.
	 */
	public function test_undecryptable_key_is_reported_not_used(): void {
		wp_cache_flush();
		$stored                                        = get_option( Settings::OPTION );
		$stored['providers']['openrouter']['api_key'] = 'aw1:' . base64_encode( random_bytes( 60 ) );
		update_option( Settings::OPTION, $stored, true );
		Settings::flush_cache();

		$settings = $this->rest( 'GET', '/agentic-writer/v1/settings' )['json']['providers']['openrouter'];
		$this->assertTrue( $settings['api_key_set'] );
		$this->assertStringContainsString( 'cannot be decrypted', $settings['api_key_error'] );

		$test = $this->rest( 'POST', '/agentic-writer/v1/providers/openrouter/test' )['json'];
		$this->assertFalse( $test['ok'] );
		$this->assertSame( 'key_unreadable', $test['code'] );

		$configured = array_column( $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['providers'], 'configured', 'id' );
		$this->assertArrayHasKey( 'openrouter', $configured );
		$this->assertFalse( $configured['openrouter'] );
		$this->assertCount( 0, $this->mock_requests( '/api/v1/chat/completions' ) );
	}
}
