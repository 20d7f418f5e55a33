<?php
/**
 * Bad input on every route: 400, a stable code, the field named.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Administrator requests (so permissions pass) with one thing wrong each.
 */
final class Bad_Input_Test extends Provider_Http_Test_Case {

	/**
	 * Route, body and the field the error must name.
	 *
	 * @return array<string,array{0:string,1:mixed,2:string}>
	 */
	public function bad_requests(): array {
		$gen = '/agentic-writer/v1/generate';
		$img = '/agentic-writer/v1/image';
		$set = '/agentic-writer/v1/settings';
		$ok  = array(
			'task'   => 'chat',
			'prompt' => 'x',
		);
		return array(
			'generate: no task'            => array( $gen, array( 'prompt' => 'x' ), 'task' ),
			'generate: unknown task'       => array( $gen, array( 'task' => 'poem' ) + $ok, 'task' ),
			'generate: image task'         => array( $gen, array( 'task' => 'image' ) + $ok, 'task' ),
			'generate: no prompt'          => array( $gen, array( 'task' => 'chat' ), 'prompt' ),
			'generate: prompt not string'  => array( $gen, array( 'prompt' => array( 'x' ) ) + $ok, 'prompt' ),
			'generate: bad message role'   => array(
				$gen,
				$ok + array(
					'messages' => array(
						array(
							'role'    => 'system',
							'content' => 'x',
						),
					),
				),
				'messages',
			),
			'generate: post_id not int'    => array( $gen, $ok + array( 'post_id' => 'abc' ), 'post_id' ),
			'generate: no selection'       => array(
				$gen,
				array(
					'task'   => 'refinement',
					'prompt' => 'shorter',
				),
				'selection',
			),
			'generate: bad provider id'    => array( $gen, $ok + array( 'provider' => 'Nope!' ), 'provider' ),
			'generate: unusable provider'  => array( $gen, $ok + array( 'provider' => 'openai_compatible:missing' ), 'provider' ),
			'generate: model too long'     => array( $gen, $ok + array( 'model' => str_repeat( 'm', 201 ) ), 'model' ),
			'image: no prompt'             => array( $img, array( 'alt' => 'x' ), 'prompt' ),
			'image: empty prompt'          => array( $img, array( 'prompt' => '' ), 'prompt' ),
			'image: alt too long'          => array(
				$img,
				array(
					'prompt' => 'x',
					'alt'    => str_repeat( 'a', 501 ),
				),
				'alt',
			),
			'image: post_id negative'      => array(
				$img,
				array(
					'prompt'  => 'x',
					'post_id' => -1,
				),
				'post_id',
			),
			'image: aspect ratio'          => array(
				$img,
				array(
					'prompt'       => 'x',
					'aspect_ratio' => '2:1',
				),
				'aspect_ratio',
			),
			'image: featured, no post'     => array(
				$img,
				array(
					'prompt'   => 'x',
					'featured' => true,
				),
				'featured',
			),
			'settings: provider_mode'      => array( $set, array( 'provider_mode' => 'space' ), 'provider_mode' ),
			'settings: unknown field'      => array( $set, array( 'colour' => 'blue' ), 'colour' ),
			'settings: base_url scheme'    => array( $set, array( 'providers' => array( 'openrouter' => array( 'base_url' => 'ftp://example.com' ) ) ), 'providers' ),
			'settings: unknown provider'   => array( $set, array( 'routing' => array( 'simple' => array( 'text' => 'openai_compatible:nope' ) ) ), 'routing' ),
			'settings: matrix task'        => array( $set, array( 'routing' => array( 'matrix' => array( 'poetry' => array( 'openrouter' ) ) ) ), 'routing' ),
			'settings: breaker threshold'  => array( $set, array( 'breaker' => array( 'failure_threshold' => 0 ) ), 'breaker' ),
			'settings: read timeout type'  => array( $set, array( 'timeouts' => array( 'read_seconds' => 'slow' ) ), 'timeouts' ),
			'settings: compatible no id'   => array( $set, array( 'providers' => array( 'openai_compatible' => array( array( 'base_url' => 'http://127.0.0.1:1234/v1' ) ) ) ), 'providers' ),
			'settings: compatible dup id'  => array(
				$set,
				array(
					'providers' => array(
						'openai_compatible' => array(
							array(
								'id'       => 'a',
								'base_url' => 'http://127.0.0.1:1/v1',
							),
							array(
								'id'       => 'a',
								'base_url' => 'http://127.0.0.1:2/v1',
							),
						),
					),
				),
				'providers',
			),
		);
	}

