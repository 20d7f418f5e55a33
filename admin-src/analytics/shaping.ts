/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	formatCount,
	formatCredit,
	formatEstimate,
	formatMs,
	formatPercent,
	formatUsd,
} from './format';
import type {
	UsageEvent,
	UsageGroup,
	UsagePoint,
	UsageTotals,
} from './usage-schemas';

export type Kpi = { id: string; label: string; value: string; note?: string };

/**
 * Dollars a provider billed or would bill: metered plus estimated. Subscription credit and
 * self-hosted models are not money the site pays per request.
 *
 * @param cost Cost by kind.
 */
export function billedUsd( cost: UsageTotals[ 'cost_usd' ] ): number {
	return cost.metered + cost.estimated;
}

/**
 * The KPI cards of a range, each value in words a person can trust: estimates marked as such,
 * subscription credit as credit, local models as local.
 *
 * @param totals Totals of the range.
 */
export function kpiCards( totals: UsageTotals ): Kpi[] {
	const tokens = totals.tokens_prompt + totals.tokens_completion;
	return [
		{
			id: 'requests',
			label: __( 'Requests', 'agentic-writer' ),
			value: formatCount( totals.requests ),
			note: sprintf(
				/* translators: 1: provider calls, 2: failed calls */
				__( '%1$s provider calls, %2$s failed', 'agentic-writer' ),
				formatCount( totals.attempts ?? totals.requests ),
				formatCount( totals.errors )
			),
		},
		{
			id: 'tokens',
			label: __( 'Tokens', 'agentic-writer' ),
			value: formatCount( tokens ),
			note: sprintf(
				/* translators: 1: prompt tokens, 2: completion tokens */
				__( '%1$s in → %2$s out', 'agentic-writer' ),
				formatCount( totals.tokens_prompt ),
				formatCount( totals.tokens_completion )
			),
		},
		{
			id: 'metered',
			label: __( 'Billed by providers', 'agentic-writer' ),
			value: formatUsd( totals.cost_usd.metered ),
			note: __( 'the cost the provider reported', 'agentic-writer' ),
		},
		{
			id: 'estimated',
			label: __( 'Estimated cost', 'agentic-writer' ),
			value: formatEstimate( totals.cost_usd.estimated ),
			note: __( 'tokens × the model’s price', 'agentic-writer' ),
		},
		{
			id: 'subscription',
			label: __( 'Subscription', 'agentic-writer' ),
			value: formatCredit( totals.cost_usd.subscription ),
			note: __(
				'local backend: not billed per request',
				'agentic-writer'
			),
		},
		{
			id: 'local',
			label: __( 'Self-hosted', 'agentic-writer' ),
			value: __( 'local', 'agentic-writer' ),
			note: __( 'your own models: no charge recorded', 'agentic-writer' ),
		},
		{
			id: 'savings',
			label: __( 'Savings', 'agentic-writer' ),
			value:
				totals.savings_usd === null
					? __( 'unknown', 'agentic-writer' )
					: formatEstimate( totals.savings_usd ),
			note:
				totals.savings_usd === null
					? __(
							'the cloud default model has no known price',
							'agentic-writer'
						)
					: __(
							'what the cloud default would have cost for the subscription and local answers',
							'agentic-writer'
						),
		},
		{
			id: 'fallback-rate',
			label: __( 'Fallback rate', 'agentic-writer' ),
			value: formatPercent( totals.fallbacks, totals.requests ),
			note: sprintf(
				/* translators: %s: number of fallbacks */
				__( '%s fallbacks', 'agentic-writer' ),
				formatCount( totals.fallbacks )
			),
		},
		{
			id: 'latency',
			label: __( 'Latency p50 / p95', 'agentic-writer' ),
			value: `${ formatMs( totals.latency_ms_p50 ) } / ${ formatMs(
				totals.latency_ms_p95
			) }`,
			note: sprintf(
				/* translators: 1: median time to first token, 2: 95th percentile */
				__( 'first token %1$s / %2$s', 'agentic-writer' ),
				formatMs( totals.ttft_ms_p50 ),
				formatMs( totals.ttft_ms_p95 )
			),
		},
	];
}

export type ChartMetric = 'tokens' | 'cost';

/**
 * A point's value for a chart: tokens in and out, or dollars billed and estimated (credit and
 * self-hosted models are no money paid per request, as in the budgets).
 *
 * @param point  Bucket.
 * @param metric What the chart shows.
 */
