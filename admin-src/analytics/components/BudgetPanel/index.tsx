/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatUsd } from '../../format';
import { budgetLines, type BudgetLine } from '../../budget-use';
import type { Budgets, UsageSummary } from '../../usage-schemas';

type Props = {
	budgets: Budgets | null;
	/** Today's summary grouped by user. */
	today: UsageSummary | null;
	/** This month's summary. */
	month: UsageSummary | null;
};

function Line( { line }: { line: BudgetLine } ) {
	const text =
		line.cap === null
			? sprintf(
					/* translators: %s: amount spent */
					__( '%s spent; no cap set', 'agentic-writer' ),
					formatUsd( line.spent )
				)
			: sprintf(
					/* translators: 1: amount spent, 2: cap, 3: percent of the cap */
					__( '%1$s of %2$s (%3$s%%)', 'agentic-writer' ),
					formatUsd( line.spent ),
					formatUsd( line.cap ),
					String( line.percent )
				);
	return (
		<li
			className={ `agentic-writer-budget agentic-writer-budget--${ line.level }` }
		>
			<span className="agentic-writer-budget__label">{ line.label }</span>
			{ line.cap !== null && (
				<progress
					max={ 100 }
					value={ Math.min( 100, line.percent ) }
					aria-label={ line.label }
					aria-valuetext={ text }
				/>
			) }
			<span className="agentic-writer-budget__text">
				{ text }
				{ line.level === 'alert' &&
					` — ${ __( 'over the alert threshold', 'agentic-writer' ) }` }
				{ line.level === 'capped' &&
					` — ${ __( 'cap reached', 'agentic-writer' ) }` }
			</span>
			{ line.note && (
				<span className="agentic-writer-muted">{ line.note }</span>
			) }
		</li>
	);
}

/**
 * Spend against the site's daily and monthly caps and the per-author daily cap.
 *
 * @param props         Props.
 * @param props.budgets Caps from the settings.
 * @param props.today   Today's summary.
 * @param props.month   This month's summary.
 */
export default function BudgetPanel( { budgets, today, month }: Props ) {
	if ( ! budgets ) {
		return (
			<p>
				{ __(
					'This site has no budgets yet. Caps are set under Agentic Writer → Settings → Budgets.',
					'agentic-writer'
				) }
			</p>
		);
	}
	const lines = budgetLines( budgets, today, month );
	return (
		<>
			<ul className="agentic-writer-budgets">
				{ lines.map( ( line ) => (
					<Line key={ line.id } line={ line } />
				) ) }
			</ul>
			<p className="agentic-writer-muted">
				{ budgets.at_cap === 'refuse'
					? __(
							'At a cap, requests are refused with a message saying which cap and when it resets.',
							'agentic-writer'
						)
					: __(
							'At a cap, requests go to the local backend only.',
							'agentic-writer'
						) }{ ' ' }
				{ __(
					'Spend counts billed and estimated dollars; subscription credit and self-hosted models are not counted.',
					'agentic-writer'
				) }
			</p>
		</>
	);
}
