<?php
/**
 * Refuses bad settings with a 400 that names the exact field.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Validation\Invalid_Param;
use WP_Error;

/**
 * Two passes: the patch against the schema (types, bounds, unknown fields), then the merged
 * settings for what a schema cannot say (URLs, duplicate ids, routing to providers that exist).
 */
final class Settings_Validator {

	/**
	 * Checks each patched field against its schema.
	 *
	 * @param array<string,mixed>               $patch  Posted fields.
	 * @param array<string,array<string,mixed>> $schema Settings_Schema::schema().
	 * @return true|WP_Error
	 */
	public static function check_patch( array $patch, array $schema ) {
		foreach ( $patch as $field => $value ) {
			if ( ! isset( $schema[ $field ] ) ) {
				return Invalid_Param::error( (string) $field, sprintf( '%s is not a setting. Known settings: %s.', $field, implode( ', ', array_keys( $schema ) ) ) );
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $field ], (string) $field );
			if ( is_wp_error( $valid ) ) {
				return Invalid_Param::from_schema( (string) $field, $value, $schema[ $field ], $valid );
			}
		}
		return true;
	}

	/**
	 * Checks the settings a save would store.
	 *
	 * @param array<string,mixed> $next   Merged settings.
	 * @param array<string,mixed> $before Stored settings (a route to a provider that was already
	 *                                    unknown, e.g. of a deactivated plugin, does not block saving).
	 * @return true|WP_Error
	 */
	public static function check( array $next, array $before ) {
		foreach ( Provider_Types::all() as $type => $descriptor ) {
			$problem = $descriptor->multiple
				? self::check_instances( $type, (array) ( $next['providers'][ $type ] ?? array() ), $descriptor )
				: self::check_urls( "providers[$type]", (array) ( $next['providers'][ $type ] ?? array() ), $descriptor, false );
			if ( null !== $problem ) {
				return $problem;
			}
		}
		$known     = Provider_Configs::ids( $next );
		$tolerated = array_diff( self::routed( $before ), Provider_Configs::ids( $before ) );
		foreach ( self::routed( $next ) as $name => $id ) {
			if ( '' !== $id && ! in_array( $id, $known, true ) && ! in_array( $id, $tolerated, true ) ) {
				return Invalid_Param::error( 'routing', sprintf( '%s names provider "%s", which is not configured. Known providers: %s.', $name, $id, implode( ', ', $known ) ), $name );
			}
		}
		return true;
	}

	/**
	 * Instances of a multi-instance type: unique ids, valid URLs.
	 *
	 * @param string                          $type       Type key.
	 * @param array<int,array<string,mixed>> $instances  Instances.
	 * @param Provider_Descriptor             $descriptor Type.
	 */
	private static function check_instances( string $type, array $instances, Provider_Descriptor $descriptor ): ?WP_Error {
		$seen = array();
		foreach ( $instances as $index => $instance ) {
			if ( isset( $seen[ $instance['id'] ] ) ) {
				$path = "providers[$type][$index][id]";
				return Invalid_Param::error( 'providers', sprintf( '%s "%s" is used twice.', $path, $instance['id'] ), $path );
			}
			$seen[ $instance['id'] ] = true;
			$problem                 = self::check_urls( "providers[$type][$index]", $instance, $descriptor, true );
			if ( null !== $problem ) {
				return $problem;
			}
		}
		return null;
	}

	/**
	 * URL fields are http(s) URLs; an instance's required URL may not be empty.
	 *
	 * @param string              $at         Bracketed path of the provider.
	 * @param array<string,mixed> $config     Its fields.
	 * @param Provider_Descriptor $descriptor Its type.
	 * @param bool                $instance   Whether it is an instance of a multi-instance type.
	 */
	private static function check_urls( string $at, array $config, Provider_Descriptor $descriptor, bool $instance ): ?WP_Error {
		foreach ( $descriptor->fields as $name => $field ) {
			if ( 'url' !== $field->type ) {
				continue;
			}
			$url  = (string) ( $config[ $name ] ?? '' );
			$path = "{$at}[$name]";
			if ( '' !== $url && ! self::is_http_url( $url ) ) {
				return Invalid_Param::error( 'providers', sprintf( '%s must be an http:// or https:// URL, got "%s".', $path, $url ), $path );
			}
			if ( '' === $url && $instance && $field->required ) {
				$example = '' !== $field->placeholder ? ' such as ' . $field->placeholder : '';
				return Invalid_Param::error( 'providers', sprintf( '%s must be an http:// or https:// URL%s.', $path, $example ), $path );
			}
		}
		return null;
	}

	/**
	 * Every provider id routing names, by its bracketed path.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @return array<string,string>
	 */
	private static function routed( array $settings ): array {
		$routed = array(
			'routing[simple][text]'  => (string) ( $settings['routing']['simple']['text'] ?? '' ),
			'routing[simple][image]' => (string) ( $settings['routing']['simple']['image'] ?? '' ),
		);
		foreach ( $settings['routing']['matrix'] as $task => $chain ) {
			foreach ( $chain as $i => $id ) {
				$routed[ "routing[matrix][$task][$i]" ] = (string) $id;
			}
		}
		return $routed;
	}

	/**
	 * Whether a string is an absolute http(s) URL with a host.
	 *
	 * @param string $url Candidate.
	 */
	private static function is_http_url( string $url ): bool {
		$parts = wp_parse_url( $url );
		return is_array( $parts ) && isset( $parts['scheme'], $parts['host'] ) && in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true );
	}
}
