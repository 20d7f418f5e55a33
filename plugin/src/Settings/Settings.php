<?php
/**
 * The plugin's settings: one option, schema, defaults, sanitizing, encrypted keys.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Settings;

use AgenticWriter\Rest\Request_Validator;
use WP_Error;

/**
 * Reads and writes `agentic_writer_settings` in the shape of DESIGN.md §5.
 *
 * Keys are stored sealed (Secret_Box) and never leave this class in plain text except through
 * provider_config(), which only providers call.
 */
final class Settings {

	public const OPTION = 'agentic_writer_settings';

	/** Where the OpenRouter-only predecessor kept its settings. */
	public const LEGACY_OPTION = 'wp_agentic_writer_settings';

	public const TASKS = array( 'chat', 'clarity', 'planning', 'writing', 'refinement', 'image' );

	public const MODES = array( 'cloud', 'local', 'hybrid' );

	/** Providers with exactly one instance; `openai_compatible` has a list. */
	public const SINGLE_PROVIDERS = array( 'openrouter', 'local_backend', 'anthropic' );

	public const PROVIDER_ID_PATTERN = '^(openrouter|local_backend|anthropic|openai_compatible:[a-z0-9_-]{1,40})$';

	/**
	 * Cache of the stored value for this request.
	 *
	 * @var array<string,mixed>|null
	 */
	private static ?array $cache = null;

	/**
	 * Defaults: everything routed to OpenRouter, as an OpenRouter-only plugin would.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults(): array {
		return array(
			'provider_mode' => 'cloud',
			'routing'       => array(
				'mode'   => 'simple',
				'simple' => array(
					'text'  => 'openrouter',
					'image' => 'openrouter',
				),
				'matrix' => array(),
			),
			'providers'     => array(
				'openrouter'        => array(
					'api_key'     => '',
					'base_url'    => 'https://openrouter.ai/api/v1',
					'model'       => 'openai/gpt-4o-mini',
					'image_model' => 'google/gemini-2.5-flash-image',
				),
				'local_backend'     => array(
					'api_key'  => '',
					'base_url' => 'http://127.0.0.1:8080',
					'model'    => 'sonnet',
				),
				'anthropic'         => array(
					'api_key'  => '',
					'base_url' => 'https://api.anthropic.com',
					'model'    => 'claude-sonnet-4-5',
				),
				'openai_compatible' => array(),
			),
			'breaker'       => array(
				'failure_threshold' => 3,
				'cooldown_seconds'  => 30,
			),
			'timeouts'      => array(
				'connect_seconds' => 2,
				'read_seconds'    => 120,
			),
		);
	}

	/**
	 * JSON schema of the settings object (REST args and validation).
	 *
	 * @return array<string,mixed>
	 */
	public static function schema(): array {
		$key      = array(
			'description' => 'API key. Write-only: GET returns api_key_set and api_key_hint instead; an empty value keeps the stored key, null removes it.'
				. ' A base_url on another origin without a new key removes it too.',
			'type'        => array( 'string', 'null' ),
			'maxLength'   => 1000,
		);
		$url      = array(
			'description' => 'Base URL (http or https).',
			'type'        => 'string',
			'maxLength'   => 500,
		);
		$model    = array(
			'type'      => 'string',
			'maxLength' => 200,
		);
		$provider = array(
			'type'    => 'string',
			'pattern' => self::PROVIDER_ID_PATTERN,
		);
		$chain    = array(
			'type'     => 'array',
			'items'    => $provider,
			'maxItems' => 8,
		);
		$matrix   = array();
		foreach ( self::TASKS as $task ) {
			$matrix[ $task ] = $chain;
		}
		$single = static fn ( array $extra = array() ): array => array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array_merge(
				array(
					'api_key'  => $key,
					'base_url' => $url,
					'model'    => $model,
				),
				$extra
			),
		);

