/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatWhen } from '../../format';
import {
	distinctEvents,
	eventOutcome,
	reasonText,
	taskName,
} from '../../shaping';
import type { UsageEvent } from '../../usage-schemas';

type Props = {
	events: readonly UsageEvent[];
	labels: Readonly< Record< string, string > >;
	/** Site time zone, for the times. */
	timeZone: string;
};

/**
 * Recent fallbacks and errors: when, which task, what happened and why.
 *
 * @param props          Props.
 * @param props.events   Rows, newest first.
 * @param props.labels   Provider labels.
 * @param props.timeZone Site time zone.
 */
export default function EventsList( { events, labels, timeZone }: Props ) {
	if ( events.length === 0 ) {
		return (
			<p>
				{ __(
					'No fallbacks or errors in this range: every request was answered by the first provider of its route.',
					'agentic-writer'
				) }
			</p>
		);
	}
	return (
		<table className="widefat striped agentic-writer-table">
			<caption>
				{ __( 'Fallbacks and errors, newest first', 'agentic-writer' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'When', 'agentic-writer' ) }</th>
					<th scope="col">{ __( 'Task', 'agentic-writer' ) }</th>
					<th scope="col">
						{ __( 'What happened', 'agentic-writer' ) }
					</th>
					<th scope="col">{ __( 'Reason', 'agentic-writer' ) }</th>
					<th scope="col">{ __( 'Model', 'agentic-writer' ) }</th>
					<th scope="col">{ __( 'Request', 'agentic-writer' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ distinctEvents( events ).map( ( event, index ) => (
					<tr key={ `${ event.request_id }-${ index }` }>
						<td>{ formatWhen( event.created_at, timeZone ) }</td>
						<td>{ taskName( event.task_type ) }</td>
						<td>{ eventOutcome( event, labels ) }</td>
						<td>{ reasonText( event.reason ) }</td>
						<td>{ event.model || '—' }</td>
						<td>
							<code>{ event.request_id }</code>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
