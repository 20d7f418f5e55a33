<?php
/**
 * OpenRouter: chat, images, the model catalogue with prices.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\OpenRouter;

use AgenticWriter\Providers\Base\Chat_Completions_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Base\Http_Errors;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Setting_Field;

/**
 * openrouter.ai/api/v1 (Chat Completions with OpenRouter's extras).
 */
final class OpenRouter_Provider extends Chat_Completions_Provider {

	/** Largest image accepted, downloaded or in a data URL. */
	public const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

	/**
	 * The `openrouter` provider type: text and images, the actual cost of every answer.
	 */
	public static function describe(): Provider_Descriptor {
		return new Provider_Descriptor(
			type: 'openrouter',
			label: 'OpenRouter',
			description: __( 'One key for hundreds of models from every major lab; also draws images, and reports what each answer cost.', 'agentic-writer' ),
			kind: 'cloud',
			fields: array(
				new Setting_Field( 'api_key', __( 'API key', 'agentic-writer' ), 'secret', required: true, help: __( 'From openrouter.ai/keys.', 'agentic-writer' ) ),
				new Setting_Field( 'base_url', __( 'Base URL', 'agentic-writer' ), 'url', 'https://openrouter.ai/api/v1', true, placeholder: 'https://openrouter.ai/api/v1' ),
				new Setting_Field( 'model', __( 'Model', 'agentic-writer' ), 'model', 'openai/gpt-4o-mini', true ),
				new Setting_Field( 'image_model', __( 'Image model', 'agentic-writer' ), 'model', 'google/gemini-2.5-flash-image', task: 'image' ),
			),
			tasks: array_merge( Provider_Descriptor::TEXT_TASKS, array( 'image' ) ),
			cost_source: 'metered',
			factory: static fn ( string $id, array $config, Http_Client $http, Price_Source $prices ): self => new self( $id, $config, $http, $prices ),
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function label(): string {
		return 'OpenRouter';
	}

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return 'cloud';
	}

	/**
	 * Text and images.
	 *
	 * @param string $task Task type.
	 */
	public function supports_task_type( string $task ): bool {
		return true;
	}

	/**
	 * `gpt-4o` → `openai/gpt-4o`, `claude-…` → `anthropic/claude-…`.
	 *
	 * @param string $model Model.
	 */
	protected function wire_model( string $model ): string {
		return Model_Names::to_openrouter( $model );
	}

	/**
	 * Bearer key plus the attribution headers OpenRouter asks apps to send.
	 *
	 * @return array<string,string>
	 */
	protected function headers(): array {
		return array_merge(
			parent::headers(),
			array(
				'HTTP-Referer' => home_url( '/' ),
				'X-Title'      => 'Agentic Writer',
			)
		);
	}

	/**
	 * Asks for usage accounting so the answer carries the actual cost.
	 *
	 * @param Chat_Request $request Request.
	 * @param bool         $stream  Streamed or not.
	 * @return array<string,mixed>
	 */
	protected function body( Chat_Request $request, bool $stream ): array {
		$body          = parent::body( $request, $stream );
		$body['usage'] = array( 'include' => true );
		return $body;
	}

	/**
	 * The actual cost from the answer's usage; else estimated from the catalogue.
	 *
	 * @param string              $model Model.
	 * @param int                 $in    Prompt tokens.
	 * @param int                 $out   Completion tokens.
	 * @param array<string,mixed> $usage Usage object.
	 * @return array{0:float|null,1:string}
	 */
	protected function cost_of( string $model, int $in, int $out, array $usage ): array {
		if ( isset( $usage['cost'] ) && is_numeric( $usage['cost'] ) ) {
			return array( (float) $usage['cost'], 'metered' );
		}
		return array( $this->estimate_cost( $model, $in, $out ), 'estimated' );
	}

	/**
	 * The image model for images, the text model otherwise, as OpenRouter names them.
	 *
	 * @param string $task Task type.
	 */
	public function model_for( string $task ): string {
		return $this->wire_model( 'image' === $task ? (string) ( $this->config['image_model'] ?? '' ) : $this->default_model() );
	}

	/**
	 * Image through chat completions with image output (data URL or URL in message.images).
	 *
	 * @param Image_Request $request Request.
	 * @throws Provider_Error When it fails or no image comes back.
	 */
	public function generate_image( Image_Request $request ): Image_Result {
		$model = null !== $request->model ? $this->wire_model( $request->model ) : $this->model_for( 'image' );
		$json  = $this->post_chat(
			array(
				'model'        => $model,
				'messages'     => array(
					array(
						'role'    => 'user',
						'content' => $request->prompt,
					),
				),
				'modalities'   => array( 'image', 'text' ),
				'image_config' => array( 'aspect_ratio' => $request->aspect_ratio ),
				'usage'        => array( 'include' => true ),
			)
		);
		$url = (string) ( $json['choices'][0]['message']['images'][0]['image_url']['url'] ?? '' );
		if ( '' === $url ) {
			$message = sprintf( 'OpenRouter returned no image for %s: choose an image model (one whose output includes images) as the image model.', $model );
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, $message );
		}
		[ $bytes, $mime ] = $this->image_bytes( $url );
		$usage            = is_array( $json['usage'] ?? null ) ? $json['usage'] : array();
		$in               = (int) ( $usage['prompt_tokens'] ?? 0 );
		$out              = (int) ( $usage['completion_tokens'] ?? 0 );
		[ $cost, $kind ]  = $this->cost_of( $model, $in, $out, $usage );
		return new Image_Result( $bytes, $mime, (string) ( $json['model'] ?? $model ), $in, $out, $cost, $kind );
	}

