<?php
/**
 * Turns an author's request into a routed provider call.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Contracts\Stream_Event;
use AgenticWriter\Routing\Router;
use AgenticWriter\Routing\Routing_Failure;
use WP_Error;

/**
 * Task → prompt → router, as JSON or as a stream of events (start, delta, fallback, usage,
 * error, done).
 */
final class Generation_Service {

	/**
	 * Builds the service.
	 *
	 * @param Router $router Router.
	 */
	public function __construct( private Router $router ) {
	}

	/**
	 * The provider request for validated REST params.
	 *
	 * @param array<string,mixed> $params task, prompt, messages, post_id, selection, model.
	 */
	public function build_request( array $params ): Chat_Request {
		$task     = (string) $params['task'];
		$messages = array();
		foreach ( (array) ( $params['messages'] ?? array() ) as $m ) {
			$messages[] = array(
				'role'    => (string) $m['role'],
				'content' => (string) $m['content'],
			);
		}
		$prompt = (string) ( $params['prompt'] ?? '' );
		if ( 'refinement' === $task ) {
			$prompt = Task_Prompts::refinement_turn( (string) ( $params['selection'] ?? '' ), $prompt );
		}
		if ( '' !== $prompt ) {
			$messages[] = array(
				'role'    => 'user',
				'content' => $prompt,
			);
		}
		$system = Task_Prompts::system( $task ) . Task_Prompts::post_context( (int) ( $params['post_id'] ?? 0 ) );
		$model  = isset( $params['model'] ) && '' !== $params['model'] ? (string) $params['model'] : null;
		return new Chat_Request( $messages, $system, $model, 4096, null, Task_Prompts::wants_json( $task ) );
	}

	/**
	 * A complete answer as the JSON body of DESIGN.md §5.
	 *
	 * @param array<string,mixed> $params Validated params.
	 * @param Request_Guard       $guard  The request's id, slot and usage context.
	 * @return array<string,mixed>|WP_Error
	 */
	public function generate( array $params, Request_Guard $guard ) {
		$route = $this->route( (string) $params['task'], $params, $guard );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = $guard->request_id;
		try {
			$routed = $this->router->chat( $route['chain'], $this->build_request( $params ), $guard->context() );
		} catch ( Routing_Failure $f ) {
			return $this->failed( $f, $request_id );
		} catch ( \Throwable $e ) {
			return self::internal_error( $e, $request_id );
		} finally {
			$guard->release();
		}
		/** @var Chat_Result $result */
		$result = $routed->result;
		$body   = array(
			'request_id' => $request_id,
			'text'       => $result->text,
			'provider'   => $routed->provider,
			'model'      => $result->model,
			'usage'      => $result->usage(),
			'fallbacks'  => array_map(
				static fn ( array $f ): array => array(
					'from'   => $f['from'],
					'reason' => $f['reason'],
				),
				$routed->fallbacks
			),
		);
		if ( Task_Prompts::wants_json( (string) $params['task'] ) ) {
			$parsed                     = Task_Prompts::parse_structured( (string) $params['task'], $result->text );
			$body['structured']         = $parsed['data'];
			$body['structured_error']   = $parsed['error'];
		}
		return $body;
	}

	/**
	 * Streams an answer as SSE and ends the PHP request.
	 *
	 * @param array<string,mixed> $params Validated params.
	 * @param Stream_Writer       $out    Writer.
	 * @param Request_Guard       $guard  The request's id, slot and usage context.
	 * @return WP_Error|null An error to return as JSON when nothing was streamed yet.
	 */
	public function stream( array $params, Stream_Writer $out, Request_Guard $guard ): ?WP_Error {
		$route = $this->route( (string) $params['task'], $params, $guard );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = $guard->request_id;
		$request    = $this->build_request( $params );
		$first      = $this->router->registry()->get( $route['chain'][0] );
		$guard->watch( $out );
		$out->open();
		$out->event(
			'start',
			array(
				'request_id' => $request_id,
				'task'       => (string) $params['task'],
				'provider'   => $route['chain'][0],
				'model'      => $request->model ?? ( null !== $first ? $first->default_model() : '' ),
				'chain'      => $route['chain'],
			)
		);
		$on_event = static function ( Stream_Event $event ) use ( $out ): void {
			if ( 'start' !== $event->type ) {
				$out->event( $event->type, $event->data );
			}
		};
		$keep_going = static function () use ( $out, $guard ): bool {
			$guard->keep_alive();
			return $out->keep_going();
		};
		try {
			$routed = $this->router->chat( $route['chain'], $request, $guard->context(), $on_event, $keep_going );
		} catch ( Routing_Failure $f ) {
			$guard->release();
			Error_Messages::log_failure( $request_id, $f );
			if ( ! $out->client_gone() ) {
				$out->event(
					'error',
					array(
						'code'       => 'agentic_writer_' . $f->error->error_code,
						'message'    => Error_Messages::for_failure( $f, $this->label_of( $f->provider ) ),
						'retryable'  => $f->error->is_retryable(),
						'provider'   => $f->provider,
						'request_id' => $request_id,
					)
				);
				$out->event( 'done', array( 'request_id' => $request_id, 'ok' => false ) );
			}
			return null;
		} catch ( \Throwable $e ) {
			$guard->release();
			self::internal_error( $e, $request_id );
			if ( ! $out->client_gone() ) {
				$out->event( 'error', Error_Messages::internal_error( $request_id ) );
				$out->event( 'done', array( 'request_id' => $request_id, 'ok' => false ) );
			}
			return null;
		}
		$guard->release();
		/** @var Chat_Result $result */
		$result = $routed->result;
		$out->event( 'usage', $result->usage() );
		$done = array(
			'request_id' => $request_id,
			'ok'         => true,
			'provider'   => $routed->provider,
			'model'      => $result->model,
			'fallbacks'  => $routed->fallbacks,
		);
		if ( Task_Prompts::wants_json( (string) $params['task'] ) ) {
			$parsed                   = Task_Prompts::parse_structured( (string) $params['task'], $result->text );
			$done['structured']       = $parsed['data'];
			$done['structured_error'] = $parsed['error'];
		}
		$out->event( 'done', $done );
		return null;
	}