export function pointValue( point: UsagePoint, metric: ChartMetric ): number {
	if ( metric === 'tokens' ) {
		return point.tokens_prompt + point.tokens_completion;
	}
	return typeof point.cost_usd === 'number'
		? point.cost_usd
		: billedUsd( point.cost_usd );
}

/**
 * uPlot's data for a series: x as the site's wall clock read as UTC seconds (the chart is drawn
 * in UTC, so it shows site time whatever the browser's zone), strictly increasing even across
 * the hour a daylight-saving change repeats.
 *
 * @param points Buckets in order.
 * @param metric What the chart shows.
 */
export function chartData(
	points: readonly UsagePoint[],
	metric: ChartMetric
): [ number[], number[] ] {
	const xs: number[] = [];
	const ys: number[] = [];
	for ( const point of points ) {
		const wall = Date.parse( `${ point.start.slice( 0, 19 ) }Z` ) / 1000;
		const previous = xs[ xs.length - 1 ];
		xs.push(
			previous !== undefined && wall <= previous ? previous + 1 : wall
		);
		ys.push( pointValue( point, metric ) );
	}
	return [ xs, ys ];
}

/**
 * Sum of a series.
 *
 * @param points Buckets.
 * @param metric What to add up.
 */
export function seriesTotal(
	points: readonly UsagePoint[],
	metric: ChartMetric
): number {
	return points.reduce(
		( sum, point ) => sum + pointValue( point, metric ),
		0
	);
}

/**
 * The bucket with the largest value, or null when every bucket is zero.
 *
 * @param points Buckets.
 * @param metric What to compare.
 */
export function peakPoint(
	points: readonly UsagePoint[],
	metric: ChartMetric
): UsagePoint | null {
	let peak: UsagePoint | null = null;
	for ( const point of points ) {
		if (
			pointValue( point, metric ) > 0 &&
			( ! peak ||
				pointValue( point, metric ) > pointValue( peak, metric ) )
		) {
			peak = point;
		}
	}
	return peak;
}

export const DIMENSIONS = [ 'provider', 'model', 'task', 'user' ] as const;
export type Dimension = ( typeof DIMENSIONS )[ number ];

const TASK_LABELS: Record< string, string > = {
	chat: __( 'Chat', 'agentic-writer' ),
	clarity: __( 'Clarify', 'agentic-writer' ),
	planning: __( 'Plan', 'agentic-writer' ),
	writing: __( 'Write', 'agentic-writer' ),
	refinement: __( 'Refine', 'agentic-writer' ),
	image: __( 'Image', 'agentic-writer' ),
};

/**
 * A task's name as the sidebar's tab says it ("Write" for `writing`).
 *
 * @param task Task type.
 */
export function taskName( task: string ): string {
	return TASK_LABELS[ task ] ?? task;
}

const PROVIDER_LABELS: Record< string, string > = {
	local_backend: 'Local backend',
	openrouter: 'OpenRouter',
	anthropic: 'Anthropic',
};

/**
 * A provider's label: the site's own (from GET providers), a built-in's, else its id.
 *
 * @param id     Provider id.
 * @param labels Labels the site reported, by id.
 */
export function providerName(
	id: string,
	labels: Readonly< Record< string, string > > = {}
): string {
	return (
		labels[ id ] ??
		PROVIDER_LABELS[ id ] ??
		id.replace( /^openai_compatible:/, '' )
	);
}

/**
 * What a group row is called.
 *
 * @param dimension Grouped by.
 * @param group     Row.
 * @param labels    Provider labels.
 */
export function groupName(
	dimension: Dimension,
	group: Pick< UsageGroup, 'key' | 'label' >,
	labels: Readonly< Record< string, string > > = {}
): string {
	if ( group.label ) {
		return group.label;
	}
	const key =
		group.key === null || group.key === '' ? '' : String( group.key );
	if ( key === '' ) {
		return __( '(none recorded)', 'agentic-writer' );
	}
	switch ( dimension ) {
		case 'provider':
			return providerName( key, labels );
		case 'task':
			return taskName( key );
		case 'user':
			return key === '0'
				? __( '(no user: ingested or system)', 'agentic-writer' )
				: sprintf(
						/* translators: %s: user id */
						__( 'User #%s', 'agentic-writer' ),
						key
					);
		default:
			return key;
	}
}

export const SORT_COLUMNS = [
	'name',
	'requests',
	'tokens',
	'cost',
	'fallbacks',
	'errors',
	'latency',
] as const;
export type SortColumn = ( typeof SORT_COLUMNS )[ number ];
export type Sort = { column: SortColumn; direction: 'asc' | 'desc' };

