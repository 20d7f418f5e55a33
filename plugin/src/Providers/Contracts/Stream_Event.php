<?php
/**
 * A normalized streaming event.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * What providers emit while streaming (`delta`, `usage`) and what the generate route sends on
 * (`start`, `delta`, `fallback`, `usage`, `error`, `done`), whatever the upstream's wire format.
 */
final class Stream_Event {

	public const TYPES = array( 'start', 'delta', 'fallback', 'usage', 'error', 'done' );

	/**
	 * Builds an event.
	 *
	 * @param string              $type One of TYPES.
	 * @param array<string,mixed> $data Event payload.
	 */
	public function __construct(
		public readonly string $type,
		public readonly array $data = array()
	) {
	}

	/**
	 * A piece of generated text.
	 *
	 * @param string $text Text.
	 */
	public static function delta( string $text ): self {
		return new self( 'delta', array( 'text' => $text ) );
	}

	/**
	 * Token counts and cost.
	 *
	 * @param int        $prompt     Prompt tokens.
	 * @param int        $completion Completion tokens.
	 * @param float|null $cost       USD, null when unknown.
	 * @param string     $cost_kind  metered|estimated|subscription|local.
	 */
	public static function usage( int $prompt, int $completion, ?float $cost, string $cost_kind ): self {
		return new self(
			'usage',
			array(
				'tokens_prompt'     => $prompt,
				'tokens_completion' => $completion,
				'cost_usd'          => $cost,
				'cost_kind'         => $cost_kind,
			)
		);
	}
}
