<?php
/**
 * Which providers a settings array holds, and each one's stored fields.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;

/**
 * Routing ids are the type for a single-instance type and `type:<instance id>` otherwise.
 */
final class Provider_Configs {

	/**
	 * Routing id => stored fields, for every provider of a known type in the settings.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @return array<string,array<string,mixed>>
	 */
	public static function of( array $settings ): array {
		$out = array();
		foreach ( Provider_Types::all() as $type => $descriptor ) {
			$stored = $settings['providers'][ $type ] ?? array();
			if ( ! $descriptor->multiple ) {
				$out[ $type ] = is_array( $stored ) ? $stored : array();
				continue;
			}
			foreach ( is_array( $stored ) ? $stored : array() as $instance ) {
				if ( is_array( $instance ) && isset( $instance['id'] ) ) {
					$out[ $type . ':' . $instance['id'] ] = $instance;
				}
			}
		}
		return $out;
	}

	/**
	 * Routing ids of every provider in the settings.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @return string[]
	 */
	public static function ids( array $settings ): array {
		return array_keys( self::of( $settings ) );
	}

	/**
	 * One provider's fields with its secrets decrypted; `<secret>_error` is true for a stored
	 * secret that can no longer be decrypted (and the secret is then '').
	 *
	 * @param array<string,mixed> $config     Stored fields.
	 * @param Provider_Descriptor $descriptor Its type.
	 * @return array<string,mixed>
	 */
	public static function decrypted( array $config, Provider_Descriptor $descriptor ): array {
		foreach ( $descriptor->secrets() as $name ) {
			$sealed                   = (string) ( $config[ $name ] ?? '' );
			$plain                    = '' === $sealed ? '' : Secret_Box::open( $sealed );
			$config[ $name ]          = $plain ?? '';
			$config[ $name . '_error' ] = null === $plain;
		}
		return $config;
	}
}
