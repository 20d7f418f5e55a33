<?php
/**
 * The "Agentic Writer" menu, its two pages, and their scripts.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Admin\Admin_Menu;

/**
 * Admin menu registration.
 */
final class Admin_Menu_Test extends Test_Case {

	/**
	 * The instance the plugin hooked to admin_menu.
	 *
	 * @var Admin_Menu
	 */
	private Admin_Menu $admin_menu;

	/**
	 * Fresh menu globals, admin user, the plugin's Admin_Menu instance.
	 */
	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$GLOBALS['menu']             = array();
		$GLOBALS['submenu']          = array();
		$GLOBALS['_registered_pages'] = array();
		$GLOBALS['admin_page_hooks'] = array();
		$GLOBALS['_parent_pages']    = array();
		$GLOBALS['wp_scripts']       = null;
		$this->act_as( 'admin' );
		$this->admin_menu = $this->hooked_admin_menu();
	}

	/**
	 * Forgets the scripts registered by the test.
	 */
	protected function tearDown(): void {
		$GLOBALS['wp_scripts'] = null;
		parent::tearDown();
	}

	/**
	 * Finds the Admin_Menu object among the admin_menu callbacks.
	 */
	private function hooked_admin_menu(): Admin_Menu {
		global $wp_filter;
		foreach ( $wp_filter['admin_menu']->callbacks ?? array() as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Admin_Menu ) {
					return $callback['function'][0];
				}
			}
		}
		$this->fail( 'Agentic Writer did not hook its menu to admin_menu.' );
	}

	/**
	 * Top-level menu with Settings and Analytics, for manage_options.
	 */
	public function test_menu_and_pages_are_registered(): void {
		$hooks = $this->admin_menu->register();

		$this->assertSame(
			array(
				'toplevel_page_agentic-writer'                 => 'admin-settings',
				'agentic-writer_page_agentic-writer-analytics' => 'admin-analytics',
			),
			$hooks
		);

		$top = array_values( array_filter( $GLOBALS['menu'], static fn ( $item ) => 'agentic-writer' === $item[2] ) );
		$this->assertCount( 1, $top );
		$this->assertSame( 'Agentic Writer', $top[0][0] );
		$this->assertSame( 'manage_options', $top[0][1] );

		$sub = array_map( static fn ( $item ) => array( $item[0], $item[1], $item[2] ), $GLOBALS['submenu']['agentic-writer'] ?? array() );
		$this->assertSame(
			array(
				array( 'Settings', 'manage_options', 'agentic-writer' ),
				array( 'Analytics', 'manage_options', 'agentic-writer-analytics' ),
			),
			$sub
		);

		$this->assertNotFalse( has_action( 'toplevel_page_agentic-writer' ), 'settings page renderer' );
		$this->assertNotFalse( has_action( 'agentic-writer_page_agentic-writer-analytics' ), 'analytics page renderer' );
	}

	/**
	 * Each page prints the root its bundle mounts into.
	 */
	public function test_pages_print_their_react_root(): void {
		ob_start();
		$this->admin_menu->render_settings();
		$this->admin_menu->render_analytics();
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( 'id="agentic-writer-settings-root"', $html );
		$this->assertStringContainsString( 'id="agentic-writer-analytics-root"', $html );
	}

	/**
	 * The settings page enqueues its bundle with the page config; other admin pages get nothing.
	 */
	public function test_settings_page_enqueues_its_bundle_and_config(): void {
		$this->admin_menu->register();

		$this->admin_menu->enqueue( 'index.php' );
		$this->assertFalse( wp_script_is( 'agentic-writer-admin-settings', 'enqueued' ), 'not on the dashboard' );

		$this->admin_menu->enqueue( 'toplevel_page_agentic-writer' );
		$this->assertTrue( wp_script_is( 'agentic-writer-admin-settings', 'enqueued' ) );
		$this->assertFalse( wp_script_is( 'agentic-writer-admin-analytics', 'enqueued' ) );

		$script = wp_scripts()->registered['agentic-writer-admin-settings'];
		$this->assertContains( 'wp-components', $script->deps );
		$this->assertContains( 'wp-api-fetch', $script->deps );
		$before = implode( "\n", (array) wp_scripts()->get_data( 'agentic-writer-admin-settings', 'before' ) );
		$this->assertStringContainsString( 'window.agenticWriterAdmin', $before );
		$this->assertMatchesRegularExpression( '#agentic-writer\\\\/v1\\\\/local-backend\\\\/download.*_wpnonce=#', $before );
	}

	/**
	 * The analytics page enqueues its own bundle.
	 */
	public function test_analytics_page_enqueues_its_bundle(): void {
		$this->admin_menu->register();
		$this->admin_menu->enqueue( 'agentic-writer_page_agentic-writer-analytics' );
		$this->assertTrue( wp_script_is( 'agentic-writer-admin-analytics', 'enqueued' ) );
	}

	/**
	 * The download URL in the page config carries a REST nonce for the current user.
	 */
	public function test_page_config_download_url_has_a_valid_rest_nonce(): void {
		$config = Admin_Menu::page_config();
		$query  = array();
		parse_str( (string) wp_parse_url( $config['localBackendDownload']['url'], PHP_URL_QUERY ), $query );
		$this->assertSame( 1, wp_verify_nonce( (string) ( $query['_wpnonce'] ?? '' ), 'wp_rest' ) );
		$this->assertIsBool( $config['localBackendDownload']['available'] );
	}
}
