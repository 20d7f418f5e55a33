<?php
/**
 * A normalized streaming event.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * What providers emit while streaming (`delta`) and what the generate route sends on
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
}