	/**
	 * An image, routed like text.
	 *
	 * @param array<string,mixed> $params prompt, model, provider, post_id, aspect_ratio.
	 * @param Request_Guard       $guard  The request's id, slot and usage context.
	 * @return array{result:Image_Result,provider:string,request_id:string,fallbacks:array<int,array<string,string>>}|WP_Error
	 */
	public function image( array $params, Request_Guard $guard ) {
		$route = $this->route( 'image', $params, $guard );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = $guard->request_id;
		$model      = isset( $params['model'] ) && '' !== $params['model'] ? (string) $params['model'] : null;
		$request    = new Image_Request( (string) $params['prompt'], $model, (string) ( $params['aspect_ratio'] ?? '1:1' ) );
		try {
			$routed = $this->router->image( $route['chain'], $request, $guard->context() );
		} catch ( Routing_Failure $f ) {
			return $this->failed( $f, $request_id );
		} catch ( \Throwable $e ) {
			return self::internal_error( $e, $request_id );
		} finally {
			$guard->release();
		}
		/** @var Image_Result $result */
		$result = $routed->result;
		return array(
			'result'     => $result,
			'provider'   => $routed->provider,
			'request_id' => $request_id,
			'fallbacks'  => $routed->fallbacks,
		);
	}

	/**
	 * The chain for a task; a request no provider can take still leaves its usage row.
	 *
	 * @param string              $task   Task type.
	 * @param array<string,mixed> $params Params (provider: a forced one).
	 * @param Request_Guard       $guard  Guard.
	 * @return array{chain:string[],skipped:array<string,string>}|WP_Error
	 */
	private function route( string $task, array $params, Request_Guard $guard ) {
		$guard->routed();
		$route = $this->router->resolve( $task, $params['provider'] ?? null );
		if ( is_wp_error( $route ) ) {
			$guard->release();
			$guard->unserved( (string) preg_replace( '/^agentic_writer_/', '', (string) $route->get_error_code() ) );
			return Error_Messages::for_no_provider( $route, $guard->request_id );
		}
		return Budget_Gate::for_site()->admit( $route, $this->router->registry(), $guard );
	}

	/**
	 * A failed request as its reader should see it; the detail goes to the log.
	 *
	 * @param Routing_Failure $failure    Failure.
	 * @param string          $request_id Request id.
	 */
	private function failed( Routing_Failure $failure, string $request_id ): WP_Error {
		Error_Messages::log_failure( $request_id, $failure );
		return $failure->to_wp_error( $request_id, Error_Messages::for_failure( $failure, $this->label_of( $failure->provider ) ) );
	}

	/**
	 * A provider's name for messages ("OpenRouter").
	 *
	 * @param string $id Provider id.
	 */
	private function label_of( string $id ): string {
		$provider = '' !== $id ? $this->router->registry()->get( $id ) : null;
		return null !== $provider ? $provider->label() : '';
	}

	/**
	 * An exception while serving a request: the details go to the PHP error log, the person
	 * gets a message and the request id.
	 *
	 * @param \Throwable $e          What was thrown.
	 * @param string     $request_id Request id.
	 */
	private static function internal_error( \Throwable $e, string $request_id ): WP_Error {
		error_log( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the administrator's copy of the details.
			sprintf( 'Agentic Writer: request %s failed with %s: %s in %s:%d', $request_id, get_class( $e ), $e->getMessage(), $e->getFile(), $e->getLine() )
		);
		$body = Error_Messages::internal_error( $request_id );
		return new WP_Error(
			$body['code'],
			$body['message'],
			array(
				'status'     => 500,
				'retryable'  => true,
				'request_id' => $request_id,
			)
		);
	}
}