	/**
	 * Decodes a data URL or downloads an image URL (through Http_Client::download: no private
	 * addresses, at most MAX_IMAGE_BYTES). The MIME type is what the bytes are, never what a
	 * header or the data URL claims.
	 *
	 * @param string $url Data URL or http(s) URL.
	 * @return array{0:string,1:string} Bytes and MIME type.
	 * @throws Provider_Error When it cannot be read, is too large or is not a PNG, JPEG, WebP or GIF.
	 */
	private function image_bytes( string $url ): array {
		$too_large = sprintf( 'The image OpenRouter sent is larger than %d MB; it was not saved.', self::MAX_IMAGE_BYTES / 1024 / 1024 );
		if ( preg_match( '#^data:[^,;]*;base64,#i', $url ) ) {
			$encoded = substr( $url, strpos( $url, ',' ) + 1 );
			if ( strlen( $encoded ) > 4 * ( self::MAX_IMAGE_BYTES / 3 ) + 4 ) {
				throw new Provider_Error( Provider_Error::BAD_RESPONSE, $too_large );
			}
			$bytes = base64_decode( $encoded, true );
			if ( false === $bytes ) {
				throw new Provider_Error( Provider_Error::BAD_RESPONSE, 'OpenRouter sent an image data URL that is not valid base64.' );
			}
		} else {
			$response = $this->http->download( $url, self::MAX_IMAGE_BYTES, 60 );
			if ( $response->status >= 300 ) {
				throw Http_Errors::status_error( $response, 'The image host' );
			}
			$bytes = $response->body;
		}
		if ( strlen( $bytes ) > self::MAX_IMAGE_BYTES ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, $too_large );
		}
		$mime = Image_Result::detect_mime( $bytes );
		if ( null === $mime ) {
			throw new Provider_Error( Provider_Error::BAD_RESPONSE, 'OpenRouter sent something that is not a PNG, JPEG, WebP or GIF image; it was not saved.' );
		}
		return array( $bytes, $mime );
	}

	/**
	 * Checks the key with `/key`; endpoints without it (OpenRouter-compatible proxies) are
	 * checked with an authenticated `/models`.
	 *
	 * @return array<string,mixed>
	 */
	protected function probe(): array {
		$response = $this->http->request( 'GET', $this->base_url() . '/key', $this->headers(), null, min( 15, $this->http->read_timeout() ) );
		if ( 404 !== $response->status ) {
			if ( $response->status >= 300 ) {
				throw Http_Errors::status_error( $response, $this->label() );
			}
			return array( 'key' => 'valid' );
		}
		return parent::probe();
	}

	/**
	 * {@inheritDoc}
	 */
	protected function example_base_url(): string {
		return 'https://openrouter.ai/api/v1';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param Provider_Error $e Failure.
	 */
	protected function advice( Provider_Error $e ): string {
		if ( Provider_Error::AUTH === $e->error_code ) {
			return __( 'OpenRouter rejected the API key (401). Create or copy a key at openrouter.ai/keys, paste it here and save.', 'agentic-writer' );
		}
		return parent::advice( $e );
	}
}
