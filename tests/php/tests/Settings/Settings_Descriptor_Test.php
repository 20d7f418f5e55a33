<?php
/**
 * Settings drawn from descriptors: a type's secret is sealed and masked, its URL checked with the
 * field's path, and a route to a type that went away does not lock the owner out of saving.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Settings;

use AgenticWriter\Providers\Base\Text_Provider;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Setting_Field;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Test_Case;

/**
 * In-process, inside a transaction that is rolled back.
 */
final class Settings_Descriptor_Test extends Test_Case {

	/**
	 * Adds the `notes` type (a secret and a URL).
	 */
	private static function add_notes_type(): void {
		add_filter(
			'agentic_writer_provider_types',
			static function ( array $types ): array {
				$types['notes'] = new Provider_Descriptor(
					type: 'notes',
					label: 'Notes',
					kind: 'cloud',
					fields: array(
						new Setting_Field( 'token', 'Token', 'secret' ),
						new Setting_Field( 'endpoint', 'Endpoint', 'url', 'https://notes.example' ),
					),
					factory: static fn ( string $id, array $config, $http ) => new class( $id, $config, $http ) extends Text_Provider {
						/**
						 * Answers with the token it was given (to show it arrives decrypted).
						 *
						 * @param Chat_Request $request Request.
						 */
						protected function answer( Chat_Request $request ): string {
							return (string) $this->config['token'];
						}
					},
				);
				return $types;
			}
		);
		Provider_Types::reset();
		Settings::flush_cache();
	}

	/**
	 * Start from a fresh option.
	 */
	protected function setUp(): void {
		parent::setUp();
		delete_option( Settings::OPTION );
		self::add_notes_type();
	}

	/**
	 * Remove the type.
	 */
	protected function tearDown(): void {
		remove_all_filters( 'agentic_writer_provider_types' );
		Provider_Types::reset();
		Settings::flush_cache();
		parent::tearDown();
	}

	/**
	 * The secret is sealed at rest, masked in REST's view, decrypted for the provider only.
	 */
	public function test_a_types_secret_is_sealed_masked_and_decrypted(): void {
		$this->assertSame( array( 'token' => '', 'endpoint' => 'https://notes.example' ), Settings::defaults()['providers']['notes'] );
		$this->assertIsArray( Settings::update( array( 'providers' => array( 'notes' => array( 'token' => 'tok-secret-9876' ) ) ) ) );

		$raw = get_option( Settings::OPTION );
		$this->assertNotSame( 'tok-secret-9876', $raw['providers']['notes']['token'] );
		$this->assertStringNotContainsString( 'tok-secret-9876', (string) wp_json_encode( $raw ) );

		$public = (array) Settings::public_view()['providers']['notes'];
		$this->assertSame( array( 'endpoint', 'token_set', 'token_hint' ), array_keys( $public ) );
		$this->assertTrue( $public['token_set'] );
		$this->assertSame( '…9876', $public['token_hint'] );

		$this->assertSame( 'tok-secret-9876', Settings::provider_config( 'notes' )['token'] );
		$this->assertFalse( Settings::provider_config( 'notes' )['token_error'] );
	}

	/**
	 * A bad URL names the exact field; an unknown field of the type too.
	 */
	public function test_errors_name_the_types_field(): void {
		$bad = Settings::update( array( 'providers' => array( 'notes' => array( 'endpoint' => 'ftp://notes' ) ) ) );
		$this->assertWPError( $bad );
		$this->assertSame( 'providers[notes][endpoint]', $bad->get_error_data()['field'] );

		$unknown = Settings::update( array( 'providers' => array( 'notes' => array( 'colour' => 'red' ) ) ) );
		$this->assertWPError( $unknown );
		$this->assertSame( 'providers[notes]', $unknown->get_error_data()['field'] );
	}

	/**
	 * Routed to a type whose plugin was then deactivated: other settings still save, the type's
	 * stored settings are no longer shown, and no new route may name it.
	 */
	public function test_a_type_that_went_away_does_not_lock_saving(): void {
		$this->assertIsArray( Settings::update( array( 'routing' => array( 'simple' => array( 'text' => 'notes' ) ) ) ) );
		remove_all_filters( 'agentic_writer_provider_types' );
		Provider_Types::reset();
		Settings::flush_cache();

		$this->assertIsArray( Settings::update( array( 'provider_mode' => 'hybrid' ) ) );
		$this->assertArrayNotHasKey( 'notes', Settings::public_view()['providers'] );
		$this->assertNotContains( 'notes', Settings::provider_ids() );

		$again = Settings::update( array( 'routing' => array( 'matrix' => array( 'chat' => array( 'anthropic', 'openrouter' ) ), 'simple' => array( 'image' => 'anthropic' ) ) ) );
		$this->assertIsArray( $again, 'routes to known providers still save' );
		$this->assertWPError( Settings::update( array( 'routing' => array( 'matrix' => array( 'chat' => array( 'notes' ) ) ) ) ) );
		$removed = Settings::update( array( 'routing' => array( 'simple' => array( 'text' => 'local_backend' ) ) ) );
		$this->assertIsArray( $removed );
		$this->assertSame( 'local_backend', Settings::stored()['routing']['simple']['text'] );
	}

	/**
	 * Asserts a WP_Error.
	 *
	 * @param mixed $value Value.
	 */
	private function assertWPError( $value ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
	}
}
