/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Fallback, Usage } from './stream/events';
import type { TaskRoute, Totals } from './store/types';

const BUILT_IN_LABELS: Record< string, string > = {
	local_backend: 'Local backend',
	openrouter: 'OpenRouter',
	anthropic: 'Anthropic',
};

/**
 * A provider's label from the routes the site reported, else a readable form of its id.
 *
 * @param id     Provider id (`openai_compatible:<id>` too).
 * @param routes What GET editor/tasks returned.
 */
export function providerLabel(
	id: string,
	routes: Partial< Record< string, TaskRoute > > | null
): string {
	for ( const route of Object.values( routes ?? {} ) ) {
		const step = route?.chain.find( ( s ) => s.provider === id );
		if ( step?.label ) {
			return step.label;
		}
	}
	return BUILT_IN_LABELS[ id ] ?? id.replace( /^openai_compatible:/, '' );
}

/**
 * "$0.0012" for less than a cent, "$1.25" from a cent up.
 *
 * @param usd Dollars.
 */
function formatDollars( usd: number ): string {
	return `$${ usd.toFixed( usd < 0.01 ? 4 : 2 ) }`;
}

/**
 * "$0.0012", "≈ $0.0012 (estimate)", "subscription" or "local".
 * @param usage Tokens and cost of an answer.
 */
export function formatCost(
	usage: Pick< Usage, 'cost_usd' | 'cost_kind' >
): string {
	if ( usage.cost_kind === 'subscription' ) {
		return __( 'subscription', 'agentic-writer' );
	}
	if ( usage.cost_kind === 'local' ) {
		return __( 'local', 'agentic-writer' );
	}
	if ( usage.cost_usd === null ) {
		return __( 'cost unknown', 'agentic-writer' );
	}
	const dollars = formatDollars( usage.cost_usd );
	return usage.cost_kind === 'estimated'
		? sprintf(
				/* translators: %s: dollar amount */ __(
					'≈ %s (estimate)',
					'agentic-writer'
				),
				dollars
			)
		: dollars;
}

/**
 * "120 → 340 tokens".
 * @param usage Tokens and cost of an answer.
 */
export function formatTokens(
	usage: Pick< Usage, 'tokens_prompt' | 'tokens_completion' >
): string {
	return sprintf(
		/* translators: 1: prompt tokens, 2: completion tokens */
		__( '%1$s → %2$s tokens', 'agentic-writer' ),
		usage.tokens_prompt.toLocaleString(),
		usage.tokens_completion.toLocaleString()
	);
}

/**
 * A running total in words: requests, tokens, money billed, and subscription credit used — the
 * credit is shown as such, never as dollars billed, and nothing is shown as "$0".
 *
 * @param totals Totals of a post or a day.
 */
export function formatTotals( totals: Totals ): string {
	if ( totals.requests === 0 ) {
		return __( 'No AI requests yet', 'agentic-writer' );
	}
	const billed = totals.cost_usd.metered + totals.cost_usd.estimated;
	const parts: string[] = [
		sprintf(
			/* translators: %d: number of AI requests */
			_n(
				'%d request',
				'%d requests',
				totals.requests,
				'agentic-writer'
			),
			totals.requests
		),
		sprintf(
			/* translators: %s: total tokens */
			__( '%s tokens', 'agentic-writer' ),
			( totals.tokens_prompt + totals.tokens_completion ).toLocaleString()
		),
	];
	if ( billed > 0 ) {
		parts.push( formatDollars( billed ) );
	}
	if ( totals.cost_usd.subscription > 0 ) {
		parts.push(
			sprintf(
				/* translators: %s: dollar value of the subscription credit used */
				__( '%s of subscription credit', 'agentic-writer' ),
				formatDollars( totals.cost_usd.subscription )
			)
		);
	}
	return parts.join( ' · ' );
}

const REASONS: Record< string, string > = {
	connection_failed: __( 'unreachable', 'agentic-writer' ),
	timeout: __( 'timed out', 'agentic-writer' ),
	rate_limited: __( 'rate-limited', 'agentic-writer' ),
	upstream_error: __( 'failed (server error)', 'agentic-writer' ),
	stream_interrupted: __( 'broke off', 'agentic-writer' ),
	circuit_open: __( 'paused after repeated failures', 'agentic-writer' ),
	auth_failed: __( 'refused its key', 'agentic-writer' ),
	unavailable: __( 'not set up', 'agentic-writer' ),
};

/**
 * "Local backend unreachable — answered by OpenRouter".
 *
 * @param fallback The fallback event.
 * @param routes   Provider labels.
 * @param answered Who answered in the end (when the event does not say).
 */
export function formatFallback(
	fallback: Fallback,
	routes: Partial< Record< string, TaskRoute > > | null,
	answered?: string | null
): string {
	const reason =
		REASONS[ fallback.reason ] ?? fallback.reason.replace( /_/g, ' ' );
	// null: nobody answered in the end (the request failed), so no "answered by".
	const to = answered === null ? '' : fallback.to || answered || '';
	const from = providerLabel( fallback.from, routes );
	return to
		? sprintf(
				/* translators: 1: provider that failed, 2: why, 3: provider that answered */
				__( '%1$s %2$s — answered by %3$s', 'agentic-writer' ),
				from,
				reason,
				providerLabel( to, routes )
			)
		: sprintf(
				/* translators: 1: provider that failed, 2: why */
				__( '%1$s %2$s', 'agentic-writer' ),
				from,
				reason
			);
}
