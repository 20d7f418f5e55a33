<?php
/**
 * The local backend: the author's Claude CLI behind the Anthropic Messages API.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Local_Backend;

use AgenticWriter\Providers\Base\Anthropic_Messages_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Price_Source;
use AgenticWriter\Providers\Contracts\Provider_Descriptor;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Providers\Contracts\Setting_Field;

/**
 * Talks to the Node local backend (`./start.sh`) on this machine or the LAN.
 */
final class Local_Backend_Provider extends Anthropic_Messages_Provider {

	/**
	 * The `local_backend` provider type: the author's own CLI, paid by their subscription.
	 */
	public static function describe(): Provider_Descriptor {
		return new Provider_Descriptor(
			type: 'local_backend',
			label: __( 'Local backend', 'agentic-writer' ),
			description: __( 'The Claude Code CLI on your own computer or another machine of your network, through the Agentic Writer local backend.', 'agentic-writer' ),
			kind: 'local',
			fields: array(
				new Setting_Field(
					'api_key',
					__( 'API key', 'agentic-writer' ),
					'secret',
					required: true,
					help: __( './start.sh prints it; it is also in the .api-key file of the backend folder.', 'agentic-writer' )
				),
				new Setting_Field(
					'base_url',
					__( 'Base URL', 'agentic-writer' ),
					'url',
					'http://127.0.0.1:8080',
					true,
					__( 'The backend\'s address without /v1.', 'agentic-writer' ),
					placeholder: 'http://127.0.0.1:8080'
				),
				new Setting_Field( 'model', __( 'Model', 'agentic-writer' ), 'model', 'sonnet', true ),
			),
			cost_source: 'subscription',
			factory: static fn ( string $id, array $config, Http_Client $http, Price_Source $prices ): self => new self( $id, $config, $http, $prices ),
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function label(): string {
		return __( 'Local backend', 'agentic-writer' );
	}

	/**
	 * {@inheritDoc}
	 */
	public function kind(): string {
		return 'local';
	}

	/**
	 * The backend reports the CLI's own figure; a subscription's credit is not free, so it is
	 * never turned into $0.
	 *
	 * @param string              $model Model.
	 * @param int                 $in    Prompt tokens.
	 * @param int                 $out   Completion tokens.
	 * @param array<string,mixed> $usage Usage object.
	 * @return array{0:float|null,1:string}
	 */
	protected function cost_of( string $model, int $in, int $out, array $usage ): array {
		$cost = $usage['cost_usd'] ?? $usage['total_cost_usd'] ?? null;
		$kind = is_numeric( $cost ) ? 'subscription' : 'local';
		$kind = in_array( $usage['cost_kind'] ?? '', array( 'subscription', 'local', 'metered', 'estimated' ), true ) ? (string) $usage['cost_kind'] : $kind;
		return array( is_numeric( $cost ) ? (float) $cost : null, $kind );
	}

	/**
	 * Asks `/ping` whether the backend's CLI can serve, then checks the key with `/v1/models`.
	 * The key goes with the ping too: without it the backend says only that it is alive, not
	 * which CLI drivers it has. A backend without `/ping` is checked by the key alone.
	 *
	 * @return array<string,mixed>
	 * @throws Provider_Error When it fails.
	 */
	protected function probe(): array {
		$ping    = $this->http->request( 'GET', $this->base_url() . '/ping', $this->headers(), null, min( 15, $this->http->read_timeout() ) );
		$status  = 200 === $ping->status ? $ping->json() : null;
		$details = array();
		if ( null !== $status ) {
			$details = array(
				'version' => (string) ( $status['version'] ?? '' ),
				'drivers' => $status['drivers'] ?? array(),
			);
			if ( 'degraded' === ( $status['status'] ?? '' ) ) {
				throw new Provider_Error( Provider_Error::UNAVAILABLE, 'The local backend runs, but its claude CLI cannot serve (not installed or not logged in).' );
			}
		}
		return $details + parent::probe();
	}

	/**
	 * What the backend says about itself on `/ping` (with the key): version, CLI drivers, warm
	 * pool and queue, with a sentence for the owner. Never throws.
	 *
	 * @return array<string,mixed>
	 */
	public function live_status(): array {
		$out = array(
			'configured' => $this->is_configured(),
			'base_url'   => $this->base_url(),
			'reachable'  => false,
			'ok'         => false,
			'message'    => '',
			'latency_ms' => null,
			'status'     => null,
			'version'    => null,
			'drivers'    => array(),
			'pool'       => null,
			'queue'      => null,
		);
		if ( ! $out['configured'] ) {
			return array( 'message' => $this->not_configured_message() ) + $out;
		}
		$start = microtime( true );
		try {
			$ping = $this->http->request( 'GET', $this->base_url() . '/ping', $this->headers(), null, min( 5, $this->http->read_timeout() ) );
		} catch ( Provider_Error $e ) {
			return array( 'message' => $this->advice( $e ) ) + $out;
		}
		$json              = 200 === $ping->status ? $ping->json() : null;
		$out['latency_ms'] = self::ms_since( $start );
		if ( null === $json || ! isset( $json['status'] ) ) {
			$failure = new Provider_Error( Provider_Error::BAD_RESPONSE, sprintf( 'GET /ping answered HTTP %d', $ping->status ), $ping->status );
			return array( 'message' => $this->advice( $failure ) ) + $out;
		}
		$out['reachable'] = true;
		$out['status']    = (string) $json['status'];
		$out['version']   = isset( $json['version'] ) ? (string) $json['version'] : null;
		$out['pool']      = is_array( $json['pool'] ?? null ) ? $json['pool'] : null;
		$out['queue']     = is_array( $json['queue'] ?? null ) ? $json['queue'] : null;
		foreach ( (array) ( $json['drivers'] ?? array() ) as $driver ) {
			$out['drivers'][] = array(
				'name'         => (string) ( $driver['name'] ?? '' ),
				'version'      => isset( $driver['version'] ) ? (string) $driver['version'] : null,
				'ready'        => (bool) ( $driver['ready'] ?? false ),
				'logged_in'    => isset( $driver['logged_in'] ) ? (bool) $driver['logged_in'] : null,
				'login_method' => isset( $driver['login_method'] ) ? (string) $driver['login_method'] : null,
			);
		}
		if ( ! isset( $json['drivers'] ) ) {
			$out['message'] = $this->advice( new Provider_Error( Provider_Error::AUTH, 'the backend kept its details to itself', 401 ) );
		} elseif ( 'ok' !== $out['status'] ) {
			$out['message'] = $this->advice( new Provider_Error( Provider_Error::UNAVAILABLE, 'degraded' ) );
		} else {
			$out['ok']      = true;
			$out['message'] = sprintf(
				/* translators: 1: base URL, 2: milliseconds */
				__( 'The local backend at %1$s answers (%2$d ms).', 'agentic-writer' ),
				$this->base_url(),
				$out['latency_ms']
			);
		}
		return $out;
	}

	/**
	 * {@inheritDoc}
	 */
	protected function not_configured_message(): string {
		return __( 'The local backend is not configured: download it from Settings → Agentic Writer → Local backend, run ./start.sh on the machine with the claude CLI, then paste its URL and the API key it prints.', 'agentic-writer' ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
	}

	/**
	 * {@inheritDoc}
	 */
	protected function example_base_url(): string {
		return 'http://127.0.0.1:8080 (no /v1)';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param Provider_Error $e Failure.
	 */
	protected function advice( Provider_Error $e ): string {
		$base = $this->base_url();
		switch ( $e->error_code ) {
			case Provider_Error::CONNECTION:
				return sprintf(
					/* translators: %s: base URL */
					__( 'Connection refused at %s — is ./start.sh running on that machine? Run ./test-connection.sh there.', 'agentic-writer' ),
					$base
				);
			case Provider_Error::TIMEOUT:
				return sprintf(
					/* translators: 1: base URL, 2: seconds */
					__( 'No answer from %1$s in time (connect timeout %2$s s) — is that machine on and on this network? Find its address with ./get-local-ip.sh there; LAN access needs AW_BACKEND_HOST=0.0.0.0 and an API key, and the firewall must allow the port.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$base,
					$this->http->connect_timeout()
				);
			case Provider_Error::AUTH:
				return sprintf(
					/* translators: %s: base URL */
					__( 'The local backend at %s refused the API key (401): the key saved here does not match the backend\'s. Copy it from the .api-key file in the backend folder (./start.sh prints it) and save.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$base
				);
			case Provider_Error::UNAVAILABLE:
				return sprintf(
					/* translators: %s: base URL */
					__( 'The local backend at %s runs, but the claude CLI behind it cannot answer: on that machine run `echo test | claude -p` (log in with `claude` if asked), then ./test-connection.sh.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$base
				);
			case Provider_Error::BAD_REQUEST:
			case Provider_Error::BAD_RESPONSE:
				return sprintf(
					/* translators: 1: base URL, 2: what happened */
					__( '%1$s answered, but not as the Agentic Writer local backend (%2$s). The base URL is the backend\'s address without /v1, e.g. http://127.0.0.1:8080.', 'agentic-writer' ),
					$base,
					$e->getMessage()
				);
			default:
				return parent::advice( $e );
		}
	}
}
