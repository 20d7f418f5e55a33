<?php
/**
 * A JavaScript bundle built by `wp-scripts build` into `plugin/build/<entry>.js`, with the
 * dependencies and version that the build wrote to `<entry>.asset.php`.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Assets;

use AgenticWriter\Environment\Plugin_Package;
use WP_Error;

/**
 * Registers one built entry point as a script (and its CSS, when the build emitted one).
 */
final class Bundle {

	/**
	 * Build entry name, e.g. `editor-sidebar`.
	 *
	 * @var string
	 */
	private string $entry;

	/**
	 * Constructor.
	 *
	 * @param string $entry Build entry name (webpack.config.js `entry` key).
	 */
	public function __construct( string $entry ) {
		$this->entry = $entry;
	}

	/**
	 * Script and style handle: `agentic-writer-<entry>`.
	 */
	public function handle(): string {
		return Plugin_Package::SLUG . '-' . $this->entry;
	}

	/**
	 * Absolute path of the `*.asset.php` file.
	 */
	public function asset_file(): string {
		return Plugin_Package::dir() . 'build/' . $this->entry . '.asset.php';
	}

	/**
	 * Registers the script, its translations and its stylesheet.
	 *
	 * @return true|WP_Error WP_Error when the bundle has not been built.
	 */
	public function register(): bool|WP_Error {
		$asset_file = $this->asset_file();
		if ( ! is_readable( $asset_file ) ) {
			return new WP_Error(
				'agentic_writer_bundle_missing',
				sprintf(
					/* translators: 1: build entry name, 2: command to run. */
					__( 'The Agentic Writer script "%1$s" has not been built. Run "%2$s" in the plugin\'s repository.', 'agentic-writer' ),
					$this->entry,
					'npm run build'
				)
			);
		}

		$asset = require $asset_file;
		$deps  = isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array();
		$ver   = isset( $asset['version'] ) ? (string) $asset['version'] : Plugin_Package::VERSION;
		$url   = plugins_url( 'build/' . $this->entry . '.js', Plugin_Package::file() );

		wp_register_script( $this->handle(), $url, $deps, $ver, array( 'in_footer' => true ) );
		wp_set_script_translations( $this->handle(), Plugin_Package::TEXT_DOMAIN, Plugin_Package::dir() . 'languages' );

		if ( is_readable( Plugin_Package::dir() . 'build/' . $this->entry . '.css' ) ) {
			wp_register_style(
				$this->handle(),
				plugins_url( 'build/' . $this->entry . '.css', Plugin_Package::file() ),
				array( 'wp-components' ),
				$ver
			);
		}
		return true;
	}

	/**
	 * Registers (when needed) and enqueues the script and its stylesheet.
	 *
	 * @return true|WP_Error
	 */
	public function enqueue(): bool|WP_Error {
		if ( ! wp_script_is( $this->handle(), 'registered' ) ) {
			$registered = $this->register();
			if ( is_wp_error( $registered ) ) {
				return $registered;
			}
		}
		wp_enqueue_script( $this->handle() );
		if ( wp_style_is( $this->handle(), 'registered' ) ) {
			wp_enqueue_style( $this->handle() );
		}
		return true;
	}
}
