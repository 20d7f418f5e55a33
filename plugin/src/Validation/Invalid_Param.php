<?php
/**
 * The 400 every bad field gets, wherever it is found (REST args, settings, routing).
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Validation;

use WP_Error;

/**
 * Builds `agentic_writer_invalid_param` errors. It lives outside Rest/ so that settings and
 * routing can refuse a value without depending on the REST layer that serves them.
 */
final class Invalid_Param {

	public const CODE = 'agentic_writer_invalid_param';

	/**
	 * The 400 for a value that fails its JSON schema, naming the deepest failing item or
	 * property (`messages[1][content]`), which WordPress's own error names only in its message.
	 *
	 * @param string              $field  Param name.
	 * @param mixed               $value  Value that failed.
	 * @param array<string,mixed> $schema Its schema.
	 * @param WP_Error            $failed rest_validate_value_from_schema()'s error.
	 */
	public static function from_schema( string $field, $value, array $schema, WP_Error $failed ): WP_Error {
		return self::error( $field, $failed->get_error_message(), self::failing_path( $value, $schema, $field ) );
	}

	/**
	 * A 400 naming the field: `params` by top-level name (as WordPress core does), `field` by its
	 * full path (`providers[openrouter][base_url]`) so a form can mark the exact control.
	 *
	 * @param string $field   Param name.
	 * @param string $message What is wrong.
	 * @param string $path    Full bracketed path when deeper than the param; the param otherwise.
	 */
	public static function error( string $field, string $message, string $path = '' ): WP_Error {
		return new WP_Error(
			self::CODE,
			sprintf( 'Invalid parameter %s: %s', $field, $message ),
			array(
				'status' => 400,
				'params' => array( $field => $message ),
				'field'  => '' !== $path ? $path : $field,
			)
		);
	}

	/**
	 * The deepest item or property that fails its schema (`messages[1][content]`), as WordPress's
	 * errors name it only in their translated message.
	 *
	 * @param mixed               $value  Value that failed.
	 * @param array<string,mixed> $schema Its schema.
	 * @param string              $path   Its path.
	 */
	private static function failing_path( $value, array $schema, string $path ): string {
		if ( ! is_array( $value ) ) {
			return $path;
		}
		$children = array();
		if ( isset( $schema['items'] ) && array_is_list( $value ) ) {
			$children = array_map( static fn ( $item ): array => $schema['items'], $value );
		} elseif ( isset( $schema['properties'] ) ) {
			$children = array_intersect_key( $schema['properties'], $value );
		}
		if ( is_array( $schema['additionalProperties'] ?? null ) ) {
			$children += array_map( static fn ( $item ): array => $schema['additionalProperties'], array_diff_key( $value, $children ) );
		}
		foreach ( $children as $key => $child ) {
			$child_path = $path . '[' . $key . ']';
			if ( is_wp_error( rest_validate_value_from_schema( $value[ $key ], $child, $child_path ) ) ) {
				return self::failing_path( $value[ $key ], $child, $child_path );
			}
		}
		return $path;
	}
}
