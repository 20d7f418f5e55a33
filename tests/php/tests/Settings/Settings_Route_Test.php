<?php
/**
 * GET/POST settings: the documented shape, partial updates.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Settings;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * The settings contract of DESIGN.md §5.
 */
final class Settings_Route_Test extends Provider_Http_Test_Case {

	/**
	 * Defaults have the documented shape and route everything to OpenRouter.
	 */
	public function test_defaults_have_the_documented_shape(): void {
		$this->configure( array(), true );
		$response = $this->rest( 'GET', '/agentic-writer/v1/settings' );
		$this->assertSame( 200, $response['status'] );
		$s = $response['json'];
		$this->assertSame( 'cloud', $s['provider_mode'] );
		$this->assertSame( 'simple', $s['routing']['mode'] );
		$this->assertSame(
			array(
				'text'  => 'openrouter',
				'image' => 'openrouter',
			),
			$s['routing']['simple']
		);
		$this->assertStringContainsString( '"matrix":{}', $response['body'] );
		$this->assertSame( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible' ), array_keys( $s['providers'] ) );
		$this->assertSame( 'https://openrouter.ai/api/v1', $s['providers']['openrouter']['base_url'] );
		$this->assertSame( 'http://127.0.0.1:8080', $s['providers']['local_backend']['base_url'] );
		$this->assertSame( 'https://api.anthropic.com', $s['providers']['anthropic']['base_url'] );
		$this->assertSame( array(), $s['providers']['openai_compatible'] );
		$this->assertFalse( $s['providers']['openrouter']['api_key_set'] );
	}

	/**
	 * Partial updates merge objects, replace lists, and matrix entries merge per task.
	 */
	public function test_partial_updates(): void {
		$first = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'routing' => array(
					'mode'   => 'advanced',
					'matrix' => array(
						'writing'  => array( 'local_backend', 'openrouter' ),
						'planning' => array( 'anthropic' ),
					),
				),
			)
		);
		$this->assertSame( 200, $first['status'], $first['body'] );
		$second = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'routing'   => array( 'matrix' => array( 'planning' => array() ) ),
				'providers' => array( 'anthropic' => array( 'model' => 'claude-haiku-4-5' ) ),
			)
		)['json'];
		$this->assertSame( 'advanced', $second['routing']['mode'] );
		$this->assertSame( array( 'writing' => array( 'local_backend', 'openrouter' ) ), $second['routing']['matrix'] );
		$this->assertSame( 'claude-haiku-4-5', $second['providers']['anthropic']['model'] );
		$this->assertSame( self::mock_url(), $second['providers']['anthropic']['base_url'] );
		$this->assertTrue( $second['providers']['anthropic']['api_key_set'] );
		wp_cache_flush();
		Settings::flush_cache();
		$this->assertSame( 'claude-haiku-4-5', Settings::provider_config( 'anthropic' )['model'] );
	}

	/**
	 * Several OpenAI-compatible endpoints, each routable by id.
	 */
	public function test_several_openai_compatible_instances(): void {
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'providers' => array(
					'openai_compatible' => array(
						array(
							'id'       => 'lab',
							'base_url' => self::mock_url() . '/v1',
							'model'    => 'gpt-4o-mini',
						),
						array(
							'id'       => 'ollama',
							'label'    => 'Ollama',
							'base_url' => self::mock_url() . '/v1/',
							'model'    => 'llama-3.1-8b',
							'api_key'  => 'ollama-0123456789',
						),
					),
				),
				'routing'   => array( 'simple' => array( 'text' => 'openai_compatible:ollama' ) ),
			)
		);
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( self::mock_url() . '/v1', $response['json']['providers']['openai_compatible'][1]['base_url'], 'trailing slash trimmed' );
		$answer = $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'   => 'chat',
				'prompt' => 'Which one?',
			)
		)['json'];
		$this->assertSame( 'openai_compatible:ollama', $answer['provider'] );
		$this->assertSame( 'llama-3.1-8b', $answer['model'] );
	}

	/**
	 * A null key removes the stored one.
	 */
	public function test_null_key_removes_it(): void {
		$response = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'providers' => array( 'anthropic' => array( 'api_key' => null ) ) ) );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertFalse( $response['json']['providers']['anthropic']['api_key_set'] );
		$this->assertTrue( $response['json']['providers']['openrouter']['api_key_set'] );
		$configured = array_column( $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['providers'], 'configured', 'id' );
		$this->assertArrayHasKey( 'anthropic', $configured );
		$this->assertFalse( $configured['anthropic'] );
	}

	/**
	 * A site coming from the OpenRouter-only plugin keeps its key and model, and every task
	 * goes to OpenRouter as before.
	 */
	public function test_openrouter_only_predecessor_is_imported(): void {
		delete_option( Settings::OPTION );
		update_option(
			Settings::LEGACY_OPTION,
			array(
				'openrouter_api_key' => 'sk-or-legacy-0123456789',
				'openrouter_model'   => 'openai/gpt-4o',
			)
		);
		Settings::flush_cache();
		try {
			$settings = $this->rest( 'GET', '/agentic-writer/v1/settings' )['json'];
			$this->assertTrue( $settings['providers']['openrouter']['api_key_set'] );
			$this->assertSame( '…6789', $settings['providers']['openrouter']['api_key_hint'] );
			$this->assertSame( 'openai/gpt-4o', $settings['providers']['openrouter']['model'] );
			$this->assertSame( 'cloud', $settings['provider_mode'] );
			$routing = $this->rest( 'GET', '/agentic-writer/v1/providers' )['json']['routing'];
			foreach ( Settings::TASKS as $task ) {
				$this->assertSame( array( 'openrouter' ), $routing[ $task ]['chain'], $task );
			}
			wp_cache_flush();
			$this->assertIsArray( get_option( Settings::OPTION ), 'imported once, then stored' );
		} finally {
			delete_option( Settings::LEGACY_OPTION );
		}
	}
}
