/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatFallback } from '../../format';
import { store } from '../../store';
import type { TaskName } from '../../store/types';
import AnswerMeta from '../AnswerMeta';

interface Props {
	task: TaskName;
	/** Sends the same request again (shown with retryable errors). */
	onRetry?: () => void;
	/** Whether the request can be stopped (streams can). */
	stoppable?: boolean;
	/** Whether to show who answered and the cost (Chat shows them on each message instead). */
	showMeta?: boolean;
	children?: React.ReactNode;
}

/**
 * The state of a task's request: Stop while it runs, fallbacks said plainly, the server's
 * message on errors with Retry, who answered and what it cost. Focus moves to the result
 * when it is ready.
 * @param root0           Props.
 * @param root0.task      The task.
 * @param root0.onRetry   Sends the same request again.
 * @param root0.stoppable Whether Stop is offered.
 * @param root0.showMeta  Whether to show provider and cost.
 * @param root0.children  What the task shows of its answer.
 */
export default function RunStatus( {
	task,
	onRetry,
	stoppable = true,
	showMeta = true,
	children,
}: Props ) {
	const { run, routes } = useSelect(
		( select ) => ( {
			run: select( store ).getRun( task ),
			routes: select( store ).getTaskRoutes(),
		} ),
		[ task ]
	);
	const { stopTask } = useDispatch( store );
	const result = useRef< HTMLDivElement >( null );
	const previous = useRef( run.status );
	useEffect( () => {
		if ( previous.current === 'running' && run.status !== 'running' ) {
			result.current?.focus();
		}
		previous.current = run.status;
	}, [ run.status ] );

	const info = run.info;
	const quietlyDone =
		run.status === 'done' &&
		! showMeta &&
		! children &&
		! run.structuredError &&
		! info?.fallbacks.length;
	if ( run.status === 'idle' || quietlyDone ) {
		return null;
	}
	return (
		<div className="agentic-writer-run" ref={ result } tabIndex={ -1 }>
			{ run.status === 'running' && (
				<div className="agentic-writer-run__progress">
					<Spinner />
					<span>
						{ __( 'The AI is answering…', 'agentic-writer' ) }
					</span>
					{ stoppable && (
						<Button
							variant="secondary"
							onClick={ () => stopTask( task ) }
						>
							{ __( 'Stop', 'agentic-writer' ) }
						</Button>
					) }
				</div>
			) }
			{ info?.fallbacks.map( ( fallback, index ) => (
				<Notice key={ index } status="warning" isDismissible={ false }>
					{ formatFallback(
						fallback,
						routes,
						run.error ? null : info.provider
					) }
				</Notice>
			) ) }
			{ children }
			{ run.status === 'stopped' && (
				<p>
					{ __(
						'Stopped. What arrived so far is kept.',
						'agentic-writer'
					) }
				</p>
			) }
			{ run.error && (
				<Notice status="error" isDismissible={ false }>
					<p>{ run.error.message }</p>
					{ ( run.error.requestId || info?.requestId ) && (
						<p className="agentic-writer-run__request-id">
							{ sprintf(
								/* translators: %s: request id */
								__( 'Request id: %s', 'agentic-writer' ),
								run.error.requestId || info?.requestId || ''
							) }
						</p>
					) }
					{ run.error.retryable && onRetry && (
						<Button variant="secondary" onClick={ onRetry }>
							{ __( 'Retry', 'agentic-writer' ) }
						</Button>
					) }
				</Notice>
			) }
			{ run.structuredError && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: what was wrong */
						__(
							'The answer was not in the expected form (%s). Try again.',
							'agentic-writer'
						),
						run.structuredError
					) }
				</Notice>
			) }
			{ showMeta &&
				info &&
				info.provider &&
				( run.status === 'done' ||
					( run.status !== 'running' && info.usage ) ) && (
					<AnswerMeta
						provider={ info.provider }
						model={ info.model }
						usage={ info.usage }
					/>
				) }
		</div>
	);
}
