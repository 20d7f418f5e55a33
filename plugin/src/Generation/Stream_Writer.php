<?php
/**
 * Server-Sent Events out to the browser, through WordPress.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

/**
 * Closes PHP's output buffers (php -S and many php.ini files buffer 4 KB), sends SSE headers
 * including `X-Accel-Buffering: no` for nginx, flushes after every event and sends keep-alive
 * comments during long silences so proxies do not cut the connection. Knows when the browser
 * went away, so the upstream request can be cancelled.
 */
final class Stream_Writer {

	/**
	 * When something was last written.
	 *
	 * @var float
	 */
	private float $last_write = 0.0;

	/**
	 * Whether headers went out.
	 *
	 * @var bool
	 */
	private bool $open = false;

	/**
	 * Whether the `done` event went out.
	 *
	 * @var bool
	 */
	private bool $ended = false;

	/**
	 * Builds a writer.
	 *
	 * @param float $keep_alive_seconds Silence after which a comment is sent.
	 */
	public function __construct( private float $keep_alive_seconds = 2.0 ) {
	}

	/**
	 * Whether a request asked for a stream.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public static function wanted( \WP_REST_Request $request ): bool {
		return str_contains( strtolower( (string) $request->get_header( 'accept' ) ), 'text/event-stream' );
	}

	/**
	 * Sends the headers and an opening comment.
	 */
	public function open(): void {
		if ( $this->open ) {
			return;
		}
		$this->open = true;
		// Keep running when the browser leaves, so the usage row is written and curl cancelled.
		ignore_user_abort( true );
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		if ( ! headers_sent() ) {
			status_header( 200 );
			header_remove( 'Content-Length' );
			header( 'Content-Type: text/event-stream; charset=utf-8' );
			header( 'Cache-Control: no-cache, no-store, no-transform' );
			header( 'X-Accel-Buffering: no' );
			header( 'X-Content-Type-Options: nosniff' );
			header( 'Content-Encoding: identity' );
		}
		$this->write( ": agentic-writer stream\n\n" );
	}

	/**
	 * Sends one event.
	 *
	 * @param string              $type Event name.
	 * @param array<string,mixed> $data Payload (JSON).
	 */
	public function event( string $type, array $data ): void {
		$this->ended = $this->ended || 'done' === $type;
		$this->write( 'event: ' . $type . "\ndata: " . wp_json_encode( $data ) . "\n\n" );
	}

	/**
	 * Called while waiting: sends a keep-alive comment after a silence and reports whether
	 * the browser is still there.
	 */
	public function keep_going(): bool {
		if ( microtime( true ) - $this->last_write >= $this->keep_alive_seconds ) {
			$this->write( ": keep-alive\n\n" );
		}
		return ! $this->client_gone();
	}

	/**
	 * Whether the stream has started.
	 */
	public function is_open(): bool {
		return $this->open;
	}

	/**
	 * Whether the `done` event was sent.
	 */
	public function ended(): bool {
		return $this->ended;
	}

	/**
	 * Whether the browser closed the connection (known after a write).
	 */
	public function client_gone(): bool {
		return 0 !== connection_aborted();
	}

	/**
	 * Writes and flushes.
	 *
	 * @param string $bytes Bytes.
	 */
	private function write( string $bytes ): void {
		echo $bytes; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- SSE frames of JSON-encoded data.
		flush();
		$this->last_write = microtime( true );
	}
}
