<?php
/**
 * The plugin's settings: one option in the shape of DESIGN.md §5, read and written here.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;
use WP_Error;

/**
 * The one door to the settings. The work is done by Settings_Schema (shape and defaults, from
 * the provider types), Settings_Store (the option), Settings_Patch (merging a save),
 * Settings_Validator (errors that name the field), Key_Masking (what REST shows) and
 * Provider_Configs (which providers there are). Keys are stored sealed (Secret_Box) and leave
 * in plain text only through provider_configs(), for the providers.
 */
final class Settings {

	public const OPTION = Settings_Store::OPTION;

	public const LEGACY_OPTION = Settings_Store::LEGACY_OPTION;

	public const TASKS = Provider_Descriptor::TASKS;

	public const MODES = Settings_Schema::MODES;

	/**
	 * Defaults of a new site.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults(): array {
		return Settings_Schema::defaults();
	}

	/**
	 * JSON schema of each top-level setting.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function schema(): array {
		return Settings_Schema::schema();
	}

	/**
	 * Stored settings merged over the defaults, keys still sealed.
	 *
	 * @return array<string,mixed>
	 */
	public static function stored(): array {
		return Settings_Store::read();
	}

	/**
	 * Forgets the per-request cache (after another process may have written the option).
	 */
	public static function flush_cache(): void {
		Settings_Store::flush();
	}

	/**
	 * The settings as REST shows them: every key replaced by api_key_set / api_key_hint.
	 *
	 * @return array<string,mixed>
	 */
	public static function public_view(): array {
		return Key_Masking::public_view( self::stored() );
	}

	/**
	 * Every provider's configuration with its keys decrypted, by routing id (for the providers).
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function provider_configs(): array {
		$out = array();
		foreach ( Provider_Configs::of( self::stored() ) as $id => $config ) {
			$out[ $id ] = Provider_Configs::decrypted( $config, Provider_Types::of( $id ) );
		}
		return $out;
	}

	/**
	 * One provider's configuration with its key decrypted.
	 *
	 * @param string $provider_id Routing id, e.g. `openrouter` or `openai_compatible:<id>`.
	 * @return array<string,mixed>|null Null when no such provider is configured. `api_key_error`
	 *                                  is true when a stored key could not be decrypted.
	 */
	public static function provider_config( string $provider_id ): ?array {
		$config = Provider_Configs::of( self::stored() )[ $provider_id ] ?? null;
		return null === $config ? null : Provider_Configs::decrypted( $config, Provider_Types::of( $provider_id ) );
	}

	/**
	 * Every provider id that exists in the settings (configured or not).
	 *
	 * @return string[]
	 */
	public static function provider_ids(): array {
		return Provider_Configs::ids( self::stored() );
	}

	/**
	 * Breaker and timeout figures.
	 *
	 * @param string $group `breaker` or `timeouts`.
	 * @return array<string,int|float>
	 */
	public static function group( string $group ): array {
		return self::stored()[ $group ] ?? array();
	}

	/**
	 * An HTTP client with the site's timeouts.
	 */
	public static function http_client(): Http_Client {
		$t = self::group( 'timeouts' );
		return new Http_Client(
			(float) ( $t['connect_seconds'] ?? 2 ),
			(int) ( $t['read_seconds'] ?? 120 ),
			(int) apply_filters( 'agentic_writer_stream_idle_timeout', (int) ( $t['read_seconds'] ?? 120 ) )
		);
	}

	/**
	 * Validates a whole or partial settings object, merges it over the stored one and saves it.
	 *
	 * @param array<string,mixed> $patch Fields to change; nested objects merge, lists replace.
	 * @return array{changed: string[]}|WP_Error Ids of providers whose settings changed, or a
	 *                                          400 error naming the first bad field.
	 */
	public static function update( array $patch ) {
		$valid = Settings_Validator::check_patch( $patch, Settings_Schema::schema() );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}
		$before  = self::stored();
		$next    = Settings_Patch::apply( $before, $patch );
		$problem = Settings_Validator::check( $next, $before );
		if ( is_wp_error( $problem ) ) {
			return $problem;
		}
		Settings_Store::write( $next );

		$old     = Provider_Configs::of( $before );
		$new     = Provider_Configs::of( $next );
		$changed = array();
		foreach ( array_unique( array_merge( array_keys( $old ), array_keys( $new ) ) ) as $id ) {
			if ( ( $old[ $id ] ?? null ) !== ( $new[ $id ] ?? null ) ) {
				$changed[] = $id;
			}
		}
		return array( 'changed' => $changed );
	}
}
