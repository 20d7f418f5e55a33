<?php
/**
 * The "Agentic Writer" admin menu: Settings and Analytics, each a React root.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Admin;

use AgenticWriter\Assets\Bundle;
use AgenticWriter\Environment\Plugin_Package;
use AgenticWriter\Rest\Local_Backend_Download_Controller;

/**
 * Registers the top-level menu, its two pages and their scripts.
 */
final class Admin_Menu {

	public const CAPABILITY     = 'manage_options';
	public const SETTINGS_SLUG  = 'agentic-writer';
	public const ANALYTICS_SLUG = 'agentic-writer-analytics';

	/**
	 * Page hook suffix => build entry, filled by `register()`.
	 *
	 * @var array<string, string>
	 */
	private array $page_entries = array();

	/**
	 * Adds the WordPress hooks.
	 */
	public function hook(): void {
		add_action( 'admin_menu', array( $this, 'register' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * The settings page, at one of its tabs (routing, providers, local-backend, status).
	 *
	 * @param string $tab Tab ('' for the first).
	 */
	public static function settings_url( string $tab = '' ): string {
		$url = admin_url( 'admin.php?page=' . self::SETTINGS_SLUG );
		return '' === $tab ? $url : add_query_arg( 'tab', $tab, $url );
	}

	/**
	 * Adds the menu and its pages.
	 *
	 * @return array<string, string> Page hook suffix => build entry.
	 */
	public function register(): array {
		$title = __( 'Agentic Writer', 'agentic-writer' );

		$settings = add_menu_page(
			__( 'Agentic Writer settings', 'agentic-writer' ),
			$title,
			self::CAPABILITY,
			self::SETTINGS_SLUG,
			array( $this, 'render_settings' ),
			'dashicons-edit-page',
			58
		);
		// Same slug as the parent: WordPress then labels the first submenu item "Settings".
		add_submenu_page(
			self::SETTINGS_SLUG,
			__( 'Agentic Writer settings', 'agentic-writer' ),
			__( 'Settings', 'agentic-writer' ),
			self::CAPABILITY,
			self::SETTINGS_SLUG,
			array( $this, 'render_settings' )
		);
		$analytics = add_submenu_page(
			self::SETTINGS_SLUG,
			__( 'Agentic Writer analytics', 'agentic-writer' ),
			__( 'Analytics', 'agentic-writer' ),
			self::CAPABILITY,
			self::ANALYTICS_SLUG,
			array( $this, 'render_analytics' )
		);

		$this->page_entries = array_filter(
			array(
				(string) $settings  => 'admin-settings',
				(string) $analytics => 'admin-analytics',
			),
			static fn ( $entry, $hook ) => '' !== $hook,
			ARRAY_FILTER_USE_BOTH
		);
		return $this->page_entries;
	}

	/**
	 * Enqueues the page's bundle on our pages only.
	 *
	 * @param string $hook_suffix Current admin page hook suffix.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( ! isset( $this->page_entries[ $hook_suffix ] ) ) {
			return;
		}
		$bundle = new Bundle( $this->page_entries[ $hook_suffix ] );
		$result = $bundle->enqueue();
		if ( is_wp_error( $result ) ) {
			add_action(
				'admin_notices',
				static function () use ( $result ): void {
					printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $result->get_error_message() ) );
				}
			);
			return;
		}
		wp_add_inline_script(
			$bundle->handle(),
			'window.agenticWriterAdmin = ' . wp_json_encode( self::page_config() ) . ';',
			'before'
		);
	}

	/**
	 * Data the admin scripts need at start. The download URL carries a REST nonce because a
	 * plain link cannot send the X-WP-Nonce header that cookie authentication requires.
	 *
	 * @return array<string, mixed>
	 */
	public static function page_config(): array {
		return array(
			'version'               => Plugin_Package::VERSION,
			'localBackendDownload'  => array(
				'url'       => add_query_arg(
					'_wpnonce',
					wp_create_nonce( 'wp_rest' ),
					rest_url( Local_Backend_Download_Controller::NAMESPACE . Local_Backend_Download_Controller::ROUTE )
				),
				'available' => is_readable( Local_Backend_Download_Controller::zip_path() ),
			),
			// The Analytics page's "Today" is the site's day, whatever the browser's zone.
			'timezone'              => wp_timezone_string(),
			'today'                 => wp_date( 'Y-m-d' ),
		);
	}

	/**
	 * Settings page: a root the admin-settings bundle mounts into.
	 */
	public function render_settings(): void {
		self::render_root( 'agentic-writer-settings-root' );
	}

	/**
	 * Analytics page: a root the admin-analytics bundle mounts into.
	 */
	public function render_analytics(): void {
		self::render_root( 'agentic-writer-analytics-root' );
	}

	/**
	 * Prints a page root.
	 *
	 * @param string $id Element id the bundle looks for.
	 */
	private static function render_root( string $id ): void {
		printf(
			'<div class="wrap"><div id="%1$s"><noscript><p>%2$s</p></noscript></div></div>',
			esc_attr( $id ),
			esc_html__( 'This page needs JavaScript.', 'agentic-writer' )
		);
	}
}
