<?php
/**
 * The site secret external proxies sign their usage batches with.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Settings\Secret_Box;

/**
 * Generated once (32 random bytes, hex), stored sealed like the API keys, shown in full only
 * when an administrator generates or rotates it; GET settings shows whether it is set and
 * its last characters. A signature is `sha256=` + hex HMAC-SHA256 of "<timestamp>.<body>".
 */
final class Ingest_Secret {

	public const OPTION = 'agentic_writer_ingest_secret';

	/** Seconds a signed request stays valid either side of its timestamp (replays past it fail). */
	public const WINDOW = 300;

	/**
	 * The secret, generated on first use; null when the stored one cannot be decrypted.
	 */
	public static function get(): ?string {
		$sealed = (string) get_option( self::OPTION, '' );
		if ( '' === $sealed ) {
			return self::rotate();
		}
		return Secret_Box::open( $sealed );
	}

	/**
	 * A new secret (the old one stops working at once).
	 */
	public static function rotate(): string {
		$secret = bin2hex( random_bytes( 32 ) );
		update_option( self::OPTION, Secret_Box::seal( $secret ), false );
		return $secret;
	}

	/**
	 * What GET settings shows.
	 *
	 * @return array{secret_set:bool,secret_hint:string,signature_header:string,timestamp_header:string}
	 */
	public static function public_view(): array {
		$sealed = (string) get_option( self::OPTION, '' );
		$plain  = '' === $sealed ? null : Secret_Box::open( $sealed );
		return array(
			'secret_set'       => null !== $plain,
			'secret_hint'      => null === $plain ? '' : Secret_Box::hint( $plain ),
			'signature_header' => 'X-Agentic-Writer-Signature',
			'timestamp_header' => 'X-Agentic-Writer-Timestamp',
		);
	}

	/**
	 * Whether a body is signed with the secret within the time window.
	 *
	 * @param string $body      Raw body.
	 * @param string $timestamp Unix seconds the sender signed at.
	 * @param string $signature `sha256=<hex>`.
	 * @return true|string True, or what is wrong.
	 */
	public static function verify( string $body, string $timestamp, string $signature ) {
		if ( ! preg_match( '/^\d{1,12}$/', $timestamp ) ) {
			return 'X-Agentic-Writer-Timestamp must be the Unix time in seconds at which the body was signed.';
		}
		if ( abs( time() - (int) $timestamp ) > self::WINDOW ) {
			return sprintf( 'The signature is older than %d seconds (or the sender\'s clock is off): sign each request when it is sent.', self::WINDOW );
		}
		$secret = (string) get_option( self::OPTION, '' );
		$secret = '' === $secret ? null : Secret_Box::open( $secret );
		if ( null === $secret ) {
			return 'No ingest secret is set on this site: an administrator generates one with POST usage/ingest/secret.';
		}
		$expected = 'sha256=' . hash_hmac( 'sha256', $timestamp . '.' . $body, $secret );
		return hash_equals( $expected, strtolower( trim( $signature ) ) ) ? true : 'The signature does not match: sign "<timestamp>.<raw body>" with HMAC-SHA256 and the site\'s ingest secret.';
	}
}
