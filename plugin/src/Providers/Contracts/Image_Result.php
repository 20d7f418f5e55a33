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

	/** Image types the media library takes from a model, by MIME type => file extension. */
	public const TYPES = array(
		'image/png'  => 'png',
		'image/jpeg' => 'jpg',
		'image/webp' => 'webp',
		'image/gif'  => 'gif',
	);

	/**
	 * What the bytes are (from their content, never from a header): one of TYPES' MIME types,
	 * or null for anything else (SVG, HTML, a truncated file).
	 *
	 * @param string $bytes File contents.
	 */
	public static function detect_mime( string $bytes ): ?string {
		$info = '' === $bytes ? false : @getimagesizefromstring( $bytes ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- garbage input is expected and handled.
		$mime = is_array( $info ) ? (string) ( $info['mime'] ?? '' ) : '';
		return isset( self::TYPES[ $mime ] ) && $info[0] > 0 && $info[1] > 0 ? $mime : null;
	}
}
