/**
 * The range the page shows: Today, 7 days, 30 days or a custom pair of dates (site time zone,
 * both inclusive), kept in the page URL so a reload or a shared link shows the same range.
 */
export const PRESETS = [ 'today', '7d', '30d', 'custom' ] as const;
export type Preset = ( typeof PRESETS )[ number ];

export type DateRange = {
	preset: Preset;
	/** YYYY-MM-DD, inclusive. */
	from: string;
	/** YYYY-MM-DD, inclusive. */
	to: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * Whether a string is a real calendar date in YYYY-MM-DD form (2026-02-30 is not).
 *
 * @param value Candidate.
 */
export function isDate( value: string | null | undefined ): value is string {
	if ( ! value || ! DATE.test( value ) ) {
		return false;
	}
	const time = Date.parse( `${ value }T00:00:00Z` );
	return (
		! Number.isNaN( time ) &&
		new Date( time ).toISOString().slice( 0, 10 ) === value
	);
}

/**
 * The date `days` days after (or before, when negative) a date.
 *
 * @param date YYYY-MM-DD.
 * @param days Days to add.
 */
export function addDays( date: string, days: number ): string {
	return new Date( Date.parse( `${ date }T00:00:00Z` ) + days * DAY_MS )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * The first day of the date's month.
 *
 * @param date YYYY-MM-DD.
 */
export function monthStart( date: string ): string {
	return `${ date.slice( 0, 7 ) }-01`;
}

/**
 * Days in a range, both ends counted.
 *
 * @param range From and to.
 */
export function rangeDays( range: Pick< DateRange, 'from' | 'to' > ): number {
	return (
		Math.round(
			( Date.parse( `${ range.to }T00:00:00Z` ) -
				Date.parse( `${ range.from }T00:00:00Z` ) ) /
				DAY_MS
		) + 1
	);
}

/**
 * A preset's dates, ending today.
 *
 * @param preset Today, 7 or 30 days (custom keeps the dates it is given).
 * @param today  Today in the site's time zone.
 */
export function presetRange(
	preset: Exclude< Preset, 'custom' >,
	today: string
): DateRange {
	const back = { today: 0, '7d': 6, '30d': 29 }[ preset ];
	return { preset, from: addDays( today, -back ), to: today };
}

/**
 * The range a page URL asks for; 7 days when it asks for none or for one that makes no sense
 * (a custom range needs two real dates, the first not after the second).
 *
 * @param search `location.search`.
 * @param today  Today in the site's time zone.
 */
export function rangeFromSearch( search: string, today: string ): DateRange {
	const params = new URLSearchParams( search );
	const preset = params.get( 'range' );
	if ( preset === 'custom' ) {
		const from = params.get( 'from' );
		const to = params.get( 'to' );
		if ( isDate( from ) && isDate( to ) && from <= to ) {
			return { preset, from, to };
		}
	}
	if ( preset === 'today' || preset === '30d' ) {
		return presetRange( preset, today );
	}
	return presetRange( '7d', today );
}

/**
 * The page URL's query with the range in it; other parameters (the admin `page`) are kept.
 *
 * @param search `location.search`.
 * @param range  Range to keep.
 */
export function searchWithRange( search: string, range: DateRange ): string {
	const params = new URLSearchParams( search );
	params.set( 'range', range.preset );
	if ( range.preset === 'custom' ) {
		params.set( 'from', range.from );
		params.set( 'to', range.to );
	} else {
		params.delete( 'from' );
		params.delete( 'to' );
	}
	return `?${ params.toString() }`;
}

/**
 * Today in a time zone (IANA name or a "+02:00" offset as WordPress gives it), from a clock.
 * Used when the page config carries no date of its own.
 *
 * @param timeZone Site time zone.
 * @param now      Clock.
 */
export function todayIn( timeZone: string, now: Date = new Date() ): string {
	const offset = /^([+-])(\d{1,2}):?(\d{2})$/.exec( timeZone );
	if ( offset ) {
		const sign = offset[ 1 ] === '-' ? -1 : 1;
		const minutes =
			sign * ( Number( offset[ 2 ] ) * 60 + Number( offset[ 3 ] ) );
		return new Date( now.getTime() + minutes * 60_000 )
			.toISOString()
			.slice( 0, 10 );
	}
	try {
		// en-CA writes dates as YYYY-MM-DD.
		return new Intl.DateTimeFormat( 'en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		} ).format( now );
	} catch {
		return now.toISOString().slice( 0, 10 );
	}
}
