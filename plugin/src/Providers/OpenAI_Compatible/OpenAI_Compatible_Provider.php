<?php
/**
 * Any OpenAI Chat Completions endpoint: OpenAI/Codex, LM Studio, Ollama, vLLM, llama.cpp.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\OpenAI_Compatible;

use AgenticWriter\Providers\Base\Chat_Completions_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Setting_Field;
use AgenticWriter\Providers\OpenRouter\Model_Names;

/**
 * One configured instance (there may be several, `openai_compatible:<id>`).
 */
final class OpenAI_Compatible_Provider extends Chat_Completions_Provider {

	/**
	 * The `openai_compatible` provider type: as many instances as the owner adds.
	 */
	public static function describe(): Provider_Descriptor {
		return new Provider_Descriptor(
			type: 'openai_compatible',
			label: __( 'OpenAI-compatible endpoints', 'agentic-writer' ),
			description: __( 'Any Chat Completions API: OpenAI, LM Studio, Ollama, vLLM, llama.cpp. Local when its address is on this machine or your network.', 'agentic-writer' ),
			kind: 'local',
			multiple: true,
			fields: array(
				new Setting_Field(
					'id',
					__( 'ID', 'agentic-writer' ),
					'id',
					required: true,
					help: __( 'Lowercase letters, digits, - and _; routing names it openai_compatible:<ID>.', 'agentic-writer' ),
					placeholder: 'lmstudio'
				),
				new Setting_Field( 'label', __( 'Name', 'agentic-writer' ), 'text', placeholder: 'LM Studio' ),
				new Setting_Field( 'api_key', __( 'API key', 'agentic-writer' ), 'secret', help: __( 'Local servers usually need none.', 'agentic-writer' ) ),
				new Setting_Field( 'base_url', __( 'Base URL', 'agentic-writer' ), 'url', required: true, placeholder: 'http://127.0.0.1:1234/v1' ),
				new Setting_Field( 'model', __( 'Model', 'agentic-writer' ), 'model', required: true ),
			),
			cost_source: 'local',
			factory: static fn ( string $id, array $config, Http_Client $http, Price_Source $prices ): self => new self( $id, $config, $http, $prices ),
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function label(): string {
		$label = (string) ( $this->config['label'] ?? '' );
		return '' !== $label ? $label : (string) ( $this->config['id'] ?? 'OpenAI-compatible' );
	}

	/**
	 * Local when the endpoint is on this machine or a private network (LM Studio, Ollama…).
	 */
	public function kind(): string {
		$host = (string) wp_parse_url( $this->base_url(), PHP_URL_HOST );
		if ( in_array( strtolower( $host ), array( 'localhost', '127.0.0.1', '::1', '[::1]' ), true ) || str_ends_with( $host, '.local' ) ) {
			return 'local';
		}
		if ( filter_var( $host, FILTER_VALIDATE_IP ) && ! filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE ) ) {
			return 'local';
		}
		return 'cloud';
	}

	/**
	 * A base URL and a model are enough: local servers often need no key.
	 */
	public function is_configured(): bool {
		return '' !== $this->base_url() && '' !== $this->default_model() && empty( $this->config['api_key_error'] );
	}

	/**
	 * OpenAI itself refuses `max_tokens` for its reasoning models and wants
	 * `max_completion_tokens`; local servers (Ollama, LM Studio, vLLM, llama.cpp) know the former.
	 *
	 * @param Chat_Request $request Request.
	 * @param bool         $stream  Streamed or not.
	 * @return array<string,mixed>
	 */
	protected function body( Chat_Request $request, bool $stream ): array {
		$body = parent::body( $request, $stream );
		if ( 'api.openai.com' === strtolower( (string) wp_parse_url( $this->base_url(), PHP_URL_HOST ) ) ) {
			$body['max_completion_tokens'] = $body['max_tokens'];
			unset( $body['max_tokens'] );
		}
		return $body;
	}

	/**
	 * Reported cost when the endpoint gives one; local runs cost no money; otherwise estimated.
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
		if ( 'local' === $this->kind() ) {
			return array( null, 'local' );
		}
		return array( $this->estimate_cost( Model_Names::to_openrouter( $model ), $in, $out ), 'estimated' );
	}

	/**
	 * {@inheritDoc}
	 */
	protected function not_configured_message(): string {
		return sprintf(
			/* translators: %s: provider label */
			__( '%s needs a base URL (e.g. http://127.0.0.1:1234/v1 for LM Studio, http://127.0.0.1:11434/v1 for Ollama) and a model.', 'agentic-writer' ),
			$this->label()
		);
	}

	/**
	 * {@inheritDoc}
	 */
	protected function example_base_url(): string {
		return 'https://api.openai.com/v1, http://127.0.0.1:1234/v1 (LM Studio) or http://127.0.0.1:11434/v1 (Ollama) — with /v1';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param Provider_Error $e Failure.
	 */
	protected function advice( Provider_Error $e ): string {
		if ( Provider_Error::CONNECTION === $e->error_code && ! str_contains( $e->getMessage(), 'cURL error 6' ) ) {
			return sprintf(
				/* translators: %s: base URL */
				__( 'Connection refused at %s — is the model server (LM Studio, Ollama, vLLM, llama.cpp…) running and listening on that address? Servers bound to 127.0.0.1 on another machine are not reachable from here.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				$this->base_url()
			);
		}
		return parent::advice( $e );
	}
}
