<?php
/**
 * Validates REST params against the route's args schema, with `agentic_writer_*` errors.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Validation\Invalid_Param;
use WP_Error;
use WP_REST_Request;

/**
 * WordPress's own arg validation answers `rest_invalid_param`; the plugin's contract is an
 * `agentic_writer_invalid_param` 400 that names the field. Routes declare their args for the
 * REST index with `sanitize_callback => null` and validate here, with the same schema.
 */
final class Request_Validator {

	/**
	 * Marks args so WordPress documents them but leaves validation to validate().
	 *
	 * @param array<string,array<string,mixed>> $args Arg schemas.
	 * @return array<string,array<string,mixed>>
	 */
	public static function documented( array $args ): array {
		foreach ( $args as $name => $arg ) {
			unset( $arg['required'] );
			$arg['sanitize_callback'] = null;
			$args[ $name ]            = $arg;
		}
		return $args;
	}

	/**
	 * Validated and sanitized params.
	 *
	 * @param WP_REST_Request                   $request  Request.
	 * @param array<string,array<string,mixed>> $args     Arg schemas.
	 * @param string[]                          $required Names that must be present.
	 * @return array<string,mixed>|WP_Error
	 */
	public static function validate( WP_REST_Request $request, array $args, array $required = array() ) {
		$out = array();
		foreach ( $args as $name => $schema ) {
			$value = $request->get_param( $name );
			if ( null === $value || ( '' === $value && in_array( $name, $required, true ) ) ) {
				if ( in_array( $name, $required, true ) ) {
					return Invalid_Param::error( $name, sprintf( '%s is required.', $name ) );
				}
				continue;
			}
			$valid = rest_validate_value_from_schema( $value, $schema, $name );
			if ( is_wp_error( $valid ) ) {
				return Invalid_Param::from_schema( $name, $value, $schema, $valid );
			}
			$out[ $name ] = rest_sanitize_value_from_schema( $value, $schema, $name );
		}
		return $out;
	}
}
