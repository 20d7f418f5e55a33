<?php
/**
 * A generated image.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Image bytes (decoded from a data URL or fetched from a URL) with usage.
 */
final class Image_Result {

	/**
	 * Builds a result.
	 *
	 * @param string     $bytes             Image file contents.
	 * @param string     $mime              MIME type.
	 * @param string     $model             Model that drew it.
	 * @param int        $tokens_prompt     Prompt tokens.
	 * @param int        $tokens_completion Completion tokens.
	 * @param float|null $cost_usd          USD, null when unknown.
	 * @param string     $cost_kind         metered|estimated|subscription|local.
	 */
	public function __construct(
		public readonly string $bytes,
		public readonly string $mime,
		public readonly string $model,
		public readonly int $tokens_prompt = 0,
		public readonly int $tokens_completion = 0,
		public readonly ?float $cost_usd = null,
		public readonly string $cost_kind = 'estimated'
	) {
	}
}
