<?php
/**
 * Sends each request to the first healthy provider of its chain, falling back on failure.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Stream_Event;
use AgenticWriter\Providers\Provider_Registry;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Usage\Usage_Recorder;
use AgenticWriter\Usage\Usage_Repository;
use WP_Error;

/**
 * Fallback on connection failure, timeout, 429 and 5xx — for streams only while no token has
 * reached the browser; afterwards the failure ends the stream. Providers whose breaker is open
 * are passed over without a call; when all are open, the first is tried anyway.
 */
final class Router {

	/**
	 * Builds a router.
	 *
	 * @param Provider_Registry $registry Providers.
	 * @param Circuit_Breaker   $breaker  Breaker.
	 * @param Health_Cache      $health   Health cache.
	 * @param Usage_Repository  $usage    Usage storage for the recorder.
	 */
	public function __construct(
		private Provider_Registry $registry,
		private Circuit_Breaker $breaker,
		private Health_Cache $health,
		private Usage_Repository $usage
	) {
	}

	/**
	 * A router with the site's settings.
	 */
	public static function for_site(): self {
		return new self( Site_Providers::registry(), Circuit_Breaker::from_settings(), new Health_Cache(), new Usage_Repository() );
	}

	/**
	 * The registry in use.
	 */
	public function registry(): Provider_Registry {
		return $this->registry;
	}

	/**
	 * The ordered chain for a task.
	 *
	 * @param string      $task   Task type.
	 * @param string|null $forced Provider the request insists on.
	 * @return array{chain:string[],skipped:array<string,string>}|WP_Error
	 */
	public function resolve( string $task, ?string $forced = null ) {
		return Routing_Rules::resolve( $task, Settings::stored(), $this->registry->all(), $forced );
	}

	/**
	 * A chat answer, streamed when $on_event is given.
	 *
	 * @param string[]                      $chain      Provider ids in order.
	 * @param Chat_Request                  $request    Request (its model applies to the first provider only).
	 * @param array<string,mixed>           $context    request_id, task_type, user_id, post_id.
	 * @param callable(Stream_Event):void|null $on_event  Gets start, fallback and delta events.
	 * @param callable():bool|null          $keep_going Polled while waiting; false cancels.
	 * @throws Routing_Failure When no provider served it.
	 */
	public function chat( array $chain, Chat_Request $request, array $context, ?callable $on_event = null, ?callable $keep_going = null ): Routed_Result {
		$first = $chain[0] ?? '';
		return $this->run(
			$chain,
			$context,
			$on_event,
			static function ( Provider $provider, callable $relay ) use ( $request, $on_event, $keep_going, $first ) {
				$req = $provider->id() === $first ? $request : $request->with_model( null );
				return null === $on_event ? $provider->chat( $req ) : $provider->chat_stream( $req, $relay, $keep_going );
			}
		);
	}

	/**
	 * An image.
	 *
	 * @param string[]            $chain   Provider ids in order.
	 * @param Image_Request       $request Request.
	 * @param array<string,mixed> $context request_id, task_type, user_id, post_id.
	 * @throws Routing_Failure When no provider served it.
	 */
	public function image( array $chain, Image_Request $request, array $context ): Routed_Result {
		$first = $chain[0] ?? '';
		return $this->run(
			$chain,
			$context,
			null,
			static fn ( Provider $provider ) => $provider->generate_image( $provider->id() === $first ? $request : $request->with_model( null ) )
		);
	}

	/**
	 * The fallback loop shared by chat and images.
	 *
	 * @param string[]                         $chain    Provider ids.
	 * @param array<string,mixed>              $context  Usage context.
	 * @param callable(Stream_Event):void|null $on_event Event sink.
	 * @param callable                         $call     fn( Provider, callable $relay ): result.
	 * @throws Routing_Failure When no provider served it.
	 */
	private function run( array $chain, array $context, ?callable $on_event, callable $call ): Routed_Result {
		// When every breaker of the chain is open, the first provider is tried anyway.
		$force_first = array() !== $chain && array() === array_filter( $chain, fn ( string $id ): bool => ! $this->breaker->blocks( $id ) );

		$fallbacks   = array();
		$from        = '';
		$reason      = '';
		$last_error  = null;
		$last_id     = '';
		$tokens_sent = false;
		$relay       = static function ( Stream_Event $event ) use ( $on_event, &$tokens_sent ): void {
			if ( 'delta' === $event->type ) {
				$tokens_sent = true;
			}
			if ( null !== $on_event ) {
				$on_event( $event );
			}
		};

		foreach ( $chain as $id ) {
			$provider = $this->registry->get( $id );
			if ( null === $provider ) {
				continue;
			}
			if ( '' !== $from ) {
				$fallbacks[ count( $fallbacks ) - 1 ]['to'] = $id;
				if ( null !== $on_event ) {
					$on_event(
						new Stream_Event(
							'fallback',
							array(
								'from'   => $from,
								'to'     => $id,
								'reason' => $reason,
							)
						)
					);
				}
			}
			// Asked only now: a half-open breaker lets one probe through, so it is claimed only
			// by a request that really calls the provider.
			if ( ! ( $force_first && $id === $chain[0] ) && ! $this->breaker->allows( $id ) ) {
				$fallbacks[] = array(
					'from'   => $id,
					'to'     => '',
					'reason' => 'circuit_open',
				);
				$from        = $id;
				$reason      = 'circuit_open';
				continue;
			}

			$recorded = new Usage_Recorder( $provider, $this->usage, $context + array( 'fallback_from' => $from ) );
			$start    = microtime( true );
			try {
				$result = $call( $recorded, $relay );
				$this->breaker->record_success( $id );
				$this->health->record( $id, true, 'ok', 'Served a request.', (int) round( ( microtime( true ) - $start ) * 1000 ) );
				if ( array() !== $fallbacks && '' === $fallbacks[ count( $fallbacks ) - 1 ]['to'] ) {
					$fallbacks[ count( $fallbacks ) - 1 ]['to'] = $id;
				}
				return new Routed_Result( $result, $id, $fallbacks );
			} catch ( Provider_Error $e ) {
				if ( $tokens_sent ) {
					$e = $e->after_tokens();
				}
				if ( $e->counts_against_provider() ) {
					$this->breaker->record_failure( $id );
				}
				if ( Provider_Error::ABORTED !== $e->error_code ) {
					$this->health->record( $id, false, $e->error_code, $e->getMessage(), (int) round( ( microtime( true ) - $start ) * 1000 ) );
				}
				if ( ! $e->allows_fallback() ) {
					throw new Routing_Failure( $e, $id, $fallbacks );
				}
				$fallbacks[] = array(
					'from'   => $id,
					'to'     => '',
					'reason' => $e->error_code,
				);
				$from        = $id;
				$reason      = $e->error_code;
				$last_error  = $e;
				$last_id     = $id;
			}
		}
		// Drop the dangling "to" of the last failure: nobody came after it.
		throw new Routing_Failure(
			$last_error ?? new Provider_Error( Provider_Error::UNAVAILABLE, 'No provider in the chain could be called (all circuit breakers open).' ),
			$last_id,
			array_slice( $fallbacks, 0, max( 0, count( $fallbacks ) - 1 ) )
		);
	}
}
