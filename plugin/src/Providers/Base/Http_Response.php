<?php
/**
 * An upstream HTTP answer.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

/**
 * Status, lower-cased headers and body of a finished request.
 */
final class Http_Response {

	/**
	 * Builds a response.
	 *
	 * @param int                  $status  HTTP status.
	 * @param array<string,string> $headers Lower-case names.
	 * @param string               $body    Body.
	 */
	public function __construct(
		public readonly int $status,
		public readonly array $headers,
		public readonly string $body
	) {
	}

	/**
	 * The body decoded as a JSON object, or null.
	 *
	 * @return array<string,mixed>|null
	 */
	public function json(): ?array {
		$decoded = json_decode( $this->body, true );
		return is_array( $decoded ) ? $decoded : null;
	}
}
