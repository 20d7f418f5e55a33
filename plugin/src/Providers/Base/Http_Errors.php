<?php
/**
 * Turns transport failures and HTTP error answers into Provider_Errors the router can act on.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

use AgenticWriter\Providers\Contracts\Provider_Error;

/**
 * Classification (timeout, connection, interrupted, auth, rate limit, upstream) and the one
 * thing of an upstream's body that may reach a message: its own error text.
 */
final class Http_Errors {

	/**
	 * Classifies a transport failure (no HTTP status) for the router.
	 *
	 * @param string $message     curl/WordPress message.
	 * @param string $url         URL.
	 * @param bool   $had_headers Whether the response had started.
	 */
	public static function transport_error( string $message, string $url, bool $had_headers = false ): Provider_Error {
		$errno = preg_match( '/cURL error (\d+)/', $message, $m ) ? (int) $m[1] : 0;
		if ( 28 === $errno ) {
			return new Provider_Error( Provider_Error::TIMEOUT, sprintf( 'Timed out talking to %s (%s).', self::origin( $url ), $message ) );
		}
		if ( $had_headers ) {
			return new Provider_Error( Provider_Error::INTERRUPTED, sprintf( 'The answer from %s broke off (%s).', self::origin( $url ), $message ) );
		}
		return new Provider_Error( Provider_Error::CONNECTION, sprintf( 'Could not connect to %s (%s).', self::origin( $url ), $message ) );
	}

	/**
	 * Classifies an HTTP error status for the router, keeping the upstream's own message.
	 *
	 * @param Http_Response $response Error response.
	 * @param string        $label    Provider name for the message.
	 */
	public static function status_error( Http_Response $response, string $label ): Provider_Error {
		$upstream = self::error_message_of( $response );
		$status   = $response->status;
		$retry    = isset( $response->headers['retry-after'] ) ? (int) $response->headers['retry-after'] : null;
		if ( '' !== $upstream ) {
			$text = sprintf( '%s answered HTTP %d: %s', $label, $status, $upstream );
		} else {
			// A proxy's error page or a stack trace: never quoted, it may hold anything.
			$type = trim( explode( ';', $response->headers['content-type'] ?? '' )[0] );
			$text = sprintf( '%s answered HTTP %d with no error message%s.', $label, $status, '' !== $type ? sprintf( ' (a %s body)', $type ) : '' );
		}
		if ( 429 === $status ) {
			$code = Provider_Error::RATE_LIMITED;
		} elseif ( $status >= 500 ) {
			$code = Provider_Error::UPSTREAM;
		} elseif ( 401 === $status || 403 === $status ) {
			$code = Provider_Error::AUTH;
		} else {
			$code = Provider_Error::BAD_REQUEST;
		}
		return new Provider_Error( $code, $text, $status, false, $retry, $upstream );
	}

	/**
	 * The error message an API put in its JSON error body (OpenAI, Anthropic and most proxies:
	 * `error.message`, `error` or `message`), cut to 300 characters; '' when there is none.
	 * Nothing else of an upstream body ever reaches a message.
	 *
	 * @param Http_Response $response Error response.
	 */
	public static function error_message_of( Http_Response $response ): string {
		$json = $response->json();
		if ( ! is_array( $json ) ) {
			return '';
		}
		$err     = $json['error'] ?? null;
		$message = is_array( $err ) ? ( $err['message'] ?? '' ) : ( $err ?? $json['message'] ?? '' );
		$message = trim( wp_strip_all_tags( is_string( $message ) ? $message : '' ) );
		return mb_strlen( $message ) > 300 ? mb_substr( $message, 0, 300 ) . '…' : $message;
	}

	/**
	 * Scheme, host and port of a URL, for messages.
	 *
	 * @param string $url URL.
	 */
	public static function origin( string $url ): string {
		$p = wp_parse_url( $url );
		if ( ! is_array( $p ) || ! isset( $p['host'] ) ) {
			return $url;
		}
		return ( $p['scheme'] ?? 'http' ) . '://' . $p['host'] . ( isset( $p['port'] ) ? ':' . $p['port'] : '' );
	}
}
