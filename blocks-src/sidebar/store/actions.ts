/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Usage } from '../stream/events';
import {
	GenerateError,
	streamGenerate,
	type GenerateBody,
	type TextTask,
} from '../stream/generate-stream';
import { STORE_NAME } from './name';
import type { Action } from './reducer';
import type { State, TabName, TaskName } from './types';

export type { Action };

/** What a thunk receives from @wordpress/data. */
export interface ThunkArgs {
	dispatch: ( ( action: Action ) => void ) &
		Record< string, ( ...args: never[] ) => unknown >;
	select: { [ K in string ]: ( ...args: never[] ) => unknown } & {
		getState?: () => State;
	};
	registry: {
		dispatch: ( store: string ) => {
			invalidateResolution: ( selector: string, args: unknown[] ) => void;
		};
	};
}

export interface RunOutcome {
	outcome: 'done' | 'error' | 'stopped';
	text: string;
	usage: Usage | null;
	provider: string;
	model: string;
	structured: Record< string, unknown > | null;
	/** How many providers failed before one answered. */
	fallbacks: number;
}

// Not state: an AbortController is not serializable. One running request per task.
const controllers = new Map< TaskName, AbortController >();

const TASK_NAMES: Record< TaskName, string > = {
	chat: __( 'Chat', 'agentic-writer' ),
	clarity: __( 'Clarify', 'agentic-writer' ),
	planning: __( 'Plan', 'agentic-writer' ),
	writing: __( 'Write', 'agentic-writer' ),
	refinement: __( 'Refine', 'agentic-writer' ),
	image: __( 'Image', 'agentic-writer' ),
};

export const setActiveTab = ( tab: TabName ): Action => ( {
	type: 'SET_TAB',
	tab,
} );
export const openTab = ( tab: TabName ): Action => ( {
	type: 'OPEN_TAB',
	tab,
} );
export const resetRun = ( task: TaskName ): Action => ( {
	type: 'RUN_RESET',
	task,
} );
export const setWrittenClientIds = ( clientIds: string[] ): Action => ( {
	type: 'SET_WRITTEN',
	clientIds,
} );
export const receiveTaskRoutes = (
	routes: Extract< Action, { type: 'RECEIVE_ROUTES' } >[ 'routes' ]
): Action => ( { type: 'RECEIVE_ROUTES', routes } );
export const receiveTotals = (
	totals: Extract< Action, { type: 'RECEIVE_TOTALS' } >[ 'totals' ]
): Action => ( { type: 'RECEIVE_TOTALS', totals } );
export const receiveChat = (
	messages: Extract< Action, { type: 'RECEIVE_CHAT' } >[ 'messages' ]
): Action => ( { type: 'RECEIVE_CHAT', messages } );
export const setPendingRewrite = (
	rewrite: Extract< Action, { type: 'SET_REWRITE' } >[ 'rewrite' ]
): Action => ( { type: 'SET_REWRITE', rewrite } );
export const setImage = (
	image: Extract< Action, { type: 'SET_IMAGE' } >[ 'image' ]
): Action => ( {
	type: 'SET_IMAGE',
	image,
} );
export const recordUsage = ( usage: Usage ): Action => ( {
	type: 'ADD_USAGE',
	usage,
} );
export const failRun = (
	task: TaskName,
	message: string,
	code = 'agentic_writer_invalid_input'
): Action => ( {
	type: 'RUN_ERROR',
	task,
	error: { code, message, retryable: false },
} );

/**
 * Asks the site again what serves each task: after a provider failed, its health changed.
 */
export const refreshTaskRoutes =
	() =>
	( { registry }: Pick< ThunkArgs, 'registry' > ): void => {
		registry
			.dispatch( STORE_NAME )
			.invalidateResolution( 'getTaskRoutes', [] );
	};

/**
 * Stops a task's running request: the browser closes the connection and WordPress stops the
 * upstream call.
 *
 * @param task Task.
 */
export const stopTask = ( task: TaskName ) => () => {
	controllers.get( task )?.abort();
};

/**
 * Streams a text task: text, provider, model, fallbacks, usage and errors land in the store
 * (text at most once a frame), `onText` sees every delta as it arrives, screen readers hear
 * the start, the end and any error.
 *
 * @param task     Task.
 * @param body     Request body.
 * @param onText   Receives each delta (Write streams them into the post).
 * @param keepText Whether the store keeps the text (Write's text is in the post, not the sidebar).
 */
