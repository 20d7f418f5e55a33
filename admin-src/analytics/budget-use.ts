/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { groupName, billedUsd } from './shaping';
import type { Budgets, UsageGroup, UsageSummary } from './usage-schemas';

export type BudgetLine = {
	id: 'site-daily' | 'site-monthly' | 'user-daily';
	label: string;
	spent: number;
	cap: number | null;
	/** Whole percent of the cap spent (0 without a cap). */
	percent: number;
	level: 'ok' | 'alert' | 'capped';
	note?: string;
};

function line(
	id: BudgetLine[ 'id' ],
	label: string,
	spent: number,
	cap: number | null | undefined,
	alertPercent: number
): BudgetLine {
	const limit = cap === undefined || cap === null ? null : cap;
	const percent =
		limit === null || limit <= 0
			? 0
			: Math.floor( ( spent / limit ) * 100 );
	let level: BudgetLine[ 'level' ] = 'ok';
	if ( limit !== null && spent >= limit ) {
		level = 'capped';
	} else if ( limit !== null && percent >= alertPercent ) {
		level = 'alert';
	}
	return { id, label, spent, cap: limit, percent, level };
}

/**
 * Spend against each cap: the site today, the site this month, and the author who spent the
 * most today against the per-author cap. Spend is billed plus estimated dollars, as the
 * budgets count it.
 *
 * @param budgets Caps.
 * @param today   Today's summary grouped by user (null while loading).
 * @param month   This month's summary.
 */
export function budgetLines(
	budgets: Budgets,
	today: UsageSummary | null,
	month: UsageSummary | null
): BudgetLine[] {
	const alert = budgets.alert_percent ?? 80;
	const todaySpent = today ? billedUsd( today.totals.cost_usd ) : 0;
	const monthSpent = month ? billedUsd( month.totals.cost_usd ) : 0;
	const top = ( today?.groups ?? [] ).reduce< UsageGroup | null >(
		( best, group ) =>
			! best || billedUsd( group.cost_usd ) > billedUsd( best.cost_usd )
				? group
				: best,
		null
	);
	const user = line(
		'user-daily',
		__( 'Per author, today', 'agentic-writer' ),
		top ? billedUsd( top.cost_usd ) : 0,
		budgets.user_daily_usd,
		alert
	);
	if ( top && billedUsd( top.cost_usd ) > 0 ) {
		user.note = sprintf(
			/* translators: %s: user who spent the most today */
			__( 'highest today: %s', 'agentic-writer' ),
			groupName( 'user', top )
		);
	}
	return [
		line(
			'site-daily',
			__( 'Site, today', 'agentic-writer' ),
			todaySpent,
			budgets.site_daily_usd,
			alert
		),
		line(
			'site-monthly',
			__( 'Site, this month', 'agentic-writer' ),
			monthSpent,
			budgets.site_monthly_usd,
			alert
		),
		user,
	];
}
