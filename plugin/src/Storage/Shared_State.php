<?php
/**
 * State every PHP worker (and every web server) shares: counters, flags and leases.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Storage;

/**
 * With a persistent object cache (Redis, Memcached) the state lives there, so every web server
 * sees it (DESIGN.md §6) and `wp_cache_add` / `wp_cache_incr` are atomic. Without one,
 * WordPress's cache lives only as long as one request, so the state goes to the database
 * through Shared_State_Repository, whose statements are atomic there.
 *
 * A lease is a key held until it expires or its holder gives it back; its token says when it
 * expires, so a holder that died (a killed PHP worker) blocks nobody for longer than that.
 */
final class Shared_State {

	private const GROUP = 'agentic_writer';

	/**
	 * Builds the state.
	 *
	 * @param bool                    $in_cache Whether the object cache is persistent.
	 * @param Shared_State_Repository $rows     Database storage.
	 */
	public function __construct(
		private bool $in_cache,
		private Shared_State_Repository $rows
	) {
	}

	/**
	 * The site's shared state.
	 */
	public static function for_site(): self {
		return new self( (bool) wp_using_ext_object_cache(), new Shared_State_Repository() );
	}

	/**
	 * Current values; absent keys are left out.
	 *
	 * @param string[] $keys Keys.
	 * @return array<string,string>
	 */
	public function get_many( array $keys ): array {
		if ( ! $this->in_cache ) {
			return $this->rows->get_many( $keys );
		}
		$out = array();
		foreach ( wp_cache_get_multiple( $keys, self::GROUP, true ) as $key => $value ) {
			if ( false !== $value ) {
				$out[ (string) $key ] = (string) $value;
			}
		}
		return $out;
	}

	/**
	 * Stores a value only when the key is absent.
	 *
	 * @param string $key   Key.
	 * @param string $value Value.
	 * @return bool Whether this call stored it.
	 */
	public function add( string $key, string $value ): bool {
		return $this->in_cache ? wp_cache_add( $key, $value, self::GROUP ) : $this->rows->add( $key, $value );
	}

	/**
	 * Stores a value.
	 *
	 * @param string $key   Key.
	 * @param string $value Value.
	 */
	public function set( string $key, string $value ): void {
		if ( $this->in_cache ) {
			wp_cache_set( $key, $value, self::GROUP );
			return;
		}
		$this->rows->set( $key, $value );
	}

	/**
	 * Adds one to a counter, atomically.
	 *
	 * @param string $key Key.
	 * @return int The counter afterwards.
	 */
	public function increment( string $key ): int {
		if ( ! $this->in_cache ) {
			return $this->rows->increment( $key );
		}
		wp_cache_add( $key, 0, self::GROUP );
		return (int) wp_cache_incr( $key, 1, self::GROUP );
	}

	/**
	 * Deletes keys.
	 *
	 * @param string[] $keys Keys.
	 */
	public function delete( array $keys ): void {
		if ( ! $this->in_cache ) {
			$this->rows->delete( $keys );
			return;
		}
		foreach ( $keys as $key ) {
			wp_cache_delete( $key, self::GROUP );
		}
	}

	/**
	 * Takes a lease on a key when nobody holds it (or the holder's lease ran out).
	 *
	 * @param string $key Key.
	 * @param int    $ttl Seconds it lasts unless renewed.
	 * @return string|null The lease's token, or null when someone else holds it.
	 */
	public function claim( string $key, int $ttl ): ?string {
		$token = self::token( $ttl );
		if ( $this->in_cache ) {
			return wp_cache_add( $key, $token, self::GROUP, $ttl ) ? $token : null;
		}
		if ( $this->rows->add( $key, $token ) ) {
			return $token;
		}
		$held = $this->rows->get_many( array( $key ) )[ $key ] ?? null;
		if ( null === $held ) {
			return $this->rows->add( $key, $token ) ? $token : null;
		}
		return self::expired( $held ) && $this->rows->replace_if( $key, $held, $token ) ? $token : null;
	}

	/**
	 * Extends a lease its holder still has.
	 *
	 * @param string $key   Key.
	 * @param string $token Current token.
	 * @param int    $ttl   Seconds from now.
	 * @return string|null The new token, or null when the lease was lost.
	 */
	public function renew( string $key, string $token, int $ttl ): ?string {
		$next = self::token( $ttl );
		if ( $this->in_cache ) {
			if ( wp_cache_get( $key, self::GROUP, true ) !== $token ) {
				return null;
			}
			wp_cache_set( $key, $next, self::GROUP, $ttl );
			return $next;
		}
		return $this->rows->replace_if( $key, $token, $next ) ? $next : null;
	}

	/**
	 * Gives a lease back (no-op when it already ran out and someone else holds the key).
	 *
	 * @param string $key   Key.
	 * @param string $token Token from claim() or renew().
	 */
	public function release( string $key, string $token ): void {
		if ( ! $this->in_cache ) {
			$this->rows->delete_if( $key, $token );
			return;
		}
		if ( wp_cache_get( $key, self::GROUP, true ) === $token ) {
			wp_cache_delete( $key, self::GROUP );
		}
	}

	/**
	 * Whether a lease's token has run out.
	 *
	 * @param string $token Token.
	 */
	public static function expired( string $token ): bool {
		return self::expires_at( $token ) <= microtime( true );
	}

	/**
	 * When a lease's token runs out (Unix time).
	 *
	 * @param string $token Token.
	 */
	public static function expires_at( string $token ): float {
		return (float) explode( ' ', $token, 2 )[0];
	}

	/**
	 * Forgets everything, with every other options row the plugin wrote (uninstall).
	 */
	public function forget_all(): void {
		$this->rows->delete_plugin_options();
		if ( $this->in_cache && function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( self::GROUP );
		}
	}

	/**
	 * A unique token that says when it expires: "<unix time> <random>".
	 *
	 * @param int $ttl Seconds from now.
	 */
	private static function token( int $ttl ): string {
		return sprintf( '%.6F %s', microtime( true ) + $ttl, bin2hex( random_bytes( 6 ) ) );
	}
}
