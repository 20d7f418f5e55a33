<?php
/**
 * An image request.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Prompt, model (null = the provider's image default) and aspect ratio.
 */
final class Image_Request {

	/** Aspect ratios an author can ask for, as OpenRouter's image_config.aspect_ratio takes them. */
	public const ASPECT_RATIOS = array( '1:1', '16:9', '4:3', '3:4', '9:16' );

	/**
	 * Builds a request.
	 *
	 * @param string      $prompt       What to draw.
	 * @param string|null $model        Model.
	 * @param string      $aspect_ratio One of ASPECT_RATIOS (width:height).
	 */
	public function __construct(
		public readonly string $prompt,
		public readonly ?string $model = null,
		public readonly string $aspect_ratio = '1:1'
	) {
	}

	/**
	 * The same request for another model (null: the provider's default), e.g. on fallback.
	 *
	 * @param string|null $model Model.
	 */
	public function with_model( ?string $model ): self {
		return new self( $this->prompt, $model, $this->aspect_ratio );
	}
}
