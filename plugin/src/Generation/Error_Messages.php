<?php
/**
 * Error messages as the reader of each one needs them.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

/**
 * What went wrong, in words an author can act on.
 */
final class Error_Messages {

	/**
	 * The `error` event (or error body) for a failure that is nobody's but the site's: an
	 * exception or a PHP fatal error while the request ran.
	 *
	 * @param string $request_id Request id.
	 * @return array{code:string,message:string,retryable:bool,request_id:string}
	 */
	public static function internal_error( string $request_id ): array {
		return array(
			'code'       => 'agentic_writer_internal_error',
			'message'    => __(
				'Something went wrong on this site while writing the answer. What arrived is kept. If it happens again, tell a site administrator the request id (details are in the PHP error log).',
				'agentic-writer'
			),
			'retryable'  => true,
			'request_id' => $request_id,
		);
	}
}
