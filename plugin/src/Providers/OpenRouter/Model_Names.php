<?php
/**
 * Model-name normalization for OpenRouter.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\OpenRouter;

/**
 * Turns the names people type (`gpt-4o`, `claude-sonnet-4-5-20250929`, `sonnet`) into
 * OpenRouter's `vendor/model` ids (`openai/gpt-4o`, `anthropic/claude-sonnet-4.5`).
 */
final class Model_Names {

	private const ALIASES = array(
		'sonnet' => 'anthropic/claude-sonnet-4.5',
		'opus'   => 'anthropic/claude-opus-4.1',
		'haiku'  => 'anthropic/claude-haiku-4.5',
	);

	private const VENDORS = array(
		'/^(gpt-|chatgpt-|o1|o3|o4|text-embedding-|dall-e)/' => 'openai',
		'/^claude-/'                                          => 'anthropic',
		'/^gemini-/'                                          => 'google',
		'/^(llama-|meta-llama)/'                              => 'meta-llama',
		'/^(mistral|mixtral|codestral)/'                      => 'mistralai',
		'/^deepseek-/'                                        => 'deepseek',
		'/^grok-/'                                            => 'x-ai',
	);

	/**
	 * OpenRouter id of a model name; names that already have a vendor pass unchanged.
	 *
	 * @param string $model Model name.
	 */
	public static function to_openrouter( string $model ): string {
		$model = trim( $model );
		if ( '' === $model || str_contains( $model, '/' ) ) {
			return $model;
		}
		$lower = strtolower( $model );
		if ( isset( self::ALIASES[ $lower ] ) ) {
			return self::ALIASES[ $lower ];
		}
		foreach ( self::VENDORS as $pattern => $vendor ) {
			if ( preg_match( $pattern, $lower ) ) {
				if ( 'anthropic' === $vendor ) {
					// Anthropic API ids carry a date and dashed versions; OpenRouter uses dotted ones.
					$lower = (string) preg_replace( '/-\d{8}$/', '', $lower );
					$lower = (string) preg_replace( '/(?<=\d)-(?=\d(?:$|-))/', '.', $lower );
				}
				return $vendor . '/' . $lower;
			}
		}
		return $model;
	}
}
