<?php
/**
 * Where a provider gets a price when its API reports tokens but no money.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Providers receive one (Usage\Pricing on a site) instead of reaching for a pricing class, so
 * that the providers do not depend on the usage layer that records them.
 */
interface Price_Source {

	/**
	 * Estimated USD for a request, or null when no price is known for the model.
	 *
	 * @param string $model      Model as the OpenRouter catalogue names it (`anthropic/claude-sonnet-4.5`).
	 * @param int    $prompt     Prompt tokens.
	 * @param int    $completion Completion tokens.
	 */
	public function estimate( string $model, int $prompt, int $completion ): ?float;
}
