/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { currentPostId } from '../../brief';
import { formatTotals } from '../../format';
import { store } from '../../store';

/**
 * What AI has cost on this post and today, kept up to date as answers arrive.
 */
export default function RunningTotals() {
	const totals = useSelect(
		( select ) => select( store ).getTotals( currentPostId() ),
		[]
	);
	if ( ! totals ) {
		return null;
	}
	return (
		<dl className="agentic-writer-totals">
			{ totals.post && (
				<>
					<dt>{ __( 'This post', 'agentic-writer' ) }</dt>
					<dd>{ formatTotals( totals.post ) }</dd>
				</>
			) }
			<dt>{ __( 'You today', 'agentic-writer' ) }</dt>
			<dd>{ formatTotals( totals.today ) }</dd>
		</dl>
	);
}
