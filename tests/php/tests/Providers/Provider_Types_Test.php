<?php
/**
 * Provider descriptors: what they refuse, what the filter accepts, and that the built-ins say
 * what their providers do.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Setting_Field;
use AgenticWriter\Providers\OpenRouter\OpenRouter_Provider;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Test_Case;
use AgenticWriter\Usage\Pricing;

/**
 * In-process: the types are read through the same filter the site uses.
 */
final class Provider_Types_Test extends Test_Case {

	/**
	 * Messages of _doing_it_wrong() calls during a test.
	 *
	 * @var string[]
	 */
	private array $wrong = array();

	/**
	 * Collect _doing_it_wrong() instead of raising notices.
	 */
	protected function setUp(): void {
		parent::setUp();
		add_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		add_action(
			'doing_it_wrong_run',
			function ( string $function_name, string $message ): void {
				$this->wrong[] = $message;
			},
			10,
			2
		);
	}

	/**
	 * Remove test filters and forget the types.
	 */
	protected function tearDown(): void {
		remove_all_filters( 'agentic_writer_provider_types' );
		remove_all_actions( 'doing_it_wrong_run' );
		remove_filter( 'doing_it_wrong_trigger_error', '__return_false' );
		Provider_Types::reset();
		Settings::flush_cache();
		parent::tearDown();
	}

	/**
	 * A descriptor for tests.
	 *
	 * @param string               $type   Type key.
	 * @param array<string,mixed>  $extra  More named arguments.
	 */
	private static function descriptor( string $type, array $extra = array() ): Provider_Descriptor {
		return new Provider_Descriptor( ...array_merge( array( 'type' => $type, 'label' => ucfirst( $type ), 'factory' => static fn () => null ), $extra ) );
	}

	/**
	 * Each built-in's declared tasks are the tasks its provider serves.
	 */
	public function test_built_ins_declare_what_their_providers_do(): void {
		$http  = new Http_Client();
		$types = Provider_Types::all();
		$this->assertSame( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible' ), array_keys( $types ) );
		foreach ( $types as $type => $descriptor ) {
			$id       = $descriptor->multiple ? $type . ':x' : $type;
			$provider = $descriptor->create( $id, $descriptor->defaults() + array( 'id' => 'x' ), $http, new Pricing() );
			$served   = array_values( array_filter( Settings::TASKS, array( $provider, 'supports_task_type' ) ) );
			$this->assertSame( $served, array_values( $descriptor->tasks ), $type );
			$this->assertSame( $descriptor->label, $descriptor->multiple ? $descriptor->label : $provider->label(), $type );
		}
		$this->assertTrue( $types['openrouter']->to_array()['capabilities']['images'] );
		$this->assertSame( array( 'api_key' ), $types['openrouter']->secrets() );
	}

	/**
	 * Routing ids: single types by name, instances as type:id; nothing else.
	 */
	public function test_id_pattern(): void {
		$pattern = '/' . Provider_Types::id_pattern() . '/';
		foreach ( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible:lab-1' ) as $id ) {
			$this->assertMatchesRegularExpression( $pattern, $id );
		}
		foreach ( array( 'openai_compatible', 'openrouter:x', 'echo', 'openai_compatible:Lab' ) as $id ) {
			$this->assertDoesNotMatchRegularExpression( $pattern, $id );
		}
		$this->assertNotNull( Provider_Types::of( 'openai_compatible:lab' ) );
		$this->assertNull( Provider_Types::of( 'openai_compatible' ) );
		$this->assertNull( Provider_Types::of( 'openrouter:x' ) );
	}

	/**
	 * Bad declarations fail where they are written, naming the problem.
	 */
	public function test_bad_descriptors_are_refused_with_a_reason(): void {
		$cases = array(
			'type must match'    => static fn () => self::descriptor( 'Bad-Type' ),
			'kind must be'       => static fn () => self::descriptor( 'ok_type', array( 'kind' => 'remote' ) ),
			'tasks must be'      => static fn () => self::descriptor( 'ok_type', array( 'tasks' => array( 'sing' ) ) ),
			'needs a field "id"' => static fn () => self::descriptor( 'ok_type', array( 'multiple' => true ) ),
			'type must be one'   => static fn () => new Setting_Field( 'x', 'X', 'password' ),
			'lower snake_case'   => static fn () => new Setting_Field( 'Base URL', 'X' ),
		);
		foreach ( $cases as $reason => $make ) {
			try {
				$make();
				$this->fail( 'accepted: ' . $reason );
			} catch ( \InvalidArgumentException $e ) {
				$this->assertStringContainsString( $reason, $e->getMessage() );
			}
		}
	}

	/**
	 * The filter adds a well-formed type; what is not one is left out with a notice that says why.
	 */
	public function test_the_filter_adds_types_and_leaves_out_bad_ones(): void {
		add_filter(
			'agentic_writer_provider_types',
			static function ( array $types ): array {
				$types['notes']      = self::descriptor( 'notes', array( 'fields' => array( new Setting_Field( 'folder', 'Folder' ) ) ) );
				$types['misfiled']   = self::descriptor( 'other' );
				$types['openrouter'] = self::descriptor( 'openrouter' );
				$types['junk']       = 'not a descriptor';
				return $types;
			}
		);
		Provider_Types::reset();
		$types = Provider_Types::all();
		$this->assertSame( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible', 'notes' ), array_keys( $types ) );
		$this->assertInstanceOf( OpenRouter_Provider::class, $types['openrouter']->create( 'openrouter', array(), new Http_Client(), new Pricing() ) );
		$this->assertCount( 3, $this->wrong );
		$said = html_entity_decode( implode( "\n", $this->wrong ) );
		$this->assertStringContainsString( '"misfiled" is filed under "misfiled" but declares type "other"', $said );
		$this->assertStringContainsString( '"openrouter" replaces a built-in', $said );
		$this->assertStringContainsString( '"junk" is not a Provider_Descriptor', $said );
		$this->assertSame( array( 'folder' => '' ), Settings::defaults()['providers']['notes'] );
	}
}
