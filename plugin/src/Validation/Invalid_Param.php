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
}
