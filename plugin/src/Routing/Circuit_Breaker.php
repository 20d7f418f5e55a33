<?php
/**
 * Per-provider circuit breaker, shared by every PHP worker.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Storage\Shared_State;

/**
 * Closed → open after `threshold` failures in a row → half-open once the cool-down has passed
 * (one request is let through as a probe) → closed on its success, open again on its failure.
 *
 * State lives in Shared_State, outside the autoloaded options every request snapshots at its
 * start: every worker (and every web server, with a shared object cache) sees each change at
 * once. Failures are counted with an atomic increment, so parallel failures are all counted,
 * and the half-open probe is a lease only one worker gets: a dead local backend costs one
 * failed connect, not one per request or per worker.
 */
final class Circuit_Breaker {

	public const CLOSED    = 'closed';
	public const OPEN      = 'open';
	public const HALF_OPEN = 'half_open';

	/** Transient name of the state before it moved to Shared_State (removed on uninstall). */
	private const LEGACY_PREFIX = 'agentic_writer_breaker_';

	/**
	 * Shared state.
	 *
	 * @var Shared_State
	 */
	private Shared_State $state;

	/**
	 * Builds a breaker.
	 *
	 * @param int               $threshold Failures in a row that open it.
	 * @param int               $cooldown  Seconds before a probe is let through.
	 * @param Shared_State|null $state     Where the state lives (the site's by default).
	 */
	public function __construct(
		private int $threshold = 3,
		private int $cooldown = 30,
		?Shared_State $state = null
	) {
		$this->state = $state ?? Shared_State::for_site();
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
		return $this->state_of( $this->read( $id ) );
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
		return null !== $this->state->claim( self::keys( $id )['probe'], $this->cooldown );
	}

	/**
	 * Whether a request would be turned away now, without claiming a probe.
	 *
	 * @param string $id Provider id.
	 */
	public function blocks( string $id ): bool {
		$s     = $this->read( $id );
		$state = $this->state_of( $s );
		if ( self::HALF_OPEN === $state ) {
			return $s['probe_out'];
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
		if ( null !== $s['opened_at'] || 0 !== $s['failures'] || $s['probe_out'] ) {
			$this->state->delete( array_values( self::keys( $id ) ) );
		}
	}

	/**
	 * A call failed: counts it; opens (or re-opens after a failed probe) the breaker.
	 *
	 * @param string $id Provider id.
	 */
	public function record_failure( string $id ): void {
		$keys     = self::keys( $id );
		$failures = $this->state->increment( $keys['failures'] );
		$opened   = $this->state->get_many( array( $keys['opened'] ) )[ $keys['opened'] ] ?? null;
		$now      = sprintf( '%.6F', microtime( true ) );
		if ( null !== $opened ) {
			// A failed probe (or a forced try while open): a new cool-down starts now.
			$this->state->set( $keys['opened'], $now );
			$this->state->delete( array( $keys['probe'] ) );
		} elseif ( $failures >= $this->threshold ) {
			// Several workers may cross the threshold together: the first one opens it.
			$this->state->add( $keys['opened'], $now );
		}
	}

	/**
	 * Forgets everything about a provider (its settings were just saved).
	 *
	 * @param string $id Provider id.
	 */
	public function reset( string $id ): void {
		$this->state->delete( array_values( self::keys( $id ) ) );
	}

	/**
	 * Deletes the stored state (uninstall), including the transient older versions kept.
	 *
	 * @param string $id Provider id.
	 */
	public function forget( string $id ): void {
		$this->reset( $id );
		delete_transient( self::LEGACY_PREFIX . md5( $id ) );
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
			'state'     => $this->state_of( $s ),
			'failures'  => $s['failures'],
			'opened_at' => null === $s['opened_at'] ? null : (int) floor( $s['opened_at'] ),
			'retry_at'  => null === $s['opened_at'] ? null : (int) ceil( $s['opened_at'] + $this->cooldown ),
		);
	}

	/**
	 * State of stored figures.
	 *
	 * @param array{failures:int,opened_at:float|null,probe_out:bool} $s Figures.
	 */
	private function state_of( array $s ): string {
		if ( null === $s['opened_at'] ) {
			return self::CLOSED;
		}
		return microtime( true ) - $s['opened_at'] >= $this->cooldown ? self::HALF_OPEN : self::OPEN;
	}

	/**
	 * Stored figures, read in one go.
	 *
	 * @param string $id Provider id.
	 * @return array{failures:int,opened_at:float|null,probe_out:bool}
	 */
	private function read( string $id ): array {
		$keys = self::keys( $id );
		$raw  = $this->state->get_many( array_values( $keys ) );
		return array(
			'failures'  => (int) ( $raw[ $keys['failures'] ] ?? 0 ),
			'opened_at' => isset( $raw[ $keys['opened'] ] ) ? (float) $raw[ $keys['opened'] ] : null,
			'probe_out' => isset( $raw[ $keys['probe'] ] ) && ! Shared_State::expired( $raw[ $keys['probe'] ] ),
		);
	}

	/**
	 * Shared-state keys of one provider.
	 *
	 * @param string $id Provider id.
	 * @return array{failures:string,opened:string,probe:string}
	 */
	private static function keys( string $id ): array {
		$base = 'breaker_' . md5( $id );
		return array(
			'failures' => $base . '_failures',
			'opened'   => $base . '_opened',
			'probe'    => $base . '_probe',
		);
	}
}
