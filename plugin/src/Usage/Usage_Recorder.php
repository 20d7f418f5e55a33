<?php
/**
 * Records every provider call: a decorator around the provider.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Connection_Result;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Stream_Event;

/**
 * Wraps one provider for one request and writes exactly one usage row per finished or failed
 * call (status ok, fallback when it served after another provider failed, error), so callers
 * never write usage themselves.
 */
final class Usage_Recorder implements Provider {

	/** error_code of a failure that is no provider's: an exception or a PHP fatal error. */
	public const INTERNAL_ERROR = 'internal_error';

	/**
	 * Provider each request of this PHP process is calling right now, by request id: what a
	 * fatal error interrupted, for the row written at shutdown.
	 *
	 * @var array<string,string>
	 */
	private static array $calling = array();

	/**
	 * The provider a request was calling when it stopped ('' when none).
	 *
	 * @param string $request_id Request id.
	 */
	public static function calling( string $request_id ): string {
		return self::$calling[ $request_id ] ?? '';
	}

	/**
	 * The one row of a request that no provider served: refused before routing (too many at
	 * once, a budget), no provider configured, or ended by a PHP fatal error before any call
	 * recorded itself.
	 *
	 * @param Usage_Repository    $repo       Storage.
	 * @param array<string,mixed> $context    request_id, task_type, user_id, post_id.
	 * @param string              $error_code Why.
	 * @param string              $provider   Provider it was meant for, if known.
	 */
	public static function record_unserved( Usage_Repository $repo, array $context, string $error_code, string $provider = '' ): void {
		$repo->insert_after_response(
			array(
				'request_id' => (string) ( $context['request_id'] ?? '' ),
				'task_type'  => (string) ( $context['task_type'] ?? '' ),
				'user_id'    => (int) ( $context['user_id'] ?? 0 ),
				'post_id'    => (int) ( $context['post_id'] ?? 0 ),
				'provider'   => $provider,
				'model'      => '',
				'cost_kind'  => 'estimated',
				'latency_ms' => 0,
				'status'     => 'error',
				'error_code' => $error_code,
				'source'     => 'plugin',
			)
		);
	}

