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

	private const TTL = DAY_IN_SECONDS;

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
		set_transient(
			self::PREFIX . md5( $id ),
			array(
				'ok'         => $ok,
				'code'       => $code,
				'message'    => $message,
				'latency_ms' => $latency_ms,
				'checked_at' => gmdate( 'c' ),
			),
			self::TTL
		);
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