export type GroupRow = { name: string; group: UsageGroup };

function sortValue( row: GroupRow, column: SortColumn ): number | string {
	const { group } = row;
	switch ( column ) {
		case 'name':
			return row.name.toLowerCase();
		case 'requests':
			return group.requests;
		case 'tokens':
			return group.tokens_prompt + group.tokens_completion;
		case 'cost':
			// Credit counts too: a row that used only subscription credit is not "free".
			return billedUsd( group.cost_usd ) + group.cost_usd.subscription;
		case 'fallbacks':
			return group.fallbacks;
		case 'errors':
			return group.errors;
		case 'latency':
			return group.latency_ms_p95 ?? -1;
	}
}

/**
 * Rows named and sorted; ties keep the server's order.
 *
 * @param dimension Grouped by.
 * @param groups    Rows from the summary.
 * @param sort      Column and direction.
 * @param labels    Provider labels.
 */
export function sortedRows(
	dimension: Dimension,
	groups: readonly UsageGroup[],
	sort: Sort,
	labels: Readonly< Record< string, string > > = {}
): GroupRow[] {
	const rows = groups.map( ( group ) => ( {
		name: groupName( dimension, group, labels ),
		group,
	} ) );
	const sign = sort.direction === 'asc' ? 1 : -1;
	return rows
		.map( ( row, index ) => ( { row, index } ) )
		.sort( ( a, b ) => {
			const x = sortValue( a.row, sort.column );
			const y = sortValue( b.row, sort.column );
			if ( x < y ) {
				return -sign;
			}
			if ( x > y ) {
				return sign;
			}
			return a.index - b.index;
		} )
		.map( ( { row } ) => row );
}

const REASONS: Record< string, string > = {
	connection_failed: __( 'unreachable', 'agentic-writer' ),
	timeout: __( 'timed out', 'agentic-writer' ),
	rate_limited: __( 'rate-limited (429)', 'agentic-writer' ),
	upstream_error: __( 'failed with a server error (5xx)', 'agentic-writer' ),
	stream_interrupted: __( 'broke off mid-answer', 'agentic-writer' ),
	circuit_open: __( 'paused after repeated failures', 'agentic-writer' ),
	auth_failed: __( 'refused its API key', 'agentic-writer' ),
	bad_request: __( 'refused the request', 'agentic-writer' ),
	bad_response: __( 'answered something unreadable', 'agentic-writer' ),
	client_aborted: __( 'stopped by the author', 'agentic-writer' ),
	unavailable: __( 'not set up', 'agentic-writer' ),
	internal_error: __( 'hit an error in the plugin', 'agentic-writer' ),
	agentic_writer_budget_exceeded: __(
		'refused: a budget cap was reached',
		'agentic-writer'
	),
};

/**
 * Why a provider failed, in words ("rate-limited (429)"); an unknown code as it is.
 *
 * @param code error_code of the row.
 */
export function reasonText( code: string | null | undefined ): string {
	if ( ! code ) {
		return __( 'no reason recorded', 'agentic-writer' );
	}
	return REASONS[ code ] ?? code.replace( /_/g, ' ' );
}

/**
 * What happened, in a sentence: "Local backend failed — OpenRouter answered instead", or
 * "OpenRouter failed; no provider answered".
 *
 * @param event  Fallback or error event.
 * @param labels Provider labels.
 */
export function eventOutcome(
	event: UsageEvent,
	labels: Readonly< Record< string, string > > = {}
): string {
	const failed = providerName( event.provider || '?', labels );
	return event.answered_by
		? sprintf(
				/* translators: 1: provider that failed, 2: provider that answered */
				__( '%1$s failed — %2$s answered instead', 'agentic-writer' ),
				failed,
				providerName( event.answered_by, labels )
			)
		: sprintf(
				/* translators: %s: provider that failed */
				__( '%s failed; no provider answered', 'agentic-writer' ),
				failed
			);
}

/**
 * One line per failure: a request that fell back is recorded as an error row and a fallback
 * row, both saying who failed and who answered; the newest of such twins is kept.
 *
 * @param events Events, newest first.
 */
export function distinctEvents( events: readonly UsageEvent[] ): UsageEvent[] {
	const seen = new Set< string >();
	return events.filter( ( event ) => {
		const key = [
			event.request_id,
			event.provider,
			event.answered_by ?? '',
		].join( '\n' );
		if ( seen.has( key ) ) {
			return false;
		}
		seen.add( key );
		return true;
	} );
}
