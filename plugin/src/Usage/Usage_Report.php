<?php
/**
 * The figures of the Usage API (DESIGN.md §5 "Usage API and budgets"): summary and timeseries.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Providers\OpenRouter\Model_Names;
use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Settings\Settings;
use DateTimeImmutable;

/**
 * Turns the additive sums of Usage_Queries into the API's T object, with exact percentiles
 * (nearest rank on the sorted rows) and the savings estimate.
 */
final class Usage_Report {

	/** Most groups a summary lists (by requests, most first). */
	public const MAX_GROUPS = 100;

	/**
	 * Per token and per request rates of the site's cloud default model, once per report.
	 *
	 * @var array{prompt:float,completion:float,request:float,source:string}|null|false
	 */
	private $savings_rates = false;

	/**
	 * Builds the report.
	 *
	 * @param Usage_Queries $queries Reads.
	 */
	public function __construct( private Usage_Queries $queries = new Usage_Queries() ) {
	}

	/**
	 * GET usage/summary.
	 *
	 * @param Usage_Range $range    Days.
	 * @param string|null $group_by provider|model|task|user|day.
	 * @return array<string,mixed>
	 */
	public function summary( Usage_Range $range, ?string $group_by = null ): array {
		$from   = $range->from_utc();
		$to     = $range->to_utc();
		$totals = $this->queries->sums_between( $from, $to )[0] ?? array();
		$groups = array();
		if ( 'day' === $group_by ) {
			$edges = $range->edges( 'day' );
			for ( $i = 0; $i + 1 < count( $edges ); $i++ ) {
				$day      = Usage_Range::between( $edges[ $i ], $edges[ $i + 1 ] );
				$sums     = $this->queries->sums_between( $day->from_utc(), $day->to_utc() )[0] ?? array();
				$groups[] = array( 'key' => $edges[ $i ]->format( 'Y-m-d' ) ) + $this->totals( $sums, $day->from_utc(), $day->to_utc() );
			}
		} elseif ( null !== $group_by ) {
			$rows = $this->queries->sums_between( $from, $to, $group_by );
			usort( $rows, static fn ( array $a, array $b ): int => (int) $b['requests'] <=> (int) $a['requests'] ?: strcmp( (string) $a['group_key'], (string) $b['group_key'] ) );
			foreach ( array_slice( $rows, 0, self::MAX_GROUPS ) as $row ) {
				$key      = 'user' === $group_by ? (int) $row['group_key'] : (string) $row['group_key'];
				$groups[] = array( 'key' => $key ) + $this->totals( $row, $from, $to, $group_by, $key );
			}
		}
		return array(
			'from'     => $range->start->format( 'Y-m-d' ),
			'to'       => $range->end->modify( '-1 day' )->format( 'Y-m-d' ),
			'timezone' => wp_timezone_string(),
			'totals'   => $this->totals( $totals, $from, $to ),
			'groups'   => $groups,
		);
	}

	/**
	 * GET usage/timeseries: one point per local hour or day, every bucket present (zeros too).
	 *
	 * @param Usage_Range $range  Days.
	 * @param string      $bucket hour|day.
	 * @return array<string,mixed>
	 */
	public function timeseries( Usage_Range $range, string $bucket ): array {
		$edges  = $range->edges( $bucket );
		$times  = array_map( static fn ( DateTimeImmutable $e ): int => $e->getTimestamp(), $edges );
		$points = array();
		for ( $i = 0; $i + 1 < count( $edges ); $i++ ) {
			$points[ $i ] = array();
		}
		$slots = $this->queries->sums_by_slot( $range->from_utc(), $range->to_utc(), ! Usage_Range::on_whole_hours( $edges ) );
		$i     = 0;
		foreach ( $slots as $slot ) {
			$at = Usage_Range::slot_time( (string) $slot['slot'] );
			while ( $i + 1 < count( $times ) && $times[ $i + 1 ] <= $at ) {
				++$i;
			}
			if ( isset( $points[ $i ] ) ) {
				$points[ $i ][] = $slot;
			}
		}
		$out = array();
		foreach ( $points as $i => $rows ) {
			$sums  = self::add( $rows );
			$out[] = array(
				'start'             => $edges[ $i ]->format( 'c' ),
				'requests'          => (int) $sums['requests'],
				'errors'            => (int) $sums['errors'],
				'fallbacks'         => (int) $sums['fallbacks'],
				'tokens_prompt'     => (int) $sums['tokens_prompt'],
				'tokens_completion' => (int) $sums['tokens_completion'],
				'cost_usd'          => self::money( $sums ),
			);
		}
		return array(
			'bucket'   => $bucket,
			'from'     => $range->start->format( 'Y-m-d' ),
			'to'       => $range->end->modify( '-1 day' )->format( 'Y-m-d' ),
			'timezone' => wp_timezone_string(),
			'points'   => $out,
		);
	}

