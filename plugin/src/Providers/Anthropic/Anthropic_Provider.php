<?php
/**
 * Anthropic's Messages API, direct.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Anthropic;

use AgenticWriter\Providers\Base\Anthropic_Messages_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Setting_Field;
use AgenticWriter\Providers\OpenRouter\Model_Names;

/**
 * api.anthropic.com (or any base URL speaking the same API).
 */
final class Anthropic_Provider extends Anthropic_Messages_Provider {

	/**
	 * The `anthropic` provider type.
	 */
	public static function describe(): Provider_Descriptor {
		return new Provider_Descriptor(
			type: 'anthropic',
			label: 'Anthropic',
			description: __( 'Claude models through Anthropic\'s own API, billed to your Anthropic account.', 'agentic-writer' ),
			kind: 'cloud',
			fields: array(
				new Setting_Field( 'api_key', __( 'API key', 'agentic-writer' ), 'secret', required: true, help: __( 'From console.anthropic.com → API keys.', 'agentic-writer' ) ),
				new Setting_Field( 'base_url', __( 'Base URL', 'agentic-writer' ), 'url', 'https://api.anthropic.com', true, placeholder: 'https://api.anthropic.com' ),
				new Setting_Field( 'model', __( 'Model', 'agentic-writer' ), 'model', 'claude-sonnet-4-5', true ),
			),
			cost_source: 'estimated',
			factory: static fn ( string $id, array $config, Http_Client $http, Price_Source $prices ): self => new self( $id, $config, $http, $prices ),
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function label(): string {
		return 'Anthropic';
	}

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return 'cloud';
	}

	/**
	 * Anthropic reports tokens, not money: estimated from the price catalogue.
	 *
	 * @param string              $model Model.
	 * @param int                 $in    Prompt tokens.
	 * @param int                 $out   Completion tokens.
	 * @param array<string,mixed> $usage Usage object.
	 * @return array{0:float|null,1:string}
	 */
	protected function cost_of( string $model, int $in, int $out, array $usage ): array {
		return array( $this->estimate_cost( Model_Names::to_openrouter( $model ), $in, $out ), 'estimated' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function example_base_url(): string {
		return 'https://api.anthropic.com';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param Provider_Error $e Failure.
	 */
	protected function advice( Provider_Error $e ): string {
		if ( Provider_Error::AUTH === $e->error_code ) {
			return __( 'Anthropic rejected the API key (401). Create or copy a key at console.anthropic.com → API keys, paste it here and save.', 'agentic-writer' );
		}
		return parent::advice( $e );
	}
}
