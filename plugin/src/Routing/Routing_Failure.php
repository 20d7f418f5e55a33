<?php
/**
 * The router could not serve a request.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Providers\Contracts\Provider_Error;
use WP_Error;

/**
 * The last provider's error plus the fallbacks tried before it.
 */
final class Routing_Failure extends \RuntimeException {

	/**
	 * Builds the failure.
	 *
	 * @param Provider_Error                                        $error     Last error.
	 * @param string                                                $provider  Provider that failed last.
	 * @param array<int,array{from:string,to:string,reason:string}> $fallbacks Fallbacks before it.
	 */
	public function __construct(
		public readonly Provider_Error $error,
		public readonly string $provider,
		public readonly array $fallbacks
	) {
		parent::__construct( $error->getMessage() );
	}

	/**
	 * HTTP status for the REST answer.
	 */
	public function http_status(): int {
		switch ( $this->error->error_code ) {
			case Provider_Error::TIMEOUT:
				return 504;
			case Provider_Error::RATE_LIMITED:
				return 429;
			case Provider_Error::UNAVAILABLE:
				return 503;
			case Provider_Error::ABORTED:
				return 499;
			default:
				return 502;
		}
	}

	/**
	 * As a WP_Error with a stable `agentic_writer_*` code.
	 *
	 * @param string      $request_id Request id, so the usage rows can be found.
	 * @param string|null $message    Message for the reader (default: the full detail).
	 */
	public function to_wp_error( string $request_id = '', ?string $message = null ): WP_Error {
		return new WP_Error(
			'agentic_writer_' . $this->error->error_code,
			$message ?? $this->message_for_person(),
			array(
				'status'      => $this->http_status(),
				'provider'    => $this->provider,
				'retryable'   => $this->error->is_retryable(),
				'retry_after' => $this->error->retry_after,
				'fallbacks'   => $this->fallbacks,
				'request_id'  => $request_id,
			)
		);
	}

	/**
	 * The error's full message with what was tried before (addresses and upstream messages
	 * included: for administrators and the log).
	 */
	public function message_for_person(): string {
		$message = $this->error->getMessage();
		if ( array() !== $this->fallbacks ) {
			$tried   = array_map( static fn ( array $f ): string => $f['from'] . ' (' . $f['reason'] . ')', $this->fallbacks );
			$message = sprintf( '%s Tried before: %s.', $message, implode( ', ', $tried ) );
		}
		return $message;
	}
}
