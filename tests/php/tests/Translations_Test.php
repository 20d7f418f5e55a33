<?php
/**
 * PHP strings load from the plugin's text domain; script translations are wired.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Admin\Admin_Menu;
use AgenticWriter\Environment\Plugin_Package;
use AgenticWriter\Plugin;

/**
 * Translations.
 */
final class Translations_Test extends Test_Case {

	/**
	 * Translation files the test wrote (removed afterwards).
	 *
	 * @var list<string>
	 */
	private array $files = array();

	/**
	 * Removes the fixture files and the forced locale.
	 */
	protected function tearDown(): void {
		foreach ( $this->files as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file );
			}
		}
		remove_all_filters( 'locale' );
		foreach ( array( 'menu', 'submenu', '_registered_pages', 'admin_page_hooks', '_parent_pages' ) as $global ) {
			$GLOBALS[ $global ] = array();
		}
		unload_textdomain( Plugin::TEXT_DOMAIN, true );
		$this->invalidate_translation_file_cache();
		parent::tearDown();
	}

	/**
	 * WordPress caches which translation files exist (in the registry and the object cache);
	 * the test adds files, so it starts from a fresh registry that knows the plugin's path.
	 */
	private function invalidate_translation_file_cache(): void {
		global $wp_textdomain_registry;
		$wp_textdomain_registry->invalidate_mo_files_cache(
			null,
			array(
				'type'         => 'translation',
				'translations' => array(
					array( 'type' => 'plugin', 'slug' => 'agentic-writer', 'language' => 'de_DE', 'version' => Plugin::VERSION ),
				),
			)
		);
		$wp_textdomain_registry = new \WP_Textdomain_Registry();
		Plugin::load_textdomain();
	}

	/**
	 * The text domain loader runs on init; the domain and folder it uses are the ones the plugin
	 * header declares, which is what WordPress and translate.wordpress.org go by.
	 */
	public function test_text_domain_loader_is_hooked(): void {
		$this->assertSame( 10, has_action( 'init', array( Plugin::class, 'load_textdomain' ) ) );
		$header = get_plugin_data( Plugin_Package::file(), false, false );
		$this->assertSame( $header['TextDomain'], Plugin::TEXT_DOMAIN, 'the header\'s Text Domain' );
		$this->assertSame( '/languages', $header['DomainPath'] );
		$this->assertDirectoryExists( Plugin_Package::dir() . ltrim( $header['DomainPath'], '/' ) );
	}

	/**
	 * With a translation installed the way WordPress installs them, the plugin's strings change.
	 */
	public function test_php_strings_are_translated(): void {
		$file = WP_LANG_DIR . '/plugins/agentic-writer-de_DE.l10n.php';
		wp_mkdir_p( dirname( $file ) );
		file_put_contents(
			$file,
			'<?php return ' . var_export(
				array(
					'domain'   => 'agentic-writer',
					'language' => 'de_DE',
					'messages' => array( 'Agentic Writer settings' => 'Agentic-Writer-Einstellungen' ),
				),
				true
			) . ';'
		);
		$this->files[] = $file;
		$this->invalidate_translation_file_cache();
		add_filter( 'locale', static fn (): string => 'de_DE' );
		unload_textdomain( Plugin::TEXT_DOMAIN, true );

		// The plugin's own call, not one written here: the menu's page title comes out translated.
		$this->act_as( 'admin' );
		$GLOBALS['menu'] = array();
		( new Admin_Menu() )->register();
		$top = array_values( array_filter( $GLOBALS['menu'], static fn ( $item ) => Admin_Menu::SETTINGS_SLUG === $item[2] ) );
		$this->assertCount( 1, $top );
		$this->assertSame( 'Agentic-Writer-Einstellungen', $top[0][3] );
		$this->assertTrue( is_textdomain_loaded( Plugin::TEXT_DOMAIN ) );
	}

	/**
	 * Script translations resolve to JSON files named after the built script.
	 */
	public function test_script_translations_are_found(): void {
		$GLOBALS['wp_scripts'] = null;
		$this->act_as( 'editor' );
		( new \AgenticWriter\Editor\Sidebar_Assets() )->enqueue();

		$file = WP_LANG_DIR . '/plugins/agentic-writer-de_DE-' . md5( 'build/editor-sidebar.js' ) . '.json';
		wp_mkdir_p( dirname( $file ) );
		$json = '{"locale_data":{"messages":{"":{"domain":"messages","lang":"de_DE"},"Welcome":["Willkommen"]}}}';
		file_put_contents( $file, $json );
		$this->files[] = $file;
		add_filter( 'locale', static fn (): string => 'de_DE' );

		$this->assertSame( $json, load_script_textdomain( 'agentic-writer-editor-sidebar', 'agentic-writer' ) );
		$GLOBALS['wp_scripts'] = null;
	}
}
