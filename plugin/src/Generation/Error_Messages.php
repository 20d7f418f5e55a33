<?php
/**
 * Error messages as the reader of each one needs them.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Routing\Routing_Failure;
use WP_Error;

/**
 * Administrators (manage_options) get the full detail: which address failed, what the
 * upstream said, what to change in the settings. Everyone else gets what happened in plain
 * words and what they can do, with the request id beside it; addresses, IPs, upstream bodies
 * and CLI output stay out of their messages. The detail of every failed request also goes to
 * the PHP error log, so an administrator can find it by request id.
 */
final class Error_Messages {

	/**
	 * Whether the current user may see internal details (addresses, upstream messages).
	 */
	public static function reader_sees_details(): bool {
		return current_user_can( 'manage_options' );
	}

	/**
	 * The message of a failed request for whoever asked.
	 *
	 * @param Routing_Failure $failure Failure.
	 * @param string          $label   The last provider's name (e.g. "OpenRouter").
	 */
	public static function for_failure( Routing_Failure $failure, string $label ): string {
		return self::reader_sees_details() ? $failure->message_for_person() : self::plain( $failure->error->error_code, $label, array() !== $failure->fallbacks );
	}

	/**
	 * What happened and what to do, without internals, per error code.
	 *
	 * @param string $code           Provider_Error code.
	 * @param string $label          Provider name.
	 * @param bool   $others_failed  Whether other providers failed before it.
	 */
	public static function plain( string $code, string $label, bool $others_failed = false ): string {
		$label = '' !== $label ? $label : __( 'The AI provider', 'agentic-writer' );
		switch ( $code ) {
			case Provider_Error::CONNECTION:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s could not be reached, so nothing was written. Try again in a moment.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::TIMEOUT:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s took too long to answer. Try again in a moment.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::RATE_LIMITED:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s is busy with too many requests. Try again in a minute.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::UPSTREAM:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s had a problem and did not answer. Try again in a moment.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::INTERRUPTED:
				/* translators: %s: provider name */
				$text = sprintf( __( 'The answer from %s broke off before it was complete. What arrived is kept; try again for the rest.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::AUTH:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s refused this site\'s key. Ask a site administrator to check the key under Agentic Writer → Settings.', 'agentic-writer' ), $label );
				break;
			case Provider_Error::BAD_REQUEST:
				$text = sprintf(
					/* translators: %s: provider name */
					__( '%s did not accept this request. Try a shorter text; if it keeps failing, ask a site administrator to check the model under Agentic Writer → Settings.', 'agentic-writer' ),
					$label
				);
				break;
			case Provider_Error::BAD_RESPONSE:
				$text = sprintf(
					/* translators: %s: provider name */
					__( '%s answered in a form this site cannot read. Ask a site administrator to check its address under Agentic Writer → Settings.', 'agentic-writer' ),
					$label
				);
				break;
			case Provider_Error::ABORTED:
				$text = __( 'Stopped. What arrived so far is kept.', 'agentic-writer' );
				break;
			case Provider_Error::UNAVAILABLE:
				$text = __(
					'No AI provider can take this request right now. Try again in a moment; if it keeps failing, ask a site administrator to check Agentic Writer → Settings.',
					'agentic-writer'
				);
				break;
			default:
				/* translators: %s: provider name */
				$text = sprintf( __( '%s could not answer. Try again in a moment.', 'agentic-writer' ), $label );
		}
		return $others_failed ? __( 'Other providers failed first.', 'agentic-writer' ) . ' ' . $text : $text;
	}

	/**
	 * "No provider can serve this task" for whoever asked: administrators get which provider
	 * was left out and why; others who to ask.
	 *
	 * @param WP_Error $error      The router's error.
	 * @param string   $request_id Request id.
	 */
	public static function for_no_provider( WP_Error $error, string $request_id ): WP_Error {
		$data = array( 'request_id' => $request_id ) + (array) $error->get_error_data();
		if ( self::reader_sees_details() ) {
			return new WP_Error( $error->get_error_code(), $error->get_error_message(), $data );
		}
		unset( $data['skipped'] );
		$message = 'agentic_writer_no_provider' === $error->get_error_code()
			? __( 'No AI provider is set up for this task. Ask a site administrator to set one up under Agentic Writer → Settings.', 'agentic-writer' )
			: $error->get_error_message();
		return new WP_Error( $error->get_error_code(), $message, $data );
	}

	/**
	 * The administrator's copy of a failure, in the PHP error log.
	 *
	 * @param string          $request_id Request id.
	 * @param Routing_Failure $failure    Failure.
	 */
	public static function log_failure( string $request_id, Routing_Failure $failure ): void {
		if ( Provider_Error::ABORTED === $failure->error->error_code ) {
			return;
		}
		error_log( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the detail non-administrators do not see.
			sprintf( 'Agentic Writer: request %s failed at %s (%s): %s', $request_id, $failure->provider, $failure->error->error_code, $failure->message_for_person() )
		);
	}

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
