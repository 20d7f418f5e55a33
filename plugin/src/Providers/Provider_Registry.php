<?php
/**
 * Every provider the settings describe.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers;

use AgenticWriter\Providers\Anthropic\Anthropic_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Providers\Local_Backend\Local_Backend_Provider;
use AgenticWriter\Providers\OpenAI_Compatible\OpenAI_Compatible_Provider;
use AgenticWriter\Providers\OpenRouter\OpenRouter_Provider;
use AgenticWriter\Settings\Settings;

/**
 * Builds providers from the settings. Adding a provider is a folder and a line here.
 */
final class Provider_Registry {

	/**
	 * Providers by id.
	 *
	 * @var array<string,Provider>|null
	 */
	private ?array $providers = null;

	/**
	 * Builds the registry.
	 *
	 * @param Http_Client|null $http Shared HTTP (defaults to the site's timeouts).
	 */
	public function __construct( private ?Http_Client $http = null ) {
	}

	/**
	 * Every provider, configured or not, by id.
	 *
	 * @return array<string,Provider>
	 */
	public function all(): array {
		if ( null === $this->providers ) {
			$http            = $this->http ?? Http_Client::from_settings();
			$this->providers = array();
			$classes         = array(
				'openrouter'    => OpenRouter_Provider::class,
				'local_backend' => Local_Backend_Provider::class,
				'anthropic'     => Anthropic_Provider::class,
			);
			foreach ( Settings::provider_ids() as $id ) {
				$class                  = $classes[ $id ] ?? OpenAI_Compatible_Provider::class;
				$this->providers[ $id ] = new $class( $id, (array) Settings::provider_config( $id ), $http );
			}
			/**
			 * Filters the providers (id => Provider), e.g. to add one from another plugin.
			 *
			 * @param array<string,Provider> $providers Providers.
			 */
			$this->providers = (array) apply_filters( 'agentic_writer_providers', $this->providers );
		}
		return $this->providers;
	}

	/**
	 * One provider, or null.
	 *
	 * @param string $id Provider id.
	 */
	public function get( string $id ): ?Provider {
		return $this->all()[ $id ] ?? null;
	}
}
