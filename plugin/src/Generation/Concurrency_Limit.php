<?php
/**
 * How many generations one person may run at once.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Settings\Settings;
use AgenticWriter\Storage\Shared_State;

/**
 * Each user has N slots (default 2: a Write streaming while a chat question is asked), shared
 * by `generate` and `image`. A request holds one slot as a lease in Shared_State: given back
 * when it ends however it ends (Request_Guard), and running out on its own after the read
 * timeout plus a minute if the PHP worker was killed, so a stale slot never locks an author
 * out for long. Streams renew their lease while they run.
 */
final class Concurrency_Limit {

	public const DEFAULT_PER_USER = 2;

	/** Seconds between renewals of a running stream's lease. */
	public const RENEW_EVERY = 30;

	/**
	 * Builds the limit.
	 *
	 * @param Shared_State $state Where slots live.
	 * @param int          $max   Slots per user (0: no limit).
	 * @param int          $ttl   Seconds a lease lasts unless renewed.
	 */
	public function __construct(
		private Shared_State $state,
		private int $max,
		private int $ttl
	) {
	}

	/**
	 * The site's limit: `agentic_writer_concurrent_requests_per_user` (default 2, 0 for none);
	 * leases last the read timeout plus a minute.
	 */
	public static function for_site(): self {
		/**
		 * Filters how many generations (text or image) one user may run at once; 0 lifts the limit.
		 *
		 * @param int $max Slots per user.
		 */
		$max = (int) apply_filters( 'agentic_writer_concurrent_requests_per_user', self::DEFAULT_PER_USER );
		$ttl = (int) ( Settings::group( 'timeouts' )['read_seconds'] ?? 120 ) + 60;
		return new self( Shared_State::for_site(), max( 0, $max ), $ttl );
	}

	/**
	 * Takes a free slot.
	 *
	 * @param int $user_id User.
	 * @return array{key:string,token:string}|null|false The lease, null when every slot is
	 *                                                 taken, false when there is no limit.
	 */
	public function acquire( int $user_id ) {
		if ( 0 === $this->max ) {
			return false;
		}
		for ( $i = 0; $i < $this->max; $i++ ) {
			$key   = self::key( $user_id, $i );
			$token = $this->state->claim( $key, $this->ttl );
			if ( null !== $token ) {
				return array(
					'key'   => $key,
					'token' => $token,
				);
			}
		}
		return null;
	}

	/**
	 * Extends a lease (a long stream).
	 *
	 * @param array{key:string,token:string} $lease Lease.
	 * @return array{key:string,token:string}|null Null when it was lost.
	 */
	public function renew( array $lease ): ?array {
		$token = $this->state->renew( $lease['key'], $lease['token'], $this->ttl );
		return null === $token ? null : array(
			'key'   => $lease['key'],
			'token' => $token,
		);
	}

	/**
	 * Gives a slot back.
	 *
	 * @param array{key:string,token:string} $lease Lease.
	 */
	public function release( array $lease ): void {
		$this->state->release( $lease['key'], $lease['token'] );
	}

	/**
	 * Seconds until the first slot of a user frees up at the latest (for Retry-After).
	 *
	 * @param int $user_id User.
	 */
	public function retry_after( int $user_id ): int {
		$keys   = array();
		for ( $i = 0; $i < $this->max; $i++ ) {
			$keys[] = self::key( $user_id, $i );
		}
		$soonest = null;
		foreach ( $this->state->get_many( $keys ) as $token ) {
			$at      = Shared_State::expires_at( $token );
			$soonest = null === $soonest ? $at : min( $soonest, $at );
		}
		$until_expiry = null === $soonest ? 1 : (int) ceil( $soonest - microtime( true ) );
		// Streams usually end long before their lease runs out: ask for a short wait.
		return max( 1, min( 5, $until_expiry ) );
	}

	/**
	 * Shared-state key of one slot.
	 *
	 * @param int $user_id User.
	 * @param int $slot    Slot number from 0.
	 */
	public static function key( int $user_id, int $slot ): string {
		return 'slot_' . $user_id . '_' . $slot;
	}
}
