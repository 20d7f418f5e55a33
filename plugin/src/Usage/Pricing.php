<?php
/**
 * Model prices from OpenRouter's `/models` catalogue.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\OpenRouter\Model_Names;
use AgenticWriter\Settings\Settings;

/**
 * A price comes from the admin's own table first (settings `prices`, per million tokens, keyed
 * by the model as recorded or by its OpenRouter id), then from the catalogue.
 *
 * The catalogue is fetched once and kept in a transient (shared by every PHP worker, and by
 * every web server when a persistent object cache is installed). A failed fetch is remembered
 * briefly so an unreachable catalogue does not slow every request down.
 */
final class Pricing implements Price_Source {

	public const TRANSIENT = 'agentic_writer_model_catalogue';

	private const TTL = 12 * HOUR_IN_SECONDS;

	private const FAILURE_TTL = 10 * MINUTE_IN_SECONDS;

	/**
	 * Catalogue loaded in this request.
	 *
	 * @var array<string,array<string,mixed>>|null
	 */
	private static ?array $catalogue = null;

	/**
	 * The catalogue: model id => `{ id, name, pricing: { prompt, completion, image, request }, … }`.
	 *
	 * @param bool $refresh Fetch even when cached.
	 * @return array<string,array<string,mixed>>
	 */
	public static function catalogue( bool $refresh = false ): array {
		if ( null !== self::$catalogue && ! $refresh ) {
			return self::$catalogue;
		}
		$cached = $refresh ? false : get_transient( self::TRANSIENT );
		if ( is_array( $cached ) ) {
			self::$catalogue = $cached;
			return $cached;
		}
		$models = array();
		try {
			$models = self::fetch();
		} catch ( Provider_Error $e ) {
			set_transient( self::TRANSIENT, array(), self::FAILURE_TTL );
			self::$catalogue = array();
			return array();
		}
		set_transient( self::TRANSIENT, $models, self::TTL );
		self::$catalogue = $models;
		return $models;
	}

	/**
	 * Estimated USD for a request, or null when no price is known for the model.
	 *
	 * @param string $model      Model as recorded, or its OpenRouter id (`anthropic/claude-sonnet-4.5`).
	 * @param int    $prompt     Prompt tokens.
	 * @param int    $completion Completion tokens.
	 */
	public function estimate( string $model, int $prompt, int $completion ): ?float {
		$rates = self::rates( $model );
		return null === $rates ? null : round( $prompt * $rates['prompt'] + $completion * $rates['completion'] + $rates['request'], 10 );
	}

	/**
	 * USD per token (prompt, completion) and per request of a model: the admin's price, else
	 * the catalogue's; null when neither knows it.
	 *
	 * @param string $model Model as recorded, or its OpenRouter id.
	 * @return array{prompt:float,completion:float,request:float,source:string}|null
	 */
	public static function rates( string $model ): ?array {
		if ( '' === $model ) {
			return null;
		}
		$admin = (array) ( Settings::stored()['prices'] ?? array() );
		$own   = $admin[ $model ] ?? null;
		if ( null === $own ) {
			foreach ( $admin as $name => $price ) {
				if ( Model_Names::to_openrouter( (string) $name ) === $model || Model_Names::to_openrouter( $model ) === $name ) {
					$own = $price;
					break;
				}
			}
		}
		if ( is_array( $own ) ) {
			return array(
				'prompt'     => (float) ( $own['input_per_mtok'] ?? 0 ) / 1e6,
				'completion' => (float) ( $own['output_per_mtok'] ?? 0 ) / 1e6,
				'request'    => 0.0,
				'source'     => 'admin',
			);
		}
		$entry = self::catalogue()[ $model ] ?? self::catalogue()[ Model_Names::to_openrouter( $model ) ] ?? null;
		if ( null === $entry || ! is_array( $entry['pricing'] ?? null ) || ! isset( $entry['pricing']['prompt'] ) ) {
			return null;
		}
		$p = $entry['pricing'];
		return array(
			'prompt'     => (float) $p['prompt'],
			'completion' => (float) ( $p['completion'] ?? 0 ),
			'request'    => (float) ( $p['request'] ?? 0 ),
			'source'     => 'catalogue',
		);
	}

	/**
	 * Forgets the cached catalogue.
	 */
	public static function forget(): void {
		self::$catalogue = null;
		delete_transient( self::TRANSIENT );
	}

	/**
	 * Downloads the catalogue from the OpenRouter base URL in the settings.
	 *
	 * @return array<string,array<string,mixed>>
	 * @throws Provider_Error When it cannot be fetched.
	 */
	private static function fetch(): array {
		$config = Settings::provider_config( 'openrouter' );
		$base   = untrailingslashit( (string) ( $config['base_url'] ?? '' ) );
		if ( '' === $base ) {
			return array();
		}
		$response = Settings::http_client()->request( 'GET', $base . '/models', array(), null, 10 );
		$json     = $response->json();
		if ( $response->status >= 300 || null === $json || ! is_array( $json['data'] ?? null ) ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, 'No model catalogue at ' . $base . '/models.' );
		}
		$models = array();
		foreach ( $json['data'] as $entry ) {
			if ( is_array( $entry ) && isset( $entry['id'] ) ) {
				$models[ (string) $entry['id'] ] = array(
					'id'           => (string) $entry['id'],
					'name'         => (string) ( $entry['name'] ?? $entry['id'] ),
					'pricing'      => is_array( $entry['pricing'] ?? null ) ? $entry['pricing'] : array(),
					'output_image' => in_array( 'image', (array) ( $entry['architecture']['output_modalities'] ?? array() ), true ),
				);
			}
		}
		return $models;
	}
}
