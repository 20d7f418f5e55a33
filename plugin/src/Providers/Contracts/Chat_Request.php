<?php
/**
 * A chat request as providers receive it.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Provider-neutral request: system prompt, turns, model (null = the provider's default).
 */
final class Chat_Request {

	/**
	 * Builds a request.
	 *
	 * @param array<int,array{role:string,content:string}> $messages   Turns, user first.
	 * @param string                                       $system     System prompt.
	 * @param string|null                                  $model      Model, null for the provider's default.
	 * @param int                                          $max_tokens Output limit.
	 * @param float|null                                   $temperature Sampling temperature.
	 */
	public function __construct(
		public readonly array $messages,
		public readonly string $system = '',
		public readonly ?string $model = null,
		public readonly int $max_tokens = 4096,
		public readonly ?float $temperature = null
	) {
	}

	/**
	 * What the user said last (the prompt of a one-turn request), '' when there is no user turn.
	 */
	public function last_user_text(): string {
		foreach ( array_reverse( $this->messages ) as $message ) {
			if ( 'user' === $message['role'] ) {
				return $message['content'];
			}
		}
		return '';
	}

	/**
	 * The same request for another model.
	 *
	 * @param string|null $model Model.
	 */
	public function with_model( ?string $model ): self {
		return new self( $this->messages, $this->system, $model, $this->max_tokens, $this->temperature );
	}
}
