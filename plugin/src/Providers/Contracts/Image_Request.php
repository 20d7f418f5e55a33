<?php
/**
 * An image request.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Prompt and model (null = the provider's image default).
 */
final class Image_Request {

	/**
	 * Builds a request.
	 *
	 * @param string      $prompt What to draw.
	 * @param string|null $model  Model.
	 */
	public function __construct(
		public readonly string $prompt,
		public readonly ?string $model = null
	) {
	}
}