	/**
	 * 400, agentic_writer_invalid_param, the field in data.params and in the message.
	 *
	 * @dataProvider bad_requests
	 * @param string $route Route.
	 * @param mixed  $body  Body.
	 * @param string $field Field.
	 */
	public function test_bad_input_names_the_field( string $route, $body, string $field ): void {
		$response = $this->rest( 'POST', $route, 'admin', $body );
		$this->assertSame( 400, $response['status'], $response['body'] );
		$this->assertSame( 'agentic_writer_invalid_param', $response['json']['code'] );
		$this->assertArrayHasKey( $field, $response['json']['data']['params'] );
		$this->assertStringContainsString( $field, $response['json']['message'] );
		$this->assertStringStartsWith( $field, $response['json']['data']['field'] );
	}

	/**
	 * Settings errors deeper than a top-level field carry its full path in data.field.
	 *
	 * @return array<string,array{0:array<string,mixed>,1:string}>
	 */
	public function deep_settings_errors(): array {
		return array(
			'single provider URL'    => array( array( 'providers' => array( 'anthropic' => array( 'base_url' => 'ftp://example.com' ) ) ), 'providers[anthropic][base_url]' ),
			'compatible URL'         => array( array( 'providers' => array( 'openai_compatible' => array( array( 'id' => 'lm', 'base_url' => 'not a url' ) ) ) ), 'providers[openai_compatible][0][base_url]' ),
			'routing to the unknown' => array( array( 'routing' => array( 'simple' => array( 'image' => 'openai_compatible:nope' ) ) ), 'routing[simple][image]' ),
		);
	}

	/**
	 * The settings page marks the exact control from data.field, not from the message's wording.
	 *
	 * @dataProvider deep_settings_errors
	 * @param array<string,mixed> $body Body.
	 * @param string              $path Expected path.
	 */
	public function test_deep_settings_error_names_the_exact_field( array $body, string $path ): void {
		$response = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', $body );
		$this->assertSame( 400, $response['status'], $response['body'] );
		$this->assertSame( $path, $response['json']['data']['field'] );
		$this->assertStringContainsString( $path, $response['json']['message'] );
	}

	/**
	 * Settings must be a JSON object.
	 */
	public function test_settings_body_must_be_an_object(): void {
		$response = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', '[1,2]' );
		$this->assertSame( 400, $response['status'] );
		$this->assertSame( 'agentic_writer_invalid_body', $response['json']['code'] );
	}

	/**
	 * An unknown provider id on the test route is a 404 naming the id.
	 */
	public function test_unknown_provider_test_is_404_naming_the_id(): void {
		$response = $this->rest( 'POST', '/agentic-writer/v1/providers/nope/test' );
		$this->assertSame( 404, $response['status'] );
		$this->assertSame( 'agentic_writer_unknown_provider', $response['json']['code'] );
		$this->assertArrayHasKey( 'id', $response['json']['data']['params'] );
	}

	/**
	 * Nothing invalid was saved by the failed updates.
	 */
	public function test_rejected_settings_change_nothing(): void {
		$before = $this->rest( 'GET', '/agentic-writer/v1/settings' )['json'];
		$this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'provider_mode' => 'local',
				'routing'       => array( 'simple' => array( 'text' => 'openai_compatible:nope' ) ),
			)
		);
		$this->assertSame( $before, $this->rest( 'GET', '/agentic-writer/v1/settings' )['json'] );
	}
}
