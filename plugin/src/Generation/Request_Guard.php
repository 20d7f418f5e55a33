<?php
/**
 * What must happen at the end of a generation request, however it ends.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Usage\Usage_Recorder;
use AgenticWriter\Usage\Usage_Repository;

/**
 * One per `generate` / `image` request. Owns its request id, its concurrency slot and its
 * stream. finish() gives the slot back, makes sure the request has its usage row (a request
 * that reached the router and was ended by a PHP fatal error gets an `internal_error` row),
 * writes the queued rows, and closes an open stream with an `error` and a `done` event.
 *
 * finish() runs when the request ends normally, and from shutdown otherwise. WordPress's own
 * fatal error handler ends the request with wp_die() inside its shutdown function, before
 * any later one would run, so finish() also hooks `wp_should_handle_php_error`, which that
 * handler calls first. A worker killed outright runs nothing: its slot's lease runs out.
 */
final class Request_Guard {

	/**
	 * Request id (a UUID), in the `start` event, error bodies and usage rows.
	 *
	 * @var string
	 */
	public readonly string $request_id;

	/**
	 * Slot held, if any.
	 *
	 * @var array{key:string,token:string}|null
	 */
	private ?array $lease = null;

	/**
	 * When the slot was last renewed.
	 *
	 * @var float
	 */
	private float $renewed_at = 0.0;

	/**
	 * Whether the request reached the router (so it must have a usage row).
	 *
	 * @var bool
	 */
	private bool $routed = false;

	/**
	 * Open stream, if any.
	 *
	 * @var Stream_Writer|null
	 */
	private ?Stream_Writer $stream = null;

	/**
	 * Whether finish() ran.
	 *
	 * @var bool
	 */
	private bool $finished = false;

	/**
	 * Starts guarding a request.
	 *
	 * @param array<string,mixed> $context task_type, user_id, post_id.
	 * @param Usage_Repository    $usage   Usage storage.
	 * @param Concurrency_Limit   $limit   Slots.
	 */
	public function __construct(
		private array $context,
		private Usage_Repository $usage,
		private Concurrency_Limit $limit
	) {
		$this->request_id = wp_generate_uuid4();
		register_shutdown_function( array( $this, 'finish' ) );
		add_filter( 'wp_should_handle_php_error', array( $this, 'before_fatal_error_page' ), 10, 2 );
	}

	/**
	 * The usage context: request_id, task_type, user_id, post_id.
	 *
	 * @return array<string,mixed>
	 */
	public function context(): array {
		return array( 'request_id' => $this->request_id ) + $this->context;
	}

	/**
	 * Takes one of the user's slots.
	 *
	 * @return bool False when every slot is taken (the request is then refused and recorded).
	 */
	public function take_slot(): bool {
		$lease = $this->limit->acquire( (int) ( $this->context['user_id'] ?? 0 ) );
		if ( null === $lease ) {
			Usage_Recorder::record_unserved( $this->usage, $this->context(), 'too_many_requests' );
			return false;
		}
		$this->lease      = false === $lease ? null : $lease;
		$this->renewed_at = microtime( true );
		return true;
	}

	/**
	 * Seconds to wait before trying again after take_slot() said no.
	 */
	public function retry_after(): int {
		return $this->limit->retry_after( (int) ( $this->context['user_id'] ?? 0 ) );
	}

	/**
	 * Keeps a long request's slot (called while waiting on the upstream).
	 */
	public function keep_alive(): void {
		if ( null === $this->lease || microtime( true ) - $this->renewed_at < Concurrency_Limit::RENEW_EVERY ) {
			return;
		}
		$this->renewed_at = microtime( true );
		$this->lease      = $this->limit->renew( $this->lease );
	}

	/**
	 * Gives the slot back (as soon as the answer is complete, before the client reads the end
	 * of it, so its next request finds the slot free).
	 */
	public function release(): void {
		if ( null !== $this->lease ) {
			$this->limit->release( $this->lease );
			$this->lease = null;
		}
	}

	/**
	 * The request is now the router's: from here on it must leave a usage row.
	 */
	public function routed(): void {
		$this->routed = true;
	}

	/**
	 * The request ended without any provider being called.
	 *
	 * @param string $error_code Why (e.g. no_provider).
	 */
	public function unserved( string $error_code ): void {
		Usage_Recorder::record_unserved( $this->usage, $this->context(), $error_code );
	}

	/**
	 * The stream the answer goes to.
	 *
	 * @param Stream_Writer $stream Writer.
	 */
	public function watch( Stream_Writer $stream ): void {
		$this->stream = $stream;
	}

	/**
	 * Runs finish() before WordPress's fatal error page ends the request.
	 *
	 * @param bool                $handle Whether WordPress handles the error.
	 * @param array<string,mixed> $error  error_get_last().
	 */
	public function before_fatal_error_page( $handle, $error ) {
		$this->finish();
		return $handle;
	}

	/**
	 * Everything the end of a request needs. Idempotent.
	 */
	public function finish(): void {
		if ( $this->finished ) {
			return;
		}
		$this->finished = true;
		remove_filter( 'wp_should_handle_php_error', array( $this, 'before_fatal_error_page' ), 10 );
		$this->release();
		if ( $this->routed && 0 === Usage_Repository::recorded_for( $this->request_id ) ) {
			Usage_Recorder::record_unserved( $this->usage, $this->context(), Usage_Recorder::INTERNAL_ERROR, Usage_Recorder::calling( $this->request_id ) );
		}
		if ( null !== $this->stream && $this->stream->is_open() && ! $this->stream->ended() && ! $this->stream->client_gone() ) {
			$this->stream->event( 'error', Error_Messages::internal_error( $this->request_id ) );
			$this->stream->event(
				'done',
				array(
					'request_id' => $this->request_id,
					'ok'         => false,
				)
			);
		}
		Usage_Repository::flush_pending();
	}
}