export const runTextTask =
	(
		task: TextTask,
		body: GenerateBody,
		onText?: ( text: string ) => void,
		keepText = true
	) =>
	async ( { dispatch, registry }: ThunkArgs ): Promise< RunOutcome > => {
		controllers.get( task )?.abort();
		const controller = new AbortController();
		controllers.set( task, controller );
		dispatch( { type: 'RUN_START', task } );
		speak(
			sprintf(
				/* translators: %s: task name */
				__( '%s: the AI is answering.', 'agentic-writer' ),
				TASK_NAMES[ task ]
			)
		);
		const result: RunOutcome = {
			outcome: 'done',
			text: '',
			usage: null,
			provider: '',
			model: '',
			structured: null,
			fallbacks: 0,
		};
		let buffered = '';
		let frame = 0;
		const flushText = () => {
			frame = 0;
			if ( buffered ) {
				dispatch( { type: 'RUN_TEXT', task, text: buffered } );
				buffered = '';
			}
		};
		try {
			await streamGenerate( body, controller.signal, ( event ) => {
				switch ( event.type ) {
					case 'start':
						result.provider = event.provider;
						result.model = event.model;
						dispatch( {
							type: 'RUN_INFO',
							task,
							info: {
								requestId: event.request_id,
								provider: event.provider,
								model: event.model,
							},
						} );
						break;
					case 'delta':
						result.text += event.text;
						onText?.( event.text );
						if ( keepText ) {
							buffered += event.text;
							frame ||= window.requestAnimationFrame( flushText );
						}
						break;
					case 'fallback':
						result.fallbacks++;
						dispatch( {
							type: 'RUN_FALLBACK',
							task,
							fallback: event,
						} );
						break;
					case 'usage': {
						const { type: _type, ...usage } = event;
						result.usage = usage;
						dispatch( { type: 'RUN_INFO', task, info: { usage } } );
						dispatch( { type: 'ADD_USAGE', usage } );
						break;
					}
					case 'error':
						result.outcome = 'error';
						dispatch( {
							type: 'RUN_ERROR',
							task,
							error: {
								code: event.code,
								message: event.message,
								retryable: !! event.retryable,
							},
						} );
						speak( event.message, 'assertive' );
						break;
					case 'done':
						flushText();
						if ( event.provider ) {
							result.provider = event.provider;
							result.model = event.model ?? result.model;
							dispatch( {
								type: 'RUN_INFO',
								task,
								info: {
									provider: event.provider,
									model: result.model,
								},
							} );
						}
						result.structured = event.structured ?? null;
						dispatch( {
							type: 'RUN_DONE',
							task,
							structured: event.structured ?? null,
							structuredError: event.structured_error ?? null,
						} );
						break;
				}
			} );
		} catch ( error ) {
			if ( controller.signal.aborted ) {
				result.outcome = 'stopped';
				dispatch( { type: 'RUN_STOPPED', task } );
				speak(
					__(
						'Stopped. What arrived so far is kept.',
						'agentic-writer'
					)
				);
			} else {
				result.outcome = 'error';
				const e = error instanceof GenerateError ? error : null;
				const message = e?.message ?? ( error as Error ).message;
				dispatch( {
					type: 'RUN_ERROR',
					task,
					error: {
						code: e?.code ?? 'fetch_error',
						message,
						retryable: e?.retryable ?? true,
						requestId: e?.requestId,
					},
				} );
				speak( message, 'assertive' );
			}
		} finally {
			if ( frame ) {
				window.cancelAnimationFrame( frame );
			}
			flushText();
			if ( controllers.get( task ) === controller ) {
				controllers.delete( task );
			}
		}
		if ( result.outcome === 'error' || result.fallbacks > 0 ) {
			refreshTaskRoutes()( { registry } );
		}
		if ( result.outcome === 'done' ) {
			speak(
				sprintf(
					/* translators: %s: task name */
					__( '%s: the answer is ready.', 'agentic-writer' ),
					TASK_NAMES[ task ]
				)
			);
		}
		return result;
	};

export * from './thunks';
