<?php
/**
 * Defaults and JSON schema of the settings option, derived from the provider types.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Provider_Types;

/**
 * The shape of DESIGN.md §5: the routing part is fixed, the providers part has one entry per
 * provider type (an object, or a list for types with several instances).
 */
final class Settings_Schema {

	public const MODES = array( 'cloud', 'local', 'hybrid' );

	/**
	 * Defaults: everything routed to OpenRouter, as an OpenRouter-only plugin would.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults(): array {
		return array(
			'provider_mode' => 'cloud',
			'routing'       => array(
				'mode'   => 'simple',
				'simple' => array(
					'text'  => 'openrouter',
					'image' => 'openrouter',
				),
				'matrix' => array(),
			),
			'providers'     => array_map( static fn ( Provider_Descriptor $d ): array => $d->defaults(), Provider_Types::all() ),
			'breaker'       => array(
				'failure_threshold' => 3,
				'cooldown_seconds'  => 30,
			),
			'timeouts'      => array(
				'connect_seconds' => 2,
				'read_seconds'    => 120,
			),
			'budgets'        => array(
				'site_daily_usd'   => null,
				'site_monthly_usd' => null,
				'user_daily_usd'   => null,
				'role_daily_usd'   => array(),
				'alert_percent'    => 80,
				'at_cap'           => 'refuse',
				'alert_email'      => false,
			),
			'prices'         => array(),
			'retention_days' => 0,
		);
	}

	/**
	 * JSON schema of each top-level setting (REST args and validation).
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function schema(): array {
		$provider = array(
			'type'    => 'string',
			'pattern' => Provider_Types::id_pattern(),
		);
		$chain    = array(
			'type'     => 'array',
			'items'    => $provider,
			'maxItems' => 8,
		);
		return array(
			'provider_mode' => array(
				'description' => 'cloud: cloud providers only; local: local providers only; hybrid: both, in the order routing gives.',
				'type'        => 'string',
				'enum'        => self::MODES,
			),
			'routing'       => self::strict_object(
				array(
					'mode'   => array(
						'type' => 'string',
						'enum' => array( 'simple', 'advanced' ),
					),
					'simple' => self::strict_object(
						array(
							'text'  => $provider,
							'image' => $provider,
						)
					),
					'matrix' => self::strict_object( array_fill_keys( Provider_Descriptor::TASKS, $chain ) ),
				)
			),
			'providers'     => self::strict_object( array_map( static fn ( Provider_Descriptor $d ): array => $d->schema(), Provider_Types::all() ) ),
			'breaker'       => array( 'description' => 'Circuit breaker: failures in a row that open it, seconds before a probe is let through.' ) + self::strict_object(
				array(
					'failure_threshold' => self::integer( 1, 100 ),
					'cooldown_seconds'  => self::integer( 1, 3600 ),
				)
			),
			'timeouts'      => array( 'description' => 'Connect timeout (short: a dead LAN host must not cost seconds) and read timeout (long: generation takes time).' ) + self::strict_object(
				array(
					'connect_seconds' => array(
						'type'    => 'number',
						'minimum' => 0.1,
						'maximum' => 30,
					),
					'read_seconds'    => self::integer( 1, 900 ),
				)
			),
			'budgets'        => array(
				'description' => 'Spending caps in US dollars billed (metered and estimated costs; subscription and local answers cost none). null: no cap.'
					. ' At a cap, local_only sends requests to local providers only, refuse answers 429.',
			) + self::strict_object(
				array(
					'site_daily_usd'   => self::cap(),
					'site_monthly_usd' => self::cap(),
					'user_daily_usd'   => self::cap(),
					'role_daily_usd'   => array(
						'description'          => 'Daily cap per user of a role (role slug => USD); a user with several capped roles gets the highest.',
						'type'                 => 'object',
						'additionalProperties' => self::cap(),
					),
					'alert_percent'    => self::integer( 1, 100 ),
					'at_cap'           => array(
						'type' => 'string',
						'enum' => array( 'local_only', 'refuse' ),
					),
					'alert_email'      => array(
						'description' => 'Also email the site\'s admin address when a cap reaches alert_percent (once per period).',
						'type'        => 'boolean',
					),
				)
			),
			'prices'         => array(
				'description'          => 'The admin\'s prices per million tokens by model (as recorded, or its OpenRouter id), used before the OpenRouter catalogue'
					. ' when a provider reports no cost. null removes a model.',
				'type'                 => 'object',
				'maxProperties'        => 500,
				'additionalProperties' => array(
					'type'                 => array( 'object', 'null' ),
					'additionalProperties' => false,
					'required'             => array( 'input_per_mtok', 'output_per_mtok' ),
					'properties'           => array(
						'input_per_mtok'  => self::usd(),
						'output_per_mtok' => self::usd(),
					),
				),
			),
			'retention_days' => array( 'description' => 'Usage rows older than this many days are deleted once a day; 0 keeps them all.' ) + self::integer( 0, 3650 ),
		);
	}

	/**
	 * A cap in USD, or null for none.
	 *
	 * @return array<string,mixed>
	 */
	private static function cap(): array {
		return array( 'type' => array( 'number', 'null' ) ) + array_diff_key( self::usd(), array( 'type' => 1 ) );
	}

	/**
	 * A non-negative amount of dollars.
	 *
	 * @return array<string,mixed>
	 */
	private static function usd(): array {
		return array(
			'type'    => 'number',
			'minimum' => 0,
			'maximum' => 1000000,
		);
	}

	/**
	 * An object schema that refuses unknown properties.
	 *
	 * @param array<string,array<string,mixed>> $properties Properties.
	 * @return array<string,mixed>
	 */
	private static function strict_object( array $properties ): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => $properties,
		);
	}

	/**
	 * An integer schema within bounds.
	 *
	 * @param int $min Minimum.
	 * @param int $max Maximum.
	 * @return array<string,mixed>
	 */
	private static function integer( int $min, int $max ): array {
		return array(
			'type'    => 'integer',
			'minimum' => $min,
			'maximum' => $max,
		);
	}
}
