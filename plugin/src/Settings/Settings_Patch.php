<?php
/**
 * Applies a validated partial settings object to the stored settings.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;

/**
 * Nested objects merge, lists replace. Secrets: an empty or missing value keeps the stored one,
 * null removes it, a string is sealed; lists of instances keep their secrets by instance id.
 */
final class Settings_Patch {

	/**
	 * The settings after the patch.
	 *
	 * @param array<string,mixed> $before Stored settings.
	 * @param array<string,mixed> $patch  Validated fields to change.
	 * @return array<string,mixed>
	 */
	public static function apply( array $before, array $patch ): array {
		$next = $before;
		foreach ( $patch as $field => $value ) {
			if ( 'providers' === $field ) {
				$next['providers'] = self::merge_providers( $before['providers'], $value );
			} elseif ( 'routing' === $field && isset( $value['matrix'] ) ) {
				$matrix = array_merge( $before['routing']['matrix'], $value['matrix'] );
				unset( $value['matrix'] );
				$next['routing']           = self::merge( $before['routing'], $value );
				$next['routing']['matrix'] = array_filter( $matrix, static fn ( $chain ) => array() !== $chain );
			} else {
				$next[ $field ] = is_array( $value ) ? self::merge( $before[ $field ], $value ) : $value;
			}
			if ( 'prices' === $field ) {
				// A model priced null is removed from the admin's price list.
				$next['prices'] = array_filter( $next['prices'], static fn ( $price ): bool => null !== $price );
			}
		}
		return $next;
	}

	/**
	 * Recursive merge where lists (and scalars) from $over replace, maps merge.
	 *
	 * @param array<string,mixed> $base Base.
	 * @param array<string,mixed> $over Overrides.
	 * @return array<string,mixed>
	 */
	public static function merge( array $base, array $over ): array {
		foreach ( $over as $key => $value ) {
			if ( is_array( $value ) && isset( $base[ $key ] ) && is_array( $base[ $key ] ) && ! array_is_list( $value ) && ! array_is_list( $base[ $key ] ) ) {
				$base[ $key ] = self::merge( $base[ $key ], $value );
			} else {
				$base[ $key ] = $value;
			}
		}
		return $base;
	}

	/**
	 * Posted providers over stored ones, type by type.
	 *
	 * @param array<string,mixed> $stored Stored providers.
	 * @param array<string,mixed> $posted Posted providers.
	 * @return array<string,mixed>
	 */
	private static function merge_providers( array $stored, array $posted ): array {
		foreach ( $posted as $type => $value ) {
			$descriptor = Provider_Types::get( (string) $type );
			if ( null === $descriptor ) {
				continue;
			}
			if ( ! $descriptor->multiple ) {
				$stored[ $type ] = self::merge_one( (array) ( $stored[ $type ] ?? array() ), $value, $descriptor );
				continue;
			}
			$old = array();
			foreach ( (array) ( $stored[ $type ] ?? array() ) as $instance ) {
				$old[ $instance['id'] ] = $instance;
			}
			$list = array();
			foreach ( $value as $instance ) {
				$blank  = array_map( static fn (): string => '', $descriptor->fields );
				$base   = $old[ $instance['id'] ] ?? array_merge( $blank, array( 'label' => $instance['id'] ), array_intersect_key( $instance, array( 'id' => 1 ) ) );
				$list[] = self::merge_one( $base, $instance, $descriptor );
			}
			$stored[ $type ] = $list;
		}
		return $stored;
	}

	/**
	 * One provider's posted fields over its stored ones, sealing new secrets.
	 *
	 * A key goes with its endpoint: when the base URL moves to another origin (scheme, host or
	 * port) and no new key comes in the same save, the stored secrets are dropped, so a changed
	 * address (a typo, a tampered setting, a test server) never receives the real key.
	 *
	 * @param array<string,mixed> $stored     Stored fields.
	 * @param array<string,mixed> $posted     Posted fields.
	 * @param Provider_Descriptor $descriptor Its type.
	 * @return array<string,mixed>
	 */
	private static function merge_one( array $stored, array $posted, Provider_Descriptor $descriptor ): array {
		$origin = self::origin( (string) ( $stored['base_url'] ?? '' ) );
		$new    = array();
		foreach ( $descriptor->secrets() as $name ) {
			if ( array_key_exists( $name, $posted ) && null === $posted[ $name ] ) {
				$stored[ $name ] = '';
			}
			$new[ $name ] = isset( $posted[ $name ] ) ? trim( (string) $posted[ $name ] ) : '';
			unset( $posted[ $name ] );
		}
		foreach ( $posted as $name => $value ) {
			$stored[ $name ] = is_string( $value ) ? trim( $value ) : $value;
		}
		if ( isset( $stored['base_url'] ) ) {
			$stored['base_url'] = untrailingslashit( (string) $stored['base_url'] );
			if ( '' !== $origin && self::origin( $stored['base_url'] ) !== $origin ) {
				foreach ( array_keys( $new ) as $name ) {
					$stored[ $name ] = '';
				}
			}
		}
		foreach ( array_filter( $new, static fn ( string $v ): bool => '' !== $v ) as $name => $plain ) {
			$stored[ $name ] = Secret_Box::seal( $plain );
		}
		return $stored;
	}

	/**
	 * `scheme://host:port` of a URL, with the scheme's default port filled in ('' when it is
	 * not a URL).
	 *
	 * @param string $url URL.
	 */
	public static function origin( string $url ): string {
		$p = wp_parse_url( $url );
		if ( ! is_array( $p ) || ! isset( $p['scheme'], $p['host'] ) ) {
			return '';
		}
		$scheme = strtolower( $p['scheme'] );
		$port   = $p['port'] ?? ( 'https' === $scheme ? 443 : 80 );
		return $scheme . '://' . strtolower( $p['host'] ) . ':' . $port;
	}
}
