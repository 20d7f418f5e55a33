/**
 * Internal dependencies
 */
import {
	formatBucket,
	formatCostMix,
	formatCredit,
	formatEstimate,
	formatMs,
	formatPercent,
	formatUsd,
	formatWhen,
} from './format';

const none = { metered: 0, estimated: 0, subscription: 0, local: 0 };

describe( 'money', () => {
	it( 'shows cents, or four places below a cent', () => {
		expect( formatUsd( 1.25 ) ).toBe( '$1.25' );
		expect( formatUsd( 0.0012 ) ).toBe( '$0.0012' );
		expect( formatUsd( 0 ) ).toBe( '$0.00' );
	} );

	it( 'marks estimates', () => {
		expect( formatEstimate( 0.0412 ) ).toBe( '≈ $0.04 (estimate)' );
		expect( formatEstimate( 0.004 ) ).toBe( '≈ $0.0040 (estimate)' );
	} );

	it( 'shows subscription credit as credit and never as $0', () => {
		expect( formatCredit( 0.31 ) ).toBe( '$0.31 of subscription credit' );
		expect( formatCredit( 0 ) ).toBe( 'no subscription credit used' );
		expect( formatCredit( 0 ) ).not.toMatch( /\$0/ );
	} );

	it( 'names every kind of a row’s cost', () => {
		expect(
			formatCostMix( {
				metered: 0.84,
				estimated: 0.0412,
				subscription: 0.31,
				local: 0,
			} )
		).toBe( '$0.84 · ≈ $0.04 (estimate) · $0.31 of subscription credit' );
		expect( formatCostMix( none ) ).toBe( 'not billed' );
		expect( formatCostMix( { ...none, subscription: 0.5 } ) ).toBe(
			'$0.50 of subscription credit'
		);
	} );
} );

describe( 'other figures', () => {
	it( 'gives rates with a dash when there is no whole', () => {
		expect( formatPercent( 3, 46 ) ).toBe( '6.5%' );
		expect( formatPercent( 23, 46 ) ).toBe( '50%' );
		expect( formatPercent( 0, 0 ) ).toBe( '—' );
	} );

	it( 'gives latency in ms or seconds', () => {
		expect( formatMs( 850.4 ) ).toBe( '850 ms' );
		expect( formatMs( 3900 ) ).toBe( '3.9 s' );
		expect( formatMs( null ) ).toBe( '—' );
	} );

	it( 'shows a bucket in the site’s wall clock, not the browser’s', () => {
		expect( formatBucket( '2026-12-03T14:00:00+09:00', 'hour' ) ).toBe(
			'2026-12-03 14:00'
		);
		expect( formatBucket( '2026-12-03T00:00:00-05:00', 'day' ) ).toBe(
			'2026-12-03'
		);
	} );
} );

describe( 'formatWhen', () => {
	it( 'shows a UTC row time in the site’s zone', () => {
		expect( formatWhen( '2026-12-03 23:30:00', 'Europe/Berlin' ) ).toBe(
			'Dec 4, 00:30'
		);
		expect( formatWhen( '2026-12-03T23:30:00Z', 'UTC' ) ).toBe(
			'Dec 3, 23:30'
		);
		expect( formatWhen( 'yesterday' ) ).toBe( 'yesterday' );
	} );
} );
