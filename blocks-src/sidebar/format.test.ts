/**
 * Internal dependencies
 */
import {
	formatCost,
	formatFallback,
	formatTokens,
	formatTotals,
	providerLabel,
} from './format';
import type { TaskRoute, Totals } from './store/types';

const step = ( provider: string, label: string ) => ( {
	provider,
	label,
	kind: 'cloud' as const,
	model: 'm',
	state: 'ready' as const,
} );

const ROUTES: Partial< Record< string, TaskRoute > > = {
	chat: {
		...step( 'openai_compatible:lmstudio', 'LM Studio on the desk' ),
		chain: [
			step( 'openai_compatible:lmstudio', 'LM Studio on the desk' ),
			step( 'openrouter', 'OpenRouter (team key)' ),
		],
	},
	writing: {
		...step( 'local_backend', 'Claude on my Mac' ),
		chain: [ step( 'local_backend', 'Claude on my Mac' ) ],
	},
};

const totals = ( over: Partial< Totals > ): Totals => ( {
	requests: 0,
	tokens_prompt: 0,
	tokens_completion: 0,
	cost_usd: { metered: 0, estimated: 0, subscription: 0, local: 0 },
	...over,
} );

describe( 'formatCost', () => {
	it.each( [
		[ 0.0012, '$0.0012' ],
		[ 0.00005, '$0.0001' ],
		[ 0.0123, '$0.01' ],
		[ 1.5, '$1.50' ],
		[ 0, '$0.0000' ],
	] )( 'shows a metered cost of %f as %s', ( cost, expected ) => {
		expect( formatCost( { cost_usd: cost, cost_kind: 'metered' } ) ).toBe(
			expected
		);
	} );

	it( 'marks an estimated cost as an estimate', () => {
		const text = formatCost( { cost_usd: 0.0012, cost_kind: 'estimated' } );
		expect( text ).toContain( '$0.0012' );
		expect( text ).toMatch( /estimate/ );
		expect( text ).not.toBe( '$0.0012' );
	} );

	it.each( [ 0, 0.0042, null ] )(
		'says "subscription" for subscription usage, never a dollar amount (cost %p)',
		( cost ) => {
			const text = formatCost( {
				cost_usd: cost,
				cost_kind: 'subscription',
			} );
			expect( text ).toBe( 'subscription' );
			expect( text ).not.toContain( '$' );
		}
	);

	it.each( [ 0, null ] )(
		'says "local" for a local model (cost %p)',
		( cost ) => {
			expect( formatCost( { cost_usd: cost, cost_kind: 'local' } ) ).toBe(
				'local'
			);
		}
	);

	it( 'says the cost is unknown rather than $0 when a metered provider gave none', () => {
		const text = formatCost( { cost_usd: null, cost_kind: 'metered' } );
		expect( text ).toBe( 'cost unknown' );
	} );
} );

describe( 'formatTokens', () => {
	it( 'shows prompt and completion tokens', () => {
		expect(
			formatTokens( { tokens_prompt: 120, tokens_completion: 340 } )
		).toBe( '120 → 340 tokens' );
	} );
} );

describe( 'providerLabel', () => {
	it( 'uses the label the site reported, from any step of any route', () => {
		expect( providerLabel( 'openai_compatible:lmstudio', ROUTES ) ).toBe(
			'LM Studio on the desk'
		);
		expect( providerLabel( 'openrouter', ROUTES ) ).toBe(
			'OpenRouter (team key)'
		);
		expect( providerLabel( 'local_backend', ROUTES ) ).toBe(
			'Claude on my Mac'
		);
	} );

	it( 'falls back to a readable name when the routes do not know the provider', () => {
		expect( providerLabel( 'local_backend', null ) ).toBe(
			'Local backend'
		);
		expect( providerLabel( 'openrouter', {} ) ).toBe( 'OpenRouter' );
		expect( providerLabel( 'anthropic', ROUTES ) ).toBe( 'Anthropic' );
		expect( providerLabel( 'openai_compatible:ollama', null ) ).toBe(
			'ollama'
		);
		expect( providerLabel( 'someone_new', null ) ).toBe( 'someone_new' );
	} );
} );

describe( 'formatFallback', () => {
	it( 'says plainly who failed, why, and who answered', () => {
		expect(
			formatFallback(
				{
					from: 'local_backend',
					to: 'openrouter',
					reason: 'connection_failed',
				},
				null
			)
		).toBe( 'Local backend unreachable — answered by OpenRouter' );
	} );

	it( 'uses the site’s provider labels', () => {
		expect(
			formatFallback(
				{
					from: 'openai_compatible:lmstudio',
					to: 'openrouter',
					reason: 'timeout',
				},
				ROUTES
			)
		).toBe(
			'LM Studio on the desk timed out — answered by OpenRouter (team key)'
		);
	} );

	it( 'takes who answered from the caller when the event does not say', () => {
		expect(
			formatFallback(
				{ from: 'local_backend', reason: 'rate_limited' },
				null,
				'anthropic'
			)
		).toBe( 'Local backend rate-limited — answered by Anthropic' );
	} );

	it( 'says only what failed when nobody is known to have answered', () => {
		expect(
			formatFallback(
				{ from: 'openrouter', reason: 'circuit_open' },
				null
			)
		).toBe( 'OpenRouter paused after repeated failures' );
	} );

	it( 'words an unknown reason from its code', () => {
		expect(
			formatFallback(
				{
					from: 'openrouter',
					to: 'anthropic',
					reason: 'quota_exhausted',
				},
				null
			)
		).toBe( 'OpenRouter quota exhausted — answered by Anthropic' );
	} );
} );

describe( 'formatTotals', () => {
	it( 'counts one request in the singular', () => {
		expect(
			formatTotals(
				totals( {
					requests: 1,
					tokens_prompt: 100,
					tokens_completion: 250,
					cost_usd: {
						metered: 0.0012,
						estimated: 0,
						subscription: 0,
						local: 0,
					},
				} )
			)
		).toBe( '1 request · 350 tokens · $0.0012' );
	} );

	it( 'counts several in the plural, adds metered and estimated money, shows subscription credit apart', () => {
		expect(
			formatTotals(
				totals( {
					requests: 3,
					tokens_prompt: 10,
					tokens_completion: 20,
					cost_usd: {
						metered: 0.01,
						estimated: 0.0025,
						subscription: 0.4,
						local: 0,
					},
				} )
			)
		).toBe(
			'3 requests · 30 tokens · $0.01 · $0.40 of subscription credit'
		);
	} );

	it( 'shows no money for local-only use', () => {
		const text = formatTotals(
			totals( { requests: 2, tokens_prompt: 5 } )
		);
		expect( text ).toBe( '2 requests · 5 tokens' );
		expect( text ).not.toContain( '$' );
	} );

	it( 'says when there were no requests yet', () => {
		expect( formatTotals( totals( { requests: 0 } ) ) ).toBe(
			'No AI requests yet'
		);
	} );
} );

describe( 'formatFallback when the request failed in the end', () => {
	it( 'does not say who answered when nobody did', () => {
		expect(
			formatFallback(
				{
					from: 'local_backend',
					to: 'anthropic',
					reason: 'connection_failed',
				},
				null,
				null
			)
		).toBe( 'Local backend unreachable' );
	} );
} );
