<?php
/**
 * The settings as REST shows them: secrets replaced by whether one is set and its last characters.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;

/**
 * Keys are write-only: `api_key` becomes `api_key_set`, `api_key_hint` ("…abcd") and, when the
 * stored value cannot be decrypted, `api_key_error`.
 */
final class Key_Masking {

	/**
	 * Every secret masked; providers of types no longer installed left out (their stored fields
	 * may hold sealed keys).
	 *
	 * @param array<string,mixed> $settings Stored settings.
	 * @return array<string,mixed>
	 */
	public static function public_view( array $settings ): array {
		$providers = array();
		foreach ( Provider_Types::all() as $type => $descriptor ) {
			$stored = (array) ( $settings['providers'][ $type ] ?? array() );
			if ( $descriptor->multiple ) {
				$providers[ $type ] = array_values( array_map( static fn ( array $i ): array => self::mask( $i, $descriptor ), $stored ) );
			} else {
				// A type without fields is still an object in JSON.
				$providers[ $type ] = (object) self::mask( $stored, $descriptor );
			}
		}
		$settings['providers'] = $providers;
		// An empty matrix is still a JSON object, not a list.
		$settings['routing']['matrix'] = (object) $settings['routing']['matrix'];
		$settings['prices']            = (object) $settings['prices'];
		$settings['budgets']['role_daily_usd'] = (object) $settings['budgets']['role_daily_usd'];
		return $settings;
	}

	/**
	 * One provider's fields with its secrets masked.
	 *
	 * @param array<string,mixed> $config     Stored fields.
	 * @param Provider_Descriptor $descriptor Its type.
	 * @return array<string,mixed>
	 */
	private static function mask( array $config, Provider_Descriptor $descriptor ): array {
		foreach ( $descriptor->secrets() as $name ) {
			$sealed = (string) ( $config[ $name ] ?? '' );
			unset( $config[ $name ] );
			$config[ $name . '_set' ]  = '' !== $sealed;
			$config[ $name . '_hint' ] = '';
			if ( '' !== $sealed ) {
				$plain = Secret_Box::open( $sealed );
				if ( null === $plain ) {
					$config[ $name . '_error' ] = 'The stored key cannot be decrypted (the site\'s salts in wp-config.php changed?). Enter the key again.';
				} else {
					$config[ $name . '_hint' ] = Secret_Box::hint( $plain );
				}
			}
		}
		return $config;
	}
}
