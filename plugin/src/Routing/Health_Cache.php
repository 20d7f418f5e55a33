<?php
/**
 * Last known health of each provider.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

/**
 * The outcome of the latest call or connection test per provider, kept in a transient so the
 * providers screen shows it without calling anybody.
 */
final class Health_Cache {

	private const PREFIX = 'agentic_writer_health_';

	/** A success already on record is not rewritten more often than this (seconds). */
	private const REFRESH = 60;

	/**
	 * Records an outcome.
	 *
	 * @param string $id         Provider id.
	 * @param bool   $ok         Whether it worked.
	 * @param string $code       `ok` or an error code.
	 * @param string $message    What happened.
	 * @param int    $latency_ms Round trip.
	 */
	public function record( string $id, bool $ok, string $code, string $message, int $latency_ms ): void {
		$last = $this->get( $id );
		// Every request reports; only changes (or a stale success) are worth a database write.
		if ( $ok && null !== $last && $last['ok'] && time() - (int) strtotime( $last['checked_at'] ) < self::REFRESH ) {
			return;
		}
		// No expiry: autoloaded, so reading health on the hot path costs no query.
		set_transient(
			self::PREFIX . md5( $id ),
			array(
				'ok'         => $ok,
				'code'       => $code,
				'message'    => $message,
				'latency_ms' => $latency_ms,
				'checked_at' => gmdate( 'c' ),
			)
		);
	}

	/**
	 * Deletes what is known about a provider (uninstall).
	 *
	 * @param string $id Provider id.
	 */
	public function forget( string $id ): void {
		delete_transient( self::PREFIX . md5( $id ) );
	}

	/**
	 * Last outcome, or null when none is known.
	 *
	 * @param string $id Provider id.
	 * @return array{ok:bool,code:string,message:string,latency_ms:int,checked_at:string}|null
	 */
	public function get( string $id ): ?array {
		$v = get_transient( self::PREFIX . md5( $id ) );
		return is_array( $v ) ? $v : null;
	}
}
