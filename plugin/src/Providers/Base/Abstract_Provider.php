<?php
/**
 * What every provider shares: configuration, default model, the connection test's frame.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

use AgenticWriter\Providers\Contracts\Connection_Result;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Providers\Contracts\Provider_Error;

/**
 * Base for the four providers. Subclasses add the wire format and their own advice.
 */
abstract class Abstract_Provider implements Provider {

	/**
	 * Builds a provider.
	 *
	 * @param string              $id     Routing id.
	 * @param array<string,mixed> $config Settings with the key decrypted (Settings::provider_config()).
	 * @param Http_Client         $http   Shared HTTP.
	 * @param Price_Source|null   $prices Prices for answers that report tokens but no cost.
	 */
	public function __construct(
		protected string $id,
		protected array $config,
		protected Http_Client $http,
		protected ?Price_Source $prices = null
	) {
	}

	/**
	 * Estimated USD from the price source, null when there is none or it knows no price.
	 *
	 * @param string $model Model as the OpenRouter catalogue names it.
	 * @param int    $in    Prompt tokens.
	 * @param int    $out   Completion tokens.
	 */
	protected function estimate_cost( string $model, int $in, int $out ): ?float {
		return $this->prices?->estimate( $model, $in, $out );
	}

	/**
	 * Name of the API spoken, for messages ("the Anthropic Messages API").
	 */
	abstract protected function api_name(): string;

	/**
	 * A cheap authenticated call that proves URL, key and API shape: listing the models, which
	 * every API here has; a provider with a cheaper or more telling check overrides it.
	 *
	 * @return array<string,mixed> Facts for the test result (models found…).
	 * @throws Provider_Error When it fails.
	 */
	protected function probe(): array {
		$models = $this->models();
		return array(
			'models' => count( $models ),
			'sample' => array_slice( array_column( $models, 'id' ), 0, 5 ),
		);
	}

	/**
	 * Routing id.
	 */
	public function id(): string {
		return $this->id;
	}

	/**
	 * Whether base URL and key are there (and the key decrypts).
	 */
	public function is_configured(): bool {
		return '' !== $this->base_url() && '' !== (string) ( $this->config['api_key'] ?? '' ) && empty( $this->config['api_key_error'] );
	}

	/**
	 * Text tasks only, unless a subclass draws images.
	 *
	 * @param string $task Task type.
	 */
	public function supports_task_type( string $task ): bool {
		return 'image' !== $task;
	}

	/**
	 * Providers without images say so.
	 *
	 * @param Image_Request $request Request.
	 * @throws Provider_Error Always.
	 */
	public function generate_image( Image_Request $request ): Image_Result {
		throw new Provider_Error(
			Provider_Error::UNAVAILABLE,
			sprintf( '%s does not generate images. Route the image task to a provider that draws them (Settings → Agentic Writer → Mode and routing).', $this->label() )
		);
	}

	/**
	 * Model from the settings.
	 */
	public function default_model(): string {
		return (string) ( $this->config['model'] ?? '' );
	}

	/**
	 * Model a task gets when the request names none; a provider with a separate image model
	 * says so here.
	 *
	 * @param string $task Task type.
	 */
	public function model_for( string $task ): string {
		return $this->default_model();
	}

	/**
	 * Base URL without trailing slash.
	 */
	public function base_url(): string {
		return untrailingslashit( (string) ( $this->config['base_url'] ?? '' ) );
	}

	/**
	 * Runs probe() and turns any failure into a message that says what to do.
	 */
	public function test_connection(): Connection_Result {
		if ( ! empty( $this->config['api_key_error'] ) ) {
			$message = sprintf( 'The stored API key for %s cannot be decrypted (the site\'s salts changed?). Enter the key again and save.', $this->label() );
			return new Connection_Result( false, 'key_unreadable', $message );
		}
		if ( ! $this->is_configured() ) {
			return new Connection_Result( false, 'not_configured', $this->not_configured_message() );
		}
		$start = microtime( true );
		try {
			$details = $this->probe();
		} catch ( Provider_Error $e ) {
			return new Connection_Result(
				false,
				$e->error_code,
				$this->advice( $e ),
				self::ms_since( $start ),
				array(
					'http_status' => $e->http_status,
					'upstream'    => $e->getMessage(),
				)
			);
		}
		$ms = self::ms_since( $start );
		return new Connection_Result( true, 'ok', sprintf( 'Connected to %s at %s in %d ms.', $this->label(), $this->base_url(), $ms ), $ms, $details );
	}

	/**
	 * What to do when nothing is configured.
	 */
	protected function not_configured_message(): string {
		return sprintf( '%s is not configured: enter its base URL and API key in Settings → Agentic Writer.', $this->label() );
	}

	/**
	 * A failed probe as advice a person can act on.
	 *
	 * @param Provider_Error $e Failure.
	 */
	protected function advice( Provider_Error $e ): string {
		$base = $this->base_url();
		switch ( $e->error_code ) {
			case Provider_Error::CONNECTION:
				if ( str_contains( $e->getMessage(), 'cURL error 6' ) ) {
					return sprintf( 'The host in %s cannot be resolved. Check the spelling of the base URL.', $base );
				}
				return sprintf( 'Connection refused at %s — is the server running and listening on that address and port? (%s)', $base, $e->getMessage() );
			case Provider_Error::TIMEOUT:
				return sprintf(
					'No answer from %s in time (connect timeout %s s, read timeout %d s) — the host may be down, asleep or behind a firewall.'
						. ' Check the base URL and that the machine is reachable from this web server.',
					$base,
					$this->http->connect_timeout(),
					$this->http->read_timeout()
				);
			case Provider_Error::AUTH:
				return sprintf(
					'%s rejected the API key (HTTP %d): the key saved here does not match. Paste the right key and save. Upstream said: %s',
					$this->label(),
					$e->http_status,
					(string) $e->upstream_message
				);
			case Provider_Error::BAD_REQUEST:
			case Provider_Error::BAD_RESPONSE:
				return sprintf( '%s answered, but not as %s (%s). Check that the base URL points at the API itself, e.g. %s.', $base, $this->api_name(), $e->getMessage(), $this->example_base_url() );
			case Provider_Error::RATE_LIMITED:
				$wait = null !== $e->retry_after ? sprintf( '; retry after %d s', $e->retry_after ) : '';
				return sprintf( '%s is rate-limiting this key (HTTP 429)%s. The connection works; try again later.', $this->label(), $wait );
			default:
				return sprintf( '%s failed: %s', $this->label(), $e->getMessage() );
		}
	}

	/**
	 * An example base URL for the advice above.
	 */
	protected function example_base_url(): string {
		return $this->base_url();
	}

	/**
	 * Turns a Chat Completions / Messages `content` (string or parts) into text.
	 *
	 * @param mixed $content Content value.
	 */
	protected static function text_of( $content ): string {
		if ( is_string( $content ) ) {
			return $content;
		}
		$text = '';
		if ( is_array( $content ) ) {
			foreach ( $content as $part ) {
				if ( is_array( $part ) && isset( $part['text'] ) && is_string( $part['text'] ) && ( ! isset( $part['type'] ) || 'text' === $part['type'] ) ) {
					$text .= $part['text'];
				}
			}
		}
		return $text;
	}

	/**
	 * Milliseconds since a microtime( true ) value.
	 *
	 * @param float $start Start.
	 */
	protected static function ms_since( float $start ): int {
		return (int) round( ( microtime( true ) - $start ) * 1000 );
	}
}
