/**
 * Internal dependencies
 */
import { fetchChat, fetchTaskRoutes, fetchTotals } from '../api/editor-api';
import type { Action } from './reducer';

type Dispatch = ( action: Action ) => void;

function messageOf( error: unknown ): string {
	return error instanceof Error ||
		( error && typeof error === 'object' && 'message' in error )
		? String( ( error as { message: unknown } ).message )
		: String( error );
}

export const getTaskRoutes =
	() =>
	async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
		try {
			dispatch( {
				type: 'RECEIVE_ROUTES',
				routes: await fetchTaskRoutes(),
			} );
		} catch ( error ) {
			dispatch( { type: 'ROUTES_ERROR', message: messageOf( error ) } );
		}
	};

export const getTotals =
	( postId: number ) =>
	async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
		try {
			dispatch( {
				type: 'RECEIVE_TOTALS',
				totals: await fetchTotals( postId ),
			} );
		} catch {
			// Totals are a convenience: the answers still show their own cost.
		}
	};

export const getChat =
	( postId: number ) =>
	async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
		if ( postId <= 0 ) {
			dispatch( { type: 'RECEIVE_CHAT', messages: [] } );
			return;
		}
		try {
			dispatch( {
				type: 'RECEIVE_CHAT',
				messages: await fetchChat( postId ),
			} );
		} catch ( error ) {
			dispatch( { type: 'RECEIVE_CHAT', messages: [] } );
			dispatch( { type: 'CHAT_ERROR', message: messageOf( error ) } );
		}
	};
