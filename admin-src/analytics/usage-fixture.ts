/**
 * Bodies as the usage routes answer them (DESIGN.md §5), for the tests. Each is parsed with the
 * page's own schemas, so a fixture that drifts from the contract fails loudly.
 */
import {
	eventsSchema,
	summarySchema,
	timeseriesSchema,
	type UsageGroup,
	type UsageTotals,
} from './usage-schemas';

export function totals( overrides: Partial< UsageTotals > = {} ): UsageTotals {
	return {
		requests: 0,
		errors: 0,
		fallbacks: 0,
		tokens_prompt: 0,
		tokens_completion: 0,
		cost_usd: { metered: 0, estimated: 0, subscription: 0, local: 0 },
		savings_usd: 0,
		latency_ms_p50: null,
		latency_ms_p95: null,
		ttft_ms_p50: null,
		ttft_ms_p95: null,
		...overrides,
	};
}

export function group(
	key: UsageGroup[ 'key' ],
	overrides: Partial< UsageTotals > = {}
): UsageGroup {
	return { key, ...totals( overrides ) };
}

const openrouter = totals( {
	requests: 30,
	errors: 1,
	fallbacks: 0,
	tokens_prompt: 12000,
	tokens_completion: 30000,
	cost_usd: { metered: 0.84, estimated: 0, subscription: 0, local: 0 },
	latency_ms_p50: 900,
	latency_ms_p95: 2400,
	ttft_ms_p50: 300,
	ttft_ms_p95: 800,
} );
const localBackend = totals( {
	requests: 12,
	errors: 0,
	fallbacks: 0,
	tokens_prompt: 5000,
	tokens_completion: 9000,
	cost_usd: { metered: 0, estimated: 0, subscription: 0.31, local: 0 },
	latency_ms_p50: 1500,
	latency_ms_p95: 4100,
	ttft_ms_p50: 1200,
	ttft_ms_p95: 1700,
} );
const anthropic = totals( {
	requests: 4,
	errors: 0,
	fallbacks: 3,
	tokens_prompt: 1000,
	tokens_completion: 2000,
	cost_usd: { metered: 0, estimated: 0.0412, subscription: 0, local: 0 },
	latency_ms_p50: 1100,
	latency_ms_p95: 1300,
	ttft_ms_p50: 400,
	ttft_ms_p95: 500,
} );

export const summaryByProvider = summarySchema.parse( {
	from: '2026-11-27',
	to: '2026-12-03',
	timezone: 'Europe/Berlin',
	totals: totals( {
		requests: 46,
		errors: 1,
		fallbacks: 3,
		tokens_prompt: 18000,
		tokens_completion: 41000,
		cost_usd: {
			metered: 0.84,
			estimated: 0.0412,
			subscription: 0.31,
			local: 0,
		},
		savings_usd: 0.52,
		latency_ms_p50: 1000,
		latency_ms_p95: 3900,
		ttft_ms_p50: 350,
		ttft_ms_p95: 1600,
	} ),
	groups: [
		{ key: 'openrouter', ...openrouter },
		{ key: 'local_backend', ...localBackend },
		{ key: 'anthropic', ...anthropic },
	],
} );

export const emptySummary = summarySchema.parse( {
	from: '2026-12-03',
	to: '2026-12-03',
	timezone: 'Europe/Berlin',
	totals: totals(),
	groups: [],
} );

export const hourly = timeseriesSchema.parse( {
	bucket: 'hour',
	timezone: 'Europe/Berlin',
	points: [
		{
			start: '2026-12-03T09:00:00+01:00',
			requests: 2,
			errors: 0,
			tokens_prompt: 400,
			tokens_completion: 900,
			cost_usd: {
				metered: 0.02,
				estimated: 0,
				subscription: 0.01,
				local: 0,
			},
		},
		{
			start: '2026-12-03T10:00:00+01:00',
			requests: 0,
			errors: 0,
			tokens_prompt: 0,
			tokens_completion: 0,
			cost_usd: { metered: 0, estimated: 0, subscription: 0, local: 0 },
		},
		{
			start: '2026-12-03T11:00:00+01:00',
			requests: 5,
			errors: 1,
			tokens_prompt: 2000,
			tokens_completion: 5000,
			cost_usd: { metered: 0.1, estimated: 0, subscription: 0, local: 0 },
		},
	],
} );

export const daily = timeseriesSchema.parse( {
	bucket: 'day',
	timezone: 'Europe/Berlin',
	points: [
		{
			start: '2026-12-02T00:00:00+01:00',
			requests: 20,
			errors: 0,
			tokens_prompt: 8000,
			tokens_completion: 20000,
			cost_usd: {
				metered: 0.4,
				estimated: 0,
				subscription: 0.1,
				local: 0,
			},
		},
		{
			start: '2026-12-03T00:00:00+01:00',
			requests: 26,
			errors: 1,
			tokens_prompt: 10000,
			tokens_completion: 21000,
			cost_usd: {
				metered: 0.44,
				estimated: 0.0412,
				subscription: 0.21,
				local: 0,
			},
		},
	],
} );

export const events = eventsSchema.parse( {
	total: 2,
	events: [
		{
			type: 'fallback',
			created_at: '2026-12-03T09:15:02Z',
			request_id: 'req-2',
			task_type: 'writing',
			user_id: 2,
			provider: 'local_backend',
			model: 'claude-sonnet-4-5',
			reason: 'connection_failed',
			answered_by: 'anthropic',
			source: 'plugin',
		},
		{
			type: 'error',
			created_at: '2026-12-03T07:00:00Z',
			request_id: 'req-1',
			task_type: 'chat',
			user_id: 1,
			provider: 'openrouter',
			model: 'openai/gpt-4o-mini',
			reason: 'rate_limited',
			answered_by: null,
			source: 'plugin',
		},
	],
} );
