<?php
/**
 * The providers of one site, built from their types and stored settings.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers;

use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider;

/**
 * Builds each provider from its descriptor's factory. It is handed the settings rather than
 * reading them, so providers do not depend on the settings layer (which depends on them).
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
	 * @param array<string,array<string,mixed>> $configs Routing id => stored fields, secrets decrypted.
	 * @param Http_Client                       $http    Shared HTTP.
	 * @param Price_Source                      $prices  Prices for estimated costs.
	 */
	public function __construct(
		private array $configs,
		private Http_Client $http,
		private Price_Source $prices
	) {
	}

	/**
	 * Every provider, configured or not, by id.
	 *
	 * @return array<string,Provider>
	 */
	public function all(): array {
		if ( null === $this->providers ) {
			$this->providers = array();
			foreach ( $this->configs as $id => $config ) {
				$type = Provider_Types::of( (string) $id );
				if ( null !== $type ) {
					$this->providers[ $id ] = $type->create( (string) $id, $config, $this->http, $this->prices );
				}
			}
			/**
			 * Filters the built providers (id => Provider). To offer a new provider, prefer the
			 * `agentic_writer_provider_types` filter: it also gives it settings and routing.
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
