/**
 * Internal dependencies
 */
import { fetchProviders } from '../shared/settings-api';
import { monthStart, type DateRange } from './date-range';
import {
	fetchBudgets,
	fetchEvents,
	fetchSummary,
	fetchTimeseries,
} from './usage-api';
import { useLoaded } from './use-loaded';

export const HEALTH_REFRESH_MS = 30_000;

/**
 * Everything the page shows for a range: totals and groups, hourly and daily buckets, events.
 * Each loads on its own, so one failing route leaves the other panels working.
 *
 * @param range Dates.
 */
export function useRangeData( range: DateRange ) {
	const span = { from: range.from, to: range.to };
	const key = `${ range.from }|${ range.to }`;
	return {
		byProvider: useLoaded( key, () => fetchSummary( span, 'provider' ) ),
		byModel: useLoaded( key, () => fetchSummary( span, 'model' ) ),
		byTask: useLoaded( key, () => fetchSummary( span, 'task' ) ),
		byUser: useLoaded( key, () => fetchSummary( span, 'user' ) ),
		hourly: useLoaded( key, () => fetchTimeseries( span, 'hour' ) ),
		daily: useLoaded( key, () => fetchTimeseries( span, 'day' ) ),
		events: useLoaded( key, () => fetchEvents( span ) ),
	};
}

/**
 * Caps and the spend they are measured against (today by user, this month), whatever range
 * the page shows.
 *
 * @param today Today in the site's time zone.
 */
export function useBudgetData( today: string ) {
	return {
		budgets: useLoaded( 'budgets', fetchBudgets ),
		today: useLoaded( `today|${ today }`, () =>
			fetchSummary( { from: today, to: today }, 'user' )
		),
		month: useLoaded( `month|${ today }`, () =>
			fetchSummary( { from: monthStart( today ), to: today } )
		),
	};
}

/**
 * GET providers, again every 30 s; the last answer stays shown while the next one loads.
 */
export function useProviderHealth() {
	return useLoaded( 'providers', fetchProviders, HEALTH_REFRESH_MS );
}
