<?php
/**
 * What the router returns.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Image_Result;

/**
 * The provider's result plus who served it and who failed before.
 */
final class Routed_Result {

	/**
	 * Builds a result.
	 *
	 * @param Chat_Result|Image_Result                                $result    Provider result.
	 * @param string                                                  $provider  Provider id that served.
	 * @param array<int,array{from:string,to:string,reason:string}>   $fallbacks Providers passed over, in order.
	 */
	public function __construct(
		public readonly Chat_Result|Image_Result $result,
		public readonly string $provider,
		public readonly array $fallbacks
	) {
	}
}
