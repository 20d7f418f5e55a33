/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../../store';
import type { TaskName } from '../../store/types';

const STATES = {
	ready: __( 'ready', 'agentic-writer' ),
	breaker_open: __(
		'paused after repeated failures; the next provider answers',
		'agentic-writer'
	),
	unconfigured: __( 'not set up', 'agentic-writer' ),
};

/**
 * Which provider and model will serve a task, and its health — before the author asks.
 * @param root0      Props.
 * @param root0.task The task.
 */
export default function TaskRoute( { task }: { task: TaskName } ) {
	const { route, error } = useSelect(
		( select ) => ( {
			route: select( store ).getTaskRoutes()?.[ task ],
			error: select( store ).getTaskRoutesError(),
		} ),
		[ task ]
	);
	if ( error ) {
		return <p className="agentic-writer-route is-error">{ error }</p>;
	}
	if ( ! route ) {
		return null;
	}
	if ( ! route.provider ) {
		return (
			<p className="agentic-writer-route is-unconfigured">
				{ route.message ??
					__(
						'No provider is set up for this task. Ask a site administrator to set one up under Agentic Writer → Settings.',
						'agentic-writer'
					) }
			</p>
		);
	}
	return (
		<p className={ `agentic-writer-route is-${ route.state }` }>
			{ sprintf(
				/* translators: 1: provider label, 2: model, 3: health */
				__( 'Answered by %1$s · %2$s · %3$s', 'agentic-writer' ),
				route.label,
				route.model,
				STATES[ route.state ]
			) }
		</p>
	);
}
