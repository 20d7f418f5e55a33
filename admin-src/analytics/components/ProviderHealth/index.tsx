/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderStatus } from '../../../shared/provider-settings';
import { formatWhen } from '../../format';

type Props = {
	providers: readonly ProviderStatus[];
	/** Last failure per provider id, from the range's events (created_at). */
	lastFailures: Readonly< Record< string, string > >;
	/** Now, in ms (the moment of the last refresh). */
	now: number;
	/** Site time zone, for the times. */
	timeZone: string;
};

/**
 * "Working", "Failing", "Paused until 14:05" and so on: a provider's state in words.
 *
 * @param provider Status from GET providers.
 */
export function healthWords( provider: ProviderStatus ): string {
	if ( ! provider.configured ) {
		return __( 'Not set up', 'agentic-writer' );
	}
	if ( provider.breaker.state === 'open' ) {
		return __( 'Paused after repeated failures', 'agentic-writer' );
	}
	if ( provider.breaker.state === 'half_open' ) {
		return __( 'Trying again (one test request)', 'agentic-writer' );
	}
	if ( ! provider.health ) {
		return __( 'Not checked yet', 'agentic-writer' );
	}
	return provider.health.ok
		? __( 'Working', 'agentic-writer' )
		: sprintf(
				/* translators: %s: what failed */
				__( 'Failing: %s', 'agentic-writer' ),
				provider.health.message || provider.health.code
			);
}

/**
 * The breaker in words, with the next retry when it is open.
 *
 * @param breaker Breaker snapshot.
 * @param now     Now in ms.
 */
export function breakerWords(
	breaker: ProviderStatus[ 'breaker' ],
	now: number
): string {
	if ( breaker.state === 'closed' ) {
		return breaker.failures > 0
			? sprintf(
					/* translators: %d: failures in a row */
					__( 'Closed (%d recent failures)', 'agentic-writer' ),
					breaker.failures
				)
			: __( 'Closed', 'agentic-writer' );
	}
	if ( breaker.state === 'half_open' ) {
		return __( 'Half-open: the next request tests it', 'agentic-writer' );
	}
	if ( breaker.retry_at === null ) {
		return __( 'Open', 'agentic-writer' );
	}
	const seconds = Math.max( 0, Math.round( breaker.retry_at - now / 1000 ) );
	return sprintf(
		/* translators: 1: time, 2: seconds from now */
		__( 'Open: next retry at %1$s (in %2$d s)', 'agentic-writer' ),
		new Date( breaker.retry_at * 1000 ).toLocaleTimeString(),
		seconds
	);
}

/**
 * One row per provider: status, last check, last failure, breaker.
 *
 * @param props              Props.
 * @param props.providers    Providers.
 * @param props.lastFailures Last failure times.
 * @param props.now          Now.
 * @param props.timeZone     Site time zone.
 */
export default function ProviderHealth( {
	providers,
	lastFailures,
	now,
	timeZone,
}: Props ) {
	return (
		<table className="widefat striped agentic-writer-table">
			<caption>
				{ __(
					'Providers, refreshed every 30 seconds',
					'agentic-writer'
				) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Provider', 'agentic-writer' ) }</th>
					<th scope="col">{ __( 'Status', 'agentic-writer' ) }</th>
					<th scope="col">
						{ __( 'Last success', 'agentic-writer' ) }
					</th>
					<th scope="col">
						{ __( 'Last failure', 'agentic-writer' ) }
					</th>
					<th scope="col">{ __( 'Breaker', 'agentic-writer' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ providers.map( ( provider ) => {
					const checked = provider.health;
					const lastFailure =
						lastFailures[ provider.id ] ??
						( checked && ! checked.ok ? checked.checked_at : null );
					return (
						<tr key={ provider.id }>
							<th scope="row">
								{ provider.label }
								<span className="agentic-writer-muted">
									{ ` (${
										provider.kind === 'local'
											? __( 'local', 'agentic-writer' )
											: __( 'cloud', 'agentic-writer' )
									})` }
								</span>
							</th>
							<td>{ healthWords( provider ) }</td>
							<td>
								{ checked?.ok
									? formatWhen( checked.checked_at, timeZone )
									: '—' }
							</td>
							<td>
								{ lastFailure
									? formatWhen( lastFailure, timeZone )
									: '—' }
							</td>
							<td>{ breakerWords( provider.breaker, now ) }</td>
						</tr>
					);
				} ) }
			</tbody>
		</table>
	);
}
