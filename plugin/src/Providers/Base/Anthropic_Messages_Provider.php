<?php
/**
 * The Anthropic Messages API, shared by the Anthropic and local backend providers.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Stream_Event;

/**
 * `POST {base}/v1/messages`, JSON and SSE (`message_start`, `content_block_delta`,
 * `message_delta`, `message_stop`, `error`).
 */
abstract class Anthropic_Messages_Provider extends Abstract_Provider {

	public const API_VERSION = '2023-06-01';

	/**
	 * Cost of an answer and its kind.
	 *
	 * @param string              $model Model.
	 * @param int                 $in    Prompt tokens.
	 * @param int                 $out   Completion tokens.
	 * @param array<string,mixed> $usage The upstream's usage object.
	 * @return array{0:float|null,1:string}
	 */
	abstract protected function cost_of( string $model, int $in, int $out, array $usage ): array;

	/**
	 * {@inheritDoc}
	 */
	protected function api_name(): string {
		return 'the Anthropic Messages API';
	}

	/**
	 * URL of an API path; a base URL that already ends in /v1 is accepted too.
	 *
	 * @param string $path Path after /v1.
	 */
	protected function url( string $path ): string {
		$base = $this->base_url();
		return ( str_ends_with( $base, '/v1' ) ? $base : $base . '/v1' ) . $path;
	}

	/**
	 * Request headers.
	 *
	 * @return array<string,string>
	 */
	protected function headers(): array {
		return array(
			'x-api-key'         => (string) $this->config['api_key'],
			'anthropic-version' => self::API_VERSION,
		);
	}

	/**
	 * Request body.
	 *
	 * @param Chat_Request $request Request.
	 * @param bool         $stream  Streamed or not.
	 * @return array<string,mixed>
	 */
	protected function body( Chat_Request $request, bool $stream ): array {
		$body = array(
			'model'      => $request->model ?? $this->default_model(),
			'max_tokens' => $request->max_tokens,
			'messages'   => array_map(
				static fn ( array $m ): array => array(
					'role'    => $m['role'],
					'content' => $m['content'],
				),
				$request->messages
			),
		);
		if ( '' !== $request->system ) {
			$body['system'] = $request->system;
		}
		if ( null !== $request->temperature ) {
			$body['temperature'] = $request->temperature;
		}
		if ( $stream ) {
			$body['stream'] = true;
		}
		return $body;
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat( Chat_Request $request ): Chat_Result {
		$response = $this->http->request( 'POST', $this->url( '/messages' ), $this->headers(), $this->body( $request, false ) );
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		$json = $response->json();
		if ( null === $json || 'message' !== ( $json['type'] ?? '' ) || ! isset( $json['content'] ) ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( '%s sent an answer that is not an Anthropic message.', $this->label() ), $response->status );
		}
		$usage = is_array( $json['usage'] ?? null ) ? $json['usage'] : array();
		$model = (string) ( $json['model'] ?? ( $request->model ?? $this->default_model() ) );
		$in    = (int) ( $usage['input_tokens'] ?? 0 ) + (int) ( $usage['cache_read_input_tokens'] ?? 0 ) + (int) ( $usage['cache_creation_input_tokens'] ?? 0 );
		$out   = (int) ( $usage['output_tokens'] ?? 0 );
		[ $cost, $kind ] = $this->cost_of( $model, $in, $out, $usage );
		return new Chat_Result( self::text_of( $json['content'] ), $model, $in, $out, $cost, $kind, (string) ( $json['stop_reason'] ?? 'stop' ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result {
		$start = microtime( true );
		$state = array(
			'text'  => '',
			'model' => $request->model ?? $this->default_model(),
			'in'    => 0,
			'out'   => 0,
			'usage' => array(),
			'stop'  => 'stop',
			'done'  => false,
			'ttft'  => null,
		);
		$label    = $this->label();
		$response = $this->http->stream(
			$this->url( '/messages' ),
			$this->headers(),
			$this->body( $request, true ),
			static function ( string $event, string $data ) use ( &$state, $on_event, $start, $label ): void {
				$json = json_decode( $data, true );
				if ( ! is_array( $json ) ) {
					return;
				}
				$type = (string) ( $json['type'] ?? $event );
				if ( 'message_start' === $type ) {
					$usage          = $json['message']['usage'] ?? array();
					$state['model'] = (string) ( $json['message']['model'] ?? $state['model'] );
					$state['in']    = (int) ( $usage['input_tokens'] ?? 0 ) + (int) ( $usage['cache_read_input_tokens'] ?? 0 ) + (int) ( $usage['cache_creation_input_tokens'] ?? 0 );
					$state['usage'] = is_array( $usage ) ? $usage : array();
				} elseif ( 'content_block_delta' === $type && 'text_delta' === ( $json['delta']['type'] ?? '' ) ) {
					$text = (string) ( $json['delta']['text'] ?? '' );
					if ( '' !== $text ) {
						$state['ttft']   ??= self::ms_since( $start );
						$state['text']   .= $text;
						$on_event( Stream_Event::delta( $text ) );
					}
				} elseif ( 'message_delta' === $type ) {
					$usage          = is_array( $json['usage'] ?? null ) ? $json['usage'] : array();
					$state['out']   = (int) ( $usage['output_tokens'] ?? $state['out'] );
					$state['usage'] = array_merge( $state['usage'], $usage );
					$state['stop']  = (string) ( $json['delta']['stop_reason'] ?? $state['stop'] );
				} elseif ( 'message_stop' === $type ) {
					$state['done'] = true;
				} elseif ( 'error' === $type ) {
					$kind    = (string) ( $json['error']['type'] ?? 'api_error' );
					$message = sprintf( '%s reported %s: %s', $label, $kind, (string) ( $json['error']['message'] ?? '' ) );
					$code    = in_array( $kind, array( 'api_error', 'overloaded_error' ), true ) ? Provider_Error::UPSTREAM : Provider_Error::BAD_REQUEST;
					$code    = 'rate_limit_error' === $kind ? Provider_Error::RATE_LIMITED : $code;
					throw new Provider_Error( $code, $message );
				}
			},
			$keep_going
		);
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		if ( ! $state['done'] ) {
			throw new Provider_Error( Provider_Error::INTERRUPTED, sprintf( 'The stream from %s ended before message_stop.', $this->label() ), $response->status );
		}
		[ $cost, $kind ] = $this->cost_of( $state['model'], $state['in'], $state['out'], $state['usage'] );
		return new Chat_Result( $state['text'], $state['model'], $state['in'], $state['out'], $cost, $kind, $state['stop'], $state['ttft'] );
	}

	/**
	 * {@inheritDoc}
	 */
	public function models(): array {
		$response = $this->http->request( 'GET', $this->url( '/models' ), $this->headers(), null, min( 15, $this->http->read_timeout() ) );
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		$json = $response->json();
		if ( null === $json || ! isset( $json['data'] ) || ! is_array( $json['data'] ) ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( '%s/models did not return a model list.', $this->url( '' ) ), $response->status );
		}
		$out = array();
		foreach ( $json['data'] as $model ) {
			if ( is_array( $model ) && isset( $model['id'] ) ) {
				$out[] = array(
					'id'   => (string) $model['id'],
					'name' => (string) ( $model['display_name'] ?? $model['name'] ?? $model['id'] ),
				);
			}
		}
		return $out;
	}
}
