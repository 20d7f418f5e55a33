<?php
/**
 * Which providers serve a task, in which order.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Routing;

use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Validation\Invalid_Param;
use WP_Error;

/**
 * Turns the routing settings into an ordered chain of provider ids for one task.
 *
 * - advanced mode: the matrix's chain for the task, exactly as the owner ordered it (a task
 *   without a chain uses simple mode);
 * - simple mode: the text (or image) provider first, then every other configured provider as
 *   fallback;
 * - provider_mode filters strictly: `local` never sends a prompt to a cloud provider, `cloud`
 *   never to a local one, `hybrid` allows both;
 * - providers that are not configured or cannot do the task are left out.
 */
final class Routing_Rules {

	/**
	 * The chain for a task.
	 *
	 * @param string                 $task      Task type.
	 * @param array<string,mixed>    $settings  Settings::stored().
	 * @param array<string,Provider> $providers Provider_Registry::all().
	 * @param string|null            $forced    Provider the request insists on.
	 * @return array{chain:string[],skipped:array<string,string>}|WP_Error Chain and why others
	 *                                                                     were left out.
	 */
	public static function resolve( string $task, array $settings, array $providers, ?string $forced = null ) {
		$mode    = (string) $settings['provider_mode'];
		$skipped = array();

		if ( null !== $forced && '' !== $forced ) {
			$provider = $providers[ $forced ] ?? null;
			$why      = null === $provider ? 'unknown provider' : self::why_not( $provider, $task, $mode );
			if ( null !== $why ) {
				return Invalid_Param::error( 'provider', sprintf( '%s cannot serve the %s task (%s).', $forced, $task, $why ) );
			}
			return array(
				'chain'   => array( $forced ),
				'skipped' => array(),
			);
		}

		$routing = $settings['routing'];
		$matrix  = $routing['matrix'][ $task ] ?? array();
		if ( 'advanced' === $routing['mode'] && array() !== $matrix ) {
			$wanted = $matrix;
		} else {
			$primary = 'image' === $task ? (string) $routing['simple']['image'] : (string) $routing['simple']['text'];
			$wanted  = array_merge( array( $primary ), array_keys( $providers ) );
		}

		$chain = array();
		foreach ( array_unique( $wanted ) as $id ) {
			$provider = $providers[ $id ] ?? null;
			$why      = null === $provider ? 'unknown provider' : self::why_not( $provider, $task, $mode );
			if ( null === $why ) {
				$chain[] = $id;
			} else {
				$skipped[ $id ] = $why;
			}
		}
		if ( array() === $chain ) {
			return new WP_Error(
				'agentic_writer_no_provider',
				self::nothing_message( $task, $mode, $skipped ),
				array(
					'status'  => 503,
					'skipped' => $skipped,
				)
			);
		}
		return array(
			'chain'   => $chain,
			'skipped' => $skipped,
		);
	}

	/**
	 * Why a provider cannot serve the task under this mode, or null when it can.
	 *
	 * @param Provider $provider Provider.
	 * @param string   $task     Task type.
	 * @param string   $mode     provider_mode.
	 */
	private static function why_not( Provider $provider, string $task, string $mode ): ?string {
		if ( ! $provider->supports_task_type( $task ) ) {
			return sprintf( 'does not support %s', $task );
		}
		if ( 'hybrid' !== $mode && $provider->kind() !== $mode ) {
			return sprintf( '%s provider, but provider mode is %s', $provider->kind(), $mode );
		}
		if ( ! $provider->is_configured() ) {
			return 'not configured';
		}
		return null;
	}

	/**
	 * What to do when no provider can serve a task.
	 *
	 * @param string               $task    Task type.
	 * @param string               $mode    provider_mode.
	 * @param array<string,string> $skipped Why each was left out.
	 */
	private static function nothing_message( string $task, string $mode, array $skipped ): string {
		$reasons = array();
		foreach ( $skipped as $id => $why ) {
			$reasons[] = $id . ': ' . $why;
		}
		return sprintf(
			'No provider can serve the %s task (provider mode %s; %s). Add an API key in Settings → Agentic Writer — with no other settings, an OpenRouter key is all it takes.',
			$task,
			$mode,
			implode( '; ', $reasons )
		);
	}
}