		return array(
			'provider_mode' => array(
				'description' => 'cloud: cloud providers only; local: local providers only; hybrid: both, in the order routing gives.',
				'type'        => 'string',
				'enum'        => self::MODES,
			),
			'routing'       => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'mode'   => array(
						'type' => 'string',
						'enum' => array( 'simple', 'advanced' ),
					),
					'simple' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => array(
							'text'  => $provider,
							'image' => $provider,
						),
					),
					'matrix' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => $matrix,
					),
				),
			),
			'providers'     => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'openrouter'        => $single( array( 'image_model' => $model ) ),
					'local_backend'     => $single(),
					'anthropic'         => $single(),
					'openai_compatible' => array(
						'type'     => 'array',
						'maxItems' => 20,
						'items'    => array(
							'type'                 => 'object',
							'additionalProperties' => false,
							'required'             => array( 'id' ),
							'properties'           => array(
								'id'       => array(
									'type'    => 'string',
									'pattern' => '^[a-z0-9_-]{1,40}$',
								),
								'label'    => array(
									'type'      => 'string',
									'maxLength' => 100,
								),
								'api_key'  => $key,
								'base_url' => $url,
								'model'    => $model,
							),
						),
					),
				),
			),
			'breaker'       => array(
				'description'          => 'Circuit breaker: failures in a row that open it, seconds before a probe is let through.',
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'failure_threshold' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 100,
					),
					'cooldown_seconds'  => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 3600,
					),
				),
			),
			'timeouts'      => array(
				'description'          => 'Connect timeout (short: a dead LAN host must not cost seconds) and read timeout (long: generation takes time).',
				'type'                 => 'object',
				'additionalProperties' => false,
				'properties'           => array(
					'connect_seconds' => array(
						'type'    => 'number',
						'minimum' => 0.1,
						'maximum' => 30,
					),
					'read_seconds'    => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 900,
					),
				),
			),
		);
	}

	/**
	 * Stored settings merged over the defaults, keys still sealed.
	 *
	 * @return array<string,mixed>
	 */
	public static function stored(): array {
		if ( null === self::$cache ) {
			$raw         = get_option( self::OPTION, false );
			$raw         = false === $raw ? self::import_legacy() : $raw;
			self::$cache = self::merge( self::defaults(), is_array( $raw ) ? $raw : array() );
		}
		return self::$cache;
	}

	/**
	 * A site upgrading from the OpenRouter-only plugin keeps working: its OpenRouter key and
	 * model (option `wp_agentic_writer_settings`) become this plugin's, once.
	 *
	 * @return array<string,mixed> The imported settings (empty when there was nothing to import).
	 */
	private static function import_legacy(): array {
		$legacy = get_option( self::LEGACY_OPTION, false );
		$key    = is_array( $legacy ) ? trim( (string) ( $legacy['openrouter_api_key'] ?? '' ) ) : '';
		if ( '' === $key ) {
			return array();
		}
		$openrouter = array( 'api_key' => Secret_Box::seal( $key ) );
		$model      = trim( (string) ( $legacy['openrouter_model'] ?? $legacy['default_model'] ?? '' ) );
		if ( '' !== $model ) {
			$openrouter['model'] = $model;
		}
		$imported = array( 'providers' => array( 'openrouter' => $openrouter ) );
		update_option( self::OPTION, self::merge( self::defaults(), $imported ), true );
		return $imported;
	}

	/**
	 * Forgets the per-request cache (after another process may have written the option).
	 */
	public static function flush_cache(): void {
		self::$cache = null;
	}

	/**
	 * The settings as REST shows them: every key replaced by api_key_set / api_key_hint.
	 *
	 * @return array<string,mixed>
	 */
	public static function public_view(): array {
		$settings = self::stored();
		foreach ( self::SINGLE_PROVIDERS as $id ) {
			$settings['providers'][ $id ] = self::mask( $settings['providers'][ $id ] );
		}
		$settings['providers']['openai_compatible'] = array_map( array( self::class, 'mask' ), $settings['providers']['openai_compatible'] );
		// An empty matrix is still a JSON object, not a list.
		$settings['routing']['matrix'] = (object) $settings['routing']['matrix'];
		return $settings;
	}

	/**
	 * One provider's configuration with its key decrypted, for the provider classes only.
	 *
	 * @param string $provider_id `openrouter`, `local_backend`, `anthropic` or `openai_compatible:<id>`.
	 * @return array<string,mixed>|null Null when no such provider is configured. `api_key_error`
	 *                                  is true when a stored key could not be decrypted.
	 */
	public static function provider_config( string $provider_id ): ?array {
		$providers = self::stored()['providers'];
		if ( in_array( $provider_id, self::SINGLE_PROVIDERS, true ) ) {
			$config = $providers[ $provider_id ];
		} elseif ( str_starts_with( $provider_id, 'openai_compatible:' ) ) {
			$config = null;
			foreach ( $providers['openai_compatible'] as $instance ) {
				if ( 'openai_compatible:' . $instance['id'] === $provider_id ) {
					$config = $instance;
				}
			}
			if ( null === $config ) {
				return null;
			}
		} else {
			return null;
		}
		$sealed                  = (string) ( $config['api_key'] ?? '' );
		$plain                   = '' === $sealed ? '' : Secret_Box::open( $sealed );
		$config['api_key']       = $plain ?? '';
		$config['api_key_error'] = null === $plain;
		return $config;
	}

	/**
	 * Every provider id that exists in the settings (configured or not).
	 *
	 * @return string[]
	 */
	public static function provider_ids(): array {
		$ids = self::SINGLE_PROVIDERS;
		foreach ( self::stored()['providers']['openai_compatible'] as $instance ) {
			$ids[] = 'openai_compatible:' . $instance['id'];
		}
		return $ids;
	}

	/**
	 * Breaker and timeout figures.
	 *
	 * @param string $group `breaker` or `timeouts`.
	 * @return array<string,int|float>
	 */
	public static function group( string $group ): array {
		return self::stored()[ $group ] ?? array();
	}

	/**
	 * Validates a whole or partial settings object, merges it over the stored one and saves it.
	 *
	 * @param array<string,mixed> $patch Fields to change; nested objects merge, lists replace.
	 * @return array{changed: string[]}|WP_Error Ids of providers whose settings changed, or a
	 *                                          400 error naming the first bad field.
	 */
	public static function update( array $patch ) {
		$schema = self::schema();
		foreach ( $patch as $field => $value ) {
			if ( ! isset( $schema[ $field ] ) ) {
				return self::invalid( (string) $field, sprintf( '%s is not a setting. Known settings: %s.', $field, implode( ', ', array_keys( $schema ) ) ) );
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $field ], (string) $field );
			if ( is_wp_error( $valid ) ) {
				return self::invalid( (string) $field, $valid->get_error_message() );
			}
		}

		$before = self::stored();
		$next   = $before;
		foreach ( $patch as $field => $value ) {
			if ( 'providers' === $field ) {
				$next['providers'] = self::merge_providers( $before['providers'], $value );
			} elseif ( 'routing' === $field && isset( $value['matrix'] ) ) {
				$matrix = array_merge( $before['routing']['matrix'], $value['matrix'] );
				unset( $value['matrix'] );
				$next['routing']           = self::merge( $before['routing'], $value );
				$next['routing']['matrix'] = array_filter( $matrix, static fn ( $chain ) => array() !== $chain );
			} else {
				$next[ $field ] = is_array( $value ) ? self::merge( $before[ $field ], $value ) : $value;
			}
		}

		$problem = self::check( $next );
		if ( is_wp_error( $problem ) ) {
			return $problem;
		}

		update_option( self::OPTION, $next, true );
		self::$cache = null;

		$changed = array();
		foreach ( array_unique( array_merge( self::ids_of( $before ), self::ids_of( $next ) ) ) as $id ) {
			if ( self::config_of( $before, $id ) !== self::config_of( $next, $id ) ) {
				$changed[] = $id;
			}
		}
		return array( 'changed' => $changed );
	}

	/**
	 * Merges posted provider settings: an empty or missing key keeps the stored one, a new key
	 * is sealed; the openai_compatible list is replaced, keeping keys of entries by id.
	 *
	 * @param array<string,mixed> $stored Stored providers.
	 * @param array<string,mixed> $posted Posted providers.
	 * @return array<string,mixed>
	 */
	private static function merge_providers( array $stored, array $posted ): array {
		foreach ( self::SINGLE_PROVIDERS as $id ) {
			if ( isset( $posted[ $id ] ) ) {
				$stored[ $id ] = self::merge_one( $stored[ $id ], $posted[ $id ] );
			}
		}
		if ( isset( $posted['openai_compatible'] ) ) {
			$old = array();
			foreach ( $stored['openai_compatible'] as $instance ) {
				$old[ $instance['id'] ] = $instance;
			}
			$list = array();
			foreach ( $posted['openai_compatible'] as $instance ) {
				$base   = $old[ $instance['id'] ] ?? array(
					'id'       => $instance['id'],
					'label'    => $instance['id'],
					'api_key'  => '',
					'base_url' => '',
					'model'    => '',
				);
				$list[] = self::merge_one( $base, $instance );
			}
			$stored['openai_compatible'] = $list;
		}
		return $stored;
	}

	/**
	 * One provider's posted fields over its stored ones, sealing a new key.
	 *
	 * A key goes with its endpoint: when the base URL moves to another origin (scheme, host or
	 * port) and no new key comes in the same save, the stored key is dropped, so a changed
	 * address (a typo, a tampered setting, a test server) never receives the real key.
	 *
	 * @param array<string,mixed> $stored Stored fields.
	 * @param array<string,mixed> $posted Posted fields.
	 * @return array<string,mixed>
	 */
	private static function merge_one( array $stored, array $posted ): array {
		$remove = array_key_exists( 'api_key', $posted ) && null === $posted['api_key'];
		$key    = isset( $posted['api_key'] ) ? trim( (string) $posted['api_key'] ) : '';
		$origin = self::origin( (string) ( $stored['base_url'] ?? '' ) );
		unset( $posted['api_key'] );
		if ( $remove ) {
			$stored['api_key'] = '';
		}
		foreach ( $posted as $name => $value ) {
			$stored[ $name ] = is_string( $value ) ? trim( $value ) : $value;
		}
		if ( isset( $stored['base_url'] ) ) {
			$stored['base_url'] = untrailingslashit( (string) $stored['base_url'] );
			if ( '' !== $origin && self::origin( $stored['base_url'] ) !== $origin ) {
				$stored['api_key'] = '';
			}
		}
		if ( '' !== $key ) {
			$stored['api_key'] = Secret_Box::seal( $key );
		}
		return $stored;
	}

	/**
	 * `scheme://host:port` of a URL, with the scheme's default port filled in ('' when it is
	 * not a URL).
	 *
	 * @param string $url URL.
	 */
	public static function origin( string $url ): string {
		$p = wp_parse_url( $url );
		if ( ! is_array( $p ) || ! isset( $p['scheme'], $p['host'] ) ) {
			return '';
		}
		$scheme = strtolower( $p['scheme'] );
		$port   = $p['port'] ?? ( 'https' === $scheme ? 443 : 80 );
		return $scheme . '://' . strtolower( $p['host'] ) . ':' . $port;
	}

	/**
	 * Checks what the schema cannot: URLs, duplicate ids, routing to providers that exist.
	 *
	 * @param array<string,mixed> $settings Merged settings.
	 * @return true|WP_Error
	 */
	private static function check( array $settings ) {
		foreach ( self::SINGLE_PROVIDERS as $id ) {
			$url = (string) $settings['providers'][ $id ]['base_url'];
			if ( '' !== $url && ! self::is_http_url( $url ) ) {
				$path = "providers[$id][base_url]";
				return self::invalid( 'providers', sprintf( '%s must be an http:// or https:// URL, got "%s".', $path, $url ), $path );
			}
		}
		$seen = array();
		foreach ( $settings['providers']['openai_compatible'] as $index => $instance ) {
			if ( isset( $seen[ $instance['id'] ] ) ) {
				$path = "providers[openai_compatible][$index][id]";
				return self::invalid( 'providers', sprintf( '%s "%s" is used twice.', $path, $instance['id'] ), $path );
			}
			$seen[ $instance['id'] ] = true;
			if ( ! self::is_http_url( (string) $instance['base_url'] ) ) {
				$path = "providers[openai_compatible][$index][base_url]";
				return self::invalid( 'providers', sprintf( '%s must be an http:// or https:// URL such as http://127.0.0.1:1234/v1.', $path ), $path );
			}
		}
		$known  = self::ids_of( $settings );
		$routed = array( 'routing[simple][text]' => $settings['routing']['simple']['text'] ?? '', 'routing[simple][image]' => $settings['routing']['simple']['image'] ?? '' );
		foreach ( $settings['routing']['matrix'] as $task => $chain ) {
			foreach ( $chain as $i => $id ) {
				$routed[ "routing[matrix][$task][$i]" ] = $id;
			}
		}
		foreach ( $routed as $name => $id ) {
			if ( '' !== $id && ! in_array( $id, $known, true ) ) {
				return self::invalid( 'routing', sprintf( '%s names provider "%s", which is not configured. Known providers: %s.', $name, $id, implode( ', ', $known ) ), $name );
			}
		}
		return true;
	}

	/**
	 * Provider ids present in a settings array.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @return string[]
	 */
	private static function ids_of( array $settings ): array {
		$ids = self::SINGLE_PROVIDERS;
		foreach ( $settings['providers']['openai_compatible'] as $instance ) {
			$ids[] = 'openai_compatible:' . $instance['id'];
		}
		return $ids;
	}

	/**
	 * One provider's stored fields from a settings array.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @param string              $id       Provider id.
	 * @return array<string,mixed>|null
	 */
	private static function config_of( array $settings, string $id ): ?array {
		if ( isset( $settings['providers'][ $id ] ) && in_array( $id, self::SINGLE_PROVIDERS, true ) ) {
			return $settings['providers'][ $id ];
		}
		foreach ( $settings['providers']['openai_compatible'] as $instance ) {
			if ( 'openai_compatible:' . $instance['id'] === $id ) {
				return $instance;
			}
		}
		return null;
	}

	/**
	 * Replaces a provider's sealed key by api_key_set / api_key_hint (and api_key_error).
	 *
	 * @param array<string,mixed> $config Stored provider fields.
	 * @return array<string,mixed>
	 */
	private static function mask( array $config ): array {
		$sealed = (string) ( $config['api_key'] ?? '' );
		unset( $config['api_key'] );
		$config['api_key_set']  = '' !== $sealed;
		$config['api_key_hint'] = '';
		if ( '' !== $sealed ) {
			$plain = Secret_Box::open( $sealed );
			if ( null === $plain ) {
				$config['api_key_error'] = 'The stored key cannot be decrypted (the site\'s salts in wp-config.php changed?). Enter the key again.';
			} else {
				$config['api_key_hint'] = Secret_Box::hint( $plain );
			}
		}
		return $config;
	}

	/**
	 * Whether a string is an absolute http(s) URL with a host.
	 *
	 * @param string $url Candidate.
	 */
	private static function is_http_url( string $url ): bool {
		$parts = wp_parse_url( $url );
		return is_array( $parts ) && isset( $parts['scheme'], $parts['host'] ) && in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true );
	}

	/**
	 * Recursive merge where lists (and scalars) from $over replace, maps merge.
	 *
	 * @param array<string,mixed> $base Base.
	 * @param array<string,mixed> $over Overrides.
	 * @return array<string,mixed>
	 */
	private static function merge( array $base, array $over ): array {
		foreach ( $over as $key => $value ) {
			if ( is_array( $value ) && isset( $base[ $key ] ) && is_array( $base[ $key ] ) && ! array_is_list( $value ) && ! array_is_list( $base[ $key ] ) ) {
				$base[ $key ] = self::merge( $base[ $key ], $value );
			} else {
				$base[ $key ] = $value;
			}
		}
		return $base;
	}

	/**
	 * The 400 error every bad field gets.
	 *
	 * @param string $field   Top-level field name.
	 * @param string $message What is wrong, naming the field.
	 * @param string $path    The exact field, e.g. `providers[openrouter][base_url]`.
	 */
	private static function invalid( string $field, string $message, string $path = '' ): WP_Error {
		return Request_Validator::error( $field, $message, $path );
	}
}