	/**
	 * Builds the decorator.
	 *
	 * @param Provider            $inner   The provider.
	 * @param Usage_Repository    $repo    Storage.
	 * @param array<string,mixed> $context request_id, task_type, user_id, post_id, fallback_from.
	 */
	public function __construct(
		private Provider $inner,
		private Usage_Repository $repo,
		private array $context
	) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat( Chat_Request $request ): Chat_Result {
		$start = microtime( true );
		$this->start_call();
		try {
			$result = $this->inner->chat( $request );
		} catch ( \Throwable $e ) {
			$this->record_error( $e, $start, null, $request->model ?? $this->inner->default_model() );
			throw $e;
		}
		$this->record_result( $result->model, $result->tokens_prompt, $result->tokens_completion, $result->cost_usd, $result->cost_kind, $start, null );
		return $result;
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result {
		$start = microtime( true );
		$first = null;
		$relay = static function ( Stream_Event $event ) use ( $on_event, &$first, $start ): void {
			if ( null === $first && 'delta' === $event->type ) {
				$first = (int) round( ( microtime( true ) - $start ) * 1000 );
			}
			$on_event( $event );
		};
		$this->start_call();
		try {
			$result = $this->inner->chat_stream( $request, $relay, $keep_going );
		} catch ( \Throwable $e ) {
			$this->record_error( $e, $start, $first, $request->model ?? $this->inner->default_model() );
			throw $e;
		}
		$this->record_result( $result->model, $result->tokens_prompt, $result->tokens_completion, $result->cost_usd, $result->cost_kind, $start, $first );
		return $result;
	}

	/**
	 * {@inheritDoc}
	 */
	public function generate_image( Image_Request $request ): Image_Result {
		$start = microtime( true );
		$this->start_call();
		try {
			$result = $this->inner->generate_image( $request );
		} catch ( \Throwable $e ) {
			$this->record_error( $e, $start, null, (string) $request->model );
			throw $e;
		}
		$this->record_result( $result->model, $result->tokens_prompt, $result->tokens_completion, $result->cost_usd, $result->cost_kind, $start, null );
		return $result;
	}

	/**
	 * Row for a call that finished.
	 *
	 * @param string     $model      Model.
	 * @param int        $in         Prompt tokens.
	 * @param int        $out        Completion tokens.
	 * @param float|null $cost       USD.
	 * @param string     $kind       cost_kind.
	 * @param float      $start      Start time.
	 * @param int|null   $ttft       Milliseconds to the first delta.
	 */
	private function record_result( string $model, int $in, int $out, ?float $cost, string $kind, float $start, ?int $ttft ): void {
		$from = (string) ( $this->context['fallback_from'] ?? '' );
		$this->write(
			array(
				'model'             => $model,
				'tokens_prompt'     => $in,
				'tokens_completion' => $out,
				'tokens_total'      => $in + $out,
				'cost_usd'          => $cost,
				'cost_kind'         => $kind,
				'latency_ms'        => (int) round( ( microtime( true ) - $start ) * 1000 ),
				'ttft_ms'           => $ttft,
				'status'            => '' === $from ? 'ok' : 'fallback',
				'fallback_from'     => $from,
			)
		);
	}

	/**
	 * Row for a call that failed: a provider error by its code, anything else (a bug, a PHP
	 * error) as `internal_error`.
	 *
	 * @param \Throwable $e     Failure.
	 * @param float      $start Start time.
	 * @param int|null   $ttft  Milliseconds to the first delta, if any came.
	 * @param string     $model Model asked for.
	 */
	private function record_error( \Throwable $e, float $start, ?int $ttft, string $model ): void {
		$code = $e instanceof Provider_Error ? $e->error_code : self::INTERNAL_ERROR;
		$this->write(
			array(
				'model'         => $model,
				'cost_kind'     => 'local' === $this->inner->kind() ? 'local' : 'estimated',
				'latency_ms'    => (int) round( ( microtime( true ) - $start ) * 1000 ),
				'ttft_ms'       => $ttft,
				'status'        => 'error',
				'fallback_from' => (string) ( $this->context['fallback_from'] ?? '' ),
				'error_code'    => null !== $ttft && $e instanceof Provider_Error && Provider_Error::ABORTED !== $code ? Provider_Error::INTERRUPTED : $code,
			)
		);
	}

	/**
	 * Notes which provider the request is calling.
	 */
	private function start_call(): void {
		self::$calling[ (string) ( $this->context['request_id'] ?? '' ) ] = $this->inner->id();
	}

	/**
	 * Adds the request context and inserts.
	 *
	 * @param array<string,mixed> $row Row.
	 */
	private function write( array $row ): void {
		unset( self::$calling[ (string) ( $this->context['request_id'] ?? '' ) ] );
		$this->repo->insert_after_response(
			$row + array(
				'request_id' => (string) ( $this->context['request_id'] ?? '' ),
				'task_type'  => (string) ( $this->context['task_type'] ?? '' ),
				'user_id'    => (int) ( $this->context['user_id'] ?? 0 ),
				'post_id'    => (int) ( $this->context['post_id'] ?? 0 ),
				'provider'   => $this->inner->id(),
				'source'     => 'plugin',
			)
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function id(): string {
		return $this->inner->id();
	}

	/**
	 * {@inheritDoc}
	 */
	public function label(): string {
		return $this->inner->label();
	}

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return $this->inner->kind();
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_configured(): bool {
		return $this->inner->is_configured();
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $task Task type.
	 */
	public function supports_task_type( string $task ): bool {
		return $this->inner->supports_task_type( $task );
	}

	/**
	 * {@inheritDoc}
	 */
	public function test_connection(): Connection_Result {
		return $this->inner->test_connection();
	}

	/**
	 * {@inheritDoc}
	 */
	public function models(): array {
		return $this->inner->models();
	}

	/**
	 * {@inheritDoc}
	 */
	public function default_model(): string {
		return $this->inner->default_model();
	}
}
