<?php
/**
 * The editor sidebar bundle: enqueued for authors, with its dependencies and translations.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Editor\Sidebar_Assets;

/**
 * Editor asset registration.
 */
final class Editor_Assets_Test extends Test_Case {

	private const HANDLE = 'agentic-writer-editor-sidebar';

	/**
	 * Fresh script registry.
	 */
	protected function setUp(): void {
		parent::setUp();
		$GLOBALS['wp_scripts'] = null;
	}

	/**
	 * Forgets the scripts registered by the test.
	 */
	protected function tearDown(): void {
		$GLOBALS['wp_scripts'] = null;
		parent::tearDown();
	}

	/**
	 * Hooked to the block editor's asset action.
	 */
	public function test_hooked_to_enqueue_block_editor_assets(): void {
		global $wp_filter;
		$found = false;
		foreach ( $wp_filter['enqueue_block_editor_assets']->callbacks ?? array() as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$found = $found || ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Sidebar_Assets );
			}
		}
		$this->assertTrue( $found );
	}

	/**
	 * For a contributor: the built script, with the dependencies its asset file lists.
	 */
	public function test_enqueued_with_dependencies_for_authors(): void {
		$this->act_as( 'contributor' );

		$this->assertTrue( ( new Sidebar_Assets() )->enqueue(), 'bundle built? run npm run build:js' );

		$this->assertTrue( wp_script_is( self::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ self::HANDLE ];
		foreach ( array( 'wp-plugins', 'wp-editor', 'wp-components', 'wp-api-fetch', 'wp-i18n', 'wp-element' ) as $dependency ) {
			$this->assertContains( $dependency, $script->deps );
		}
		$this->assertStringEndsWith( '/wp-content/plugins/agentic-writer/build/editor-sidebar.js', $script->src );
		$asset = require WP_PLUGIN_DIR . '/agentic-writer/build/editor-sidebar.asset.php';
		$this->assertSame( $asset['version'], $script->ver );
		$this->assertSame( $asset['dependencies'], $script->deps );
	}

	/**
	 * Script translations are wired to the plugin's text domain.
	 */
	public function test_script_translations_registered(): void {
		$this->act_as( 'editor' );
		( new Sidebar_Assets() )->enqueue();
		$script = wp_scripts()->registered[ self::HANDLE ];
		$this->assertSame( 'agentic-writer', $script->textdomain );
		$this->assertSame( realpath( WP_PLUGIN_DIR . '/agentic-writer/languages' ), realpath( (string) $script->translations_path ) );
	}

	/**
	 * An entry that was never built is reported with the command to run, not enqueued broken.
	 */
	public function test_unbuilt_bundle_is_an_actionable_error(): void {
		$result = ( new \AgenticWriter\Assets\Bundle( 'not-built' ) )->register();
		$this->assertWPError( $result );
	}

	/**
	 * Asserts a WP_Error with the bundle code and the build command.
	 *
	 * @param mixed $result Value.
	 */
	private function assertWPError( $result ): void {
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'agentic_writer_bundle_missing', $result->get_error_code() );
		$this->assertStringContainsString( 'npm run build', $result->get_error_message() );
		$this->assertFalse( wp_script_is( 'agentic-writer-not-built', 'registered' ) );
	}

	/**
	 * Subscribers cannot write posts: no sidebar.
	 */
	public function test_not_enqueued_for_subscribers(): void {
		$this->act_as( 'subscriber' );
		$this->assertFalse( ( new Sidebar_Assets() )->enqueue() );
		$this->assertFalse( wp_script_is( self::HANDLE, 'enqueued' ) );
	}

	/**
	 * The web server really serves the built file through the plugin symlink.
	 */
	public function test_built_file_is_served(): void {
		$response = Http_Client::request( 'GET', '/wp-content/plugins/agentic-writer/build/editor-sidebar.js' );
		$this->assertSame( 200, $response['status'] );
		$this->assertStringContainsString( 'agentic-writer', $response['body'] );
	}
}
