/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * Bodies of the usage routes and the settings' budgets (DESIGN.md §5 "Usage API and budgets").
 * Unknown fields are dropped, so the server may add fields without breaking the page.
 */
export const COST_KINDS = [
	'metered',
	'estimated',
	'subscription',
	'local',
] as const;
export type CostKind = ( typeof COST_KINDS )[ number ];

// Percentiles are null when the range has no request with a figure.
const maybeMs = z.optional( z.nullable( z.number() ) );

const costSchema = z.object( {
	metered: z.number(),
	estimated: z.number(),
	subscription: z.number(),
	local: z.number(),
} );
export type CostByKind = z.infer< typeof costSchema >;

const totalsShape = {
	requests: z.number(),
	errors: z.number(),
	fallbacks: z.number(),
	tokens_prompt: z.number(),
	tokens_completion: z.number(),
	cost_usd: costSchema,
	// Provider calls, fallbacks included (a request that fell back is one request).
	attempts: z.optional( z.number() ),
	// Null when the cloud default model has no known price.
	savings_usd: z.nullable( z.number() ),
	latency_ms_p50: maybeMs,
	latency_ms_p95: maybeMs,
	ttft_ms_p50: maybeMs,
	ttft_ms_p95: maybeMs,
};

export const totalsSchema = z.object( totalsShape );
export type UsageTotals = z.infer< typeof totalsSchema >;

export const groupSchema = z.object( {
	...totalsShape,
	// A user id comes as a number from some databases: shown as text either way.
	key: z.union( [ z.string(), z.number(), z.null() ] ),
	label: z.optional( z.string() ),
} );
export type UsageGroup = z.infer< typeof groupSchema >;

export const summarySchema = z.object( {
	from: z.string(),
	to: z.string(),
	timezone: z.string(),
	totals: totalsSchema,
	groups: z.optional( z.array( groupSchema ) ),
} );
export type UsageSummary = z.infer< typeof summarySchema >;

export const BUCKETS = [ 'hour', 'day' ] as const;
export type Bucket = ( typeof BUCKETS )[ number ];

export const pointSchema = z.object( {
	start: z.string(),
	requests: z.number(),
	errors: z.number(),
	tokens_prompt: z.number(),
	tokens_completion: z.number(),
	// By kind, as the summary gives it (a plain number from an older server).
	cost_usd: z.union( [ z.number(), costSchema ] ),
} );
export type UsagePoint = z.infer< typeof pointSchema >;

export const timeseriesSchema = z.object( {
	bucket: z.enum( BUCKETS ),
	timezone: z.string(),
	points: z.array( pointSchema ),
} );
export type UsageTimeseries = z.infer< typeof timeseriesSchema >;

const text = z.optional( z.nullable( z.string() ) );

// One failure: `provider` is the one that failed (or was skipped), `reason` its error code
// (`circuit_open` when skipped), `answered_by` who served the request instead (null: nobody).
export const eventSchema = z.object( {
	type: z.enum( [ 'error', 'fallback' ] ),
	created_at: z.string(),
	request_id: z.string(),
	task_type: z.string(),
	provider: z.string(),
	model: text,
	reason: text,
	answered_by: text,
	user_id: z.optional( z.nullable( z.number() ) ),
	source: text,
} );
export type UsageEvent = z.infer< typeof eventSchema >;

export const eventsSchema = z.object( {
	total: z.optional( z.number() ),
	events: z.array( eventSchema ),
} );
export type UsageEvents = z.infer< typeof eventsSchema >;

const maybeUsd = z.optional( z.nullable( z.number() ) );

export const budgetsSchema = z.object( {
	site_daily_usd: maybeUsd,
	site_monthly_usd: maybeUsd,
	user_daily_usd: maybeUsd,
	alert_percent: z.optional( z.number() ),
	at_cap: z.optional( z.string() ),
} );
export type Budgets = z.infer< typeof budgetsSchema >;

// Only the budgets are read from GET settings here; the settings page owns the rest.
export const settingsBudgetsSchema = z.object( {
	budgets: z.optional( budgetsSchema ),
} );
