/**
 * What the task thunks share: how a thunk sees the store, and small helpers.
 */
/**
 * Internal dependencies
 */
import { currentPostId } from '../../brief';
import type { GenerateBody, TextTask } from '../../stream/generate-stream';
import type { Usage } from '../../stream/events';
import type { Action } from '../reducer';
import type { ChatMessage, PendingRewrite, RunState, TaskName } from '../types';

/** The store's own actions and selectors as a thunk sees them. */
export interface Thunk {
	dispatch: ( ( action: Action ) => void ) & {
		runTextTask: (
			task: TextTask,
			body: GenerateBody,
			onText?: ( text: string ) => void,
			keepText?: boolean
		) => Promise< {
			outcome: 'done' | 'error' | 'stopped';
			text: string;
			usage: Usage | null;
			provider: string;
			model: string;
			structured: Record< string, unknown > | null;
		} >;
		stopTask: ( task: TaskName ) => void;
		refreshTaskRoutes: () => void;
	};
	registry: { batch: ( changes: () => void ) => void };
	select: {
		getChat: ( postId: number ) => ChatMessage[] | null;
		getRun: ( task: TaskName ) => RunState;
		getPendingRewrite: () => PendingRewrite | null;
		getWrittenClientIds: () => string[];
	};
}

export const fail = ( task: TaskName, message: string ): Action => ( {
	type: 'RUN_ERROR',
	task,
	error: { code: 'agentic_writer_invalid_input', message, retryable: false },
} );

export function postIdParam(): { post_id?: number } {
	const id = currentPostId();
	return id > 0 ? { post_id: id } : {};
}

export function strings( value: unknown ): string[] {
	return Array.isArray( value )
		? value.filter( ( v ) => typeof v === 'string' )
		: [];
}
