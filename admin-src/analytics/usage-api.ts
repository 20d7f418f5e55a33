/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage, REST_NAMESPACE } from '../shared/api-client';
import { parseBody } from '../shared/parse-body';
import type { Dimension } from './shaping';
import {
	eventsSchema,
	settingsBudgetsSchema,
	summarySchema,
	timeseriesSchema,
	type Bucket,
	type Budgets,
	type UsageEvents,
	type UsageSummary,
	type UsageTimeseries,
} from './usage-schemas';

export type Span = { from: string; to: string };

/**
 * A reason a person can act on, naming the route: a missing route (an older plugin, or the
 * usage API not installed) says so rather than "No route was found".
 *
 * @param route Route name, e.g. `usage/summary`.
 * @param error Rejection value.
 */
export function usageErrorMessage( route: string, error: unknown ): string {
	const code =
		error && typeof error === 'object' && 'code' in error
			? ( error as { code: unknown } ).code
			: null;
	if ( code === 'rest_no_route' ) {
		return sprintf(
			/* translators: %s: REST route, e.g. usage/summary */
			__(
				'This site has no %s route: the usage API is missing. Update Agentic Writer to a version with the Usage API.',
				'agentic-writer'
			),
			route
		);
	}
	return sprintf(
		/* translators: 1: REST route, 2: reason */
		__( '%1$s failed: %2$s', 'agentic-writer' ),
		route,
		errorMessage( error )
	);
}

async function get< T >(
	route: string,
	query: Record< string, string | number >,
	check: ( body: unknown ) => T
): Promise< T > {
	const params = new URLSearchParams();
	for ( const [ name, value ] of Object.entries( query ) ) {
		params.set( name, String( value ) );
	}
	const search = params.toString();
	let body: unknown;
	try {
		body = await apiFetch( {
			path: `/${ REST_NAMESPACE }/${ route }${ search ? `?${ search }` : '' }`,
		} );
	} catch ( error ) {
		throw new Error( usageErrorMessage( route, error ) );
	}
	return check( body );
}

/**
 * Totals of a span, optionally grouped.
 *
 * @param span    Dates (site time zone, inclusive).
 * @param groupBy Grouping.
 */
export function fetchSummary(
	span: Span,
	groupBy?: Dimension
): Promise< UsageSummary > {
	return get(
		'usage/summary',
		groupBy ? { ...span, group_by: groupBy } : span,
		( body ) => parseBody( summarySchema, body, 'usage/summary' )
	);
}

/**
 * Buckets of a span.
 *
 * @param span   Dates.
 * @param bucket Hour or day.
 */
export function fetchTimeseries(
	span: Span,
	bucket: Bucket
): Promise< UsageTimeseries > {
	return get( 'usage/timeseries', { ...span, bucket }, ( body ) =>
		parseBody( timeseriesSchema, body, 'usage/timeseries' )
	);
}

/**
 * The latest fallbacks and errors of a span, newest first.
 *
 * @param span    Dates.
 * @param perPage Most events (the route allows 100).
 */
export function fetchEvents(
	span: Span,
	perPage = 50
): Promise< UsageEvents > {
	return get( 'usage/events', { ...span, per_page: perPage }, ( body ) =>
		parseBody( eventsSchema, body, 'usage/events' )
	);
}

/**
 * The budget caps from the settings; null when the site has none yet.
 */
export function fetchBudgets(): Promise< Budgets | null > {
	return get( 'settings', {}, ( body ) => {
		return (
			parseBody( settingsBudgetsSchema, body, 'settings' ).budgets ?? null
		);
	} );
}
