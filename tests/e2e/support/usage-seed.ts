/**
 * Usage rows for the Analytics specs, posted through the real usage/ingest route as the admin:
 * a week of writing across the built-in providers, every cost kind, and fallbacks with the
 * failures that caused them. Request ids are new on every run (ingest counts a seen id once).
 */
import { expect } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export const SEED_SOURCE = 'e2e-analytics';
/** Models only the seed uses, so a spec can find its own rows among others. */
export const SEED_MODELS = {
	cloud: 'e2e/seed-writer',
	estimated: 'e2e/seed-estimated',
	subscription: 'e2e/seed-sonnet',
	local: 'e2e/seed-llama',
};

type Record = {
	request_id: string;
	created_at: string;
	provider: string;
	model: string;
	task_type: string;
	tokens_prompt: number;
	tokens_completion: number;
	cost_usd?: number | null;
	cost_kind?: 'metered' | 'estimated' | 'subscription' | 'local';
	latency_ms?: number;
	ttft_ms?: number;
	status?: 'ok' | 'error' | 'fallback';
	fallback_from?: string;
	error_code?: string;
};

const TASKS = [ 'writing', 'chat', 'planning', 'refinement', 'clarity' ];

/** The records: `hoursBack` hours before now, spread over six days and today. */
export function seedRecords( run: string, now = Date.now() ): Record[] {
	const at = ( hoursBack: number ) => new Date( now - hoursBack * 3_600_000 ).toISOString().replace( /\.\d+Z$/, 'Z' );
	const records: Record[] = [];
	let n = 0;
	const id = () => `${ run }-${ ++n }`;
	for ( let i = 0; i < 28; i++ ) {
		const hoursBack = ( i * 5 ) % 150 + ( i % 3 );
		const task = TASKS[ i % TASKS.length ]!;
		const kind = ( [ 'metered', 'metered', 'subscription', 'estimated', 'local' ] as const )[ i % 5 ]!;
		const provider = { metered: 'openrouter', estimated: 'anthropic', subscription: 'local_backend', local: 'openai_compatible:lmstudio' }[ kind ];
		const model = { metered: SEED_MODELS.cloud, estimated: SEED_MODELS.estimated, subscription: SEED_MODELS.subscription, local: SEED_MODELS.local }[ kind ];
		const prompt = 300 + ( i * 97 ) % 1200;
		const completion = 600 + ( i * 211 ) % 2400;
		records.push( {
			request_id: id(),
			created_at: at( hoursBack ),
			provider,
			model,
			task_type: task,
			tokens_prompt: prompt,
			tokens_completion: completion,
			cost_kind: kind,
			cost_usd: kind === 'local' ? 0 : Number( ( ( prompt * 3 + completion * 15 ) / 1e6 ).toFixed( 6 ) ),
			latency_ms: 700 + ( i * 389 ) % 4200,
			ttft_ms: 200 + ( i * 53 ) % 900,
			status: 'ok',
		} );
	}
	// Fallbacks: the local backend failed, OpenRouter answered (two rows of one request).
	for ( const [ hoursBack, code ] of [ [ 2, 'connection_failed' ], [ 30, 'timeout' ], [ 75, 'rate_limited' ] ] as const ) {
		const request = id();
		records.push( {
			request_id: `${ request }-a`,
			created_at: at( hoursBack ),
			provider: 'local_backend',
			model: SEED_MODELS.subscription,
			task_type: 'writing',
			tokens_prompt: 0,
			tokens_completion: 0,
			cost_kind: 'subscription',
			latency_ms: 1500,
			status: 'error',
			error_code: code,
		} );
		records.push( {
			request_id: `${ request }-b`,
			created_at: at( hoursBack - 0.001 ),
			provider: 'openrouter',
			model: SEED_MODELS.cloud,
			task_type: 'writing',
			tokens_prompt: 800,
			tokens_completion: 1600,
			cost_kind: 'metered',
			cost_usd: 0.0264,
			latency_ms: 2600,
			ttft_ms: 480,
			status: 'fallback',
			fallback_from: 'local_backend',
		} );
	}
	// An error nobody answered.
	records.push( {
		request_id: id(),
		created_at: at( 5 ),
		provider: 'anthropic',
		model: SEED_MODELS.estimated,
		task_type: 'chat',
		tokens_prompt: 0,
		tokens_completion: 0,
		cost_kind: 'estimated',
		latency_ms: 300,
		status: 'error',
		error_code: 'auth_failed',
	} );
	return records;
}

/** Posts the seed through usage/ingest and checks every record was taken. */
export async function seedUsage( requestUtils: RequestUtils ): Promise< number > {
	const records = seedRecords( `e2e-an-${ Date.now().toString( 36 ) }` );
	const answer = ( await requestUtils.rest( {
		path: '/agentic-writer/v1/usage/ingest',
		method: 'POST',
		data: { source: SEED_SOURCE, records },
	} ) ) as { accepted: number; duplicates: number };
	expect( answer ).toEqual( { accepted: records.length, duplicates: 0 } );
	return records.length;
}
