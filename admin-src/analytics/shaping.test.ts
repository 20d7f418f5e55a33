/**
 * Internal dependencies
 */
import { budgetLines } from './budget-use';
import {
	chartData,
	eventOutcome,
	groupName,
	kpiCards,
	peakPoint,
	reasonText,
	distinctEvents,
	seriesTotal,
	sortedRows,
} from './shaping';
import {
	daily,
	events,
	group,
	hourly,
	summaryByProvider,
	totals,
} from './usage-fixture';
import { summarySchema } from './usage-schemas';

describe( 'KPI cards', () => {
	const cards = Object.fromEntries(
		kpiCards( summaryByProvider.totals ).map( ( k ) => [ k.id, k ] )
	);

	it( 'shows each cost kind in its own words', () => {
		expect( cards.metered?.value ).toBe( '$0.84' );
		expect( cards.estimated?.value ).toBe( '≈ $0.04 (estimate)' );
		expect( cards.subscription?.value ).toBe(
			'$0.31 of subscription credit'
		);
		expect( cards.local?.value ).toBe( 'local' );
		expect( cards.savings?.value ).toBe( '≈ $0.52 (estimate)' );
	} );

	it( 'adds tokens up and gives rates and percentiles', () => {
		expect( cards.requests?.value ).toBe( '46' );
		expect( cards.tokens?.value ).toBe( '59,000' );
		expect( cards.tokens?.note ).toBe( '18,000 in → 41,000 out' );
		expect( cards[ 'fallback-rate' ]?.value ).toBe( '6.5%' );
		expect( cards.latency?.value ).toBe( '1.0 s / 3.9 s' );
	} );

	it( 'never shows subscription as $0 and has dashes for missing percentiles', () => {
		const empty = Object.fromEntries(
			kpiCards( totals() ).map( ( k ) => [ k.id, k ] )
		);
		expect( empty.subscription?.value ).not.toMatch( /\$0/ );
		expect( empty.latency?.value ).toBe( '— / —' );
		expect( empty[ 'fallback-rate' ]?.value ).toBe( '—' );
	} );
} );

describe( 'chart series', () => {
	it( 'uses the site’s wall clock as UTC seconds, with every bucket', () => {
		const [ xs, ys ] = chartData( hourly.points, 'tokens' );
		expect( xs ).toEqual( [
			Date.UTC( 2026, 11, 3, 9 ) / 1000,
			Date.UTC( 2026, 11, 3, 10 ) / 1000,
			Date.UTC( 2026, 11, 3, 11 ) / 1000,
		] );
		expect( ys ).toEqual( [ 1300, 0, 7000 ] );
	} );

	it( 'keeps x strictly increasing across the hour a DST change repeats', () => {
		const repeated = [
			'2026-10-25T02:00:00+02:00',
			'2026-10-25T02:00:00+01:00',
			'2026-10-25T03:00:00+01:00',
		].map( ( start ) => ( { ...hourly.points[ 0 ]!, start } ) );
		const [ xs ] = chartData( repeated, 'tokens' );
		expect( xs[ 1 ]! ).toBeGreaterThan( xs[ 0 ]! );
		expect( xs[ 2 ]! ).toBeGreaterThan( xs[ 1 ]! );
	} );

	it( 'sums to the summary and finds the peak', () => {
		expect( seriesTotal( daily.points, 'cost' ) ).toBeCloseTo( 0.8812, 8 );
		expect( seriesTotal( daily.points, 'tokens' ) ).toBe(
			summaryByProvider.totals.tokens_prompt +
				summaryByProvider.totals.tokens_completion
		);
		expect( peakPoint( hourly.points, 'tokens' )?.start ).toBe(
			'2026-12-03T11:00:00+01:00'
		);
		expect(
			peakPoint(
				hourly.points.map( ( p ) => ( {
					...p,
					tokens_prompt: 0,
					tokens_completion: 0,
				} ) ),
				'tokens'
			)
		).toBeNull();
	} );
} );

