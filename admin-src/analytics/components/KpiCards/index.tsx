/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { kpiCards } from '../../shaping';
import type { UsageTotals } from '../../usage-schemas';

type Props = { totals: UsageTotals };

/**
 * The range's figures as a list of label / value / note.
 *
 * @param props        Props.
 * @param props.totals Totals of the range.
 */
export default function KpiCards( { totals }: Props ) {
	return (
		<ul
			className="agentic-writer-kpis"
			aria-label={ __( 'Key figures', 'agentic-writer' ) }
		>
			{ kpiCards( totals ).map( ( kpi ) => (
				<li key={ kpi.id } className="agentic-writer-kpi">
					<span className="agentic-writer-kpi__label">
						{ kpi.label }
					</span>
					<strong className="agentic-writer-kpi__value">
						{ kpi.value }
					</strong>
					{ kpi.note && (
						<span className="agentic-writer-kpi__note">
							{ kpi.note }
						</span>
					) }
				</li>
			) ) }
		</ul>
	);
}
