<?php
/**
 * Per-provider circuit breaker, shared by every PHP worker.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Settings\Settings;

/**
 * Closed → open after `threshold` failures in a row → half-open once the cool-down has passed
 * (one request is let through as a probe) → closed on its success, open again on its failure.
 *
 * State lives in transients, so every worker (and every web server, with a shared object
 * cache) sees it: a dead local backend costs one failed connect, not one per request.
 */
final class Circuit_Breaker {

	public const CLOSED    = 'closed';
	public const OPEN      = 'open';
	public const HALF_OPEN = 'half_open';

	private const PREFIX = 'agentic_writer_breaker_';

	private const CLOSED_STATE = array(
		'failures'  => 0,
		'opened_at' => null,
		'probe_at'  => null,
	);

	/**
	 * Builds a breaker.
	 *
	 * @param int $threshold Failures in a row that open it.
	 * @param int $cooldown  Seconds before a probe is let through.
	 */
	public function __construct(
		private int $threshold = 3,
		private int $cooldown = 30
	) {
	}

	/**
	 * A breaker with the site's settings.
	 */
	public static function from_settings(): self {
		$b = Settings::group( 'breaker' );
		return new self( max( 1, (int) ( $b['failure_threshold'] ?? 3 ) ), max( 1, (int) ( $b['cooldown_seconds'] ?? 30 ) ) );
	}

	/**
	 * State of one provider: closed, open or half_open.
	 *
	 * @param string $id Provider id.
	 */
	public function state( string $id ): string {
		$s = $this->read( $id );
		if ( null === $s['opened_at'] ) {
			return self::CLOSED;
		}
		return microtime( true ) - $s['opened_at'] >= $this->cooldown ? self::HALF_OPEN : self::OPEN;
	}

	/**
	 * Whether a request may go to this provider now. In half-open state only one request per
	 * cool-down gets through (it claims the probe); the others treat it as open.
	 *
	 * @param string $id Provider id.
	 */
	public function allows( string $id ): bool {
		$state = $this->state( $id );
		if ( self::CLOSED === $state ) {
			return true;
		}
		if ( self::OPEN === $state ) {
			return false;
		}
		$s = $this->read( $id );
		if ( null !== $s['probe_at'] && microtime( true ) - $s['probe_at'] < $this->cooldown ) {
			return false;
		}
		$s['probe_at'] = microtime( true );
		$this->write( $id, $s );
		return true;
	}

	/**
	 * Whether a request would be turned away now, without claiming a probe.
	 *
	 * @param string $id Provider id.
	 */
	public function blocks( string $id ): bool {
		$state = $this->state( $id );
		if ( self::HALF_OPEN === $state ) {
			$s = $this->read( $id );
			return null !== $s['probe_at'] && microtime( true ) - $s['probe_at'] < $this->cooldown;
		}
		return self::OPEN === $state;
	}

	/**
	 * A call succeeded: closes the breaker.
	 *
	 * @param string $id Provider id.
	 */
	public function record_success( string $id ): void {
		$s = $this->read( $id );
		if ( null !== $s['opened_at'] || 0 !== $s['failures'] ) {
			$this->write( $id, self::CLOSED_STATE );
		}
	}

	/**
	 * A call failed: counts it; opens (or re-opens after a failed probe) the breaker.
	 *
	 * @param string $id Provider id.
	 */
	public function record_failure( string $id ): void {
		$s = $this->read( $id );
		++$s['failures'];
		if ( null !== $s['opened_at'] || $s['failures'] >= $this->threshold ) {
			$s['opened_at'] = microtime( true );
			$s['probe_at']  = null;
		}
		$this->write( $id, $s );
	}

	/**
	 * Forgets everything about a provider (its settings were just saved).
	 *
	 * @param string $id Provider id.
	 */
	public function reset( string $id ): void {
		$this->write( $id, self::CLOSED_STATE );
	}

	/**
	 * Deletes the stored state (uninstall).
	 *
	 * @param string $id Provider id.
	 */
	public function forget( string $id ): void {
		delete_transient( self::key( $id ) );
	}

	/**
	 * State for the providers route.
	 *
	 * @param string $id Provider id.
	 * @return array{state:string,failures:int,opened_at:int|null,retry_at:int|null} Times as Unix seconds.
	 */
	public function snapshot( string $id ): array {
		$s = $this->read( $id );
		return array(
			'state'     => $this->state( $id ),
			'failures'  => $s['failures'],
			'opened_at' => null === $s['opened_at'] ? null : (int) floor( $s['opened_at'] ),
			'retry_at'  => null === $s['opened_at'] ? null : (int) ceil( $s['opened_at'] + $this->cooldown ),
		);
	}

	/**
	 * Stored state.
	 *
	 * @param string $id Provider id.
	 * @return array{failures:int,opened_at:float|null,probe_at:float|null}
	 */
	private function read( string $id ): array {
		$raw = get_transient( self::key( $id ) );
		if ( false === $raw ) {
			// Stored once even when closed: a missing transient costs a query on every request.
			$this->write( $id, self::CLOSED_STATE );
			$raw = self::CLOSED_STATE;
		}
		return array(
			'failures'  => (int) ( $raw['failures'] ?? 0 ),
			'opened_at' => isset( $raw['opened_at'] ) ? (float) $raw['opened_at'] : null,
			'probe_at'  => isset( $raw['probe_at'] ) ? (float) $raw['probe_at'] : null,
		);
	}

	/**
	 * Saves state. No expiry on purpose: such transients are autoloaded, so reading the state
	 * costs no query on the hot path (with an object cache it lives there instead).
	 *
	 * @param string                                                    $id Provider id.
	 * @param array{failures:int,opened_at:float|null,probe_at:float|null} $s State.
	 */
	private function write( string $id, array $s ): void {
		set_transient( self::key( $id ), $s );
	}

	/**
	 * Transient name.
	 *
	 * @param string $id Provider id.
	 */
	private static function key( string $id ): string {
		return self::PREFIX . md5( $id );
	}
}
