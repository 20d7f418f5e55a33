<?php
/**
 * Outcome of a connection test.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Whether it worked, what failed and what to do about it.
 */
final class Connection_Result {

	/**
	 * Builds a result.
	 *
	 * @param bool                $ok         Whether the provider answered as expected.
	 * @param string              $code       `ok` or a Provider_Error code.
	 * @param string              $message    What happened and what to do, for a person.
	 * @param int                 $latency_ms Round trip.
	 * @param array<string,mixed> $details    Extra facts (models found, HTTP status…).
	 */
	public function __construct(
		public readonly bool $ok,
		public readonly string $code,
		public readonly string $message,
		public readonly int $latency_ms = 0,
		public readonly array $details = array()
	) {
	}

	/**
	 * REST shape.
	 *
	 * @return array<string,mixed>
	 */
	public function to_array(): array {
		return array(
			'ok'         => $this->ok,
			'code'       => $this->code,
			'message'    => $this->message,
			'latency_ms' => $this->latency_ms,
			'details'    => (object) $this->details,
		);
	}
}
