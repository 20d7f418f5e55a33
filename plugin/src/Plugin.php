<?php
/**
 * Wiring: which class listens to which hook. No behaviour of its own.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter;

use AgenticWriter\Admin\Admin_Menu;
use AgenticWriter\Admin\Budget_Notice;
use AgenticWriter\Admin\Fallback_Notice;
use AgenticWriter\Editor\Brief_Meta;
use AgenticWriter\Editor\Chat_History;
use AgenticWriter\Editor\Sidebar_Assets;
use AgenticWriter\Environment\Plugin_Package;
use AgenticWriter\Rest\Chat_History_Controller;
use AgenticWriter\Rest\Editor_Tasks_Controller;
use AgenticWriter\Rest\Editor_Usage_Controller;
use AgenticWriter\Rest\Generate_Controller;
use AgenticWriter\Rest\Image_Controller;
use AgenticWriter\Rest\Local_Backend_Download_Controller;
use AgenticWriter\Rest\Local_Backend_Status_Controller;
use AgenticWriter\Rest\Provider_Models_Controller;
use AgenticWriter\Rest\Provider_Test_Controller;
use AgenticWriter\Rest\Providers_Controller;
use AgenticWriter\Rest\Settings_Controller;
use AgenticWriter\Rest\Status_Controller;
use AgenticWriter\Rest\Usage_Breakdown_Controller;
use AgenticWriter\Rest\Usage_Events_Controller;
use AgenticWriter\Rest\Usage_Export_Controller;
use AgenticWriter\Rest\Usage_Ingest_Controller;
use AgenticWriter\Rest\Usage_Summary_Controller;
use AgenticWriter\Rest\Usage_Timeseries_Controller;
use AgenticWriter\Usage\Usage_Retention;
use AgenticWriter\Usage\Usage_Table;

/**
 * Boots the plugin.
 */
final class Plugin {

	public const VERSION     = Plugin_Package::VERSION;
	public const TEXT_DOMAIN = Plugin_Package::TEXT_DOMAIN;
	public const SLUG        = Plugin_Package::SLUG;

	/**
	 * Hooks every part of the plugin. Runs once, from the main plugin file.
	 *
	 * @param string $file Absolute path of agentic-writer.php.
	 */
	public static function boot( string $file ): void {
		Plugin_Package::set_main_file( $file );

		add_action( 'plugins_loaded', array( Usage_Table::class, 'maybe_upgrade' ) );
		add_action( 'init', array( self::class, 'load_textdomain' ) );
		add_action( 'rest_api_init', array( self::class, 'register_rest_routes' ) );
		add_filter( 'rest_pre_serve_request', array( Local_Backend_Download_Controller::class, 'serve_file' ), 10, 4 );
		add_filter( 'rest_pre_serve_request', array( Usage_Export_Controller::class, 'serve_csv' ), 10, 4 );
		add_action( Usage_Retention::HOOK, array( Usage_Retention::class, 'prune' ) );
		add_action( 'admin_init', array( Usage_Retention::class, 'schedule' ) );

		( new Admin_Menu() )->hook();
		( new Sidebar_Assets() )->hook();
		( new Brief_Meta() )->hook();
		( new Chat_History() )->hook();
		( new Fallback_Notice() )->hook();
		( new Budget_Notice() )->hook();
	}

	/**
	 * Activation: create or upgrade the usage table.
	 */
	public static function activate(): void {
		Usage_Table::install();
		Usage_Retention::schedule();
	}

	/**
	 * Deactivation: no more daily prune.
	 */
	public static function deactivate(): void {
		Usage_Retention::unschedule();
	}

	/**
	 * Registers the text domain's folder for PHP strings (and just-in-time loading).
	 */
	public static function load_textdomain(): void {
		load_plugin_textdomain( self::TEXT_DOMAIN, false, dirname( plugin_basename( Plugin_Package::file() ) ) . '/languages' );
	}

	/**
	 * One controller per REST resource.
	 */
	public static function register_rest_routes(): void {
		( new Status_Controller() )->register_routes();
		( new Local_Backend_Download_Controller() )->register_routes();
		( new Settings_Controller() )->register_routes();
		( new Providers_Controller() )->register_routes();
		( new Provider_Test_Controller() )->register_routes();
		( new Provider_Models_Controller() )->register_routes();
		( new Local_Backend_Status_Controller() )->register_routes();
		( new Generate_Controller() )->register_routes();
		( new Image_Controller() )->register_routes();
		( new Editor_Tasks_Controller() )->register_routes();
		( new Editor_Usage_Controller() )->register_routes();
		( new Chat_History_Controller() )->register_routes();
		( new Usage_Summary_Controller() )->register_routes();
		( new Usage_Timeseries_Controller() )->register_routes();
		( new Usage_Breakdown_Controller() )->register_routes();
		( new Usage_Events_Controller() )->register_routes();
		( new Usage_Export_Controller() )->register_routes();
		( new Usage_Ingest_Controller() )->register_routes();
	}
}
