<?php
/**
 * The site's providers, wired from the settings and the price catalogue.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Provider_Registry;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Usage\Pricing;

/**
 * Where the layers meet: settings (what is configured) and usage (prices) feed the providers,
 * which know neither.
 */
final class Site_Providers {

	/**
	 * A registry of every provider in the settings.
	 *
	 * @param Http_Client|null $http Shared HTTP (default: the site's timeouts).
	 */
	public static function registry( ?Http_Client $http = null ): Provider_Registry {
		return new Provider_Registry( Settings::provider_configs(), $http ?? Settings::http_client(), new Pricing() );
	}
}
