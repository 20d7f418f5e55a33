<?php
/**
 * What the usage/* read routes share: administrators only, a range of days in the site's zone.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Usage\Usage_Range;
use AgenticWriter\Validation\Invalid_Param;
use DateTimeImmutable;
use WP_Error;
use WP_REST_Request;

/**
 * Base of summary, timeseries, breakdown, events and export. `from` and `to` are dates in the
 * site's time zone, both included; without them the last 30 days (today included).
 */
abstract class Usage_Range_Controller extends Rest_Controller {

	/** Longest range, in days. */
	public const MAX_DAYS = 400;

	/**
	 * Arg schemas of the range.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function range_args(): array {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		return array(
			'from' => array( 'description' => 'First day (YYYY-MM-DD, site time zone). Default: 29 days before to.' ) + $date,
			'to'   => array( 'description' => 'Last day, included (YYYY-MM-DD, site time zone). Default: today.' ) + $date,
		);
	}

	/**
	 * Administrators only.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return self::require_capability( 'manage_options', __( 'Only administrators (manage_options) can see what Agentic Writer has cost this site.', 'agentic-writer' ) );
	}

	/**
	 * The range of validated params.
	 *
	 * @param array<string,mixed> $params  Params with from/to.
	 * @param int                 $max_days Longest range allowed.
	 * @return Usage_Range|WP_Error
	 */
	protected static function range( array $params, int $max_days = self::MAX_DAYS ) {
		$zone  = wp_timezone();
		$dates = array();
		foreach ( array( 'from', 'to' ) as $field ) {
			if ( ! isset( $params[ $field ] ) ) {
				continue;
			}
			$date = DateTimeImmutable::createFromFormat( '!Y-m-d', (string) $params[ $field ], $zone );
			if ( false === $date || $date->format( 'Y-m-d' ) !== $params[ $field ] ) {
				return Invalid_Param::error( $field, sprintf( '%s must be a real date as YYYY-MM-DD, got "%s".', $field, $params[ $field ] ) );
			}
			$dates[ $field ] = $date;
		}
		$to   = $dates['to'] ?? new DateTimeImmutable( 'today', $zone );
		$from = $dates['from'] ?? $to->modify( '-29 days' );
		if ( $from > $to ) {
			return Invalid_Param::error( 'from', sprintf( 'from (%s) is after to (%s).', $from->format( 'Y-m-d' ), $to->format( 'Y-m-d' ) ) );
		}
		$days = (int) $from->diff( $to )->days + 1;
		if ( $days > $max_days ) {
			return Invalid_Param::error( 'from', sprintf( 'The range holds %1$d days; at most %2$d are allowed here.', $days, $max_days ) );
		}
		return Usage_Range::days( $from->format( 'Y-m-d' ), $to->format( 'Y-m-d' ) );
	}

	/**
	 * Schema of the T object (totals of a range or a group).
	 *
	 * @return array<string,mixed>
	 */
	public static function totals_schema(): array {
		$int   = array( 'type' => 'integer' );
		$ms    = array( 'type' => array( 'integer', 'null' ) );
		$money = array(
			'description' => 'US dollars by how the cost is known: metered (the provider said), estimated (tokens × a price), subscription (a plan\'s credit, not billed), local (own hardware).',
			'type'        => 'object',
			'properties'  => array_fill_keys( array( 'metered', 'estimated', 'subscription', 'local' ), array( 'type' => 'number' ) ),
		);
		return array(
			'type'       => 'object',
			'properties' => array(
				'requests'          => array( 'description' => 'Requests (a request that fell back counts once).' ) + $int,
				'attempts'          => array( 'description' => 'Provider calls, fallbacks included (and requests refused before any call).' ) + $int,
				'errors'            => array( 'description' => 'Failed calls, including ones another provider then served.' ) + $int,
				'fallbacks'         => array( 'description' => 'Answers served by a provider after another failed or was skipped.' ) + $int,
				'tokens_prompt'     => $int,
				'tokens_completion' => $int,
				'cost_usd'          => $money,
				'savings_usd'       => array(
					'description' => 'Estimate: what the subscription and local answers would have cost at the price of the site\'s cloud default model; null when that price is unknown.',
					'type'        => array( 'number', 'null' ),
				),
				'latency_ms_p50'    => array( 'description' => 'Exact median (nearest rank) of answered calls; null without any.' ) + $ms,
				'latency_ms_p95'    => $ms,
				'ttft_ms_p50'       => array( 'description' => 'Time to first token of streamed answers.' ) + $ms,
				'ttft_ms_p95'       => $ms,
			),
		);
	}
}
