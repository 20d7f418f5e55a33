<?php
/**
 * OpenRouter model-name normalization.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\OpenRouter\Model_Names;
use PHPUnit\Framework\TestCase;

/**
 * `gpt-4o` → `openai/gpt-4o`, `claude-…` → `anthropic/claude-…`.
 */
final class Model_Names_Test extends TestCase {

	/**
	 * Names and their OpenRouter ids.
	 *
	 * @return array<int,array{0:string,1:string}>
	 */
	public function names(): array {
		return array(
			array( 'gpt-4o', 'openai/gpt-4o' ),
			array( 'gpt-4o-mini', 'openai/gpt-4o-mini' ),
			array( 'o3-mini', 'openai/o3-mini' ),
			array( 'claude-sonnet-4-5', 'anthropic/claude-sonnet-4.5' ),
			array( 'claude-sonnet-4-5-20250929', 'anthropic/claude-sonnet-4.5' ),
			array( 'claude-3-5-sonnet-20241022', 'anthropic/claude-3.5-sonnet' ),
			array( 'claude-3-opus-20240229', 'anthropic/claude-3-opus' ),
			array( 'sonnet', 'anthropic/claude-sonnet-4.5' ),
			array( 'gemini-2.5-flash', 'google/gemini-2.5-flash' ),
			array( 'openai/gpt-4o', 'openai/gpt-4o' ),
			array( 'anthropic/claude-haiku-4.5', 'anthropic/claude-haiku-4.5' ),
			array( 'my-finetune', 'my-finetune' ),
		);
	}

	/**
	 * Normalizes.
	 *
	 * @dataProvider names
	 * @param string $in  Name.
	 * @param string $out OpenRouter id.
	 */
	public function test_normalizes( string $in, string $out ): void {
		$this->assertSame( $out, Model_Names::to_openrouter( $in ) );
	}
}
