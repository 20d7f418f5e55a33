<?php
/**
 * A finished chat answer.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Text, model and usage of one answer.
 */
final class Chat_Result {

	/**
	 * Builds a result.
	 *
	 * @param string     $text              Whole text.
	 * @param string     $model             Model that answered.
	 * @param int        $tokens_prompt     Prompt tokens.
	 * @param int        $tokens_completion Completion tokens.
	 * @param float|null $cost_usd          USD, null when unknown.
	 * @param string     $cost_kind         metered|estimated|subscription|local.
	 * @param string     $finish_reason     stop, length, …
	 * @param int|null   $ttft_ms           Milliseconds to the first delta (streams only).
	 */
	public function __construct(
		public readonly string $text,
		public readonly string $model,
		public readonly int $tokens_prompt = 0,
		public readonly int $tokens_completion = 0,
		public readonly ?float $cost_usd = null,
		public readonly string $cost_kind = 'estimated',
		public readonly string $finish_reason = 'stop',
		public readonly ?int $ttft_ms = null
	) {
	}

	/**
	 * Usage as the REST answer shows it.
	 *
	 * @return array{tokens_prompt:int,tokens_completion:int,cost_usd:float|null,cost_kind:string}
	 */
	public function usage(): array {
		return array(
			'tokens_prompt'     => $this->tokens_prompt,
			'tokens_completion' => $this->tokens_completion,
			'cost_usd'          => $this->cost_usd,
			'cost_kind'         => $this->cost_kind,
		);
	}
}