describe( 'group tables', () => {
	const groups = summaryByProvider.groups ?? [];

	it( 'names rows by the site’s labels, built-ins and tasks', () => {
		expect( groupName( 'provider', { key: 'local_backend' } ) ).toBe(
			'Local backend'
		);
		expect(
			groupName(
				'provider',
				{ key: 'openai_compatible:lmstudio' },
				{ 'openai_compatible:lmstudio': 'LM Studio' }
			)
		).toBe( 'LM Studio' );
		expect( groupName( 'provider', { key: 'openai_compatible:x' } ) ).toBe(
			'x'
		);
		expect( groupName( 'task', { key: 'refinement' } ) ).toBe( 'Refine' );
		expect( groupName( 'user', { key: 3 } ) ).toBe( 'User #3' );
		expect( groupName( 'user', { key: 3, label: 'Ada' } ) ).toBe( 'Ada' );
		expect( groupName( 'model', { key: null } ) ).toBe( '(none recorded)' );
	} );

	it( 'sorts by any column, both ways, ties in the server’s order', () => {
		const byRequests = sortedRows( 'provider', groups, {
			column: 'requests',
			direction: 'desc',
		} );
		expect( byRequests.map( ( r ) => r.name ) ).toEqual( [
			'OpenRouter',
			'Local backend',
			'Anthropic',
		] );
		const byName = sortedRows( 'provider', groups, {
			column: 'name',
			direction: 'asc',
		} );
		expect( byName.map( ( r ) => r.name ) ).toEqual( [
			'Anthropic',
			'Local backend',
			'OpenRouter',
		] );
		// Credit counts as cost: the local backend's $0.31 comes before Anthropic's $0.04.
		const byCost = sortedRows( 'provider', groups, {
			column: 'cost',
			direction: 'asc',
		} );
		expect( byCost.map( ( r ) => r.name ) ).toEqual( [
			'Anthropic',
			'Local backend',
			'OpenRouter',
		] );
		const ties = sortedRows( 'model', [ group( 'b' ), group( 'a' ) ], {
			column: 'requests',
			direction: 'desc',
		} );
		expect( ties.map( ( r ) => r.name ) ).toEqual( [ 'b', 'a' ] );
	} );

	it( 'rows sum to the totals in the fixture (the contract the server keeps)', () => {
		const sum = ( pick: ( g: ( typeof groups )[ number ] ) => number ) =>
			groups.reduce( ( s, g ) => s + pick( g ), 0 );
		const t = summaryByProvider.totals;
		expect( sum( ( g ) => g.requests ) ).toBe( t.requests );
		expect( sum( ( g ) => g.tokens_prompt ) ).toBe( t.tokens_prompt );
		expect( sum( ( g ) => g.cost_usd.metered ) ).toBeCloseTo(
			t.cost_usd.metered,
			8
		);
		expect( sum( ( g ) => g.fallbacks ) ).toBe( t.fallbacks );
	} );
} );

describe( 'events', () => {
	const list = events.events;

	it( 'says who failed and who answered instead', () => {
		expect( eventOutcome( list[ 0 ]! ) ).toBe(
			'Local backend failed — Anthropic answered instead'
		);
		expect( eventOutcome( list[ 1 ]! ) ).toBe(
			'OpenRouter failed; no provider answered'
		);
	} );

	it( 'gives the reason in words, an unknown code as words', () => {
		expect( reasonText( list[ 0 ]!.reason ) ).toBe( 'unreachable' );
		expect( reasonText( 'rate_limited' ) ).toBe( 'rate-limited (429)' );
		expect( reasonText( 'circuit_open' ) ).toBe(
			'paused after repeated failures'
		);
		expect( reasonText( 'quota_gone' ) ).toBe( 'quota gone' );
		expect( reasonText( null ) ).toBe( 'no reason recorded' );
	} );

	it( 'shows a fallback once, though its error row and fallback row both name it', () => {
		const twin = { ...list[ 0 ]!, type: 'error' as const };
		expect( distinctEvents( [ list[ 0 ]!, twin, list[ 1 ]! ] ) ).toEqual( [
			list[ 0 ],
			list[ 1 ],
		] );
	} );
} );

describe( 'budget use', () => {
	const today = summarySchema.parse( {
		...summaryByProvider,
		groups: [
			group( 2, {
				cost_usd: {
					metered: 0.5,
					estimated: 0.3,
					subscription: 9,
					local: 0,
				},
			} ),
			group( 5, {
				cost_usd: {
					metered: 0.2,
					estimated: 0,
					subscription: 0,
					local: 0,
				},
			} ),
		],
	} );

	it( 'measures billed and estimated dollars against each cap', () => {
		const lines = budgetLines(
			{
				site_daily_usd: 1,
				site_monthly_usd: 10,
				user_daily_usd: 1,
				alert_percent: 80,
				at_cap: 'refuse',
			},
			today,
			summaryByProvider
		);
		const [ day, month, user ] = lines;
		// 0.84 metered + 0.0412 estimated; the $0.31 credit is not spend.
		expect( day?.spent ).toBeCloseTo( 0.8812, 8 );
		expect( day ).toMatchObject( { percent: 88, level: 'alert' } );
		expect( month ).toMatchObject( { percent: 8, level: 'ok' } );
		expect( user ).toMatchObject( { percent: 80, level: 'alert' } );
		expect( user?.note ).toBe( 'highest today: User #2' );
	} );

	it( 'says a cap is reached, and has no bar without a cap', () => {
		const [ day, month ] = budgetLines(
			{
				site_daily_usd: 0.5,
				site_monthly_usd: null,
				user_daily_usd: null,
			},
			today,
			null
		);
		expect( day?.level ).toBe( 'capped' );
		expect( month ).toMatchObject( { cap: null, percent: 0, level: 'ok' } );
	} );
} );
