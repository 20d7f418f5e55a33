<?php
/**
 * What must happen at the end of a generation request, however it ends.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Usage\Budgets;
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
	 * Budget holds, given back once the usage rows are written.
	 *
	 * @var array{0:Budgets,1:array<int,array{key:string,token:string}>}|null
	 */
	private ?array $budget_holds = null;

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
	 * Whether WordPress gave up on the request (wp_die: its database went away) mid-stream.
	 *
	 * @var bool
	 */
	private bool $site_gave_up = false;

	/** wp_die() handler filters, one per kind of request WordPress tells apart. */
	private const DIE_HANDLERS = array( 'wp_die_handler', 'wp_die_json_handler', 'wp_die_jsonp_handler', 'wp_die_ajax_handler', 'wp_die_xml_handler', 'wp_die_xmlrpc_handler' );

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
	 * Keeps the request's budget holds until its usage rows are written.
	 *
	 * @param Budgets                                   $budgets Caps.
	 * @param array<int,array{key:string,token:string}> $holds   Holds.
	 */
	public function hold_budget( Budgets $budgets, array $holds ): void {
		$this->budget_holds = array( $budgets, $holds );
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
		// Once the stream is open, a wp_die() (wpdb's dead_db() when the database goes away)
		// must not print a page or a JSON body into it.
		foreach ( self::DIE_HANDLERS as $filter ) {
			add_filter( $filter, array( $this, 'die_handler' ), PHP_INT_MAX );
		}
	}

	/**
	 * The wp_die() handler while a stream is open.
	 *
	 * @return callable
	 */
	public function die_handler(): callable {
		return array( $this, 'die_in_stream' );
	}

	/**
	 * WordPress gave up on the request while the answer streamed: the stream ends with an
	 * `error` and `done` instead of an error page in its middle.
	 *
	 * @param mixed $message What WordPress said (to the log).
	 */
	public function die_in_stream( $message ): void {
		$this->site_gave_up = true;
		$text = is_wp_error( $message ) ? $message->get_error_message() : (string) ( is_scalar( $message ) ? $message : '' );
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the administrator's copy.
		error_log( sprintf( 'Agentic Writer: request %s stopped by WordPress mid-stream: %s', $this->request_id, wp_strip_all_tags( $text ) ) );
		if ( null !== $this->stream && $this->stream->is_open() && ! $this->stream->ended() && ! $this->stream->client_gone() ) {
			$this->stream->event(
				'error',
				array(
					'code'       => 'agentic_writer_site_unavailable',
					'message'    => __(
						'The site stopped before the answer was finished (its database may be unavailable). What arrived is kept; try again in a minute.',
						'agentic-writer'
					),
					'retryable'  => true,
					'request_id' => $this->request_id,
				)
			);
			$this->stream->event(
				'done',
				array(
					'request_id' => $this->request_id,
					'ok'         => false,
				)
			);
		}
		exit;
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
		// Without a database the lease cannot be given back: it runs out on its own.
		if ( ! $this->site_gave_up ) {
			$this->release();
		}
		if ( $this->routed && 0 === Usage_Repository::recorded_for( $this->request_id ) ) {
			$code = $this->site_gave_up ? 'site_unavailable' : Usage_Recorder::INTERNAL_ERROR;
			Usage_Recorder::record_unserved( $this->usage, $this->context(), $code, Usage_Recorder::calling( $this->request_id ) );
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
		// Only now: the spend is in the table, so the next check counts it there instead.
		if ( null !== $this->budget_holds ) {
			$this->budget_holds[0]->release( $this->budget_holds[1] );
			$this->budget_holds = null;
		}
	}
}
