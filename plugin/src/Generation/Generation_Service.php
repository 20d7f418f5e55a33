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
	 * Usage context of a request.
	 *
	 * @param string              $request_id Request id.
	 * @param array<string,mixed> $params     Params.
	 * @return array<string,mixed>
	 */
	private static function context( string $request_id, array $params ): array {
		return array(
			'request_id' => $request_id,
			'task_type'  => (string) $params['task'],
			'user_id'    => get_current_user_id(),
			'post_id'    => (int) ( $params['post_id'] ?? 0 ),
		);
	}

	/**
	 * A complete answer as the JSON body of DESIGN.md §5.
	 *
	 * @param array<string,mixed> $params Validated params.
	 * @return array<string,mixed>|WP_Error
	 */
	public function generate( array $params ) {
		$route = $this->router->resolve( (string) $params['task'], $params['provider'] ?? null );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = wp_generate_uuid4();
		try {
			$routed = $this->router->chat( $route['chain'], $this->build_request( $params ), self::context( $request_id, $params ) );
		} catch ( Routing_Failure $f ) {
			return $f->to_wp_error( $request_id );
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
	 * @return WP_Error|null An error to return as JSON when nothing was streamed yet.
	 */
	public function stream( array $params, Stream_Writer $out ): ?WP_Error {
		$route = $this->router->resolve( (string) $params['task'], $params['provider'] ?? null );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = wp_generate_uuid4();
		$request    = $this->build_request( $params );
		$first      = $this->router->registry()->get( $route['chain'][0] );
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
		try {
			$routed = $this->router->chat( $route['chain'], $request, self::context( $request_id, $params ), $on_event, array( $out, 'keep_going' ) );
		} catch ( Routing_Failure $f ) {
			if ( ! $out->client_gone() ) {
				$out->event(
					'error',
					array(
						'code'      => 'agentic_writer_' . $f->error->error_code,
						'message'   => $f->message_for_person(),
						'retryable' => $f->error->is_retryable(),
						'provider'  => $f->provider,
					)
				);
				$out->event( 'done', array( 'request_id' => $request_id, 'ok' => false ) );
			}
			return null;
		}
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
	 * @return array{result:Image_Result,provider:string,request_id:string,fallbacks:array<int,array<string,string>>}|WP_Error
	 */
	public function image( array $params ) {
		$route = $this->router->resolve( 'image', $params['provider'] ?? null );
		if ( is_wp_error( $route ) ) {
			return $route;
		}
		$request_id = wp_generate_uuid4();
		$model      = isset( $params['model'] ) && '' !== $params['model'] ? (string) $params['model'] : null;
		$request    = new Image_Request( (string) $params['prompt'], $model, (string) ( $params['aspect_ratio'] ?? '1:1' ) );
		try {
			$routed = $this->router->image( $route['chain'], $request, self::context( $request_id, array( 'task' => 'image' ) + $params ) );
		} catch ( Routing_Failure $f ) {
			return $f->to_wp_error( $request_id );
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
}
