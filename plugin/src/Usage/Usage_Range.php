<?php
/**
 * A range of days in the site's time zone, and its buckets, as UTC instants.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use DateTimeImmutable;
use DateTimeZone;

/**
 * `created_at` is UTC; the owner thinks in the site's days. Bucket edges are computed here, in
 * PHP with wp_timezone(), and the database is asked for UTC ranges: a daylight-saving day has
 * 23 or 25 hourly buckets, and nothing depends on the database's own time zone support.
 */
final class Usage_Range {

	/**
	 * Builds a range from its edges.
	 *
	 * @param DateTimeImmutable $start First local midnight (in the site's zone).
	 * @param DateTimeImmutable $end   Local midnight after the last day.
	 */
	private function __construct(
		public readonly DateTimeImmutable $start,
		public readonly DateTimeImmutable $end
	) {
	}

	/**
	 * The days from `from` to `to`, both included, in the site's time zone.
	 *
	 * @param string $from `Y-m-d`.
	 * @param string $to   `Y-m-d`.
	 */
	public static function days( string $from, string $to ): self {
		$zone  = wp_timezone();
		$start = new DateTimeImmutable( $from . ' 00:00:00', $zone );
		$end   = ( new DateTimeImmutable( $to . ' 00:00:00', $zone ) )->modify( '+1 day' );
		return new self( $start, $end );
	}

	/**
	 * A period that started at a local midnight and ends at another (a day, a month).
	 *
	 * @param DateTimeImmutable $start Start.
	 * @param DateTimeImmutable $end   End.
	 */
	public static function between( DateTimeImmutable $start, DateTimeImmutable $end ): self {
		return new self( $start, $end );
	}

	/**
	 * Start as UTC `Y-m-d H:i:s` (inclusive).
	 */
	public function from_utc(): string {
		return self::utc( $this->start );
	}

	/**
	 * End as UTC `Y-m-d H:i:s` (exclusive).
	 */
	public function to_utc(): string {
		return self::utc( $this->end );
	}

	/**
	 * The bucket edges from start to end: every local hour, or every local midnight.
	 *
	 * @param string $bucket hour|day.
	 * @return DateTimeImmutable[] Edges in order, the last one being the end.
	 */
	public function edges( string $bucket ): array {
		$edges = array();
		if ( 'hour' === $bucket ) {
			// Absolute hours from the first midnight: across a DST change the local clock
			// repeats or skips an hour, and so do the buckets.
			for ( $t = $this->start->getTimestamp(); $t <= $this->end->getTimestamp(); $t += HOUR_IN_SECONDS ) {
				$edges[] = ( new DateTimeImmutable( '@' . $t ) )->setTimezone( $this->start->getTimezone() );
			}
			return $edges;
		}
		for ( $day = $this->start; $day <= $this->end; $day = $day->modify( '+1 day' ) ) {
			$edges[] = $day;
		}
		return $edges;
	}

	/**
	 * Whether every edge falls on a whole UTC hour (then the database may group by UTC hour).
	 *
	 * @param DateTimeImmutable[] $edges Edges.
	 */
	public static function on_whole_hours( array $edges ): bool {
		foreach ( $edges as $edge ) {
			if ( 0 !== $edge->getTimestamp() % HOUR_IN_SECONDS ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * UTC `Y-m-d H:i:s` of an instant.
	 *
	 * @param DateTimeImmutable $at Instant.
	 */
	public static function utc( DateTimeImmutable $at ): string {
		return $at->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}

	/**
	 * Unix time of a UTC slot label (`YYYY-MM-DD HH` or `YYYY-MM-DD HH:MM`).
	 *
	 * @param string $slot Label.
	 */
	public static function slot_time( string $slot ): int {
		$text = 13 === strlen( $slot ) ? $slot . ':00:00' : $slot . ':00';
		return ( new DateTimeImmutable( $text, new DateTimeZone( 'UTC' ) ) )->getTimestamp();
	}
}
