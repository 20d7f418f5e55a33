/**
 * Internal dependencies
 */
import {
	addDays,
	isDate,
	monthStart,
	presetRange,
	rangeDays,
	rangeFromSearch,
	searchWithRange,
	todayIn,
} from './date-range';

const TODAY = '2026-12-03';

describe( 'date ranges', () => {
	it( 'makes the presets end today, both days included', () => {
		expect( presetRange( 'today', TODAY ) ).toEqual( {
			preset: 'today',
			from: TODAY,
			to: TODAY,
		} );
		expect( presetRange( '7d', TODAY ) ).toMatchObject( {
			from: '2026-11-27',
		} );
		expect( rangeDays( presetRange( '7d', TODAY ) ) ).toBe( 7 );
		expect( rangeDays( presetRange( '30d', TODAY ) ) ).toBe( 30 );
	} );

	it( 'counts calendar days across month ends and leap days', () => {
		expect( addDays( '2028-03-01', -1 ) ).toBe( '2028-02-29' );
		expect( addDays( '2026-12-31', 1 ) ).toBe( '2027-01-01' );
		expect( monthStart( TODAY ) ).toBe( '2026-12-01' );
	} );

	it( 'accepts only real dates', () => {
		expect( isDate( '2026-02-28' ) ).toBe( true );
		expect( isDate( '2026-02-30' ) ).toBe( false );
		expect( isDate( '2026-2-1' ) ).toBe( false );
		expect( isDate( null ) ).toBe( false );
	} );
} );

describe( 'the range in the URL', () => {
	it( 'reads a preset or a custom pair', () => {
		expect( rangeFromSearch( '?page=x&range=30d', TODAY ) ).toEqual(
			presetRange( '30d', TODAY )
		);
		expect(
			rangeFromSearch(
				'?page=x&range=custom&from=2026-10-01&to=2026-10-31',
				TODAY
			)
		).toEqual( { preset: 'custom', from: '2026-10-01', to: '2026-10-31' } );
	} );

	it( 'falls back to 7 days for nothing or nonsense', () => {
		const week = presetRange( '7d', TODAY );
		expect( rangeFromSearch( '?page=x', TODAY ) ).toEqual( week );
		expect( rangeFromSearch( '?range=year', TODAY ) ).toEqual( week );
		expect(
			rangeFromSearch(
				'?range=custom&from=2026-10-31&to=2026-10-01',
				TODAY
			)
		).toEqual( week );
		expect(
			rangeFromSearch( '?range=custom&from=2026-10-01', TODAY )
		).toEqual( week );
	} );

	it( 'writes the range and keeps the admin page parameter', () => {
		const custom = searchWithRange( '?page=agentic-writer-analytics', {
			preset: 'custom',
			from: '2026-10-01',
			to: '2026-10-31',
		} );
		expect( custom ).toBe(
			'?page=agentic-writer-analytics&range=custom&from=2026-10-01&to=2026-10-31'
		);
		expect( rangeFromSearch( custom, TODAY ) ).toMatchObject( {
			from: '2026-10-01',
		} );
		expect( searchWithRange( custom, presetRange( 'today', TODAY ) ) ).toBe(
			'?page=agentic-writer-analytics&range=today'
		);
	} );
} );

describe( 'todayIn', () => {
	// 23:30 UTC on 3 December is already 4 December in Berlin, still 3 December in New York.
	const now = new Date( '2026-12-03T23:30:00Z' );

	it( 'reads IANA zones and WordPress offsets', () => {
		expect( todayIn( 'Europe/Berlin', now ) ).toBe( '2026-12-04' );
		expect( todayIn( 'America/New_York', now ) ).toBe( '2026-12-03' );
		expect( todayIn( '+05:30', now ) ).toBe( '2026-12-04' );
		expect( todayIn( '-03:00', now ) ).toBe( '2026-12-03' );
	} );

	it( 'uses UTC for a zone it does not know', () => {
		expect( todayIn( 'Mars/Olympus', now ) ).toBe( '2026-12-03' );
	} );
} );