	/**
	 * The T object of one set of sums; percentiles asked of the same range (and group).
	 *
	 * @param array<string,mixed> $sums  Sums row.
	 * @param string              $from  UTC, inclusive.
	 * @param string              $to    UTC, exclusive.
	 * @param string|null         $group Group column key.
	 * @param string|int|null     $value Group value.
	 * @return array<string,mixed>
	 */
	private function totals( array $sums, string $from, string $to, ?string $group = null, $value = null ): array {
		$served = (int) ( $sums['served'] ?? 0 );
		$ttft_n = (int) ( $sums['ttft_n'] ?? 0 );
		$rank   = fn ( string $column, int $n, float $p ): ?int => 0 === $n ? null : $this->queries->nth_value( $column, $from, $to, (int) ceil( $p * $n ) - 1, $group, $value );
		return array(
			'requests'          => (int) ( $sums['requests'] ?? 0 ),
			'attempts'          => (int) ( $sums['attempts'] ?? 0 ),
			'errors'            => (int) ( $sums['errors'] ?? 0 ),
			'fallbacks'         => (int) ( $sums['fallbacks'] ?? 0 ),
			'tokens_prompt'     => (int) ( $sums['tokens_prompt'] ?? 0 ),
			'tokens_completion' => (int) ( $sums['tokens_completion'] ?? 0 ),
			'cost_usd'          => self::money( $sums ),
			'savings_usd'       => $this->savings( $sums ),
			'latency_ms_p50'    => $rank( 'latency_ms', $served, 0.5 ),
			'latency_ms_p95'    => $rank( 'latency_ms', $served, 0.95 ),
			'ttft_ms_p50'       => $rank( 'ttft_ms', $ttft_n, 0.5 ),
			'ttft_ms_p95'       => $rank( 'ttft_ms', $ttft_n, 0.95 ),
		);
	}

	/**
	 * What the subscription and local answers would have cost at the cloud default model's
	 * price: an estimate (null when that model has no known price).
	 *
	 * @param array<string,mixed> $sums Sums row.
	 */
	private function savings( array $sums ): ?float {
		$rates = $this->savings_rates();
		if ( null === $rates ) {
			return null;
		}
		$usd = (int) ( $sums['own_prompt'] ?? 0 ) * $rates['prompt'] + (int) ( $sums['own_completion'] ?? 0 ) * $rates['completion']
			+ (int) ( $sums['own_served'] ?? 0 ) * $rates['request'];
		return round( $usd, 8 );
	}

	/**
	 * Rates of the cloud default: the simple-routing text provider's model when it is a cloud
	 * provider, else OpenRouter's model.
	 *
	 * @return array{prompt:float,completion:float,request:float,source:string}|null
	 */
	private function savings_rates(): ?array {
		if ( false === $this->savings_rates ) {
			$this->savings_rates = null;
			$model               = self::cloud_default_model();
			if ( '' !== $model ) {
				$this->savings_rates = Pricing::rates( Model_Names::to_openrouter( $model ) ) ?? Pricing::rates( $model );
			}
		}
		return $this->savings_rates;
	}

	/**
	 * The model of the site's cloud default.
	 */
	public static function cloud_default_model(): string {
		$text  = (string) ( Settings::stored()['routing']['simple']['text'] ?? '' );
		$type  = Provider_Types::of( $text );
		$cloud = null !== $type && 'cloud' === $type->kind ? $text : 'openrouter';
		return (string) ( Settings::provider_config( $cloud )['model'] ?? '' );
	}

	/**
	 * Sums of several slot rows.
	 *
	 * @param array<int,array<string,mixed>> $rows Rows.
	 * @return array<string,float|int>
	 */
	private static function add( array $rows ): array {
		$keys = array( 'requests', 'errors', 'fallbacks', 'tokens_prompt', 'tokens_completion' );
		foreach ( Usage_Repository::COST_KINDS as $kind ) {
			$keys[] = 'cost_' . $kind;
		}
		$out = array_fill_keys( $keys, 0 );
		foreach ( $rows as $row ) {
			foreach ( $keys as $key ) {
				$out[ $key ] += str_starts_with( $key, 'cost_' ) ? (float) $row[ $key ] : (int) $row[ $key ];
			}
		}
		return $out;
	}

	/**
	 * Dollars by cost kind.
	 *
	 * @param array<string,mixed> $sums Sums row.
	 * @return array<string,float>
	 */
	private static function money( array $sums ): array {
		$money = array();
		foreach ( Usage_Repository::COST_KINDS as $kind ) {
			$money[ $kind ] = round( (float) ( $sums[ 'cost_' . $kind ] ?? 0 ), 8 );
		}
		return $money;
	}
}
