<?php
/**
 * Reads and writes the `agentic_writer_settings` option.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

/**
 * The option merged over the defaults, cached for the request; the one-time import of the
 * OpenRouter-only predecessor's key.
 */
final class Settings_Store {

	public const OPTION = 'agentic_writer_settings';

	/** Where the OpenRouter-only predecessor kept its settings. */
	public const LEGACY_OPTION = 'wp_agentic_writer_settings';

	/**
	 * Cache of the stored value for this request.
	 *
	 * @var array<string,mixed>|null
	 */
	private static ?array $cache = null;

	/**
	 * Stored settings merged over the defaults, secrets still sealed.
	 *
	 * @return array<string,mixed>
	 */
	public static function read(): array {
		if ( null === self::$cache ) {
			$raw         = get_option( self::OPTION, false );
			$raw         = false === $raw ? self::import_legacy() : $raw;
			self::$cache = Settings_Patch::merge( Settings_Schema::defaults(), is_array( $raw ) ? $raw : array() );
		}
		return self::$cache;
	}

	/**
	 * Saves whole settings (already validated).
	 *
	 * @param array<string,mixed> $settings Settings.
	 */
	public static function write( array $settings ): void {
		update_option( self::OPTION, $settings, true );
		self::$cache = null;
	}

	/**
	 * Forgets the per-request cache (after another process may have written the option).
	 */
	public static function flush(): void {
		self::$cache = null;
	}

	/**
	 * A site upgrading from the OpenRouter-only plugin keeps working: its OpenRouter key and
	 * model (option `wp_agentic_writer_settings`) become this plugin's, once.
	 *
	 * @return array<string,mixed> The imported settings (empty when there was nothing to import).
	 */
	private static function import_legacy(): array {
		$legacy = get_option( self::LEGACY_OPTION, false );
		$key    = is_array( $legacy ) ? trim( (string) ( $legacy['openrouter_api_key'] ?? '' ) ) : '';
		if ( '' === $key ) {
			return array();
		}
		$openrouter = array( 'api_key' => Secret_Box::seal( $key ) );
		$model      = trim( (string) ( $legacy['openrouter_model'] ?? $legacy['default_model'] ?? '' ) );
		if ( '' !== $model ) {
			$openrouter['model'] = $model;
		}
		$imported = array( 'providers' => array( 'openrouter' => $openrouter ) );
		update_option( self::OPTION, Settings_Patch::merge( Settings_Schema::defaults(), $imported ), true );
		return $imported;
	}
}
