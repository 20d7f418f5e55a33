/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { UsageTotals } from './usage-schemas';

type CostByKind = UsageTotals[ 'cost_usd' ];

/**
 * "$0.0012" below a cent (but not zero), "$1.25" from a cent up, "$0.00" for nothing.
 *
 * @param usd Dollars.
 */
export function formatUsd( usd: number ): string {
	return `$${ usd.toFixed( usd > 0 && usd < 0.01 ? 4 : 2 ) }`;
}

/**
 * "≈ $0.0012 (estimate)".
 *
 * @param usd Dollars.
 */
export function formatEstimate( usd: number ): string {
	return sprintf(
		/* translators: %s: dollar amount */
		__( '≈ %s (estimate)', 'agentic-writer' ),
		formatUsd( usd )
	);
}

/**
 * Subscription credit in words: the dollars the CLI reports, said to be credit, never "$0".
 *
 * @param usd Dollar value of the credit used.
 */
export function formatCredit( usd: number ): string {
	return usd > 0
		? sprintf(
				/* translators: %s: dollar value of the subscription credit used */
				__( '%s of subscription credit', 'agentic-writer' ),
				formatUsd( usd )
			)
		: __( 'no subscription credit used', 'agentic-writer' );
}

/**
 * One cell for a row's cost, every kind it has in its own words: "$0.12 · ≈ $0.03 (estimate) ·
 * $0.40 of subscription credit"; "not billed" when nothing was billed, estimated or credited.
 *
 * @param cost Cost by kind.
 */
export function formatCostMix( cost: CostByKind ): string {
	const parts: string[] = [];
	if ( cost.metered > 0 ) {
		parts.push( formatUsd( cost.metered ) );
	}
	if ( cost.estimated > 0 ) {
		parts.push( formatEstimate( cost.estimated ) );
	}
	if ( cost.subscription > 0 ) {
		parts.push( formatCredit( cost.subscription ) );
	}
	if ( cost.local > 0 ) {
		parts.push(
			sprintf(
				/* translators: %s: dollar amount */
				__( '%s local', 'agentic-writer' ),
				formatUsd( cost.local )
			)
		);
	}
	return parts.length
		? parts.join( ' · ' )
		: __( 'not billed', 'agentic-writer' );
}

/**
 * "12,345".
 *
 * @param value Count.
 */
export function formatCount( value: number ): string {
	return value.toLocaleString( 'en-US' );
}

/**
 * "2.5%" of a whole; "—" when there is no whole.
 *
 * @param part  Part.
 * @param whole Whole.
 */
export function formatPercent( part: number, whole: number ): string {
	if ( whole <= 0 ) {
		return '—';
	}
	const percent = ( part / whole ) * 100;
	return `${ percent.toFixed( percent > 0 && percent < 10 ? 1 : 0 ) }%`;
}

/**
 * "850 ms", "1.2 s"; "—" when there is no figure.
 *
 * @param ms Milliseconds.
 */
export function formatMs( ms: number | null | undefined ): string {
	if ( ms === null || ms === undefined ) {
		return '—';
	}
	return ms < 1000
		? `${ Math.round( ms ) } ms`
		: `${ ( ms / 1000 ).toFixed( 1 ) } s`;
}

/**
 * A bucket's start as the site's wall clock: "2026-12-03 14:00" for an hour, "2026-12-03" for a
 * day. Read from the ISO string itself, so the browser's own time zone never shifts it.
 *
 * @param start  ISO 8601 with the site's offset.
 * @param bucket Bucket size.
 */
export function formatBucket( start: string, bucket: 'hour' | 'day' ): string {
	const date = start.slice( 0, 10 );
	return bucket === 'day' ? date : `${ date } ${ start.slice( 11, 16 ) }`;
}

/**
 * A time of the usage table (UTC, "2026-12-03 14:05:09" or ISO) as a short time in the site's
 * time zone (the browser's when the zone is one Intl does not know).
 *
 * @param value    Timestamp.
 * @param timeZone Site time zone.
 */
export function formatWhen( value: string, timeZone?: string ): string {
	const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test( value )
		? value
		: `${ value.replace( ' ', 'T' ) }Z`;
	const time = Date.parse( iso );
	if ( Number.isNaN( time ) ) {
		return value;
	}
	const options: Intl.DateTimeFormatOptions = {
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	};
	try {
		return new Date( time ).toLocaleString( 'en-US', {
			...options,
			timeZone,
		} );
	} catch {
		return new Date( time ).toLocaleString( 'en-US', options );
	}
}
