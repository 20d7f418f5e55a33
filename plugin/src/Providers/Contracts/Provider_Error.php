<?php
/**
 * A failed provider call.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * Why a call failed, in terms the router acts on: connection failures, timeouts, 429 and 5xx
 * may fall back to the next provider (while no token went to the browser); the rest may not.
 */
final class Provider_Error extends \RuntimeException {

	/** Could not connect (refused, unreachable, DNS). */
	public const CONNECTION = 'connection_failed';
	/** Connect or read timeout. */
	public const TIMEOUT = 'timeout';
	/** HTTP 429. */
	public const RATE_LIMITED = 'rate_limited';
	/** HTTP 5xx. */
	public const UPSTREAM = 'upstream_error';
	/** HTTP 401/403: the key is wrong. */
	public const AUTH = 'auth_failed';
	/** Other HTTP 4xx: the request or model is wrong. */
	public const BAD_REQUEST = 'bad_request';
	/** A 2xx answer in a shape we cannot read (wrong API at that URL?). */
	public const BAD_RESPONSE = 'bad_response';
	/** The stream broke off after it had started. */
	public const INTERRUPTED = 'stream_interrupted';
	/** The browser went away; nothing to fall back for. */
	public const ABORTED = 'client_aborted';
	/** Not configured or cannot do this task. */
	public const UNAVAILABLE = 'unavailable';

	private const FALLBACK_CODES = array( self::CONNECTION, self::TIMEOUT, self::RATE_LIMITED, self::UPSTREAM, self::INTERRUPTED );

	/**
	 * Builds an error.
	 *
	 * @param string      $error_code  One of the constants.
	 * @param string      $message     What happened, for a person.
	 * @param int         $http_status Upstream HTTP status, 0 when none.
	 * @param bool        $tokens_sent Whether deltas had already gone out.
	 * @param int|null    $retry_after Seconds the upstream asked to wait.
	 * @param string|null $upstream_message The upstream's own error text.
	 */
	public function __construct(
		public readonly string $error_code,
		string $message,
		public readonly int $http_status = 0,
		public readonly bool $tokens_sent = false,
		public readonly ?int $retry_after = null,
		public readonly ?string $upstream_message = null
	) {
		parent::__construct( $message );
	}

	/**
	 * Whether the next provider in the chain should serve the request instead.
	 */
	public function allows_fallback(): bool {
		return ! $this->tokens_sent && in_array( $this->error_code, self::FALLBACK_CODES, true );
	}

	/**
	 * Whether the same request may succeed if the person tries again.
	 */
	public function is_retryable(): bool {
		return in_array( $this->error_code, self::FALLBACK_CODES, true );
	}

	/**
	 * Whether this failure counts against the provider's circuit breaker.
	 */
	public function counts_against_provider(): bool {
		return in_array( $this->error_code, self::FALLBACK_CODES, true );
	}

	/**
	 * The same error, marked as happening after tokens went out.
	 */
	public function after_tokens(): self {
		$code = in_array( $this->error_code, self::FALLBACK_CODES, true ) ? self::INTERRUPTED : $this->error_code;
		return new self( $code, $this->getMessage(), $this->http_status, true, $this->retry_after, $this->upstream_message );
	}
}
