<?php
/**
 * The OpenAI Chat Completions API, shared by OpenAI-compatible endpoints and OpenRouter.
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
 * `POST {base}/chat/completions`, JSON and SSE (`data: {chunk}` … `data: [DONE]`), with
 * `stream_options.include_usage` so streamed answers carry token counts.
 */
abstract class Chat_Completions_Provider extends Abstract_Provider {

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
		return 'the OpenAI Chat Completions API';
	}

	/**
	 * Model name as this upstream expects it.
	 *
	 * @param string $model Model as configured or requested.
	 */
	protected function wire_model( string $model ): string {
		return $model;
	}

	/**
	 * Request headers.
	 *
	 * @return array<string,string>
	 */
	protected function headers(): array {
		$key = (string) ( $this->config['api_key'] ?? '' );
		return '' === $key ? array() : array( 'authorization' => 'Bearer ' . $key );
	}

	/**
	 * Request body.
	 *
	 * @param Chat_Request $request Request.
	 * @param bool         $stream  Streamed or not.
	 * @return array<string,mixed>
	 */
	protected function body( Chat_Request $request, bool $stream ): array {
		$messages = array();
		if ( '' !== $request->system ) {
			$messages[] = array(
				'role'    => 'system',
				'content' => $request->system,
			);
		}
		foreach ( $request->messages as $m ) {
			$messages[] = array(
				'role'    => $m['role'],
				'content' => $m['content'],
			);
		}
		$body = array(
			'model'      => $this->wire_model( $request->model ?? $this->default_model() ),
			'messages'   => $messages,
			'max_tokens' => $request->max_tokens,
		);
		if ( null !== $request->temperature ) {
			$body['temperature'] = $request->temperature;
		}
		if ( $stream ) {
			$body['stream']         = true;
			$body['stream_options'] = array( 'include_usage' => true );
		}
		return $body;
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat( Chat_Request $request ): Chat_Result {
		$json    = $this->post_chat( $this->body( $request, false ) );
		$message = $json['choices'][0]['message'] ?? null;
		if ( ! is_array( $message ) ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( '%s sent an answer without choices[0].message.', $this->label() ) );
		}
		$usage = is_array( $json['usage'] ?? null ) ? $json['usage'] : array();
		$model = (string) ( $json['model'] ?? $this->wire_model( $request->model ?? $this->default_model() ) );
		$in    = (int) ( $usage['prompt_tokens'] ?? 0 );
		$out   = (int) ( $usage['completion_tokens'] ?? 0 );
		[ $cost, $kind ] = $this->cost_of( $model, $in, $out, $usage );
		return new Chat_Result( self::text_of( $message['content'] ?? '' ), $model, $in, $out, $cost, $kind, (string) ( $json['choices'][0]['finish_reason'] ?? 'stop' ) );
	}

	/**
	 * POSTs a chat completion and returns the decoded JSON of a 2xx answer.
	 *
	 * @param array<string,mixed> $body Body.
	 * @return array<string,mixed>
	 * @throws Provider_Error On any failure.
	 */
	protected function post_chat( array $body ): array {
		$response = $this->http->request( 'POST', $this->base_url() . '/chat/completions', $this->headers(), $body );
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		$json = $response->json();
		if ( null === $json ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( '%s/chat/completions did not answer with JSON.', $this->base_url() ), $response->status );
		}
		if ( isset( $json['error'] ) ) {
			throw Http_Errors::status_error( new Http_Response( (int) ( $json['error']['code'] ?? 502 ), array(), $response->body ), $this->label() );
		}
		return $json;
	}

	/**
	 * {@inheritDoc}
	 */
	public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result {
		$start    = microtime( true );
		$state    = array(
			'text'  => '',
			'model' => $this->wire_model( $request->model ?? $this->default_model() ),
			'usage' => array(),
			'stop'  => '',
			'done'  => false,
			'ttft'  => null,
		);
		$label    = $this->label();
		$response = $this->http->stream(
			$this->base_url() . '/chat/completions',
			$this->headers(),
			$this->body( $request, true ),
			static function ( string $event, string $data ) use ( &$state, $on_event, $start, $label ): void {
				if ( '[DONE]' === trim( $data ) ) {
					$state['done'] = true;
					return;
				}
				$json = json_decode( $data, true );
				if ( ! is_array( $json ) ) {
					return;
				}
				if ( isset( $json['error'] ) ) {
					$status = (int) ( $json['error']['code'] ?? 502 );
					throw Http_Errors::status_error( new Http_Response( $status >= 400 ? $status : 502, array(), $data ), $label );
				}
				$state['model'] = (string) ( $json['model'] ?? $state['model'] );
				if ( is_array( $json['usage'] ?? null ) ) {
					$state['usage'] = $json['usage'];
				}
				$choice = $json['choices'][0] ?? null;
				if ( ! is_array( $choice ) ) {
					return;
				}
				$text = $choice['delta']['content'] ?? '';
				if ( is_string( $text ) && '' !== $text ) {
					$state['ttft'] ??= self::ms_since( $start );
					$state['text']  .= $text;
					$on_event( Stream_Event::delta( $text ) );
				}
				if ( ! empty( $choice['finish_reason'] ) ) {
					$state['stop'] = (string) $choice['finish_reason'];
				}
			},
			$keep_going
		);
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		if ( ! $state['done'] && '' === $state['stop'] ) {
			throw new Provider_Error( Provider_Error::INTERRUPTED, sprintf( 'The stream from %s ended before it was complete.', $this->label() ), $response->status );
		}
		$in              = (int) ( $state['usage']['prompt_tokens'] ?? 0 );
		$out             = (int) ( $state['usage']['completion_tokens'] ?? 0 );
		[ $cost, $kind ] = $this->cost_of( $state['model'], $in, $out, $state['usage'] );
		return new Chat_Result( $state['text'], $state['model'], $in, $out, $cost, $kind, '' === $state['stop'] ? 'stop' : $state['stop'], $state['ttft'] );
	}

	/**
	 * {@inheritDoc}
	 */
	public function models(): array {
		$response = $this->http->request( 'GET', $this->base_url() . '/models', $this->headers(), null, min( 15, $this->http->read_timeout() ) );
		if ( $response->status >= 300 ) {
			throw Http_Errors::status_error( $response, $this->label() );
		}
		$json = $response->json();
		if ( null === $json || ! isset( $json['data'] ) || ! is_array( $json['data'] ) ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( '%s/models did not return a model list.', $this->base_url() ), $response->status );
		}
		$out = array();
		foreach ( $json['data'] as $model ) {
			if ( is_array( $model ) && isset( $model['id'] ) ) {
				$out[] = array(
					'id'   => (string) $model['id'],
					'name' => (string) ( $model['name'] ?? $model['id'] ),
				);
			}
		}
		return $out;
	}
}
