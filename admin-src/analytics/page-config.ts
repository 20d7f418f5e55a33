/**
 * External dependencies
 */
import * as z from 'zod/mini';

/**
 * Internal dependencies
 */
import { todayIn } from './date-range';

/**
 * What the Analytics page reads of `window.agenticWriterAdmin` (Admin_Menu::page_config()):
 * the site's time zone and today's date in it, so "Today" is the site's day, not the browser's.
 */
const schema = z.object( {
	timezone: z.optional( z.string() ),
	today: z.optional( z.string() ),
} );

export type AnalyticsConfig = { timezone: string; today: string };

/**
 * The page's time facts; the browser's clock in UTC when the page printed none.
 *
 * @param value `window.agenticWriterAdmin`.
 * @param now   Clock.
 */
export function readAnalyticsConfig(
	value: unknown,
	now: Date = new Date()
): AnalyticsConfig {
	const parsed = schema.safeParse( value );
	const timezone = ( parsed.success && parsed.data.timezone ) || 'UTC';
	const today =
		( parsed.success && parsed.data.today ) || todayIn( timezone, now );
	return { timezone, today };
}
